import { rainoutRuleOfThumb } from '../../discharge/aerosol.ts';
import { flashFraction as adiabaticFlash } from '../../discharge/flash.ts';
import { dischargeGas } from '../../discharge/gas.ts';
import { dischargeLiquid } from '../../discharge/liquid.ts';
import { dischargeTwoPhase } from '../../discharge/two-phase.ts';
import { expandedJet } from '../../fire/jet.ts';
import { boilingPoolEvaporation, mackayMatsuguEvaporation } from '../../pool/evaporation.ts';
import { poolSize } from '../../pool/size.ts';
import type { Equipment, Installation } from '../../project/types.ts';
import type { Substance } from '../../substance/index.ts';
import { antoineInRange, antoineVapourPressure, type AntoineConstants } from '../../thermo/antoine.ts';
import {
  GAS_CONSTANT,
  type CubicMetres,
  type Kelvin,
  type Kilograms,
  type KilogramsPerCubicMetre,
  type KilogramsPerSecond,
  type Metres,
  type MetresPerSecond,
  type Pascals,
  type Probability,
  type Seconds,
  type SquareMetres,
  type SquareMetresPerSecond,
  type WattsPerMetreKelvin,
} from '../../units/index.ts';
import type {
  ContinuousRelease,
  Discharge,
  LocCase,
  LocRules,
  PoolEvaporationModel,
  PoolSource,
  ReleaseAmbient,
  ReleaseCase,
  StorageState,
} from './types.ts';
import { SourceTermError } from './types.ts';

/** Release height assumed when the project gives none, m: 1 m, as in the Purple Book worked example (App. 6.B). */
export const DEFAULT_RELEASE_HEIGHT = 1 as Metres;
/** Discharge coefficient of a sharp-edged hole for gas and liquid (YB §2.5.2.2; spec/models.md §1.1–1.2). */
export const DEFAULT_DISCHARGE_COEFFICIENT = 0.62;
/**
 * Minimum layer thickness of an unconfined pool on land, m: 0.01 m, the "typical" Purple Book value
 * (spec/models.md §2.1; 0.005 m for flat concrete, YB example 0.02 m).
 */
export const DEFAULT_MINIMUM_POOL_THICKNESS = 0.01 as Metres;
/**
 * Ground under a boiling pool: concrete, k = 1.1 W/(m·K), α = 1.3e-6 m²/s (spec/models.md §2.2, marked
 * unsure there: check against YB ch. 3 / CCPS99 before relying on it).
 */
export const DEFAULT_GROUND = {
  conductivity: 1.1 as WattsPerMetreKelvin,
  diffusivity: 1.3e-6 as SquareMetresPerSecond,
} as const;
/** Wind speed at 10 m for a non-boiling pool when the caller gives none, m/s: the Purple Book D5 class. */
export const DEFAULT_POOL_WIND_SPEED = 5 as MetresPerSecond;

/** Modelling choices the project format does not carry; every default is documented in docs/method-loc.md. */
export interface SourceTermOptions {
  /** Height of the release above the ground, m; default `DEFAULT_RELEASE_HEIGHT`. */
  releaseHeight?: Metres;
  /** Discharge coefficient for every hole; default `DEFAULT_DISCHARGE_COEFFICIENT`. */
  dischargeCoefficient?: number;
  /** Minimum layer thickness of an unconfined pool, m; default `DEFAULT_MINIMUM_POOL_THICKNESS`. */
  minimumPoolThickness?: Metres;
  /** Ground thermal conductivity, W/(m·K); default concrete (`DEFAULT_GROUND`). */
  groundConductivity?: WattsPerMetreKelvin;
  /** Ground thermal diffusivity, m²/s; default concrete (`DEFAULT_GROUND`). */
  groundDiffusivity?: SquareMetresPerSecond;
  /** Schmidt number of the vapour in air for Mackay–Matsugu; default that of core/pool (0.8). */
  schmidtNumber?: number;
}

/** Reads substance properties, refusing absent ones with an error naming installation, substance, property. */
class Properties {
  constructor(
    readonly installation: Installation,
    readonly substance: Substance,
  ) {}

