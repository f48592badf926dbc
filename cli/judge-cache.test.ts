import { readFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../data/project/index.ts';
import { getRuleSet } from '../data/rules/index.ts';
import { builtInLibrary } from '../data/substances/library.ts';
import {
  createJudgeCache,
  judgeProject,
  judgeProjectTargets,
  type SubstanceLookup,
} from '../core/qra/assess.ts';
import type { Project } from '../core/project/types.ts';
import type { RuleSet } from '../core/rules/types.ts';
import { applyChanges, type Change } from '../core/plan/index.ts';
import { si } from '../core/units/index.ts';
import { smallModelledPlant } from './test-plants.ts';

/**
 * The judge cache (core/qra/judge-cache.ts) must not change a single bit of `judgeProject`'s result: every
 * variant below is judged without a cache and with one shared cache, and the two results must be deeply,
 * strictly equal (numbers compared with Object.is). The variants change one installation at a time, as the
 * plan's searches do, and come back to the original, so the cache's hits are checked as well as its misses.
 */
const library = builtInLibrary();
const substanceOf: SubstanceLookup = (id) => library.substances.find((s) => s.id === id);

function parse(json: unknown): { project: Project; rules: RuleSet } {
  const project = parseProject(json, {
    fileName: 'test.json',
    isKnownSubstance: (id) => substanceOf(id) !== undefined,
  });
  return { project, rules: getRuleSet(project.settings.ruleSet.id, project.settings.ruleSet.version) };
}

function variantsOf(project: Project, at: (id: string) => number): Project[] {
  const a = at(project.installations[0]!.id);
  const b = at(project.installations[1]!.id);
  const first = project.installations[a]!;
  const second = project.installations[b]!;
  const inventory: Change = {
    kind: 'inventory',
    from: first.inventory,
    to: si.kilograms(first.inventory / 2),
  };
  const move: Change = {
    kind: 'move',
    dx: 13,
    dy: -7,
    to: [si.metres(second.position[0] + 13), si.metres(second.position[1] - 7)],
  };
  return [
    project,
    applyChanges(project, a, [inventory]),
    applyChanges(project, b, [move]),
    applyChanges(applyChanges(project, b, [move]), a, [inventory]),
    applyChanges(project, a, [{ kind: 'remove' }]),
    { ...project, installations: [second] },
    project,
  ];
}

function expectSameWithCache(project: Project, rules: RuleSet, variants: readonly Project[]) {
  const cache = createJudgeCache();
  for (const v of variants) {
    const plain = judgeProject(v, rules, substanceOf);
    const cached = judgeProject(v, rules, substanceOf, { cache });
    expect(isDeepStrictEqual(cached, plain)).toBe(true);
    const targets = judgeProjectTargets(v, rules, substanceOf, { cache });
    expect(isDeepStrictEqual(targets.targets, plain.targets)).toBe(true);
  }
  return cache;
}

describe('judge cache', () => {
  it('gives the same judgement to the bit on a small modelled plant, and rebuilds only what changed', () => {
    const { project, rules } = parse(smallModelledPlant);
    const index = (id: string) => project.installations.findIndex((i) => i.id === id);
    const cache = expectSameWithCache(project, rules, variantsOf(project, index));
    // Built: the two installations, then the halved inventory once (the move reuses the events, the
    // variant with both changes and the removal reuse what was built).
    expect(cache.stats.built).toBe(3);
    expect(cache.stats.reused).toBeGreaterThanOrEqual(10);
  });

  it('gives the same judgement to the bit on the demo enterprise (cell size 50 m to keep the test short)', async () => {
    const json = JSON.parse(
      await readFile(new URL('../examples/demo-enterprise.json', import.meta.url), 'utf8'),
    ) as { settings: Record<string, unknown> };
    // A coarser cell: fewer sample points in the targets and the population area, same code paths.
    json.settings.cellSize = 50;
    const { project, rules } = parse(json);
    const index = (id: string) => project.installations.findIndex((i) => i.id === id);
    expectSameWithCache(project, rules, variantsOf(project, index));
  }, 120_000);

  it('keys a rule set by identity: another rule set object builds its own events', () => {
    const { project, rules } = parse(smallModelledPlant);
    const cache = createJudgeCache();
    judgeProject(project, rules, substanceOf, { cache });
    const copy = structuredClone(rules);
    const other = judgeProject(project, copy, substanceOf, { cache });
    expect(cache.stats.built).toBe(2 * project.installations.length);
    expect(isDeepStrictEqual(other, judgeProject(project, copy, substanceOf))).toBe(true);
  });
});
