import { describe, expect, it } from 'vitest';
import type { Installation, Project } from '../project/types.ts';
import type { MajorHazardRules, Sourced } from '../rules/types.ts';
import { si, type Kilograms, type Metres } from '../units/index.ts';
import {
  alphaFactor,
  betaFactor,
  classifyProject,
  criticalQuantity,
  describeReason,
  estimateExposedPeople,
  majorHazardGrade,
  shapeDistance,
  type ClassificationRules,
  type SubstanceFacts,
} from './index.ts';

// The rules below are written out by hand from spec/standards.md, not read from the built-in rule-set file,
// so that these tests check the classification logic against the published tables themselves.
const s = <T>(value: T): Sourced<T> => ({ value, source: 'spec/standards.md A §5', confidence: 'sure' });
const t = (tonnes: number) => s((tonnes * 1000) as Kilograms);

/** GB 18218-2018 rows used here (spec/standards.md A §5.2–5.4). */
const majorHazard: MajorHazardRules = {
  identificationThreshold: s(1),
  named: [
    { row: 1, nameZh: '氨', nameEn: 'ammonia', cas: ['7664-41-7'], criticalQuantity: t(10) },
    { row: 12, nameZh: '氯', nameEn: 'chlorine', cas: ['7782-50-5'], criticalQuantity: t(5) },
    { row: 13, nameZh: '煤气', nameEn: 'town gas (CO)', cas: [], criticalQuantity: t(20) },
    { row: 35, nameZh: 'TNT', nameEn: 'TNT', cas: ['118-96-7'], criticalQuantity: t(5) },
    { row: 49, nameZh: '甲烷，天然气', nameEn: 'methane', cas: ['74-82-8'], criticalQuantity: t(50) },
    { row: 64, nameZh: '甲苯', nameEn: 'toluene', cas: ['108-88-3'], criticalQuantity: t(500) },
  ],
  categories: [
    { code: 'W1.1', description: 'explosives 1.1', criticalQuantity: t(1), beta: s(2) },
    { code: 'W2', description: 'flammable gas', criticalQuantity: t(10), beta: s(1.5) },
    { code: 'W5.3', description: 'flammable liquid cat. 2', criticalQuantity: t(1000), beta: s(1) },
  ],
  toxicGasBeta: [
    { nameZh: '氨', nameEn: 'ammonia', cas: ['7664-41-7'], beta: s(2) },
    { nameZh: '氯', nameEn: 'chlorine', cas: ['7782-50-5'], beta: s(4) },
  ],
  defaultBeta: s(1),
  alpha: [
    { minPeople: 100, alpha: s(2) },
    { minPeople: 50, maxPeople: 99, alpha: s(1.5) },
    { minPeople: 30, maxPeople: 49, alpha: s(1.2) },
    { minPeople: 1, maxPeople: 29, alpha: s(1) },
    { minPeople: 0, maxPeople: 0, alpha: s(0.5) },
  ],
  grades: [
    { grade: '一级', minR: s(100) },
    { grade: '二级', minR: s(50) },
    { grade: '三级', minR: s(10) },
    { grade: '四级', minR: s(0) },
  ],
};

const rules: ClassificationRules = {
  majorHazard,
  methodSelection: {
    qraThreshold: s(1),
    sumScope: s('toxic-or-flammable-gas' as const),
    wholeEnterprise: s(true),
  },
};

const facts = (f: Partial<SubstanceFacts> & Pick<SubstanceFacts, 'id' | 'hazards'>): SubstanceFacts => ({
  nameZh: f.id,
  nameEn: f.id,
  cas: '',
  ...f,
});

