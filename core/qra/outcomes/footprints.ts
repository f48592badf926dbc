import { tntOverpressureField, type OverpressureField, type TntBlastCurve } from '../../explosion/blast.ts';
import { DEFAULT_MULTI_ENERGY_STRENGTH, multiEnergyOverpressureField } from '../../explosion/multi-energy.ts';
import { tntEquivalentMass } from '../../explosion/tnt.ts';
import { thresholdExtent } from '../../dispersion/numeric.ts';
import { fireball, fireballHeatFlux } from '../../fire/fireball.ts';
import { jetFire, jetFireHeatFlux, placeJetFire } from '../../fire/jet.ts';
import { burningRateBurgess, poolFire, poolFireHeatFluxDownwind } from '../../fire/pool.ts';
import type { Atmosphere } from '../../fire/transmissivity.ts';
import type { Footprint } from '../../risk/footprint.ts';
import {
  offsetDiscsFootprint,
  radialProfileFootprint,
  tabulatedWindFrameFootprint,
} from '../../risk/footprint.ts';
import type { Substance } from '../../substance/index.ts';
import type {
  JoulesPerKilogram,
  Joules,
  Kilograms,
  KilogramsPerCubicMetre,
  KilogramsPerSecond,
  Metres,
  MetresPerSecond,
  Seconds,
  WattsPerSquareMetre,
} from '../../units/index.ts';
import {
  heatEffectLethality,
  type FireKind,
  type Lethality,
  type LethalityRules,
} from '../../vulnerability/lethality.ts';
import { inverseStandardNormalCdf, standardNormalCdf } from '../../vulnerability/normal.ts';
import {
  ppmToMassConcentration,
  toxicProbit,
  type GasState,
  type ToxicProbitConstants,
} from '../../vulnerability/toxic.ts';
import { AIR_MOLAR_MASS, type Cloud } from './cloud.ts';
import { GAS_CONSTANT } from '../../units/index.ts';
import type { OutcomeAmbient, OutcomeInput } from './input.ts';

/** The three footprints of an event (core/risk/events.ts). */
export interface OutcomeFootprints {
  individual: Footprint;
  indoor: Footprint;
  outdoor: Footprint;
}

/** Resolution and cut-off shared by every footprint. */
export interface FootprintResolution {
  /** Risk-grid cell size, m (> 0): footprints are tabulated every half cell. */
  cellSize: number;
  /** Lethality below which effects are ignored (PB 1 %, models.md §7.4); default 0.01. */
  cutoff?: number;
  /** Search limit for effect distances, m; default 50 km. */
  maxDistance?: number;
}

const EMPTY: Footprint = radialProfileFootprint(new Float64Array([0]), new Float64Array([0]));
const EMPTY_SET: OutcomeFootprints = { individual: EMPTY, indoor: EMPTY, outdoor: EMPTY };

function radialStep(res: FootprintResolution): number {
  if (!(res.cellSize > 0)) throw new RangeError(`cellSize must be > 0 m, got ${res.cellSize}`);
  return res.cellSize / 2;
}

/**
 * Three wind-frame footprints sharing one geometry: `lethalityAt(x, y)` gives the individual, indoor and
 * outdoor lethality; nothing is lethal beyond x = `alongEnd` or beyond |y| = `halfWidthAt(x)`. The half-angle
 * bound at radius r is asin(W(r)/r), with W(r) the largest half-width at any x ≤ r (points at radius r lie
 * at x ≤ r), so the tabulation spends its angular nodes where the cloud is.
 */
