import { describe, expect, it } from 'vitest';
import { gaussianPlumeMassAbove } from '../../dispersion/flammable-mass.ts';
import {
  gaussianPlumeCentrelineExtent,
  gaussianPlumeConcentration,
} from '../../dispersion/gaussian-plume.ts';
import { briggsCoefficients, powerLawCoefficients } from '../../dispersion/sigmas.ts';
import { multiEnergyOverpressureField } from '../../explosion/multi-energy.ts';
import { poolFire, poolFireHeatFluxDownwind } from '../../fire/pool.ts';
import { toxicIndividualRiskAtPoint } from '../../individual-risk/toxic-ir-point.ts';
import { eventDeathProbability } from '../../risk/individual.ts';
import { individualRiskLayers } from '../../risk/individual-grid.ts';
import { PURPLE_BOOK_RULES } from '../../vulnerability/lethality.ts';
import { standardNormalCdf } from '../../vulnerability/normal.ts';
import { thermalProbit } from '../../vulnerability/thermal.ts';
import { toxicProbit } from '../../vulnerability/toxic.ts';
import { ambientConcentration, releaseCloud } from './cloud.ts';
import { outcomeEventsOfInput } from './events.ts';
import {
  ambientAtmosphere,
  explosionCharge,
  explosionFootprints,
  flashFireFootprints,
  poolFireFootprints,
  toxicFootprints,
} from './footprints.ts';
import type { OutcomeAmbient, OutcomeInput, OutcomeWeather } from './input.ts';
import { PB_IGNITION, PB_VULNERABILITY, testSubstance } from './test-substances.ts';

const ambient: OutcomeAmbient = {
  temperature: 293.15 as never,
  pressure: 101_325 as never,
  relativeHumidity: 0.7 as never,
};
const D5: OutcomeWeather = { id: 'D5', stability: 'D', windSpeed: 5 as never, probability: 1 as never };
const rules = PURPLE_BOOK_RULES;

const CO_PROBIT = { a: -7.4, b: 1, n: 1, units: 'mg/m3-min' as const };
const carbonMonoxide = testSubstance({
  id: 'carbon-monoxide',
  hazards: ['toxic_gas'],
  molarMass: 0.02801 as never,
  toxicProbit: CO_PROBIT,
});
const propane = testSubstance({
  id: 'propane',
  hazards: ['flammable_gas'],
  reactivity: 'medium',
  molarMass: 0.0441 as never,
  lowerFlammabilityLimit: 0.021 as never,
  upperFlammabilityLimit: 0.095 as never,
  heatOfCombustion: 46.35e6 as never,
});
const gasoline = testSubstance({
  id: 'gasoline',
  hazards: ['flammable_liquid'],
  flammableLiquidClass: 'K1',
  molarMass: 0.1 as never,
  heatOfCombustion: 43.7e6 as never,
  poolBurningRate: { maxBurningRate: 0.055 as never, kBeta: 2.1 },
  lowerFlammabilityLimit: 0.014 as never,
});

const gasRelease: OutcomeInput = {
  id: 'S1',
  frequency: 1e-5,
  mode: 'continuous',
  phaseAtExit: 'gas',
  releaseRate: 10 as never,
  airborneRate: 10 as never,
  duration: 1800 as never,
  jetVelocity: 300 as never,
  releaseHeight: 0 as never,
  releaseTemperature: 293.15 as never,
  storageTemperature: 293.15 as never,
  vesselPressure: 1e6 as never,
};

