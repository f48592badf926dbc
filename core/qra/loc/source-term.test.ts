import { describe, expect, it } from 'vitest';
import { rainoutRuleOfThumb } from '../../discharge/aerosol.ts';
import { flashFraction } from '../../discharge/flash.ts';
import { dischargeGas } from '../../discharge/gas.ts';
import { dischargeLiquid } from '../../discharge/liquid.ts';
import { dischargeTwoPhase } from '../../discharge/two-phase.ts';
import { expandedJet } from '../../fire/jet.ts';
import { mackayMatsuguEvaporation } from '../../pool/evaporation.ts';
import type { Equipment, Installation } from '../../project/types.ts';
import type { Substance } from '../../substance/index.ts';
import { antoineVapourPressure } from '../../thermo/antoine.ts';
import { GAS_CONSTANT, si, type Kilograms, type MetresPerSecond } from '../../units/index.ts';
import { locCasesForEquipment, locCasesForInstallation } from './catalogue.ts';
import {
  DEFAULT_GROUND,
  DEFAULT_MINIMUM_POOL_THICKNESS,
  poolEvaporation,
  releaseSourceTerm,
} from './source-term.ts';
import { installation, chlorine, methane, overrides, propane, specRules, toluene } from './test-fixtures.ts';
import { SourceTermError, type ContinuousRelease, type ReleaseCase } from './types.ts';

const rules = specRules;
const ambient = { temperature: si.kelvin(293.15), pressure: si.pascals(101325) };
const P_AMBIENT = 101325;

function cases(
  inst: Installation,
  substance: Substance,
  catalogue: 'purple-book' | 'hole-size' = 'purple-book',
) {
  return locCasesForInstallation(inst, rules, catalogue).map((c) =>
    releaseSourceTerm(c, inst, substance, ambient, rules),
  );
}

function byLoc(list: readonly ReleaseCase[], locId: string): ReleaseCase {
  const found = list.find((c) => c.locId === locId);
  if (!found) throw new Error(`no case ${locId}`);
  return found;
}

function continuous(list: readonly ReleaseCase[], locId: string): ContinuousRelease {
  const c = byLoc(list, locId);
  if (c.mode !== 'continuous') throw new Error(`${locId} is not continuous`);
  return c;
}

// Methane at 50 bar, 20 °C in a 10 m³ vessel: 10 m³ × P·M/(R·T) ≈ 329 kg, below the 500 kg inventory.
const gasVessel: Equipment = { type: 'pressure-vessel', volume: si.cubicMetres(10), ...overrides };
const gasInstallation = installation({
  substance: 'methane',
  phase: 'gas',
  pressure: si.pascals(5e6),
  inventory: si.kilograms(500),
  equipment: [gasVessel],
});
const methaneContents = (10 * 5e6 * 0.0160425) / (GAS_CONSTANT * 293.15);

// Liquefied chlorine at 7 bar, 20 °C: 20 t in a 25 m³ vessel filled to 80 % (which could hold 31.3 t).
const chlorineVessel: Equipment = {
  type: 'pressure-vessel',
  volume: si.cubicMetres(25),
  fill: si.probability(0.8),
  ...overrides,
};
const chlorineInstallation = installation({ equipment: [chlorineVessel] });

// Toluene at ambient in a 1000 m³ single-containment tank in a 1500 m² bund, 1 m walls.
const tolueneTank: Equipment = {
  type: 'atmospheric-tank',
  volume: si.cubicMetres(1000),
  containment: 'single',
  bund: { area: si.squareMetres(1500), height: si.metres(1) },
  ...overrides,
};
const tolueneInstallation = installation({
  substance: 'toluene',
  phase: 'liquid',
  pressure: si.pascals(P_AMBIENT),
  inventory: si.kilograms(800_000),
  equipment: [tolueneTank],
});