function cloudFootprints(
  lethalityAt: (x: number, y: number) => Lethality,
  halfWidthAt: (x: number) => number,
  alongEnd: number,
  step: number,
): OutcomeFootprints {
  if (!(alongEnd > 0)) return EMPTY_SET;
  const nodes = Math.ceil(alongEnd / step) + 2;
  const runningMax = new Float64Array(nodes);
  let widest = 0;
  let reach = alongEnd;
  for (let i = 0; i < nodes; i++) {
    const x = Math.min(i * step, alongEnd);
    const w = halfWidthAt(x);
    widest = Math.max(widest, w);
    runningMax[i] = widest;
    reach = Math.max(reach, Math.hypot(x, w));
  }
  // Half a step of margin covers a half-width that peaks between nodes.
  reach += step;
  const halfAngleAt = (r: number): number => {
    const i = Math.min(nodes - 1, Math.ceil(r / step) + 1);
    const w = runningMax[i]! + step;
    return r <= w ? Math.PI / 2 : Math.asin(w / r);
  };
  const options = { radialStep: step, halfAngleAt };
  return {
    individual: tabulatedWindFrameFootprint((x, y) => lethalityAt(x, y).individual, reach, options),
    indoor: tabulatedWindFrameFootprint((x, y) => lethalityAt(x, y).indoor, reach, options),
    outdoor: tabulatedWindFrameFootprint((x, y) => lethalityAt(x, y).outdoor, reach, options),
  };
}

/**
 * Concentration (kg/m³) at which the toxic probit reaches the lethality `cutoff` for an exposure of t s:
 * Cⁿ·t_min = exp((Pr_cut − a)/b), Pr_cut = 5 + Φ⁻¹(cutoff) (PB eq. 5.1 inverted), converted from the
 * constants' unit.
 */
export function toxicCutoffConcentration(
  constants: ToxicProbitConstants,
  exposure: number,
  cutoff: number,
  gas: GasState,
): number {
  if (!(exposure > 0)) return Infinity;
  const load = Math.exp((5 + inverseStandardNormalCdf(cutoff) - constants.a) / constants.b);
  const c = (load / (exposure / 60)) ** (1 / constants.n);
  return constants.units === 'mg/m3-min' ? c / 1e6 : ppmToMassConcentration(c, gas);
}

/**
 * Toxic footprints of a cloud (PB CPR 18E §5.2.2, Fig. 5.2; models.md §7.3–7.4): at (x, y) the probit
 * Pr = a + b·ln(Cⁿ·t) of the cloud's concentration and exposure (continuous: min(release duration, cap);
 * Gaussian puff: the load integrated over the passage within the cap; dense puff: its passage time; see
 * {@link Cloud.exposureAt}), P = Φ(Pr − 5), set to 0 below the cut-off (PB 1 %) so that the footprint ends.
 * Individual P; indoors toxic.indoor·P (0.1), outdoors toxic.outdoor·P (1).
 */
export function toxicFootprints(
  cloud: Cloud,
  constants: ToxicProbitConstants,
  gas: GasState,
  rules: LethalityRules,
  res: FootprintResolution,
): OutcomeFootprints {
  const cutoff = res.cutoff ?? 0.01;
  const cap = rules.toxicExposureCap;
  const maxDistance = res.maxDistance ?? 50_000;
  const levelAt = (x: number) =>
    toxicCutoffConcentration(constants, cloud.exposureAt(x, constants.n, cap), cutoff, gas);
  const { end } = thresholdExtent((x) => cloud.concentrationAt(x, 0) / levelAt(x), 1, maxDistance);
  const lethalityAt = (x: number, y: number): Lethality => {
    const c = cloud.concentrationAt(x, y);
    const t = cloud.exposureAt(x, constants.n, cap);
    if (!(c > 0 && t > 0)) return NONE;
    const p = standardNormalCdf(toxicProbit(constants, c as KilogramsPerCubicMetre, t as Seconds, gas) - 5);
    if (p < cutoff) return NONE;
    return { individual: p, indoor: rules.toxic.indoor * p, outdoor: rules.toxic.outdoor * p } as Lethality;
  };
  return cloudFootprints(lethalityAt, (x) => cloud.halfWidthAt(x, levelAt(x)), end, radialStep(res));
}

const NONE = { individual: 0, indoor: 0, outdoor: 0 } as Lethality;

