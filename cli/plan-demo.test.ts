import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../data/project/index.ts';
import { getRuleSet } from '../data/rules/index.ts';
import { builtInLibrary } from '../data/substances/library.ts';
import { classifyProject } from '../core/classification/index.ts';
import { assessProject } from '../core/qra/assess.ts';
import { consequenceInstallations } from '../core/qra/explosives.ts';
import { runCli } from './run-for-test.ts';

/**
 * On the demo enterprise (examples/demo-enterprise.json), every variant project that `safedist plan --out`
 * writes must assess as compliant through `assessProject` — what `safedist assess` runs — with its grid,
 * not only through the plan's own `judgeProject`; one of them also through the `assess` command itself.
 *
 * CI runs the demo with a 40 m cell instead of its 10 m (fewer sample points in the targets and the
 * population area, the same code paths; the demo's plan is the same at both). The full demo at its own
 * cell size runs with `SAFEDIST_PLAN_DEMO_CELL=10 npx vitest run cli/plan-demo.test.ts` (a few minutes).
 */
const CELL = Number(process.env.SAFEDIST_PLAN_DEMO_CELL ?? 40);
const library = builtInLibrary();
const substanceOf = (id: string) => library.substances.find((s) => s.id === id);

describe(`safedist plan on the demo enterprise (cell ${CELL} m)`, () => {
  it(
    'gives every non-compliant installation a recommendation, and every variant written assesses as compliant',
    async () => {
      const demo = JSON.parse(
        await readFile(new URL('../examples/demo-enterprise.json', import.meta.url), 'utf8'),
      ) as { settings: Record<string, unknown> };
      demo.settings.cellSize = CELL;
      const dir = await mkdtemp(join(tmpdir(), 'safedist-plan-demo-'));
      const file = join(dir, 'demo.json');
      await writeFile(file, JSON.stringify(demo));
      const out = join(dir, 'variants');
      const r = await runCli(['plan', file, '--json', '--out', out]);
      expect(r.code, r.err).toBe(0);
      const plan = JSON.parse(r.out) as {
        verdict: string;
        installations: {
          id: string;
          recommendation: string;
          ownMeasureNeeded: boolean;
          measures: unknown[];
        }[];
        combined: { verdict: string };
        variants: { file?: string; verdict: string }[];
      };
      expect(plan.verdict).toBe('non-compliant');
      expect(plan.installations.length).toBeGreaterThan(0);
      for (const p of plan.installations) {
        expect(['rectify', 'relocate']).toContain(p.recommendation);
        // Either its own measures, or none needed because the others' measures make it comply.
        if (p.ownMeasureNeeded) expect(p.measures.length).toBeGreaterThan(0);
      }
      expect(plan.combined.verdict).toBe('compliant');

      const files = (await readdir(out)).filter((f) => f !== 'plan.json' && f !== 'report.html');
      expect(files.length).toBeGreaterThan(0);
      expect(files.sort()).toEqual(plan.variants.flatMap((v) => (v.file ? [v.file] : [])).sort());
      for (const f of files) {
        const json: unknown = JSON.parse(await readFile(join(out, f), 'utf8'));
        const variant = parseProject(json, {
          fileName: f,
          isKnownSubstance: (id) => substanceOf(id) !== undefined,
        });
        const rules = getRuleSet(variant.settings.ruleSet.id, variant.settings.ruleSet.version);
        const result = assessProject(variant, rules, substanceOf, {
          consequenceInstallations: consequenceInstallations(
            variant,
            classifyProject(variant, rules, substanceOf),
          ),
        });
        expect(result.verdict, f).toBe('compliant');
      }
      const assessed = await runCli(['assess', join(out, files[0]!), '--json']);
      expect(assessed.code, assessed.err).toBe(0);
      expect((JSON.parse(assessed.out) as { verdict: string }).verdict).toBe('compliant');
    },
    CELL >= 40 ? 90_000 : 1_800_000,
  );
});