describe('gas releases', () => {
  const list = cases(gasInstallation, methane);

  it('the 10 mm hole rate equals core dischargeGas at the vessel state (choked at 50 bar)', () => {
    const c = continuous(list, 'continuous-10mm');
    const expected = dischargeGas({
      holeDiameter: si.metres(0.01),
      pressure: si.pascals(5e6),
      temperature: si.kelvin(293.15),
      molarMass: si.kilogramsPerMole(0.0160425),
      gamma: 1.304,
      dischargeCoefficient: 0.62,
      ambientPressure: si.pascals(P_AMBIENT),
    });
    expect(expected.choked).toBe(true);
    expect(c.releaseRate).toBe(expected.massRate);
    expect(c.discharge).toMatchObject({ model: 'gas-orifice', choked: true, exitPhase: 'gas' });
    expect(c.discharge.exitVelocity).toBe(expected.exitVelocity);
    expect(c.expandedJet).toEqual(
      expandedJet(
        si.pascals(5e6),
        si.kelvin(293.15),
        1.304,
        si.kilogramsPerMole(0.0160425),
        si.pascals(P_AMBIENT),
      ),
    );
  });

  it('a sub-critical release (1.5 bar) also equals dischargeGas, not choked', () => {
    const low = installation({ ...gasInstallation, pressure: si.pascals(1.5e5) });
    const c = continuous(cases(low, methane), 'continuous-10mm');
    const expected = dischargeGas({
      holeDiameter: si.metres(0.01),
      pressure: si.pascals(1.5e5),
      temperature: si.kelvin(293.15),
      molarMass: si.kilogramsPerMole(0.0160425),
      gamma: 1.304,
      ambientPressure: si.pascals(P_AMBIENT),
    });
    expect(expected.choked).toBe(false);
    expect(c.releaseRate).toBe(expected.massRate);
    expect(c.discharge.choked).toBe(false);
  });

  it('contents: the vessel volume at the ideal-gas density when below the inventory', () => {
    expect(byLoc(list, 'instantaneous').storage.contents).toBeCloseTo(methaneContents, 9);
    expect(byLoc(list, 'instantaneous').releasedMass).toBeCloseTo(methaneContents, 9);
  });

  it('10-minute: rate = contents/600 s for 600 s (spec/models.md §1.2)', () => {
    const c = continuous(list, 'ten-minute');
    expect(c.releaseRate).toBeCloseTo(methaneContents / 600, 12);
    expect(c.duration).toBe(600);
    expect(c.releasedMass).toBeCloseTo(methaneContents, 9);
    // The equivalent hole gives the same rate through dischargeGas.
    const d = c.discharge.holeDiameter!;
    const check = dischargeGas({
      holeDiameter: d,
      pressure: si.pascals(5e6),
      temperature: si.kelvin(293.15),
      molarMass: si.kilogramsPerMole(0.0160425),
      gamma: 1.304,
    });
    expect(check.massRate).toBeCloseTo(c.releaseRate, 12);
    expect(c.discharge.holeIsEquivalent).toBe(true);
  });

  it('a continuous leak stops when the contents run out: duration = contents/rate < 1800 s', () => {
    const c = continuous(list, 'continuous-10mm');
    expect(c.duration).toBeCloseTo(methaneContents / c.releaseRate, 9);
    expect(c.duration).toBeLessThan(1800);
    expect(c.releasedMass).toBeCloseTo(methaneContents, 9);
    expect(c.durationBasis).toMatch(/contents exhausted/);
  });

  it('a gas is all airborne, no pool; flammable, not toxic; release size x = rate or mass', () => {
    for (const c of list) {
      expect(c.airborneMass).toBe(c.releasedMass);
      expect(c.rainoutMass).toBe(0);
      expect(c.pool).toBeUndefined();
      expect(c.flammable).toBe(true);
      expect(c.toxic).toBe(false);
      expect(c.ignitionSize.value).toBe(c.mode === 'continuous' ? c.releaseRate : c.releasedMass);
    }
  });
});

