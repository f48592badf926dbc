import { describe, expect, it } from 'vitest';
import type { Classification } from '../classification/index.ts';
import type { ExplosiveCharge, Installation, Point, Project, ProtectionTarget } from '../project/types.ts';
import type { ExplosivesRules, TargetCategory } from '../rules/types.ts';
import { si, type Metres } from '../units/index.ts';
import { chargeTntMass, consequenceInstallations, consequenceMethod } from './explosives.ts';

const rel = (a: number, b: number) => Math.abs(a / b - 1);
const m = (v: number) => v as Metres;
const pt = (x: number, y: number): Point => [m(x), m(y)];

const PLACEHOLDER = {
  source: 'GB 6722-2014 §13.3.3',
  confidence: 'unsure' as const,
  note: 'to verify',
};

/** The same threshold for every category (the shape of the built-in rule set's placeholders). */
function uniform(pascals: number): { explosives: ExplosivesRules } {
  return {
    explosives: {
      thresholds: (
        ['high-sensitivity', 'important', 'general-1', 'general-2', 'general-3'] as TargetCategory[]
      ).map((targetCategory) => ({
        targetCategory,
        overpressure: { value: si.pascals(pascals), ...PLACEHOLDER },
      })),
    },
  };
}

function magazine(id: string, explosive?: ExplosiveCharge, outline?: readonly Point[]): Installation {
  return {
    id,
    name: id,
    kind: 'storage',
    status: 'new',
    unit: id,
    position: pt(0, 0),
    ...(outline ? { outline } : {}),
    substance: 'tnt',
    inventory: si.kilograms(1000),
    temperature: si.kelvin(293.15),
    pressure: si.pascals(101325),
    phase: 'solid',
    equipment: [],
    scenarios: [],
    ...(explosive ? { explosive } : {}),
  };
}

function target(
  id: string,
  category: TargetCategory,
  shape: { polygon: Point[] } | { position: Point },
): ProtectionTarget {
  return {
    id,
    name: id,
    category,
    ...shape,
    population: { day: 10, night: 10 },
    indoorFraction: { day: si.probability(0.93), night: si.probability(0.99) },
  };
}

type Site = Pick<Project, 'installations' | 'targets' | 'weather'>;
function site(installations: Installation[], targets: ProtectionTarget[], pressure = 101325): Site {
  return {
    installations,
    targets,
    weather: {
      ambient: {
        temperature: si.kelvin(293.15),
        relativeHumidity: si.probability(0.7),
        pressure: si.pascals(pressure),
      },
      dayFraction: si.probability(0.44),
      sectors: 12,
      classes: [],
      defaulted: [],
    },
  };
}

const TONNE_TNT: ExplosiveCharge = { tntEquivalent: si.kilograms(1000) };
/** Swisdak (1994) last piece of the incident-overpressure fit: ln P[kPa] = 6.0536 − 1.4066 ln Z, Z ≥ 23.8. */
const farPieceZ = (kPa: number) => Math.exp((6.0536 - Math.log(kPa)) / 1.4066);