const SUBSTANCES: Record<string, SubstanceFacts> = {
  chlorine: facts({ id: 'chlorine', cas: '7782-50-5', hazards: ['toxic_gas', 'oxidizer'] }),
  ammonia: facts({ id: 'ammonia', cas: '7664-41-7', hazards: ['toxic_gas', 'flammable_gas'] }),
  methane: facts({ id: 'methane', cas: '74-82-8', hazards: ['flammable_gas'] }),
  toluene: facts({ id: 'toluene', cas: '108-88-3', hazards: ['flammable_liquid'] }),
  tnt: facts({ id: 'tnt', cas: '118-96-7', hazards: ['explosive'] }),
  propylene: facts({
    id: 'propylene',
    cas: '115-07-1',
    hazards: ['flammable_gas'],
    gb18218: { category: 'W2' },
  }),
  'n-heptane': facts({
    id: 'n-heptane',
    cas: '142-82-5',
    hazards: ['flammable_liquid'],
    gb18218: { category: 'W5.3' },
  }),
  dodecane: facts({ id: 'dodecane', cas: '112-40-3', hazards: ['combustible_liquid'] }),
};
const substanceOf = (id: string) => SUBSTANCES[id];

const m = (v: number) => v as Metres;

function installation(id: string, substance: string, tonnes: number, unit = id): Installation {
  return {
    id,
    name: id,
    kind: 'storage',
    status: 'existing',
    unit,
    position: [m(0), m(0)],
    substance,
    inventory: (tonnes * 1000) as Kilograms,
    temperature: si.kelvin(293.15),
    pressure: si.pascals(7e5),
    phase: 'liquefied-gas',
    equipment: [],
    scenarios: [],
  };
}

function project(installations: Installation[], residentsWithin500m?: number): Project {
  return {
    format: 'safedist-project',
    version: 1,
    name: 'test',
    site: { rotation: si.degrees(0), ...(residentsWithin500m === undefined ? {} : { residentsWithin500m }) },
    weather: {
      ambient: {
        temperature: si.kelvin(293.15),
        relativeHumidity: si.probability(0.7),
        pressure: si.pascals(101325),
      },
      dayFraction: si.probability(0.44),
      sectors: 1,
      classes: [],
      defaulted: [],
    },
    installations,
    targets: [],
    population: [],
    probes: [],
    settings: {
      ruleSet: { id: 'test', version: 1 },
      cellSize: m(5),
      thermalCertainDeathFlux: si.wattsPerSquareMetre(35000),
      locCatalogue: 'purple-book',
      newInstallationRule: 'total',
    },
  };
}

describe('GB 18218-2018 critical quantity and β (spec/standards.md A §5.2–5.4)', () => {
  it('takes Q of a named substance from Table 1 by CAS: chlorine 5 t (row 12)', () => {
    const q = criticalQuantity(majorHazard, SUBSTANCES.chlorine!);
    expect(q.value).toBe(5000);
    expect(q.reasons[0]).toMatchObject({ key: 'q.table-1', params: { row: 12 } });
  });
  it('takes Q of an unnamed substance from its Table 2 category: propylene W2 = 10 t', () => {
    expect(criticalQuantity(majorHazard, SUBSTANCES.propylene!).value).toBe(10_000);
  });
  it('prefers the Table 1 row the library names over a CAS match', () => {
    const co = facts({
      id: 'carbon-monoxide',
      cas: '630-08-0',
      hazards: ['toxic_gas'],
      gb18218: { table1Row: 49 },
    });
    expect(criticalQuantity(majorHazard, co).value).toBe(50_000);
  });
  it('reports a library Q that differs from the rule set and uses the rule set', () => {
    const wrong = { ...SUBSTANCES.chlorine!, gb18218: { criticalQuantity: 10_000 as Kilograms } };
    const q = criticalQuantity(majorHazard, wrong);
    expect(q.value).toBe(5000);
    expect(q.reasons.map((r) => r.key)).toContain('q.library-differs');
  });
  it('leaves a substance outside GB 18218 without Q', () => {
    expect(criticalQuantity(majorHazard, SUBSTANCES.dodecane!).value).toBeUndefined();
  });
  it('takes β of a named toxic gas from Table 3 (chlorine 4, ammonia 2), else from Table 4 by category', () => {
    expect(betaFactor(majorHazard, SUBSTANCES.chlorine!).value).toBe(4);
    expect(betaFactor(majorHazard, SUBSTANCES.ammonia!).value).toBe(2);
    expect(betaFactor(majorHazard, SUBSTANCES['n-heptane']!).value).toBe(1);
  });
  it('marks a β implied by a hazard flag as unsure (methane: flammable gas, W2 β = 1.5)', () => {
    const b = betaFactor(majorHazard, SUBSTANCES.methane!);
    expect(b.value).toBe(1.5);
    expect(b.provenance.confidence).toBe('unsure');
    expect(b.reason.key).toBe('beta.from-hazard');
  });
  it('α by people within 500 m: 0 → 0.5, 1–29 → 1.0, 30–49 → 1.2, 50–99 → 1.5, ≥ 100 → 2.0', () => {
    const cases: [number, number][] = [
      [0, 0.5],
      [1, 1],
      [29, 1],
      [30, 1.2],
      [49, 1.2],
      [50, 1.5],
      [99, 1.5],
      [100, 2],
      [5000, 2],
    ];
    for (const [people, alpha] of cases) expect(alphaFactor(majorHazard, people).value).toBe(alpha);
  });
  it('grades R at the bounds of GB 18218 §4.3: ≥ 100 一级, [50, 100) 二级, [10, 50) 三级, < 10 四级', () => {
    const cases: [number, string][] = [
      [100, '一级'],
      [99.999, '二级'],
      [50, '二级'],
      [49.9, '三级'],
      [10, '三级'],
      [9.99, '四级'],
      [0, '四级'],
    ];
    for (const [r, grade] of cases) expect(majorHazardGrade(majorHazard, r)).toBe(grade);
  });
});