describe('liquefied gas under pressure (chlorine, 7 bar, 20 °C)', () => {
  const list = cases(chlorineInstallation, chlorine);
  const flash = flashFraction({
    temperature: si.kelvin(293.15),
    boilingPoint: si.kelvin(239.2),
    liquidHeatCapacity: si.joulesPerKilogramKelvin(927.1),
    heatOfVaporization: si.joulesPerKilogram(2.878e5),
  }).flashFraction;

  it('flash fraction equals core flashFraction at the installation temperature; airborne = min(1, 2f)', () => {
    for (const c of list) {
      expect(c.flashFraction).toBe(flash);
      expect(c.airborneFraction).toBe(rainoutRuleOfThumb(flash).airborneFraction);
      expect(c.releaseTemperature).toBe(239.2);
    }
    // Hand value: 927.1·(293.15 − 239.2)/287 800 = 0.17379.
    expect(flash).toBeCloseTo(0.17379, 4);
  });

  it('mass balance: airborne + rainout = released, and the pool holds the rainout', () => {
    for (const c of list) {
      expect(c.airborneMass + c.rainoutMass).toBeCloseTo(c.releasedMass, 6);
      expect(c.pool?.mass).toBe(c.rainoutMass);
      if (c.mode === 'continuous') {
        expect(c.airborneRate).toBeCloseTo(c.releaseRate * c.airborneFraction, 12);
        expect(c.releasedMass).toBeCloseTo(c.releaseRate * c.duration, 6);
      }
    }
  });

  it('instantaneous: the whole contents (the inventory, below what the vessel holds)', () => {
    const c = byLoc(list, 'instantaneous');
    expect(c.mode).toBe('instantaneous');
    expect(c.releasedMass).toBe(20000);
    expect(c.airborneMass).toBeCloseTo(20000 * 2 * flash, 6);
    expect(c.vesselPressure).toBe(7e5);
    // With 50 t of inventory the 25 m³ × 0.8 × 1564 kg/m³ = 31 280 kg the vessel holds governs.
    const big = installation({ ...chlorineInstallation, inventory: si.kilograms(50000) });
    expect(byLoc(cases(big, chlorine), 'instantaneous').releasedMass).toBeCloseTo(31280, 6);
  });

  it('10-minute rate = contents/600; 10 mm hole capped at 1800 s with Bernoulli of the saturated liquid and head', () => {
    expect(continuous(list, 'ten-minute').releaseRate).toBeCloseTo(20000 / 600, 12);
    const c = continuous(list, 'continuous-10mm');
    expect(c.duration).toBe(1800);
    expect(c.releasedMass).toBeCloseTo(c.releaseRate * 1800, 6);
    // Vertical cylinder with height = diameter: D = (4·25/π)^(1/3); liquid 20 000/1564 m³ of 25 m³.
    const head = Math.cbrt(100 / Math.PI) * (20000 / 1564 / 25);
    expect(c.discharge.liquidHead).toBeCloseTo(head, 12);
    const expected = dischargeLiquid({
      holeDiameter: si.metres(0.01),
      liquidDensity: si.kilogramsPerCubicMetre(1564),
      pressure: si.pascals(7e5),
      ambientPressure: si.pascals(P_AMBIENT),
      liquidHead: si.metres(head),
    });
    expect(c.releaseRate).toBeCloseTo(expected.massRate, 12);
    expect(c.discharge.exitPhase).toBe('flashing-liquid');
    expect(c.expandedJet).toBeUndefined();
  });

  it('a full-bore pipe rupture flows two-phase (Fauske ERM) at the pipe diameter', () => {
    const pipe: Equipment = { type: 'pipe', length: si.metres(20), diameter: si.metres(0.05), ...overrides };
    const inst = installation({ equipment: [chlorineVessel, pipe] });
    const [rupture] = locCasesForEquipment(inst, 1, rules, 'purple-book');
    const c = releaseSourceTerm(rupture!, inst, chlorine, ambient, rules);
    if (c.mode !== 'continuous') throw new Error('expected continuous');
    const psat = antoineVapourPressure({ A: 9.0628, B: 861.34, C: -26.82 }, si.kelvin(293.15));
    expect(psat).toBeLessThan(7e5);
    const expected = dischargeTwoPhase({
      holeDiameter: si.metres(0.05),
      pressure: si.pascals(7e5),
      temperature: si.kelvin(293.15),
      saturationPressure: psat,
      heatOfVaporization: si.joulesPerKilogram(2.878e5),
      liquidDensity: si.kilogramsPerCubicMetre(1564),
      vapourDensity: si.kilogramsPerCubicMetre((7e5 * 0.070906) / (GAS_CONSTANT * 293.15)),
      liquidHeatCapacity: si.joulesPerKilogramKelvin(927.1),
    });
    expect(c.releaseRate).toBeCloseTo(expected.massRate, 12);
    expect(c.discharge).toMatchObject({ model: 'two-phase-erm', exitPhase: 'two-phase', holeDiameter: 0.05 });
    // The line draws on the whole inventory; at this rate it empties before 30 min.
    expect(c.storage.contents).toBe(20000);
    expect(c.duration).toBeCloseTo(Math.min(1800, 20000 / c.releaseRate), 9);
  });

  it('toxic, not flammable; the pool boils by ground conduction (chlorine boils at 239 K < 293 K)', () => {
    const c = byLoc(list, 'instantaneous');
    expect(c.toxic).toBe(true);
    expect(c.flammable).toBe(false);
    const pool = c.pool!;
    expect(pool.evaporation.model).toBe('boiling-ground-conduction');
    expect(pool.confinement).toBe('none');
    expect(pool.area).toBeCloseTo(c.rainoutMass / 1564 / DEFAULT_MINIMUM_POOL_THICKNESS, 6);
    // Evaporated per m² to t: 2·k·ΔT·√t/(ΔHv·√(πα)) (spec/models.md §2.2), here up to the 1800 s cap.
    const perRootSecond =
      (2 * DEFAULT_GROUND.conductivity * (293.15 - 239.2)) /
      (2.878e5 * Math.sqrt(Math.PI * DEFAULT_GROUND.diffusivity));
    expect(pool.evaporationDuration).toBe(1800);
    expect(pool.evaporatedMass).toBeCloseTo(pool.area * perRootSecond * Math.sqrt(1800), 6);
    expect(pool.evaporationRate).toBeCloseTo(pool.evaporatedMass / 1800, 9);
  });
});