describe('toxic footprint', () => {
  it('equals the probit of the Gaussian plume concentration on the centreline (PB eq. 5.1; models.md §3.1)', () => {
    const release = { ...gasRelease, releaseRate: 50 as never, airborneRate: 50 as never };
    const cloud = releaseCloud(release, carbonMonoxide, D5, ambient, { denseGas: 'passive' });
    const gas = { molarMass: 0.02801 as never, temperature: ambient.temperature };
    const fp = toxicFootprints(cloud, CO_PROBIT, gas, rules, { cellSize: 10 });
    const source = {
      releaseRate: 50 as never,
      windSpeed: 5 as never,
      coefficients: briggsCoefficients('D', 'rural'),
    };
    for (const x of [50, 100, 200]) {
      const c = gaussianPlumeConcentration(source, x as never, 0 as never, 0 as never);
      const expected = standardNormalCdf(toxicProbit(CO_PROBIT, c, 1800 as never) - 5);
      expect(expected).toBeGreaterThan(0.01);
      expect(fp.individual.lethality(x, 0)).toBeCloseTo(expected, 12);
      expect(fp.indoor.lethality(x, 0)).toBeCloseTo(0.1 * expected, 12);
    }
    // The footprint ends where the centreline lethality falls to the 1 % cut-off.
    const end = fp.individual.reach;
    expect(fp.individual.lethality(end, 0)).toBe(0);
  });

  it('reproduces the Purple Book Appendix 6.B chain through the engine (standards.md B §6, models.md §8.2)', () => {
    // CO 100 kg/s, u = 5 m/s, σy = 28.8 m and σz = 10.3 m at R = 361 m, release and receptor at 1 m, 30 min,
    // 12 sectors, 1 % cut-off. σ(x) is imposed as power laws through the printed values at R.
    const R = 361;
    const sigmas = powerLawCoefficients({ a: 28.8 / R ** 0.9, b: 0.9, c: 10.3 / R ** 0.8, d: 0.8 });
    const release = {
      ...gasRelease,
      releaseRate: 100 as never,
      airborneRate: 100 as never,
      releaseHeight: 1 as never,
    };
    const cloud = releaseCloud(release, carbonMonoxide, D5, ambient, {
      denseGas: 'passive',
      plumeSigmas: sigmas,
      receptorHeight: 1,
    });
    const gas = { molarMass: 0.02801 as never, temperature: ambient.temperature };
    const fp = toxicFootprints(cloud, CO_PROBIT, gas, rules, { cellSize: 2 });
    const uniform = new Array<number>(12).fill(1 / 12);
    const engine = eventDeathProbability(fp.individual, [0, 0], 0, R, uniform);
    const chain = toxicIndividualRiskAtPoint({
      releaseRate: 100 as never,
      windSpeed: 5 as never,
      distance: R as never,
      sigmaY: 28.8 as never,
      sigmaZ: 10.3 as never,
      constants: CO_PROBIT,
      frequency: 1 as never,
      directionProbability: 1 as never,
      releaseHeight: 1 as never,
      receptorHeight: 1 as never,
      exposure: 1800 as never,
      sectors: 12,
      cutoff: 0.01 as never,
    });
    // P_d·P_φ with P_φ = 1/12: the Purple Book prints P_d = 0.381 (exact chain 0.380).
    expect(Math.abs(chain.deathProbability - 0.381)).toBeLessThanOrEqual(0.0015);
    // The engine averages the footprint over the arc at R instead of the straight cross-section at R (the
    // book's narrow-plume approximation) and reads a tabulated G: agreement to 0.1 % (found: 7e-5).
    expect(Math.abs(engine / (chain.deathProbability / 12) - 1)).toBeLessThan(1e-3);
    // And against the printed value itself, P_d = 0.381 (±0.0015 as in toxic-ir-point.test.ts).
    expect(Math.abs(engine * 12 - 0.381)).toBeLessThanOrEqual(0.0015);

    // The engine's own grid, with a cell centre on the book's point (0, R): f = 5e-7/yr and P_M·P_φ = 0.0368
    // (P_φ = 1/12 of a uniform rose, so P_M = 12 × 0.0368) give the printed ΔIR = 7.0e-9/yr (2 digits).
    const grid = { x0: -2, y0: R - 2, cellSize: 1, nx: 5, ny: 5 };
    const event = {
      installationId: 'CO',
      scenarioId: 'PB-6B',
      outcome: 'toxic',
      effect: 'toxic' as const,
      weatherClassId: 'D5',
      source: [0, 0] as const,
      frequency: 5e-7 * 12 * 0.0368,
      individual: fp.individual,
      societal: { indoor: fp.indoor, outdoor: fp.outdoor },
    };
    const layer = individualRiskLayers([event], { sectors: 12, byClass: { D5: uniform } }, grid).get('CO')!;
    const cell = layer[2 * grid.nx + 2]!;
    expect(Math.abs(cell / 7.0e-9 - 1)).toBeLessThan(0.01);
  });
});