describe('consequenceMethod: required distance = Kingery-Bulmash inverse at the threshold (GB/T 37243 §5)', () => {
  it('1000 kg TNT at 1 psi (6.895 kPa): Z = 18.2 m/kg^(1/3), 182 m [EXP-KB derived, 1 %]', () => {
    const r = consequenceMethod(site([magazine('M1', TONNE_TNT)], []), uniform(6894.757));
    const d = r.installations[0]!.requiredDistance[0]!;
    expect(rel(d.scaledDistance, 18.2)).toBeLessThan(0.01);
    expect(rel(d.distance, 182)).toBeLessThan(0.01);
    expect(d.extrapolated).toBe(false);
  });

  it('1000 kg TNT at the tabulated 115.7 kPa and 283.7 kPa: 30 m and 20 m [EXP-KB table Z = 3, 2; 1 %]', () => {
    const at = (p: number) => consequenceMethod(site([magazine('M1', TONNE_TNT)], []), uniform(p));
    expect(rel(at(115.7e3).installations[0]!.requiredDistance[0]!.distance, 30)).toBeLessThan(0.01);
    expect(rel(at(283.7e3).installations[0]!.requiredDistance[0]!.distance, 20)).toBeLessThan(0.01);
  });

  it('the rule-set placeholder 2 kPa: Z from Swisdak’s far piece in closed form, 452 m for 1000 kg', () => {
    const r = consequenceMethod(site([magazine('M1', TONNE_TNT)], []), uniform(2000));
    const inst = r.installations[0]!;
    expect(inst.requiredDistance).toHaveLength(5);
    for (const d of inst.requiredDistance) {
      expect(rel(d.distance, 10 * farPieceZ(2))).toBeLessThan(1e-9);
      // The result says where the threshold comes from and that it must be verified.
      expect(d).toMatchObject({ threshold: 2000, ...PLACEHOLDER });
    }
    expect(Math.round(inst.requiredDistance[0]!.distance)).toBe(452);
  });

  it('flags a threshold beyond the fit (Z > 198.5 m/kg^(1/3), below about 0.25 kPa) as extrapolated', () => {
    const r = consequenceMethod(site([magazine('M1', TONNE_TNT)], []), uniform(200));
    const d = r.installations[0]!.requiredDistance[0]!;
    expect(d.extrapolated).toBe(true);
    expect(rel(d.distance, 10 * farPieceZ(0.2))).toBeLessThan(1e-9);
  });

  it('scales with the cube root of the charge (Hopkinson-Cranz): 8 t needs twice the distance of 1 t', () => {
    const one = consequenceMethod(site([magazine('M1', TONNE_TNT)], []), uniform(5000));
    const eight = consequenceMethod(
      site([magazine('M8', { tntEquivalent: si.kilograms(8000) })], []),
      uniform(5000),
    );
    expect(
      rel(
        eight.installations[0]!.requiredDistance[0]!.distance,
        2 * one.installations[0]!.requiredDistance[0]!.distance,
      ),
    ).toBeLessThan(1e-12);
  });

  it('multiplies the mass by the TNT factor: 800 kg × 1.25 is 1000 kg TNT', () => {
    const charge: ExplosiveCharge = { mass: si.kilograms(800), tntFactor: 1.25, source: 'data sheet' };
    expect(chargeTntMass(charge)).toBeCloseTo(1000, 12);
    const byFactor = consequenceMethod(site([magazine('M1', charge)], []), uniform(2000));
    const direct = consequenceMethod(site([magazine('M1', TONNE_TNT)], []), uniform(2000));
    expect(byFactor.installations[0]!.tntMass).toBeCloseTo(1000, 12);
    expect(byFactor.installations[0]!.charge).toEqual(charge);
    expect(
      rel(
        byFactor.installations[0]!.requiredDistance[0]!.distance,
        direct.installations[0]!.requiredDistance[0]!.distance,
      ),
    ).toBeLessThan(1e-12);
  });

  it('applies Sachs scaling at the project’s ambient pressure: R = Z(p/s)·(W/s)^(1/3), s = Pa/101325', () => {
    const pa = 80_000;
    const s = pa / 101325;
    const r = consequenceMethod(site([magazine('M1', TONNE_TNT)], [], pa), uniform(2000));
    expect(r.ambientPressure).toBe(pa);
    expect(
      rel(r.installations[0]!.requiredDistance[0]!.distance, farPieceZ(2 / s) * Math.cbrt(1000 / s)),
    ).toBeLessThan(1e-9);
  });
});

describe('consequenceMethod: targets against the required distance of their category', () => {
  // Threshold per class: stricter (lower) for the sensitive class, so its required distance is larger.
  const rules: { explosives: ExplosivesRules } = {
    explosives: {
      thresholds: [
        {
          targetCategory: 'general-3',
          overpressure: { value: si.pascals(10_000), source: 'user', confidence: 'sure' },
        },
        { targetCategory: 'high-sensitivity', overpressure: { value: si.pascals(2000), ...PLACEHOLDER } },
      ],
    },
  };
  const required = consequenceMethod(site([magazine('M1', TONNE_TNT)], []), rules).installations[0]!
    .requiredDistance;
  const school = required.find((d) => d.category === 'high-sensitivity')!.distance;
  const depot = required.find((d) => d.category === 'general-3')!.distance;
  // Installation outline ±5 m; a target polygon whose near edge is `gap` m beyond the outline's east edge.
  const outline = [pt(-5, -5), pt(5, -5), pt(5, 5), pt(-5, 5)];
  const beyond = (gap: number) => [
    pt(5 + gap, -20),
    pt(5 + gap + 40, -20),
    pt(5 + gap + 40, 20),
    pt(5 + gap, 20),
  ];

  it('lists the categories in the order of the classes, each with its own source', () => {
    expect(required.map((d) => [d.category, d.source])).toEqual([
      ['high-sensitivity', PLACEHOLDER.source],
      ['general-3', 'user'],
    ]);
    expect(required[1]!.note).toBeUndefined();
    expect(school).toBeGreaterThan(depot);
  });

  it('a target just outside complies, just inside does not (measured from the outline to the polygon)', () => {
    const r = consequenceMethod(
      site(
        [magazine('M1', TONNE_TNT, outline)],
        [
          target('far', 'high-sensitivity', { polygon: beyond(school * (1 + 1e-9)) }),
          target('near', 'high-sensitivity', { polygon: beyond(school * (1 - 1e-9)) }),
        ],
      ),
      rules,
    );
    const [far, near] = r.installations[0]!.targets;
    expect(far).toMatchObject({ id: 'far', required: school, complies: true });
    expect(rel(far!.distance, school)).toBeLessThan(1e-8);
    expect(near).toMatchObject({ id: 'near', complies: false });
    // At the required distance the overpressure is the threshold itself.
    expect(rel(far!.overpressure, 2000)).toBeLessThan(1e-6);
    expect(r.installations[0]!.complies).toBe(false);
    expect(r.complies).toBe(false);
  });

  it('judges each target by its own class: the same place fails for a school and passes for a depot', () => {
    const gap = (school + depot) / 2;
    const r = consequenceMethod(
      site(
        [magazine('M1', TONNE_TNT, outline)],
        [
          target('S', 'high-sensitivity', { polygon: beyond(gap) }),
          target('D', 'general-3', { polygon: beyond(gap) }),
        ],
      ),
      rules,
    );
    expect(r.installations[0]!.targets.map((t) => [t.id, t.threshold, t.complies])).toEqual([
      ['S', 2000, false],
      ['D', 10_000, true],
    ]);
  });

  it('measures from the position when the installation has no outline, to a target given as a point', () => {
    const r = consequenceMethod(
      site(
        [magazine('M1', TONNE_TNT)],
        [target('P', 'general-3', { position: pt(0.6 * depot, 0.8 * depot * 1.01) })],
      ),
      rules,
    );
    const t = r.installations[0]!.targets[0]!;
    expect(rel(t.distance, Math.hypot(0.6 * depot, 0.808 * depot))).toBeLessThan(1e-12);
    expect(t.complies).toBe(true);
    expect(r.complies).toBe(true);
  });
});