describe('classifyProject (GB 18218 §4.2–4.3, GB/T 37243 §4)', () => {
  it('20 t of chlorine with Q = 5 t gives Σq/Q = 4; with 1–29 residents α = 1, R = 1·4·4 = 16, 三级 (spec/project-format.md output example)', () => {
    const c = classifyProject(project([installation('T101', 'chlorine', 20)], 10), rules, substanceOf);
    const u = c.units[0]!;
    expect(u.sumQOverQ).toBeCloseTo(4, 12);
    expect(u.majorHazard).toBe(true);
    expect(u.R).toBeCloseTo(16, 12);
    expect(u.grade).toBe('三级');
    expect(u.method).toBe('qra');
    expect(c.method).toBe('qra');
    expect(c.majorHazardGrade).toEqual({ unit: 'T101', R: u.R, grade: '三级' });
    expect(c.reasons.map((r) => r.key)).toEqual(['alpha.entered', 'enterprise.whole-qra']);
  });
  it('sums q/Q over the installations of one unit: 2.5 t chlorine + 5 t ammonia = 0.5 + 0.5 = 1, a major hazard (S ≥ 1)', () => {
    const c = classifyProject(
      project([installation('A', 'chlorine', 2.5, 'U1'), installation('B', 'ammonia', 5, 'U1')], 0),
      rules,
      substanceOf,
    );
    expect(c.units).toHaveLength(1);
    const u = c.units[0]!;
    expect(u.installations).toEqual(['A', 'B']);
    expect(u.sumQOverQ).toBeCloseTo(1, 12);
    expect(u.majorHazard).toBe(true);
    // R = α·Σβq/Q = 0.5·(4·0.5 + 2·0.5) = 1.5 → 四级
    expect(u.R).toBeCloseTo(1.5, 12);
    expect(u.grade).toBe('四级');
  });
  it('adds the same substance of two installations in a unit before dividing by Q', () => {
    const c = classifyProject(
      project([installation('A', 'chlorine', 2, 'U1'), installation('B', 'chlorine', 2, 'U1')], 0),
      rules,
      substanceOf,
    );
    expect(c.units[0]!.substances).toHaveLength(1);
    expect(c.units[0]!.sumQOverQ).toBeCloseTo(0.8, 12);
    expect(c.units[0]!.majorHazard).toBe(false);
    expect(c.units[0]!.grade).toBeUndefined();
  });
  it('explosives take the consequence method whatever their quantity', () => {
    const c = classifyProject(project([installation('X', 'tnt', 0.1)], 0), rules, substanceOf);
    expect(c.units[0]!.method).toBe('consequence');
    expect(c.method).toBe('consequence');
  });
  it('a flammable-liquid major hazard is not a gas: code distances (toluene 1000 t, Σq/Q = 2)', () => {
    const c = classifyProject(project([installation('L', 'toluene', 1000)], 0), rules, substanceOf);
    expect(c.units[0]!.sumQOverQ).toBeCloseTo(2, 12);
    expect(c.units[0]!.majorHazard).toBe(true);
    expect(c.units[0]!.methodSumQOverQ).toBe(0);
    expect(c.units[0]!.method).toBe('code-distance');
  });
  it('only gases enter the method sum: 40 t methane (0.8) + 500 t toluene (1) is a major hazard but no QRA', () => {
    const c = classifyProject(
      project([installation('G', 'methane', 40, 'U'), installation('L', 'toluene', 500, 'U')], 0),
      rules,
      substanceOf,
    );
    const u = c.units[0]!;
    expect(u.sumQOverQ).toBeCloseTo(1.8, 12);
    expect(u.methodSumQOverQ).toBeCloseTo(0.8, 12);
    expect(u.method).toBe('code-distance');
  });
  it('one QRA unit makes the enterprise method QRA and lists the other methods', () => {
    const c = classifyProject(
      project(
        [installation('G', 'methane', 100), installation('X', 'tnt', 1), installation('L', 'toluene', 1)],
        0,
      ),
      rules,
      substanceOf,
    );
    expect(c.units.map((u) => u.method)).toEqual(['qra', 'consequence', 'code-distance']);
    expect(c.method).toBe('qra');
    expect(c.methods).toEqual(['qra', 'consequence', 'code-distance']);
  });
  it('throws naming the substance when it is unknown', () => {
    expect(() =>
      classifyProject(project([installation('Z', 'unobtainium', 1)], 0), rules, substanceOf),
    ).toThrow(/unknown substance 'unobtainium'/);
  });
  it('words its reasons for the CLI', () => {
    const c = classifyProject(project([installation('T101', 'chlorine', 20)], 10), rules, substanceOf);
    expect(c.units[0]!.reasons.map(describeReason)).toContain(
      'chlorine: Q = 5 t, GB 18218 Table 1 row 12 (氯)',
    );
  });
});

