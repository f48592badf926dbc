import { describe, expect, it } from 'vitest';
import type {
  CodeDistanceRequirement,
  Installation,
  Point,
  PopulationArea,
  Project,
  ProtectionTarget,
} from '../project/types.ts';
import type { TargetCategory } from '../rules/types.ts';
import { si, type Metres } from '../units/index.ts';
import { checkCodeDistances, separationDistance } from './code-distances.ts';

const m = (v: number) => v as Metres;
const pt = (x: number, y: number): Point => [m(x), m(y)];
const square = (cx: number, cy: number, half: number) => [
  pt(cx - half, cy - half),
  pt(cx + half, cy - half),
  pt(cx + half, cy + half),
  pt(cx - half, cy + half),
];

function tank(codeDistances: CodeDistanceRequirement[], outline?: readonly Point[]): Installation {
  return {
    id: 'T1',
    name: 'T1',
    kind: 'storage',
    status: 'existing',
    unit: 'T1',
    position: pt(0, 0),
    ...(outline ? { outline } : {}),
    substance: 'toluene',
    inventory: si.kilograms(1e5),
    temperature: si.kelvin(293.15),
    pressure: si.pascals(101325),
    phase: 'liquid',
    equipment: [],
    scenarios: [],
    codeDistances,
  };
}

const people = {
  population: { day: 1, night: 1 },
  indoorFraction: { day: si.probability(0.93), night: si.probability(0.99) },
};
const target = (
  id: string,
  category: TargetCategory,
  shape: { polygon: Point[] } | { position: Point },
): ProtectionTarget => ({
  id,
  name: id,
  category,
  ...shape,
  ...people,
});
const area = (id: string, position: Point): PopulationArea => ({ id, name: id, position, ...people });

type Site = Pick<Project, 'installations' | 'targets' | 'population'>;
const site = (
  installations: Installation[],
  targets: ProtectionTarget[],
  population: PopulationArea[] = [],
): Site => ({
  installations,
  targets,
  population,
});

const CODE = 'GB 50160-2008 表4.1.9';
const outline = square(0, 0, 5);
// A school whose west wall is 100 m east of the tank's outline (x = 5 → x = 105).
const school = target('S1', 'high-sensitivity', {
  polygon: [pt(105, -10), pt(125, -10), pt(125, 10), pt(105, 10)],
});

describe('checkCodeDistances: measured distances (outline or position → polygon or position)', () => {
  it('measures from the outline to the polygon and complies at exactly the required distance', () => {
    const checks = checkCodeDistances(
      site(
        [
          tank(
            [
              { target: 'S1', code: CODE, required: m(100) },
              { target: 'S1', code: CODE, required: m(100.5) },
            ],
            outline,
          ),
        ],
        [school],
      ),
    );
    expect(checks).toEqual([
      {
        installation: 'T1',
        target: 'S1',
        targetCategory: 'high-sensitivity',
        code: CODE,
        required: 100,
        actual: 100,
        measured: true,
        complies: true,
      },
      {
        installation: 'T1',
        target: 'S1',
        targetCategory: 'high-sensitivity',
        code: CODE,
        required: 100.5,
        actual: 100,
        measured: true,
        complies: false,
      },
    ]);
  });

  it('measures from the position when there is no outline: a 30-40-50 triangle to a point target', () => {
    const checks = checkCodeDistances(
      site(
        [tank([{ target: 'P', code: CODE, required: m(60) }])],
        [target('P', 'general-2', { position: pt(30, 40) })],
      ),
    );
    expect(checks[0]).toMatchObject({
      actual: 50,
      measured: true,
      complies: false,
      targetCategory: 'general-2',
    });
  });

  it('takes the nearest target of the category when no target is named', () => {
    const checks = checkCodeDistances(
      site(
        [tank([{ targetCategory: 'important', code: CODE, required: m(50) }], outline)],
        [
          target('far', 'important', { position: pt(85, 0) }),
          target('near', 'important', { position: pt(5, 65) }),
          target('closer-but-other-class', 'high-sensitivity', { position: pt(5, 10) }),
        ],
      ),
    );
    expect(checks[0]).toMatchObject({
      target: 'near',
      targetCategory: 'important',
      actual: 60,
      measured: true,
      complies: true,
    });
  });

  it('measures to a population area (no category) and gives 0 for overlapping shapes', () => {
    const checks = checkCodeDistances(
      site([tank([{ target: 'A', code: CODE, required: m(20) }], outline)], [], [area('A', pt(3, 3))]),
    );
    expect(checks[0]).toMatchObject({ target: 'A', actual: 0, complies: false });
    expect(checks[0]!.targetCategory).toBeUndefined();
  });

  it('finds crossing shapes at distance 0 even when no corner lies inside the other', () => {
    const bar = [pt(-50, -2), pt(50, -2), pt(50, 2), pt(-50, 2)];
    const column = { id: 'C', polygon: [pt(-2, -50), pt(2, -50), pt(2, 50), pt(-2, 50)] };
    expect(separationDistance({ position: pt(0, 0), outline: bar }, column)).toBe(0);
  });
});

describe('checkCodeDistances: distances the user gives', () => {
  it('uses actual when given, instead of the geometry', () => {
    const checks = checkCodeDistances(
      site(
        [
          tank(
            [
              { target: 'S1', code: CODE, required: m(100), actual: m(90) },
              { targetCategory: 'general-1', code: 'GB 50016-2014 表4.2.1', required: m(25), actual: m(30) },
              { code: 'GB 50074-2014 表4.0.10', required: m(15), actual: m(15) },
            ],
            outline,
          ),
        ],
        [school],
      ),
    );
    expect(checks.map((c) => [c.code, c.target, c.targetCategory, c.actual, c.measured, c.complies])).toEqual(
      [
        [CODE, 'S1', 'high-sensitivity', 90, false, false],
        ['GB 50016-2014 表4.2.1', undefined, 'general-1', 30, false, true],
        ['GB 50074-2014 表4.0.10', undefined, undefined, 15, false, true],
      ],
    );
  });

  it('returns nothing for installations without code distances', () => {
    expect(checkCodeDistances(site([{ ...tank([]), codeDistances: undefined }], [school]))).toEqual([]);
  });
});

describe('checkCodeDistances: bad input names the entry', () => {
  const fails = (req: CodeDistanceRequirement, message: string) =>
    expect(() => checkCodeDistances(site([tank([req], outline)], [school]))).toThrow(message);
  it('an unknown target', () =>
    fails(
      { target: 'X', code: CODE, required: m(10) },
      "installations[0].codeDistances[0].target: no protection target or population area 'X'",
    ));
  it('nothing to measure to', () =>
    fails(
      { code: CODE, required: m(10) },
      'installations[0].codeDistances[0]: expected target or targetCategory',
    ));
  it('a category without targets', () =>
    fails(
      { targetCategory: 'general-3', code: CODE, required: m(10) },
      'installations[0].codeDistances[0].targetCategory: no protection target of category general-3 to measure to',
    ));
  it('an area without shape', () =>
    expect(() => separationDistance({ position: pt(0, 0) }, { id: 'Z' })).toThrow(
      "area 'Z' has neither polygon nor position",
    ));
});