describe('flash-fire footprint', () => {
  it('is 1 up to the centreline LFL distance of the plume and 0 beyond it (PB Fig. 5.3)', () => {
    const cloud = releaseCloud(gasRelease, propane, D5, ambient, { denseGas: 'passive' });
    const lfl = ambientConcentration(0.021, 0.0441 as never, ambient);
    const fp = flashFireFootprints(cloud, lfl, rules, { cellSize: 2 });
    const source = {
      releaseRate: 10 as never,
      windSpeed: 5 as never,
      coefficients: briggsCoefficients('D', 'rural'),
    };
    const xLfl = gaussianPlumeCentrelineExtent(source, lfl).end;
    expect(fp.individual.lethality(0.999 * xLfl, 0)).toBe(1);
    expect(fp.individual.lethality(1.001 * xLfl, 0)).toBe(0);
    expect(fp.individual.reach).toBeGreaterThanOrEqual(xLfl);
    // Directional: nothing upwind.
    expect(fp.individual.lethality(0.5 * xLfl, Math.PI)).toBe(0);
  });
});

describe('flash-fire envelope read from the sampled half-width', () => {
  // The footprint samples W(x) = halfWidthAt(x, LFL) every half cell; the model's own envelope is
  // {C(x, y) ≥ LFL}. Their areas, counted on the same fine lattice, must agree to a small fraction of a
  // half-cell strip along the cloud (here 0.5 %).
  const cases: [string, OutcomeInput, OutcomeWeather, 'auto' | 'passive'][] = [
    ['passive ground-level plume', gasRelease, D5, 'passive'],
    [
      'elevated plume',
      { ...gasRelease, releaseRate: 100 as never, airborneRate: 100 as never, releaseHeight: 3 as never },
      D5,
      'passive',
    ],
    [
      'dense propane plume (top-hat, Britter-McQuaid)',
      {
        ...gasRelease,
        releaseRate: 40 as never,
        airborneRate: 40 as never,
        releaseTemperature: 231 as never,
      },
      { ...D5, stability: 'F', windSpeed: 1.5 as never },
      'auto',
    ],
    [
      'passive puff',
      {
        ...gasRelease,
        mode: 'instantaneous',
        mass: 2000 as never,
        airborneMass: 2000 as never,
      } as OutcomeInput,
      D5,
      'passive',
    ],
  ];
  for (const [name, release, weather, denseGas] of cases) {
    it(name, () => {
      const cloud = releaseCloud(release, propane, weather, ambient, { denseGas });
      expect(cloud.dense).toBe(denseGas === 'auto');
      const lfl = ambientConcentration(0.021, 0.0441 as never, ambient);
      const fp = flashFireFootprints(cloud, lfl, rules, { cellSize: 4 });
      const end = cloud.extent(lfl).end;
      expect(end).toBeGreaterThan(0);
      const dx = end / 800;
      let model = 0;
      let sampled = 0;
      let widest = 0;
      for (let x = dx / 2; x < end + 10; x += dx) {
        const w = cloud.halfWidthAt(x, lfl);
        widest = Math.max(widest, w);
        const dy = Math.max(w, 1) / 200;
        for (let y = dy / 2; y < 1.2 * Math.max(w, 1); y += dy) {
          if (cloud.concentrationAt(x, y) >= lfl) model += dx * dy;
          const r = Math.hypot(x, y);
          if (fp.individual.lethality(r, Math.atan2(y, x)) === 1) sampled += dx * dy;
        }
      }
      expect(model).toBeGreaterThan(0);
      expect(Math.abs(sampled / model - 1)).toBeLessThan(0.005);
    });
  }
});