describe('people within 500 m (GB 18218 §4.3 α)', () => {
  const square = (x0: number, y0: number, side: number) =>
    [
      [x0, y0],
      [x0 + side, y0],
      [x0 + side, y0 + side],
      [x0, y0 + side],
    ].map(([x, y]) => [m(x!), m(y!)] as const);

  it('measures the gap between two squares 600 m apart as 600 m, and 0 for crossing shapes', () => {
    expect(shapeDistance(square(0, 0, 100), square(700, 0, 100))).toBeCloseTo(600, 9);
    const bar = [
      [m(-50), m(40)],
      [m(150), m(40)],
      [m(150), m(60)],
      [m(-50), m(60)],
    ] as const;
    expect(shapeDistance(square(0, 0, 100), bar)).toBe(0);
  });
  it('counts areas within 500 m of the boundary, each with the larger of its day and night population', () => {
    const p = project([installation('T', 'chlorine', 1)]);
    const withAreas: Project = {
      ...p,
      site: { ...p.site, boundary: square(0, 0, 100) },
      population: [
        {
          id: 'near',
          name: 'near',
          polygon: square(550, 0, 50),
          population: { day: 20, night: 35 },
          indoorFraction: { day: si.probability(0.93), night: si.probability(0.99) },
        },
        {
          id: 'far',
          name: 'far',
          position: [m(700), m(50)],
          population: { day: 1000, night: 1000 },
          indoorFraction: { day: si.probability(0.93), night: si.probability(0.99) },
        },
      ],
    };
    const e = estimateExposedPeople(withAreas);
    expect(e).toEqual({ people: 35, reference: 'plant boundary', areas: ['near'] });
    expect(classifyProject(withAreas, rules, substanceOf).alpha).toMatchObject({
      value: 1.2,
      estimated: true,
    });
  });
});
