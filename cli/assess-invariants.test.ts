import { describe, expect, it } from 'vitest';
import { runCli } from './run-for-test.ts';
import { smallModelledPlant } from './test-plants.ts';

/**
 * Invariants of the engine on a plant modelled from equipment (Purple Book LOCs, source terms, event trees
 * and effect models): they hold for any correct QRA whatever the model numbers are (issue "QRA engine",
 * tests: risk falls along every ray beyond the plant, contours nest, F-N never rises, PLL equals the area
 * under F-N, the same input gives bit-identical output).
 */
const plant = smallModelledPlant;

async function assess() {
  const r = await runCli(['assess', 'p.json', '--json'], { 'p.json': JSON.stringify(plant) });
  if (r.code !== 0) throw new Error(r.err);
  return { text: r.out, result: JSON.parse(r.out) };
}

describe('engine invariants on a plant modelled from equipment', async () => {
  const first = await assess();
  const out = first.result;

  it('generates events from the equipment and gives the same output bit for bit on a second run', async () => {
    expect(out.events).toBeGreaterThan(10);
    expect((await assess()).text).toBe(first.text);
  });

  it('lets the F-N curve never rise, and PLL equal the area under it', () => {
    const fn: { n: number; f: number }[] = out.societalRisk.fn;
    for (let i = 1; i < fn.length; i++) {
      expect(fn[i]!.n).toBeGreaterThan(fn[i - 1]!.n);
      expect(fn[i]!.f).toBeLessThanOrEqual(fn[i - 1]!.f);
    }
    // PLL = Σ f·N = ∫ F(N) dN: the area under the full curve (fnAll, every N > 0).
    let area = 0;
    let previous = 0;
    for (const { n, f } of out.societalRisk.fnAll as { n: number; f: number }[]) {
      area += f * (n - previous);
      previous = n;
    }
    expect(area).toBeCloseTo(out.societalRisk.pll, 15);
    expect(Math.abs(area / out.societalRisk.pll - 1)).toBeLessThan(1e-9);
    expect(out.societalRisk.fn).toEqual(out.societalRisk.fnAll.filter((p: { n: number }) => p.n >= 1));
  });

  it('nests the contours: a higher level lies inside a lower one', () => {
    const reach = new Map<number, number>(
      out.contours.map((c: { level: number; maxDistance: number }) => [c.level, c.maxDistance]),
    );
    const levels = [...reach.keys()].sort((a, b) => a - b);
    for (let i = 1; i < levels.length; i++) {
      expect(reach.get(levels[i]!)!).toBeLessThanOrEqual(reach.get(levels[i - 1]!)! + 1e-9);
    }
  });

  it('makes the risk fall along every ray beyond the plant (probe points along 8 rays)', async () => {
    const rays = [0, 45, 90, 135, 180, 225, 270, 315];
    const distances = [400, 600, 900, 1300, 2000];
    const probes = rays.flatMap((deg) =>
      distances.map((d) => ({
        id: `${deg}-${d}`,
        x: 75 + d * Math.sin((deg * Math.PI) / 180),
        y: -25 + d * Math.cos((deg * Math.PI) / 180),
      })),
    );
    const r = await runCli(['assess', 'p.json', '--json'], {
      'p.json': JSON.stringify({ ...plant, probes }),
    });
    const risk = new Map<string, number>(
      JSON.parse(r.out).probes.map((p: { id: string; individualRisk: number }) => [p.id, p.individualRisk]),
    );
    for (const deg of rays) {
      for (let i = 1; i < distances.length; i++) {
        expect(risk.get(`${deg}-${distances[i]}`)!).toBeLessThanOrEqual(
          risk.get(`${deg}-${distances[i - 1]}`)!,
        );
      }
    }
  });
});