describe('explosion footprint', () => {
  it('has rings at the Multi-Energy distances to 30 kPa and 10 kPa about the cloud centre (PB Fig. 5.5)', () => {
    const release = { ...gasRelease, releaseRate: 50 as never, airborneRate: 50 as never };
    const weather = { ...D5, stability: 'F' as const, windSpeed: 1.5 as never };
    const cloud = releaseCloud(release, propane, weather, ambient, { denseGas: 'passive' });
    const lfl = ambientConcentration(0.021, 0.0441 as never, ambient);
    const ufl = ambientConcentration(0.095, 0.0441 as never, ambient);
    const charge = explosionCharge(cloud, propane, ambient, lfl, ufl, rules)!;
    const source = {
      releaseRate: 50 as never,
      windSpeed: 1.5 as never,
      coefficients: briggsCoefficients('F', 'rural'),
    };
    const mass = gaussianPlumeMassAbove(source, lfl).mass - gaussianPlumeMassAbove(source, ufl).mass;
    expect(charge.flammableMass).toBeCloseTo(mass, 9);
    const field = multiEnergyOverpressureField(7, (mass * 46.35e6) as never, ambient.pressure);
    expect(charge.certainDeathRadius).toBeCloseTo(field.distanceTo(30_000), 6);
    expect(charge.noEffectRadius).toBeCloseTo(field.distanceTo(10_000), 6);
    const fp = explosionFootprints(charge, rules);
    const c = charge.centre;
    const r30 = charge.certainDeathRadius;
    const r10 = charge.noEffectRadius;
    expect(fp.individual.lethality(c + 0.99 * r30, 0)).toBe(1);
    expect(fp.individual.lethality(c + 1.01 * r30, 0)).toBe(0);
    expect(fp.indoor.lethality(c + 1.01 * r30, 0)).toBe(0.025);
    expect(fp.indoor.lethality(c + 1.01 * r10, 0)).toBe(0);
    expect(fp.outdoor.lethality(c + 1.01 * r30, 0)).toBe(0);
    // The individual is certain to die inside the 30 kPa disc and unharmed outside it: nothing beyond c + r30.
    expect(fp.individual.reach).toBeCloseTo(c + r30, 9);
    expect(fp.indoor.reach).toBeCloseTo(c + r10, 9);
    // Every band agrees with the blast model itself at points across the wind (PB Fig. 5.5 thresholds).
    for (const [x, y] of [
      [c, 0.5 * r30],
      [c + 0.3 * r30, 0.9 * r30],
      [c - 0.2 * r10, 0.7 * r10],
      [c, 0.99 * r10],
    ] as const) {
      const d = Math.hypot(x - c, y);
      const over = field.overpressureAt(d);
      const r = Math.hypot(x, y);
      const alpha = Math.atan2(y, x);
      expect(fp.individual.lethality(r, alpha)).toBe(over > 30_000 ? 1 : 0);
      expect(fp.indoor.lethality(r, alpha)).toBe(over > 30_000 ? 1 : over > 10_000 ? 0.025 : 0);
    }
  });
});

