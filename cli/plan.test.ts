import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../data/project/index.ts';
import { getRuleSet } from '../data/rules/index.ts';
import { assessProject, judgeProject } from '../core/qra/assess.ts';
import type { Project } from '../core/project/types.ts';
import { si } from '../core/units/index.ts';
import {
  applyChanges,
  assessAtCandidateSite,
  planProject,
  relocationDistances,
  variantProject,
  type PlanOptions,
} from '../core/plan/index.ts';
import { runCli } from './run-for-test.ts';

/**
 * Analytic projects: one installation with a user-defined scenario of circular zones (lethality L inside
 * radius r, 0 outside, boundary included), one weather class, a uniform rose. The individual risk at a
 * point at distance d is f · L for d ≤ r, else 0 — closed form, independent of the wind.
 */
const rules = getRuleSet('GB36894-2018', 1);
const substanceOf = () => undefined;
const options: PlanOptions = { rules, substanceOf, moveGrid: 10 };

function project(over: {
  frequency?: number;
  zones?: { radius: number; lethality: number }[];
  targets?: unknown[];
  boundary?: number[][];
  position?: { x: number; y: number };
}): Project {
  const json = {
    format: 'safedist-project',
    version: 1,
    name: 'analytic',
    site: over.boundary ? { boundary: over.boundary } : {},
    weather: {
      classes: [{ id: 'D5', stability: 'D', windSpeed: 5, probability: 1 }],
      windRose: { sectors: 4, probabilities: [0.25, 0.25, 0.25, 0.25] },
    },
    installations: [
      {
        id: 'U1',
        name: 'zone unit',
        kind: 'storage',
        status: 'existing',
        position: over.position ?? { x: 0, y: 0 },
        substance: 'chlorine',
        inventory: '20 t',
        temperature: '20 degC',
        pressure: '7 bar',
        phase: 'liquefied-gas',
        scenarios: [
          {
            id: 'S',
            type: 'user-defined',
            frequency: over.frequency ?? 1e-4,
            outcomes: [
              { probability: 1, effect: 'generic', zones: over.zones ?? [{ radius: 300, lethality: 1 }] },
            ],
          },
        ],
      },
    ],
    targets: over.targets ?? [
      {
        id: 'T1',
        name: 'school',
        category: 'high-sensitivity',
        position: { x: 200, y: 0 },
        population: { day: 0.5, night: 0 },
      },
    ],
    settings: { cellSize: 5 },
  };
  return parseProject(json, { fileName: 'analytic.json', isKnownSubstance: () => true, ruleSet: rules });
}

describe('judgeProject on analytic user-defined scenarios', () => {
  it('gives f · L at a target inside the zone, and halving the frequency halves the risk', () => {
    const base = project({ frequency: 1e-5, zones: [{ radius: 300, lethality: 0.2 }] });
    const half = project({ frequency: 0.5e-5, zones: [{ radius: 300, lethality: 0.2 }] });
    const r = judgeProject(base, rules, substanceOf).targets[0]!.individualRisk;
    const h = judgeProject(half, rules, substanceOf).targets[0]!.individualRisk;
    expect(r).toBeCloseTo(2e-6, 18);
    expect(h / r).toBeCloseTo(0.5, 12);
  });

  it('agrees with assessProject on the verdicts', () => {
    const p = project({});
    const full = assessProject(p, rules, substanceOf);
    const judged = judgeProject(p, rules, substanceOf);
    expect(judged.targets).toEqual(full.targets);
    expect(judged.installations).toEqual(full.installations);
    expect(judged.verdict).toBe(full.verdict);
  });
});