describe('consequenceMethod: which installations, and bad input', () => {
  const plain = magazine('T1');
  it('by default assesses only the installations with an explosive charge', () => {
    const r = consequenceMethod(site([plain, magazine('M1', TONNE_TNT)], []), uniform(2000));
    expect(r.installations.map((i) => i.id)).toEqual(['M1']);
  });

  it('names the missing charge of an installation the method must assess', () => {
    expect(() =>
      consequenceMethod(site([magazine('M1', TONNE_TNT), plain], []), uniform(2000), ['T1']),
    ).toThrow(/^installations\[1\]\.explosive: required for the consequence method/);
    expect(() => consequenceMethod(site([plain], []), uniform(2000), ['X'])).toThrow(/no installation 'X'/);
  });

  it('names a target category without a threshold, a duplicate, and a threshold above the curve', () => {
    const partial: { explosives: ExplosivesRules } = {
      explosives: {
        thresholds: [
          { targetCategory: 'general-3', overpressure: { value: si.pascals(2000), ...PLACEHOLDER } },
        ],
      },
    };
    expect(() =>
      consequenceMethod(
        site([magazine('M1', TONNE_TNT)], [target('S', 'important', { position: pt(500, 0) })]),
        partial,
      ),
    ).toThrow("explosives.thresholds: no threshold for target category important (needed by target 'S')");
    const twice = {
      explosives: { thresholds: [...partial.explosives.thresholds, ...partial.explosives.thresholds] },
    };
    expect(() => consequenceMethod(site([magazine('M1', TONNE_TNT)], []), twice)).toThrow(
      /^explosives\.thresholds\[1\]\.targetCategory: a second threshold for general-3/,
    );
    expect(() => consequenceMethod(site([magazine('M1', TONNE_TNT)], []), uniform(1e9))).toThrow(
      /^explosives\.thresholds\[0\]\.overpressure: overpressure 1000000000 Pa is outside/,
    );
  });

  it('refuses a charge that is not positive, naming the field', () => {
    expect(() => chargeTntMass({ mass: si.kilograms(100), tntFactor: 0 })).toThrow(
      /^explosive\.tntFactor must be > 0/,
    );
    expect(() => chargeTntMass({ mass: si.kilograms(-1), tntFactor: 1 })).toThrow(
      /^explosive\.mass must be > 0/,
    );
    expect(() => chargeTntMass({ tntEquivalent: si.kilograms(0) })).toThrow(
      /^explosive\.tntEquivalent must be > 0/,
    );
  });
});

describe('consequenceInstallations (GB/T 37243 §4 step 1)', () => {
  it('picks the explosive installations of the units classified for the consequence method', () => {
    const project = {
      installations: [
        magazine('M1'),
        { ...magazine('T2'), substance: 'toluene', unit: 'U' },
        { ...magazine('M3'), unit: 'U' },
      ],
    };
    const share = (substance: string, explosive: boolean) => ({ substance, explosive });
    const classification = {
      units: [
        { id: 'M1', installations: ['M1'], method: 'code-distance', substances: [share('tnt', true)] },
        {
          id: 'U',
          installations: ['T2', 'M3'],
          method: 'consequence',
          substances: [share('toluene', false), share('tnt', true)],
        },
      ],
    } as unknown as Pick<Classification, 'units'>;
    expect(consequenceInstallations(project, classification)).toEqual(['M3']);
  });
});