describe('pool-fire footprint', () => {
  const release: OutcomeInput = {
    ...gasRelease,
    phaseAtExit: 'liquid',
    airborneRate: 0 as never,
    pool: { diameter: 10 as never, evaporationRate: 0.5 as never, duration: 1800 as never },
  };
  const fire = poolFire({
    poolDiameter: 10 as never,
    heatOfCombustion: 43.7e6 as never,
    maxBurningRate: 0.055 as never,
    kBeta: 2.1,
    airDensity: ((101_325 * 0.028964) / (8.314462618 * 293.15)) as never,
  });
  const flux = (r: number) => poolFireHeatFluxDownwind(fire, r as never, ambientAtmosphere(ambient)).heatFlux;

  it('reaches lethality 1 exactly where the flame gives the certain-death flux, the heat probit beyond (PB Fig. 5.4)', () => {
    // The emissive power of this sooty 10 m pool (≈ 43 kW/m², YB eq. 6.20) gives 35 kW/m² only in the flame;
    // a certain-death flux of 15 kW/m² (a rule-set value an assessor may set) is reached outside it.
    const lowered = { ...rules, thermalCertainDeathFlux: 15_000 as never };
    const fp = poolFireFootprints(release, gasoline, ambient, lowered, { cellSize: 5 });
    const rc = fp.certainDeathRadius;
    expect(rc).toBeGreaterThan(5);
    expect(Math.abs(flux(rc) / 15_000 - 1)).toBeLessThan(1e-6);
    expect(fp.individual.lethality(rc, 0)).toBe(1);
    expect(fp.indoor.lethality(rc, 0)).toBe(1);
    expect(fp.indoor.lethality(rc * 1.01, 0)).toBe(0);
    // At a tabulation node the profile is the heat probit at min(duration, 20 s), in every direction.
    const r = 2.5 * (Math.floor(rc / 2.5) + 1);
    const expected = standardNormalCdf(thermalProbit(flux(r) as never, 20 as never) - 5);
    expect(expected).toBeGreaterThan(0.01);
    expect(fp.individual.lethality(r, 1.3)).toBeCloseTo(expected, 12);
    expect(fp.outdoor.lethality(r, 0)).toBeCloseTo(0.14 * expected, 12);
  });

  it('with 35 kW/m² the certain-death zone is the flame itself (the pool), where the flux jumps below it', () => {
    const fp = poolFireFootprints(release, gasoline, ambient, rules, { cellSize: 5 });
    expect(flux(5.0001)).toBeLessThan(35_000);
    expect(fp.certainDeathRadius).toBeCloseTo(5, 6);
  });
});

describe('risk events of a release', () => {
  it('one event per outcome and weather class, frequency = f × P(outcome) × P(weather)', () => {
    const classes: OutcomeWeather[] = [
      { id: 'D5', stability: 'D', windSpeed: 5 as never, probability: 0.7 as never },
      { id: 'F1.5', stability: 'F', windSpeed: 1.5 as never, probability: 0.3 as never },
    ];
    const events = outcomeEventsOfInput(
      { ...gasRelease, releaseHeight: 2 as never },
      propane,
      classes,
      ambient,
      { ignition: PB_IGNITION, vulnerability: PB_VULNERABILITY },
      { installationId: 'T1', position: [100 as never, 200 as never], cellSize: 10, denseGas: 'passive' },
    );
    expect(events.map((e) => `${e.outcome}@${e.weatherClassId}`)).toEqual([
      'jet-fire@D5',
      'flash-fire@D5',
      'explosion@D5',
      'jet-fire@F1.5',
      'flash-fire@F1.5',
      'explosion@F1.5',
    ]);
    // PB Table 4.5: 10 kg/s is in the closed middle band → 0.5.
    expect(events[0]!.frequency).toBeCloseTo(1e-5 * 0.5 * 0.7, 20);
    expect(events[4]!.frequency).toBeCloseTo(1e-5 * 0.5 * 0.6 * 0.3, 20);
    expect(events.every((e) => e.source[0] === 100 && e.source[1] === 200)).toBe(true);
    expect(events[0]!.effect).toBe('heat');
    expect(events[0]!.individual.radial).toBe(true);
    expect(events[1]!.individual.radial).toBe(false);
  });
});