describe('relocation distance', () => {
  it('moving a circular-zone installation away from a target needs exactly the zone radius', () => {
    // Risk 1e-4 inside 300 m (boundary included), 0 outside: the target complies just beyond 300 m.
    const p = project({});
    const [r] = relocationDistances(p, 0, ['T1'], options);
    expect(r!.currentDistance).toBeCloseTo(200, 9);
    expect(r!.requiredDistance!).toBeGreaterThan(300);
    expect(r!.requiredDistance! - 300).toBeLessThanOrEqual(1);
  });

  it('moving by the found distance makes the target comply', () => {
    const p = project({});
    const [r] = relocationDistances(p, 0, ['T1'], options);
    const moved = applyChanges(p, 0, [
      { kind: 'move', dx: -(r!.requiredDistance! - 200), dy: 0, to: [0, 0] as never },
    ]);
    expect(judgeProject(moved, rules, substanceOf).targets[0]!.complies).toBe(true);
  });
});

describe('planProject', () => {
  it('without a fence and with only user-defined scenarios, recommends relocation with the zone radius', () => {
    const plan = planProject(project({}), options);
    expect(plan.verdict).toBe('non-compliant');
    const [u] = plan.installations;
    expect(u!.recommendation).toBe('relocate');
    expect(u!.measures.map((m) => m.id)).toEqual(['remove']);
    expect(u!.notApplicable.map((n) => n.measure)).toContain('move');
    expect(u!.relocation[0]!.requiredDistance! - 300).toBeLessThanOrEqual(1);
  });

  it('with a fence, moves the installation inside it, and the variant assesses as compliant', () => {
    const p = project({
      boundary: [
        [-600, -200],
        [150, -200],
        [150, 200],
        [-600, 200],
      ],
    });
    const plan = planProject(p, options);
    const [u] = plan.installations;
    expect(u!.recommendation).toBe('rectify');
    const move = u!.measures.find((m) => m.id === 'move')!;
    const change = move.changes[0]!;
    expect(change.kind).toBe('move');
    if (change.kind === 'move') {
      // Outside the 300 m zone around the target's point, and inside the fence.
      expect(Math.hypot(change.to[0] - 200, change.to[1])).toBeGreaterThan(300);
      expect(change.to[0]).toBeGreaterThan(-600);
    }
    for (const m of u!.measures) {
      const variant = variantProject(p, plan, 'U1', m);
      expect(assessProject(variant, rules, substanceOf).verdict).toBe('compliant');
    }
  });

  it('finds no measure when the target is beyond reach of every position inside the fence', () => {
    const p = project({
      // Farthest point of the fence from the target: √(250² + 50²) ≈ 255 m < 300 m.
      boundary: [
        [-50, -50],
        [50, -50],
        [50, 50],
        [-50, 50],
      ],
    });
    const plan = planProject(p, options);
    expect(plan.installations[0]!.recommendation).toBe('relocate');
  });
});

/**
 * Two circular-zone units side by side (U1 at (0, 0), U2 at (0, 10)), each lethality 1 within 300 m, and the
 * school T1 at (200, 0) within both zones: its risk is f1 + f2 (closed form), against the high-sensitivity
 * threshold for existing installations, 3e-6 /a (GB 36894-2018 Table 1, spec/standards.md A §1.3).
 */
function twoUnits(f1: number, f2: number): Project {
  const base = project({});
  const [u] = base.installations;
  const unit = (id: string, y: number, frequency: number) => ({
    ...u!,
    id,
    unit: id,
    position: [0, y] as never,
    scenarios: u!.scenarios.map((s) => ({ ...s, frequency: si.perYear(frequency) })),
  });
  return { ...base, installations: [unit('U1', 0, f1), unit('U2', 10, f2)] };
}