/**
 * Flash-fire footprints (PB Fig. 5.3; models.md §5.4): inside the LFL envelope of the cloud at its largest
 * extent (a plume's steady state; a puff's envelope swept as it passes) lethality 1 for the individual and
 * flashFire.indoor / flashFire.outdoor of the people indoors and outdoors; 0 outside. Directional.
 *
 * Every cloud's cross-section is a centred Gaussian or top-hat (cloud.ts), so the envelope {C(x, y) ≥ LFL}
 * is exactly {0 < x ≤ x_LFL, |y| ≤ W(x)} with W = cloud.halfWidthAt(x, LFL). W is sampled every half cell
 * (and at the right of x = 0 and the left of x_LFL, where a top-hat cloud's width jumps) and read linearly
 * between samples, so a point costs a table read instead of a run of the dispersion model; the envelope's
 * area then differs from the model's by a small fraction of one half-cell strip (footprints.test.ts).
 * @param lflConcentration LFL as kg/m³ in ambient air
 */
export function flashFireFootprints(
  cloud: Cloud,
  lflConcentration: number,
  rules: LethalityRules,
  res: FootprintResolution,
): OutcomeFootprints {
  const inside = {
    individual: 1,
    indoor: rules.flashFire.indoor,
    outdoor: rules.flashFire.outdoor,
  } as Lethality;
  const { end } = cloud.extent(lflConcentration);
  if (!(end > 0)) return EMPTY_SET;
  const step = radialStep(res);
  const intervals = Math.max(1, Math.ceil(end / step));
  const spacing = end / intervals;
  const widths = new Float64Array(intervals + 1);
  // One-sided limits at both ends: just downwind of the source and just inside the LFL distance.
  const edge = spacing * 1e-6;
  for (let i = 0; i <= intervals; i++) {
    const x = i === 0 ? edge : i === intervals ? end - edge : i * spacing;
    widths[i] = cloud.halfWidthAt(x, lflConcentration);
  }
  const halfWidthAt = (x: number): number => {
    if (!(x > 0) || x > end) return 0;
    const u = x / spacing;
    const i = Math.min(intervals - 1, Math.floor(u));
    const w0 = widths[i]!;
    return w0 + (u - i) * (widths[i + 1]! - w0);
  };
  return cloudFootprints(
    (x, y) => {
      const w = halfWidthAt(x);
      return w > 0 && Math.abs(y) <= w ? inside : NONE;
    },
    halfWidthAt,
    end,
    step,
  );
}

/** Blast model of a vapour-cloud explosion. */
export type ExplosionModel =
  { model: 'multi-energy'; strength?: number } | { model: 'tnt'; yield?: number; curve?: TntBlastCurve };

/** The charge an explosion footprint was built from (for reports and tests). */
export interface ExplosionCharge {
  /** Flammable mass between LFL and UFL at the cloud's largest extent, kg. */
  flammableMass: Kilograms;
  /** Distance of the charge centre downwind of the release, m. */
  centre: Metres;
  field: OverpressureField;
  /** Distances from the centre to the certain-death and no-effect overpressures, m (0 when not reached). */
  certainDeathRadius: Metres;
  noEffectRadius: Metres;
}

/**
 * The explosion charge of a cloud: the flammable mass between LFL and UFL (UFL absent: above the LFL) at the
 * cloud's largest extent ({@link Cloud.massBetween}; flammable-mass.ts, models.md §3.6), centred at the
 * middle of the cloud's LFL extent along the wind (a puff: where it holds the most flammable mass), and its
 * blast field: TNO Multi-Energy (models.md §6.2; default strength 7) with E = m·ΔHc, or TNT equivalence
 * (models.md §6.1) W = η·m·ΔHc/E_TNT with Kingery-Bulmash.
 */