describe('pools', () => {
  it('a pool fed by a continuous release evaporates no faster than it is fed (mass balance)', () => {
    const pool = {
      mass: 200_000 as Kilograms,
      area: si.squareMetres(20_000),
      diameter: si.metres(Math.sqrt(80_000 / Math.PI)),
      temperature: si.kelvin(288.15),
      evaporation: {
        model: 'mackay-matsugu' as const,
        vapourPressure: si.pascals(50_000),
        molarMass: si.kilogramsPerMole(0.066),
        vapourPressureExtrapolated: false,
      },
    };
    const unfed = poolEvaporation(pool, 5 as MetresPerSecond, si.seconds(1800));
    expect(unfed.evaporationRate).toBeGreaterThan(100);
    const fed = poolEvaporation(
      pool,
      5 as MetresPerSecond,
      si.seconds(1800),
      undefined,
      si.kilogramsPerSecond(100),
    );
    expect(fed.evaporationRate).toBe(100);
    expect(fed.evaporationDuration).toBe(1800);
  });

  it('a small boiling pool is gone before the cap: t = (m/(A·c))², all of it evaporates', () => {
    const pool = {
      mass: 10 as Kilograms,
      area: si.squareMetres(10),
      diameter: si.metres(Math.sqrt(40 / Math.PI)),
      temperature: si.kelvin(239.2),
      evaporation: {
        model: 'boiling-ground-conduction' as const,
        groundConductivity: DEFAULT_GROUND.conductivity,
        groundDiffusivity: DEFAULT_GROUND.diffusivity,
        groundTemperature: si.kelvin(293.15),
        boilingPoint: si.kelvin(239.2),
        heatOfVaporization: si.joulesPerKilogram(2.878e5),
      },
    };
    const c =
      (2 * DEFAULT_GROUND.conductivity * (293.15 - 239.2)) /
      (2.878e5 * Math.sqrt(Math.PI * DEFAULT_GROUND.diffusivity));
    const result = poolEvaporation(pool, 5 as MetresPerSecond, si.seconds(1800));
    expect(result.evaporationDuration).toBeCloseTo((10 / (10 * c)) ** 2, 9);
    expect(result.evaporatedMass).toBeCloseTo(10, 9);
  });

  it('toluene in a bund: the pool covers the bund and evaporates by Mackay–Matsugu with the Antoine pressure', () => {
    const c = byLoc(cases(tolueneInstallation, toluene), 'instantaneous');
    expect(c.airborneMass).toBe(0);
    expect(c.flashFraction).toBe(0);
    const pool = c.pool!;
    expect(pool.confinement).toBe('bund');
    expect(pool.area).toBe(1500);
    const pv = antoineVapourPressure({ A: 9.05043, B: 1327.62, C: -55.525 }, si.kelvin(293.15));
    expect(pool.evaporation).toMatchObject({ model: 'mackay-matsugu', vapourPressureExtrapolated: false });
    const expected = mackayMatsuguEvaporation({
      poolDiameter: si.metres(Math.sqrt((4 * 1500) / Math.PI)),
      windSpeed: si.metresPerSecond(5),
      vaporPressure: pv,
      molarMass: si.kilogramsPerMole(0.0921384),
      liquidTemperature: si.kelvin(293.15),
    }).evaporationRate;
    expect(pool.evaporationRate).toBeCloseTo(expected, 12);
    expect(pool.evaporationDuration).toBe(1800);
    // Mackay–Matsugu scales with u^0.78: recomputing at another wind speed for another weather class.
    const at2 = poolEvaporation(pool, si.metresPerSecond(2), si.seconds(1800));
    expect(at2.evaporationRate / pool.evaporationRate).toBeCloseTo((2 / 5) ** 0.78, 12);
  });

  it('a bund overtopped: the excess spreads outside at the minimum thickness, its area added', () => {
    const low: Equipment = { ...tolueneTank, bund: { area: si.squareMetres(500), height: si.metres(1) } };
    const inst = installation({ ...tolueneInstallation, equipment: [low] });
    const pool = byLoc(cases(inst, toluene), 'instantaneous').pool!;
    const volume = 800_000 / 867.2;
    expect(pool.overflowed).toBe(true);
    expect(pool.area).toBeCloseTo(500 + (volume - 500) / DEFAULT_MINIMUM_POOL_THICKNESS, 6);
  });

  it('liquid leak from an atmospheric tank: Bernoulli driven by the liquid head alone', () => {
    const c = continuous(cases(tolueneInstallation, toluene), 'continuous-10mm');
    const head = Math.cbrt(4000 / Math.PI) * (800_000 / 867.2 / 1000);
    const expected = dischargeLiquid({
      holeDiameter: si.metres(0.01),
      liquidDensity: si.kilogramsPerCubicMetre(867.2),
      pressure: si.pascals(P_AMBIENT),
      ambientPressure: si.pascals(P_AMBIENT),
      liquidHead: si.metres(head),
    });
    expect(c.releaseRate).toBeCloseTo(expected.massRate, 12);
    expect(c.discharge.exitPhase).toBe('liquid');
    expect(c.airborneRate).toBe(0);
  });

  it('refrigerated LNG at its boiling point: no flash, everything to a boiling pool', () => {
    const tank: Equipment = {
      type: 'atmospheric-tank',
      volume: si.cubicMetres(500),
      containment: 'double',
      ...overrides,
    };
    const inst = installation({
      substance: 'methane',
      phase: 'refrigerated',
      temperature: si.kelvin(111.67),
      pressure: si.pascals(P_AMBIENT),
      inventory: si.kilograms(150_000),
      equipment: [tank],
    });
    const list = cases(inst, methane);
    for (const c of list) {
      expect(c.flashFraction).toBe(0);
      expect(c.airborneMass).toBe(0);
      expect(c.pool?.evaporation.model).toBe('boiling-ground-conduction');
    }
    // From the inner tank into the outer shell: the pool lies on the tank footprint, π·D²/4 with D = (4V/π)^(1/3).
    const inner = byLoc(list, 'inner-instantaneous');
    expect(inner.into).toBe('outer-shell');
    expect(inner.pool!.confinement).toBe('outer-shell');
    expect(inner.pool!.area).toBeCloseTo((Math.PI * Math.cbrt(2000 / Math.PI) ** 2) / 4, 9);
  });
});