describe('planProject with installations that fail together', () => {
  it('an installation that complies alone needs no measure of its own once the other is removed', () => {
    // U1 alone 2e-6 ≤ 3e-6 complies; U2 alone 4e-6 fails; together 6e-6 fail. No fence: U2 can only go.
    const plan = planProject(twoUnits(2e-6, 4e-6), options);
    const [u1, u2] = plan.installations;
    expect(u1).toMatchObject({ id: 'U1', ownMeasureNeeded: false, measures: [] });
    expect(u2).toMatchObject({ id: 'U2', ownMeasureNeeded: true, recommendation: 'relocate' });
    expect(u2!.measures.map((m) => m.id)).toEqual(['remove']);
    expect(plan.combined.changes).toEqual({ U2: [{ kind: 'remove' }] });
    expect(plan.combined.verdict).toBe('compliant');
  });

  it('searches the installation with the larger share first, when each complies alone', () => {
    // 1.4e-6 + 2e-6 = 3.4e-6 > 3e-6, each alone complies; U2 has the larger share (59 %), so U2 is
    // searched in context (only removal works: the zones do not depend on anything else) and U1 then
    // complies with no measure of its own.
    const plan = planProject(twoUnits(1.4e-6, 2e-6), options);
    const byId = new Map(plan.installations.map((p) => [p.id, p]));
    expect(byId.get('U2')).toMatchObject({ judgedWith: 'context', ownMeasureNeeded: true });
    expect(byId.get('U1')).toMatchObject({ ownMeasureNeeded: false });
    expect(Object.keys(plan.combined.changes)).toEqual(['U2']);
    const variant = variantProject(twoUnits(1.4e-6, 2e-6), plan, 'U2', byId.get('U2')!.measures[0]!);
    expect(assessProject(variant, rules, substanceOf).verdict).toBe('compliant');
  });
});

describe('relocation distances when installations fail together', () => {
  it('says an installation that meets the threshold alone needs no distance of its own', () => {
    // U1 alone 2e-6 ≤ 3e-6 at T1 (200 m): it complies alone, where it stands. U2 alone 4e-6 > 3e-6: with
    // lethality 1 inside 300 m (user zones), T1 needs to be beyond U2's 300 m zone.
    const both = twoUnits(2e-6, 4e-6);
    const [u1] = relocationDistances(both, 0, ['T1'], options);
    expect(u1).toMatchObject({ target: 'T1', compliesAlone: true });
    expect(u1!.requiredDistance).toBe(u1!.currentDistance);
    const [u2] = relocationDistances(both, 1, ['T1'], options);
    expect(u2!.compliesAlone).toBe(false);
    expect(u2!.requiredDistance!).toBeGreaterThan(u2!.currentDistance);
  });
});

describe('candidate site', () => {
  it('complies at a candidate site whose targets are beyond the zone, placed by its fence', () => {
    const here = project({});
    const there = project({
      boundary: [
        [-50, -50],
        [50, -50],
        [50, 50],
        [-50, 50],
      ],
      targets: [
        {
          id: 'F1',
          name: 'far village',
          category: 'general-1',
          position: { x: 500, y: 0 },
          population: { day: 1, night: 1 },
        },
      ],
    });
    const elsewhere = { ...there, installations: [] };
    const r = assessAtCandidateSite(here, 'U1', elsewhere, options);
    expect(r!.complies).toBe(true);
    expect(r!.placedBy).toBe('fence-search');
  });

  it('does not comply at a candidate site with a target inside the zone, placed at the same id', () => {
    const here = project({});
    const there = project({
      position: { x: 1000, y: 1000 },
      targets: [
        {
          id: 'F2',
          name: 'near village',
          category: 'general-1',
          position: { x: 1100, y: 1000 },
          population: { day: 1, night: 1 },
        },
      ],
    });
    const r = assessAtCandidateSite(here, 'U1', there, options);
    expect(r!.placedBy).toBe('same-id');
    expect(r!.position).toEqual([1000, 1000]);
    expect(r!.complies).toBe(false);
  });
});