export function explosionCharge(
  cloud: Cloud,
  substance: Substance,
  ambient: OutcomeAmbient,
  lflConcentration: number,
  uflConcentration: number,
  rules: LethalityRules,
  model: ExplosionModel = { model: 'multi-energy' },
): ExplosionCharge | undefined {
  const heat = substance.heatOfCombustion;
  if (heat === undefined) throw new RangeError(`substance '${substance.id}': heatOfCombustion is absent`);
  const { mass, centre } = cloud.massBetween(lflConcentration, uflConcentration);
  if (!(mass > 0)) return undefined;
  let field: OverpressureField;
  let maxOverpressure = Infinity;
  if (model.model === 'multi-energy') {
    const me = multiEnergyOverpressureField(
      model.strength ?? DEFAULT_MULTI_ENERGY_STRENGTH,
      (mass * heat) as Joules,
      ambient.pressure,
    );
    field = me;
    maxOverpressure = me.maxOverpressure;
  } else {
    const w = tntEquivalentMass({
      mass,
      heatOfCombustion: heat as JoulesPerKilogram,
      ...(model.yield !== undefined ? { yield: model.yield } : {}),
    });
    field = tntOverpressureField(model.curve ?? 'kingery-bulmash', w, ambient.pressure);
  }
  const radius = (p: number) => (p < maxOverpressure ? field.distanceTo(p) : 0);
  return {
    flammableMass: mass,
    centre,
    field,
    certainDeathRadius: radius(rules.explosionCertainDeath) as Metres,
    noEffectRadius: radius(rules.explosionNoEffect) as Metres,
  };
}

/**
 * Explosion footprints (PB Fig. 5.5): overpressure > explosionCertainDeath (30 kPa) → 1 for the individual,
 * indoors and outdoors; between explosionNoEffect (10 kPa) and that → indoors explosionIndoorIntermediate
 * (0.025), 0 outdoors and for the individual; below → 0. The overpressure falls with the distance from the
 * charge, so each band is a disc about the charge, which sits `centre` m downwind of the release and turns
 * with the wind: the footprints are exact offset discs (core/risk/footprint.ts offsetDiscsFootprint) with the
 * charge's certain-death and no-effect radii. The individual footprint reaches only the certain-death disc.
 */
export function explosionFootprints(
  charge: ExplosionCharge | undefined,
  rules: LethalityRules,
): OutcomeFootprints {
  if (!charge || !(charge.noEffectRadius > 0)) return EMPTY_SET;
  const certain = { radius: charge.certainDeathRadius, lethality: 1 };
  return {
    individual: offsetDiscsFootprint(charge.centre, [certain]),
    indoor: offsetDiscsFootprint(charge.centre, [
      certain,
      { radius: charge.noEffectRadius, lethality: rules.explosionIndoorIntermediate },
    ]),
    outdoor: offsetDiscsFootprint(charge.centre, [certain]),
  };
}

/**
 * Radial heat-radiation footprints from a flux profile q(r) (W/m², decreasing outwards), PB Fig. 5.4 through
 * {@link heatEffectLethality}: 1 inside the flame or at q ≥ the certain-death flux, else the heat probit at
 * the capped exposure (fireball: its duration); societal indoors 1 / 0, outdoors 1 / heat.outdoor·P; 0 below
 * the cut-off. Tabulated every half cell, with a node exactly at the certain-death radius (found by
 * bisection) so that the step of the societal fractions there is not smeared.
 */