describe('hole-size catalogue source terms', () => {
  it('a vessel rupture is instantaneous; a 5 mm hole lasts the API duration (A/A: 20 min) if the contents last', () => {
    const eq: Equipment = {
      ...chlorineVessel,
      frequencies: { small: si.perYear(1e-4), rupture: si.perYear(1e-6) },
      disabled: [],
    };
    const inst = installation({ equipment: [eq], detection: 'A', isolation: 'A' });
    const list = cases(inst, chlorine, 'hole-size');
    expect(byLoc(list, 'rupture').mode).toBe('instantaneous');
    const small = continuous(list, 'small');
    expect(small.duration).toBe(1200);
    expect(small.discharge.holeDiameter).toBe(0.005);
    expect(small.durationBasis).toMatch(/API RP 581 Table 4.7/);
  });
});

describe('errors name the installation, the substance and the property', () => {
  it('an absent property a model needs', () => {
    const noCp: Substance = { ...chlorine, liquidHeatCapacity: undefined };
    const [first] = locCasesForEquipment(chlorineInstallation, 0, rules, 'purple-book');
    expect(() => releaseSourceTerm(first!, chlorineInstallation, noCp, ambient, rules)).toThrow(
      SourceTermError,
    );
    expect(() => releaseSourceTerm(first!, chlorineInstallation, noCp, ambient, rules)).toThrow(
      /installation 'T101', substance 'chlorine': liquidHeatCapacity: absent/,
    );
    const noGamma: Substance = { ...methane, gamma: undefined };
    const hole = locCasesForEquipment(gasInstallation, 0, rules, 'purple-book')[2]!;
    expect(() => releaseSourceTerm(hole, gasInstallation, noGamma, ambient, rules)).toThrow(
      /methane': gamma/,
    );
  });

  it('a gas at ambient pressure has no outflow through a hole', () => {
    const flat = installation({ ...gasInstallation, pressure: si.pascals(P_AMBIENT) });
    const hole = locCasesForEquipment(flat, 0, rules, 'purple-book')[2]!;
    expect(() => releaseSourceTerm(hole, flat, methane, ambient, rules)).toThrow(/pressure: no outflow/);
  });

  it('a solid is refused', () => {
    const solid = installation({ ...tolueneInstallation, phase: 'solid' });
    const [first] = locCasesForEquipment(solid, 0, rules, 'purple-book');
    expect(() => releaseSourceTerm(first!, solid, toluene, ambient, rules)).toThrow(
      /phase: no loss-of-containment/,
    );
  });
});

describe('propane: flash fraction above one half makes everything airborne', () => {
  it('at 60 °C f = 2246·(333.15 − 231.04)/431 800 ≈ 0.531, so min(1, 2f) = 1 and nothing rains out', () => {
    const inst = installation({
      substance: 'propane',
      temperature: si.kelvin(333.15),
      pressure: si.pascals(2.1e6),
      equipment: [chlorineVessel],
    });
    const c = byLoc(cases(inst, propane), 'instantaneous');
    expect(c.flashFraction).toBeCloseTo((2246 * (333.15 - 231.04)) / 4.318e5, 12);
    expect(c.airborneMass).toBe(c.releasedMass);
    expect(c.pool).toBeUndefined();
  });
});