describe('safedist plan', () => {
  const fenced = {
    format: 'safedist-project',
    version: 1,
    name: 'analytic fenced',
    site: {
      boundary: [
        [-600, -200],
        [150, -200],
        [150, 200],
        [-600, 200],
      ],
    },
    weather: {
      classes: [{ id: 'D5', stability: 'D', windSpeed: 5, probability: 1 }],
      windRose: { sectors: 4, probabilities: [0.25, 0.25, 0.25, 0.25] },
    },
    installations: [
      {
        id: 'U1',
        name: 'zone unit',
        kind: 'storage',
        status: 'existing',
        position: { x: 0, y: 0 },
        outline: [
          [-10, -10],
          [10, -10],
          [10, 10],
          [-10, 10],
        ],
        substance: 'chlorine',
        inventory: '20 t',
        temperature: '20 degC',
        pressure: '7 bar',
        phase: 'liquefied-gas',
        scenarios: [
          {
            id: 'S',
            type: 'user-defined',
            frequency: 1e-4,
            outcomes: [{ probability: 1, effect: 'generic', zones: [{ radius: '300 m', lethality: 1 }] }],
          },
        ],
      },
    ],
    targets: [
      {
        id: 'T1',
        name: 'school',
        category: 'high-sensitivity',
        position: { x: 200, y: 0 },
        population: { day: 0.5, night: 0 },
      },
    ],
    settings: { cellSize: 5 },
  };

  it('writes variant projects to --out, and every one assesses as compliant', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'safedist-plan-'));
    const file = join(dir, 'p.json');
    await writeFile(file, JSON.stringify(fenced));
    const out = join(dir, 'variants');
    const { code, out: stdout, err } = await runCli(['plan', file, '--json', '--out', out]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      installations: { recommendation: string }[];
      variants: { file?: string }[];
    };
    expect(result.installations[0]!.recommendation).toBe('rectify');
    const files = await readdir(out);
    expect(files.length).toBeGreaterThan(0);
    const variantFiles = files.filter((f) => f !== 'plan.json' && f !== 'report.html');
    expect(variantFiles.sort()).toEqual(result.variants.flatMap((v) => (v.file ? [v.file] : [])).sort());
    expect(JSON.parse(await readFile(join(out, 'plan.json'), 'utf8'))).toEqual(result);
    for (const f of variantFiles) {
      const json: unknown = JSON.parse(await readFile(join(out, f), 'utf8'));
      const variant = parseProject(json, { fileName: f, isKnownSubstance: () => true, ruleSet: rules });
      expect(assessProject(variant, rules, substanceOf).verdict).toBe('compliant');
    }
    const assessed = await runCli(['assess', join(out, variantFiles[0]!), '--json']);
    expect(assessed.code).toBe(0);
    expect((JSON.parse(assessed.out) as { verdict: string }).verdict).toBe('compliant');
  });

  it('prints the plan in both languages', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'safedist-plan-'));
    const file = join(dir, 'p.json');
    await writeFile(file, JSON.stringify(fenced));
    const en = await runCli(['plan', file, '--lang', 'en']);
    expect(en.out).toContain('rectify on site');
    expect(en.out).toMatch(/move \d+ m (west|north-west|south-west)/);
    const zh = await runCli(['plan', file]);
    expect(zh.out).toContain('就地整改');
  });

  it('says whether the installation complies at a candidate site', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'safedist-plan-'));
    const file = join(dir, 'p.json');
    await writeFile(file, JSON.stringify({ ...fenced, site: {} }));
    const other = join(dir, 'other.json');
    const far = { ...fenced.targets[0]!, id: 'F1', position: { x: 900, y: 0 } };
    await writeFile(other, JSON.stringify({ ...fenced, name: 'other', targets: [far] }));
    const r = await runCli(['plan', file, '--json', '--candidate-site', other]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as {
      installations: { recommendation: string }[];
      candidateSite: { complies: boolean; placedBy: string }[];
    };
    expect(out.installations[0]!.recommendation).toBe('relocate');
    expect(out.candidateSite[0]).toMatchObject({ complies: true, placedBy: 'same-id' });
  });
});