export function heatFootprints(
  fluxAt: (r: number) => number,
  insideFlameAt: (r: number) => boolean,
  duration: Seconds,
  kind: FireKind,
  rules: LethalityRules,
  res: FootprintResolution,
): OutcomeFootprints & { certainDeathRadius: number } {
  const step = radialStep(res);
  const cutoff = res.cutoff ?? 0.01;
  const maxDistance = res.maxDistance ?? 50_000;
  const at = (r: number): Lethality => {
    const l = heatEffectLethality(
      { heatFlux: fluxAt(r) as WattsPerSquareMetre, duration, kind, insideFlame: insideFlameAt(r) },
      rules,
    );
    return l.individual < cutoff ? NONE : l;
  };
  const certain = (r: number) => at(r).individual >= 1;
  let certainDeathRadius = 0;
  const radii: number[] = [];
  const values: Lethality[] = [];
  for (let i = 0; ; i++) {
    const r = i * step;
    const l = at(r);
    if (i > 0 && certain(radii[radii.length - 1]!) && !(l.individual >= 1)) {
      let lo = radii[radii.length - 1]!;
      let hi = r;
      for (let k = 0; k < 60 && hi - lo > 1e-9 * hi; k++) {
        const mid = (lo + hi) / 2;
        if (certain(mid)) lo = mid;
        else hi = mid;
      }
      certainDeathRadius = lo;
      if (lo > radii[radii.length - 1]!) {
        radii.push(lo);
        values.push(at(lo));
      }
      if (hi < r) {
        radii.push(hi);
        values.push(at(hi));
      }
    }
    radii.push(r);
    values.push(l);
    if (l.individual === 0 && r > 0) break;
    if (r > maxDistance) throw new RangeError(`heat radiation still lethal at ${maxDistance} m`);
  }
  if (radii.length === 2 && values[0]!.individual === 0) return { ...EMPTY_SET, certainDeathRadius: 0 };
  const table = (pick: (l: Lethality) => number) =>
    radialProfileFootprint(Float64Array.from(radii), Float64Array.from(values, pick));
  return {
    individual: table((l) => l.individual),
    indoor: table((l) => l.indoor),
    outdoor: table((l) => l.outdoor),
    certainDeathRadius,
  };
}

/** Fire models need these substance properties; a missing one is refused by name. */
function required<K extends keyof Substance>(substance: Substance, key: K): NonNullable<Substance[K]> {
  const v = substance[key];
  if (v === undefined || v === null)
    throw new RangeError(`substance '${substance.id}': ${String(key)} is absent`);
  return v as NonNullable<Substance[K]>;
}

/** The air between flame and target: Wayne's transmissivity at the ambient temperature and humidity. */
export function ambientAtmosphere(ambient: OutcomeAmbient): Atmosphere {
  return { temperature: ambient.temperature, relativeHumidity: ambient.relativeHumidity };
}

/**
 * Pool-fire footprints: YB solid-flame pool fire (core/fire/pool.ts) of the release's pool, burning rate of
 * Babrauskas from the substance (Burgess where the library has no Babrauskas data), exposure min(pool duration, 20 s). Radial: the flame is taken upright in
 * still air (Thomas still-air length, no tilt), so the footprint does not turn with the wind — the tilt
 * that lengthens the downwind reach is ignored for the risk footprint (docs/method-outcomes.md).
 */
export function poolFireFootprints(
  release: OutcomeInput,
  substance: Substance,
  ambient: OutcomeAmbient,
  rules: LethalityRules,
  res: FootprintResolution,
): OutcomeFootprints & { certainDeathRadius: number } {
  const pool = release.pool;
  if (!pool) throw new RangeError(`release '${release.id}': a pool fire needs a pool`);
  const fire = poolFire({
    poolDiameter: pool.diameter,
    heatOfCombustion: required(substance, 'heatOfCombustion'),
    ...poolBurningRateOf(substance, ambient),
    airDensity: airDensity(ambient),
  });
  const atmosphere = ambientAtmosphere(ambient);
  const radius = pool.diameter / 2;
  return heatFootprints(
    (r) => poolFireHeatFluxDownwind(fire, r as Metres, atmosphere).heatFlux,
    (r) => r <= radius,
    pool.duration,
    'pool-or-jet-fire',
    rules,
    res,
  );
}

/**
 * The burning rate of a pool of the substance: Babrauskas (YB eq. 6.66) from the library's tabulated
 * m″∞ and kβ where the substance has them, otherwise Burgess's estimate from the fuel's properties
 * (YB eq. 6.67: m″ = 0.001·ΔHc/(ΔHv + cp·(Tb − Ta))), e.g. for liquefied ammonia.
 */