  need<K extends keyof Substance>(key: K, purpose: string): NonNullable<Substance[K]> {
    const value = this.substance[key];
    if (value === undefined || value === null) {
      throw new SourceTermError(
        this.installation.id,
        this.substance.id,
        key,
        `absent from the substance data, needed for ${purpose}`,
      );
    }
    return value as NonNullable<Substance[K]>;
  }

  fail(field: string, message: string): never {
    throw new SourceTermError(this.installation.id, this.substance.id, field, message);
  }
}

function thermoAntoine(props: Properties, purpose: string): AntoineConstants {
  const a = props.need('antoine', purpose);
  return { A: a.a, B: a.b, C: a.c, Tmin: a.tMin, Tmax: a.tMax };
}

type VolumeEquipment = Extract<Equipment, { volume: CubicMetres }>;

function hasVolume(equipment: Equipment): equipment is VolumeEquipment {
  return 'volume' in equipment;
}

/** Vertical cylinder whose height equals its diameter holding V: D = (4V/π)^(1/3). */
function cylinderDiameter(volume: CubicMetres): Metres {
  return Math.cbrt((4 * volume) / Math.PI) as Metres;
}

function fmt(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/**
 * Liquid head over a hole at the bottom of a vertical cylinder whose height equals its diameter, holding
 * `mass` of liquid in `volume`: h = D·min(1, m/(ρ·V)), D = (4V/π)^(1/3), m. The project gives volumes, not
 * shapes: this is SafeDist's assumption (docs/method-loc.md "Liquid head").
 */
export function cylinderLiquidHead(
  volume: CubicMetres,
  mass: Kilograms,
  liquidDensity: KilogramsPerCubicMetre,
): Metres {
  return (cylinderDiameter(volume) * Math.min(1, mass / liquidDensity / volume)) as Metres;
}

interface Contents {
  mass: Kilograms;
  basis: string;
}

/**
 * Mass an item can release (docs/method-loc.md "Contents"). Items with a volume (vessels, tanks, heat
 * exchangers, road tankers) hold at most what the volume holds: gas V·P·M/(R·T) (ideal gas); liquid phases
 * V·fill·ρ_L (fill 1 when absent; the vapour space of a liquefied gas is neglected). Lines (pipes, pumps,
 * loading arms and hoses) draw on the installation. Nothing exceeds the installation's design maximum
 * quantity (设计最大量), which bounds all.
 */
function itemContents(
  installation: Installation,
  equipment: Equipment,
  props: Properties,
  isGas: boolean,
): Contents {
  const inventory = installation.inventory;
  if (!hasVolume(equipment)) {
    return { mass: inventory, basis: `installation inventory ${fmt(inventory)} kg (the line draws on it)` };
  }
  let capacity: number;
  let capacityText: string;
  if (isGas) {
    const molarMass = props.need('molarMass', 'the gas density in the vessel');
    const density = (installation.pressure * molarMass) / (GAS_CONSTANT * installation.temperature);
    capacity = equipment.volume * density;
    capacityText = `volume ${fmt(equipment.volume)} m³ × gas density ${fmt(density)} kg/m³`;
  } else {
    const rho = props.need('liquidDensity', 'the liquid mass the item holds');
    const fill = 'fill' in equipment && equipment.fill !== undefined ? equipment.fill : 1;
    capacity = equipment.volume * fill * rho;
    capacityText = `volume ${fmt(equipment.volume)} m³ × fill ${fmt(fill)} × ${fmt(rho)} kg/m³`;
  }
  return capacity < inventory
    ? { mass: capacity as Kilograms, basis: `${capacityText} = ${fmt(capacity)} kg (below the inventory)` }
    : {
        mass: inventory,
        basis: `installation inventory ${fmt(inventory)} kg (the item could hold ${fmt(capacity)} kg)`,
      };
}

/**
 * Liquid head above the hole (docs/method-loc.md "Liquid head"): the item (or, for a line, the installation's
 * largest item with a volume, which feeds it) is taken as a vertical cylinder with height = diameter, the
 * hole at its bottom, the liquid level from the contents. 0 when there is no such item.
 */
function liquidHead(installation: Installation, equipment: Equipment, props: Properties): Metres {
  let source: VolumeEquipment | undefined = hasVolume(equipment) ? equipment : undefined;
  if (source === undefined) {
    for (const e of installation.equipment)
      if (hasVolume(e) && (source === undefined || e.volume > source.volume)) source = e;
  }
  if (source === undefined) return 0 as Metres;
  const rho = props.need('liquidDensity', 'the liquid head above the hole');
  return cylinderLiquidHead(source.volume, itemContents(installation, source, props, false).mass, rho);
}

/** Superheated liquid flashing to ambient pressure: the CCPS99 linear flash fraction (core/discharge). */
function flashOf(installation: Installation, props: Properties, boilingPoint: Kelvin): Probability {
  if (!(installation.temperature > boilingPoint)) return 0 as Probability;
  return adiabaticFlash({
    temperature: installation.temperature,
    boilingPoint,
    liquidHeatCapacity: props.need('liquidHeatCapacity', 'the flash fraction of the superheated liquid'),
    heatOfVaporization: props.need('heatOfVaporization', 'the flash fraction of the superheated liquid'),
  }).flashFraction;
}

interface Outflow {
  rate: KilogramsPerSecond;
  discharge: Discharge;
  notes: string[];
}

/**
 * Steady outflow through a hole at the storage state (the initial rate, held for the whole release: the
 * Purple Book convention; no blowdown). Gas: dischargeGas. Liquid, or superheated liquid through a hole in
 * a wall (no time to flash inside): dischargeLiquid with the saturated liquid and the head. Superheated
 * liquid through a length of line (full-bore or tube ruptures): dischargeTwoPhase (Fauske ERM).
 */
function holeOutflow(diameter: Metres, throughLine: boolean, ctx: Context): Outflow {
  const { installation, props, ambient, cd } = ctx;
  const notes: string[] = [];
  if (ctx.isGas) {
    const gas = dischargeGas({
      holeDiameter: diameter,
      pressure: installation.pressure,
      temperature: installation.temperature,
      molarMass: props.need('molarMass', 'the gas discharge rate'),
      gamma: props.need('gamma', 'the gas discharge rate'),
      dischargeCoefficient: cd,
      ambientPressure: ambient.pressure,
    });
    if (throughLine)
      notes.push(
        'gas through a full-bore opening: orifice flow from the vessel state, pipe friction neglected (conservative)',
      );
    return {
      rate: gas.massRate,
      discharge: {
        model: 'gas-orifice',
        holeDiameter: diameter,
        holeIsEquivalent: false,
        dischargeCoefficient: cd,
        exitPhase: 'gas',
        exitVelocity: gas.exitVelocity,
        exitTemperature: gas.throatTemperature,
        choked: gas.choked,
      },
      notes,
    };
  }
  const rho = props.need('liquidDensity', 'the liquid discharge rate');
  if (ctx.superheated && throughLine) {
    const molarMass = props.need('molarMass', 'the vapour density of the two-phase outflow');
    const saturation = ctx.saturationPressure();
    if (saturation.note) notes.push(saturation.note);
    const twoPhase = dischargeTwoPhase({
      holeDiameter: diameter,
      pressure: installation.pressure,
      temperature: installation.temperature,
      ...(saturation.value === undefined ? {} : { saturationPressure: saturation.value }),
      heatOfVaporization: props.need('heatOfVaporization', 'the two-phase (ERM) outflow'),
      liquidDensity: rho,
      vapourDensity: ((installation.pressure * molarMass) /
        (GAS_CONSTANT * installation.temperature)) as KilogramsPerCubicMetre,
      liquidHeatCapacity: props.need('liquidHeatCapacity', 'the two-phase (ERM) outflow'),
      dischargeCoefficient: cd,
    });
    notes.push(
      'superheated liquid through a line: Fauske equilibrium rate model with ΔHv at the normal boiling point',
    );
    return {
      rate: twoPhase.massRate,
      discharge: {
        model: 'two-phase-erm',
        holeDiameter: diameter,
        holeIsEquivalent: false,
        dischargeCoefficient: cd,
        exitPhase: 'two-phase',
        exitVelocity: ((cd * twoPhase.massFlux) / rho) as MetresPerSecond,
        exitTemperature: installation.temperature,
      },
      notes,
    };
  }
  const head = ctx.head();
  const liquid = dischargeLiquid({
    holeDiameter: diameter,
    liquidDensity: rho,
    pressure: installation.pressure,
    dischargeCoefficient: cd,
    ambientPressure: ambient.pressure,
    liquidHead: head,
  });
  if (throughLine)
    notes.push(
      'liquid through a full-bore opening: Bernoulli from the vessel state, line friction neglected (conservative)',
    );
  return {
    rate: liquid.massRate,
    discharge: {
      model: 'liquid-orifice',
      holeDiameter: diameter,
      holeIsEquivalent: false,
      dischargeCoefficient: cd,
      exitPhase: ctx.superheated ? 'flashing-liquid' : 'liquid',
      exitVelocity: liquid.velocity,
      exitTemperature: installation.temperature,
      liquidHead: head,
    },
    notes,
  };
}

interface Context {
  installation: Installation;
  equipment: Equipment;
  props: Properties;
  ambient: ReleaseAmbient;
  rules: LocRules;
  options: SourceTermOptions;
  cd: number;
  isGas: boolean;
  boilingPoint?: Kelvin;
  superheated: boolean;
  head: () => Metres;
  saturationPressure: () => { value?: Pascals; note?: string };
}

function makeContext(
  lossCase: LocCase,
  installation: Installation,
  substance: Substance,
  ambient: ReleaseAmbient,
  rules: LocRules,
  options: SourceTermOptions,
): Context {
  const props = new Properties(installation, substance);
  if (installation.phase === 'solid') {
    props.fail(
      'phase',
      'no loss-of-containment source term for a solid (explosives use the consequence method)',
    );
  }
  const equipment = installation.equipment[lossCase.equipmentIndex];
  if (equipment === undefined) {
    throw new SourceTermError(
      installation.id,
      substance.id,
      'equipment',
      `no equipment item at index ${lossCase.equipmentIndex} for case ${lossCase.scenarioId}`,
    );
  }
  const isGas = installation.phase === 'gas';
  const boilingPoint = isGas
    ? undefined
    : props.need(
        'normalBoilingPoint',
        'deciding whether the released liquid flashes and how its pool evaporates',
      );
  let head: Metres | undefined;
  return {
    installation,
    equipment,
    props,
    ambient,
    rules,
    options,
    cd: options.dischargeCoefficient ?? DEFAULT_DISCHARGE_COEFFICIENT,
    isGas,
    ...(boilingPoint === undefined ? {} : { boilingPoint }),
    superheated: boilingPoint !== undefined && installation.temperature > boilingPoint,
    head: () => (head ??= liquidHead(installation, equipment, props)),
    saturationPressure: () => {
      if (substance.antoine === undefined)
        return { note: 'no Antoine constants: the liquid is taken as saturated at the storage pressure' };
      const constants = thermoAntoine(props, 'the saturation pressure');
      const psat = antoineVapourPressure(constants, installation.temperature);
      const range = antoineInRange(constants, installation.temperature) ? '' : ' (Antoine fit extrapolated)';
      if (psat >= installation.pressure) {
        return {
          note: `Antoine saturation pressure ${fmt(psat)} Pa${range} not below the storage pressure: taken as saturated at the storage pressure`,
        };
      }
      return {
        value: psat,
        note: `sub-cooled: saturation pressure ${fmt(psat)} Pa${range} below the storage pressure`,
      };
    },
  };
}

/**
 * Evaporation of a pool over its life (docs/method-loc.md "Pool"):
 * - boiling pool (ground conduction, core/pool boilingPoolEvaporation): the evaporated mass per area grows
 *   as c·√t, so the pool is gone at t = (m/(A·c))²; the rate returned is the mean over
 *   min(that time, maxDuration);
 * - non-boiling pool (Mackay–Matsugu, core/pool mackayMatsuguEvaporation): constant rate at `windSpeed`,
 *   lasting min(m/rate, maxDuration).
 * The outcome builder can call this per weather class: only the Mackay–Matsugu rate depends on the wind.
 * A pool fed by a continuous release cannot evaporate faster than it is fed: it stops growing where the
 * evaporation equals the inflow (mass balance), so the rate is capped at `inflowRate` when one is given.
 * @param maxDuration longest evaporation modelled, s (the rule set's maximum continuous duration)
 * @param inflowRate rate at which a continuous release feeds the pool, kg/s
 */
export function poolEvaporation(
  pool: Pick<PoolSource, 'mass' | 'area' | 'diameter' | 'temperature' | 'evaporation'>,
  windSpeed: MetresPerSecond,
  maxDuration: Seconds,
  schmidtNumber?: number,
  inflowRate?: KilogramsPerSecond,
): Pick<PoolSource, 'evaporationRate' | 'evaporationDuration' | 'evaporatedMass' | 'windSpeed'> {
  const fed = (rate: number): number => (inflowRate !== undefined ? Math.min(rate, inflowRate) : rate);
  const ev = pool.evaporation;
  if (ev.model === 'boiling-ground-conduction') {
    const perRootSecond = boilingPoolEvaporation({
      groundConductivity: ev.groundConductivity,
      groundDiffusivity: ev.groundDiffusivity,
      groundTemperature: ev.groundTemperature,
      boilingPoint: ev.boilingPoint,
      heatOfVaporization: ev.heatOfVaporization,
      time: 1 as Seconds,
    }).evaporatedMassPerArea;
    const lifetime = (pool.mass / (pool.area * perRootSecond)) ** 2;
    const duration = Math.min(lifetime, maxDuration);
    const evaporated = Math.min(
      pool.mass,
      pool.area * perRootSecond * Math.sqrt(duration),
      fed(Infinity) * duration,
    );
    return {
      evaporationRate: (evaporated / duration) as KilogramsPerSecond,
      evaporationDuration: duration as Seconds,
      evaporatedMass: evaporated as Kilograms,
      windSpeed,
    };
  }
  const unfed = mackayMatsuguEvaporation({
    poolDiameter: pool.diameter,
    windSpeed,
    vaporPressure: ev.vapourPressure,
    molarMass: ev.molarMass,
    liquidTemperature: pool.temperature,
    ...(schmidtNumber === undefined ? {} : { schmidtNumber }),
  }).evaporationRate;
  const rate = fed(unfed) as KilogramsPerSecond;
  const duration = rate > 0 ? Math.min(pool.mass / rate, maxDuration) : maxDuration;
  return {
    evaporationRate: rate,
    evaporationDuration: duration as Seconds,
    evaporatedMass: (rate * duration) as Kilograms,
    windSpeed,
  };
}

function buildPool(
  mass: Kilograms,
  into: LocCase['into'],
  ctx: Context,
  notes: string[],
  inflowRate?: KilogramsPerSecond,
): PoolSource {
  const { installation, equipment, props, ambient, options, rules } = ctx;
  const rho = props.need('liquidDensity', 'the pool volume');
  const boilingPoint = ctx.boilingPoint!;
  const volume = (mass / rho) as CubicMetres;
  const minimumThickness = options.minimumPoolThickness ?? DEFAULT_MINIMUM_POOL_THICKNESS;

  let bundArea: SquareMetres | undefined;
  let bundWallHeight: Metres | undefined;
  let confinement: PoolSource['confinement'] = 'none';
  if (into === 'outer-shell' && hasVolume(equipment)) {
    // The outer shell holds the whole spill; its floor is taken as the tank's footprint.
    bundArea = ((Math.PI * cylinderDiameter(equipment.volume) ** 2) / 4) as SquareMetres;
    confinement = 'outer-shell';
    notes.push(
      'release into the outer shell: pool on the tank footprint (vertical cylinder, height = diameter)',
    );
  } else if (
    equipment.type === 'atmospheric-tank' &&
    equipment.bund !== undefined &&
    equipment.bund.height > 0
  ) {
    bundArea = equipment.bund.area;
    bundWallHeight = equipment.bund.height;
    confinement = 'bund';
  }
  const size = poolSize({
    spillVolume: volume,
    minimumThickness,
    ...(bundArea === undefined ? {} : { bundArea }),
    ...(bundWallHeight === undefined ? {} : { bundWallHeight }),
  });
  if (!size.confinedByBund) confinement = 'none';
  const overflowed = size.overflowVolume > 0;
  const area = (size.area + size.overflowVolume / minimumThickness) as SquareMetres;
  if (overflowed)
    notes.push(`bund overtopped: ${fmt(size.overflowVolume)} m³ spread outside at the minimum thickness`);

  const temperature = Math.min(installation.temperature, boilingPoint) as Kelvin;
  let evaporation: PoolEvaporationModel;
  if (boilingPoint < ambient.temperature) {
    evaporation = {
      model: 'boiling-ground-conduction',
      groundConductivity: options.groundConductivity ?? DEFAULT_GROUND.conductivity,
      groundDiffusivity: options.groundDiffusivity ?? DEFAULT_GROUND.diffusivity,
      groundTemperature: ambient.temperature,
      boilingPoint,
      heatOfVaporization: props.need('heatOfVaporization', 'the evaporation of a boiling pool'),
    };
  } else {
    const constants = thermoAntoine(props, 'the vapour pressure of the pool (Mackay–Matsugu)');
    const extrapolated = !antoineInRange(constants, temperature);
    if (extrapolated) notes.push(`pool vapour pressure: Antoine fit extrapolated to ${fmt(temperature)} K`);
    evaporation = {
      model: 'mackay-matsugu',
      vapourPressure: antoineVapourPressure(constants, temperature),
      molarMass: props.need('molarMass', 'the evaporation of a non-boiling pool'),
      vapourPressureExtrapolated: extrapolated,
    };
  }
  const diameter = Math.sqrt((4 * area) / Math.PI) as Metres;
  const windSpeed = ambient.windSpeed ?? DEFAULT_POOL_WIND_SPEED;
  return {
    mass,
    volume,
    area,
    diameter,
    confinement,
    overflowed,
    minimumThickness,
    temperature,
    evaporation,
    ...poolEvaporation(
      { mass, area, diameter, temperature, evaporation },
      windSpeed,
      rules.locCatalogue.maxContinuousDuration.value,
      options.schmidtNumber,
      inflowRate,
    ),
  };
}

/** The equivalent hole of a fixed-duration release: the orifice of the same model that gives the same rate. */
function equivalentOutflow(rate: KilogramsPerSecond, ctx: Context, notes: string[]): Discharge {
  const reference = holeOutflow(1 as Metres, false, ctx);
  const discharge: Discharge = {
    ...reference.discharge,
    model: 'contents-over-duration',
    holeIsEquivalent: true,
  };
  if (reference.rate > 0) {
    // Orifice rates scale with the hole area, d²: the diameter giving `rate` is √(rate / rate at 1 m).
    discharge.holeDiameter = Math.sqrt(rate / reference.rate) as Metres;
  } else {
    delete discharge.holeDiameter;
    notes.push('no pressure difference at the vessel: no equivalent hole; exit velocity 0');
  }
  return discharge;
}

/**
 * The source term of one loss of containment (docs/method-loc.md): how much leaves, how fast, in which
 * phase, how much stays airborne and how much forms a pool.
 *
 * Storage state: the installation's temperature and pressure (absolute) and phase; the mass available is
 * the item's contents (volume × density × fill, never above the installation inventory; lines draw on the
 * inventory).
 *
 * - Instantaneous (PB G.1; hole-size rupture of a vessel): the whole contents at once.
 * - Fixed-duration (PB G.2, 10 minutes): contents / 600 s at a constant rate (spec/models.md §1.2), lasting
 *   600 s (at most the rule set's maximum continuous duration).
 * - Continuous (holes): the initial outflow rate at the storage state, held for min(limit, contents/rate);
 *   the limit is the rule set's 1800 s (PB) or the API RP 581 Table 4.7 duration (hole-size catalogue).
 * - Outflow: gas — dischargeGas (choked or sub-critical, YB 2.22–2.26); liquid, or a superheated liquid
 *   through a hole in a wall — dischargeLiquid (Bernoulli, YB 2.194–2.196) with the liquid head; a
 *   superheated liquid through a full-bore line or tube rupture — dischargeTwoPhase (Fauske ERM, CCPS99).
 * - Flash and rainout: a liquid above its normal boiling point flashes (CCPS99 linear flash fraction f);
 *   airborne fraction min(1, 2f) (CCPS99 rule of thumb, spec/models.md §1.4); the rest rains out.
 *   A gas is all airborne.
 * - Pool: the rained-out mass, spread to the bund (or the outer shell) or to the minimum thickness
 *   (core/pool poolSize, YB 6.64–6.65); it boils by ground conduction when the boiling point is below the
 *   ambient temperature, else evaporates by Mackay–Matsugu at the ambient wind (see `poolEvaporation`).
 * - Jet: for a gas above ambient pressure released into the atmosphere, the isentropically expanded jet
 *   (core/fire expandedJet) for the Chamberlain jet fire.
 *
 * @param lossCase a case from `locCasesForEquipment` for this installation
 * @param ambient air temperature and pressure (and the wind for a non-boiling pool)
 * @throws SourceTermError naming the installation, substance and property when a property is absent or the
 * state gives no outflow (no pressure difference, a solid)
 */
export function releaseSourceTerm(
  lossCase: LocCase,
  installation: Installation,
  substance: Substance,
  ambient: ReleaseAmbient,
  rules: LocRules,
  options: SourceTermOptions = {},
): ReleaseCase {
  if (lossCase.installationId !== installation.id) {
    throw new RangeError(
      `case ${lossCase.scenarioId} belongs to installation '${lossCase.installationId}', not '${installation.id}'`,
    );
  }
  const ctx = makeContext(lossCase, installation, substance, ambient, rules, options);
  const { props } = ctx;
  const notes: string[] = [];
  const contents = itemContents(installation, ctx.equipment, props, ctx.isGas);
  const storage: StorageState = {
    phase: installation.phase,
    temperature: installation.temperature,
    pressure: installation.pressure,
    contents: contents.mass,
    contentsBasis: contents.basis,
  };
  const flash = ctx.isGas ? (1 as Probability) : flashOf(installation, props, ctx.boilingPoint!);
  const airborneFraction = ctx.isGas ? (1 as Probability) : rainoutRuleOfThumb(flash).airborneFraction;
  const releaseHeight = options.releaseHeight ?? DEFAULT_RELEASE_HEIGHT;
  if (options.releaseHeight === undefined) notes.push(`release height ${DEFAULT_RELEASE_HEIGHT} m (default)`);

  const identity = {
    installationId: installation.id,
    equipmentIndex: lossCase.equipmentIndex,
    equipmentLabel: lossCase.equipmentLabel,
    equipmentType: lossCase.equipmentType,
    locId: lossCase.locId,
    scenarioId: lossCase.scenarioId,
    description: lossCase.description,
    catalogue: lossCase.catalogue,
    locRelease: lossCase.release,
    frequency: lossCase.frequency,
    frequencyOrigin: lossCase.frequencyOrigin,
    into: lossCase.into,
    substanceId: substance.id,
    flammable: substance.hazards.some(
      (h) => h === 'flammable_gas' || h === 'flammable_liquid' || h === 'combustible_liquid',
    ),
    toxic: substance.hazards.some((h) => h === 'toxic_gas' || h === 'toxic_liquid'),
    storage,
    flashFraction: flash,
    airborneFraction,
    releaseHeight,
    vesselPressure: installation.pressure,
  };
  const liquidReleaseTemperature = (ctx.superheated ? ctx.boilingPoint! : installation.temperature) as Kelvin;

  if (lossCase.release === 'instantaneous') {
    const released = contents.mass;
    const airborne = (released * airborneFraction) as Kilograms;
    const rainout = (released - airborne) as Kilograms;
    const pool = rainout > 0 ? buildPool(rainout, lossCase.into, ctx, notes) : undefined;
    return {
      ...identity,
      mode: 'instantaneous',
      releasedMass: released,
      airborneMass: airborne,
      rainoutMass: rainout,
      releaseTemperature: ctx.isGas ? installation.temperature : liquidReleaseTemperature,
      ...(pool === undefined ? {} : { pool }),
      ignitionSize: { value: released, basis: 'instantaneous-mass-kg' },
      notes,
    };
  }

  const limit = lossCase.durationLimit;
  if (limit === undefined) {
    throw new RangeError(`case ${lossCase.scenarioId}: a ${lossCase.release} release needs a duration limit`);
  }
  let rate: KilogramsPerSecond;
  let duration: number;
  let durationBasis: string;
  let discharge: Discharge;
  if (lossCase.release === 'fixed-duration') {
    const fixed = lossCase.fixedDuration;
    if (fixed === undefined)
      throw new RangeError(`case ${lossCase.scenarioId}: a fixed-duration release needs its duration`);
    rate = (contents.mass / fixed) as KilogramsPerSecond;
    discharge = equivalentOutflow(rate, ctx, notes);
    duration = Math.min(fixed, limit.value);
    durationBasis =
      duration < fixed
        ? `contents over ${fixed} s, cut at the ${limit.basis}`
        : `Purple Book fixed-duration LOC: the contents in ${fixed} s at a constant rate`;
  } else {
    const hole = lossCase.hole;
    if (hole === undefined)
      throw new RangeError(`case ${lossCase.scenarioId}: a continuous release needs a hole`);
    const outflow = holeOutflow(hole.diameter, hole.throughLine, ctx);
    notes.push(...outflow.notes);
    if (!(outflow.rate > 0)) {
      props.fail(
        'pressure',
        `no outflow through the ${hole.description} of case ${lossCase.scenarioId}: the storage pressure ` +
          `${fmt(installation.pressure)} Pa (plus any liquid head) does not exceed the ambient ${fmt(ambient.pressure)} Pa`,
      );
    }
    rate = outflow.rate;
    discharge = outflow.discharge;
    const emptying = contents.mass / rate;
    duration = Math.min(limit.value, emptying);
    durationBasis =
      emptying < limit.value
        ? `contents exhausted: ${fmt(contents.mass)} kg / ${fmt(rate)} kg/s`
        : limit.basis;
  }

  const released = (rate * duration) as Kilograms;
  const airborneRate = (rate * airborneFraction) as KilogramsPerSecond;
  const airborne = (airborneRate * duration) as Kilograms;
  const rainout = (released - airborne) as Kilograms;
  const pool =
    rainout > 0
      ? buildPool(rainout, lossCase.into, ctx, notes, (rate - airborneRate) as KilogramsPerSecond)
      : undefined;
  const jet =
    ctx.isGas && lossCase.into === 'atmosphere' && installation.pressure > ambient.pressure
      ? expandedJet(
          installation.pressure,
          installation.temperature,
          props.need('gamma', 'the expanded jet'),
          props.need('molarMass', 'the expanded jet'),
          ambient.pressure,
        )
      : undefined;
  const release: ContinuousRelease = {
    ...identity,
    mode: 'continuous',
    releaseRate: rate,
    airborneRate,
    duration: duration as Seconds,
    durationBasis,
    discharge,
    ...(jet === undefined ? {} : { expandedJet: jet }),
    releasedMass: released,
    airborneMass: airborne,
    rainoutMass: rainout,
    releaseTemperature: ctx.isGas ? installation.temperature : liquidReleaseTemperature,
    ...(pool === undefined ? {} : { pool }),
    ignitionSize: { value: rate, basis: 'continuous-rate-kg-s' },
    notes,
  };
  return release;
}