function poolBurningRateOf(substance: Substance, ambient: OutcomeAmbient) {
  const rate = substance.poolBurningRate;
  if (rate) {
    return {
      maxBurningRate: rate.maxBurningRate,
      ...(rate.kBeta !== undefined ? { kBeta: rate.kBeta } : { burningRate: rate.maxBurningRate }),
    };
  }
  return {
    burningRate: burningRateBurgess(
      required(substance, 'heatOfCombustion'),
      required(substance, 'heatOfVaporization'),
      required(substance, 'liquidHeatCapacity'),
      required(substance, 'normalBoilingPoint'),
      ambient.temperature,
    ),
  };
}

/**
 * Jet-fire footprints: Chamberlain jet flame (core/fire/jet.ts) of the outflow rate at the expanded-jet
 * velocity, at the release height, exposure min(release duration, 20 s). Radial: the flame is taken
 * vertical in still air, so it looks the same from every side; its wind tilt and the release direction are
 * ignored for the risk footprint (docs/method-outcomes.md).
 */
export function jetFireFootprints(
  release: OutcomeInput,
  substance: Substance,
  ambient: OutcomeAmbient,
  rules: LethalityRules,
  res: FootprintResolution,
): OutcomeFootprints & { certainDeathRadius: number } {
  const rate = release.releaseRate ?? release.airborneRate;
  if (!(rate !== undefined && rate > 0))
    throw new RangeError(`release '${release.id}': releaseRate is needed for a jet fire`);
  const velocity = release.jetVelocity;
  if (!(velocity !== undefined && velocity > 0))
    throw new RangeError(`release '${release.id}': jetVelocity is needed for a jet fire`);
  const fire = jetFire({
    massRate: rate as KilogramsPerSecond,
    jetVelocity: velocity as MetresPerSecond,
    molarMass: required(substance, 'molarMass'),
    heatOfCombustion: required(substance, 'heatOfCombustion'),
    airDensity: airDensity(ambient),
    windSpeed: 0 as MetresPerSecond,
    angleDeg: 90,
  });
  const placed = placeJetFire(fire, release.releaseHeight);
  const atmosphere = ambientAtmosphere(ambient);
  return heatFootprints(
    (r) => jetFireHeatFlux(placed, atmosphere, r, 0, 0),
    () => false,
    (release.duration ?? 0) as Seconds,
    'pool-or-jet-fire',
    rules,
    res,
  );
}

/**
 * Fireball footprints (core/fire/fireball.ts, TNO correlations, Roberts radiative fraction from the vessel
 * pressure): the whole released mass burns (models.md §5.3, PB practice), exposure = the fireball's
 * duration (no 20 s cap, PB §5.2.3). Radially symmetric by nature.
 */
export function fireballFootprints(
  release: OutcomeInput,
  substance: Substance,
  ambient: OutcomeAmbient,
  rules: LethalityRules,
  res: FootprintResolution,
): OutcomeFootprints & { certainDeathRadius: number } {
  const mass = release.releasedMass ?? release.airborneMass;
  if (!(mass !== undefined && mass > 0))
    throw new RangeError(`release '${release.id}': releasedMass is needed for a fireball`);
  const ball = fireball({
    mass,
    heatOfCombustion: required(substance, 'heatOfCombustion'),
    vesselPressure: release.vesselPressure,
  });
  const atmosphere = ambientAtmosphere(ambient);
  return heatFootprints(
    (r) => fireballHeatFlux(ball, r as Metres, atmosphere).heatFlux,
    () => false,
    ball.duration,
    'fireball',
    rules,
    res,
  );
}

function airDensity(ambient: OutcomeAmbient): KilogramsPerCubicMetre {
  return ((ambient.pressure * AIR_MOLAR_MASS) /
    (GAS_CONSTANT * ambient.temperature)) as KilogramsPerCubicMetre;
}
