import { readFileSync } from 'node:fs';
import { prng } from '../core/math/prng.ts';

/**
 * The reference plant of the benchmark, generated deterministically from a seed: installations copied from
 * those of examples/demo-enterprise.json — LPG spheres, a gasoline tank farm and a hydrogen unit, and with
 * `toxics` also its chlorine and ammonia storage, whose 3×10⁻⁷ contours reach beyond a 4 km grid — with their equipment resized by a factor drawn in `scale` and placed at random, at least 90 m
 * apart, in a 1.6 km square; the demo's six weather classes, 12-sector rose, targets and population.
 */

type Json = Record<string, unknown>;

export interface PlantOptions {
  /** Include the demo's chlorine and ammonia storage; default false. */
  toxics?: boolean;
  /** Equipment volumes and inventories are scaled by a factor drawn in [min, max); default [0.5, 1.5). */
  scale?: readonly [number, number];
}

function scaleQuantity(value: unknown, factor: number): unknown {
  if (typeof value === 'number') return value * factor;
  if (typeof value !== 'string') return value;
  const m = /^([0-9.eE+-]+)\s*(.*)$/.exec(value);
  if (!m) return value;
  return `${(Number(m[1]) * factor).toPrecision(4)} ${m[2]}`;
}

/** The plant's project JSON (spec/project-format.md). */
export function referencePlant(installations: number, seed = 20261129, options: PlantOptions = {}): Json {
  const toxics = options.toxics ?? false;
  const [scaleMin, scaleMax] = options.scale ?? [0.5, 1.5];
  const demoUrl = new URL('../examples/demo-enterprise.json', import.meta.url);
  const demo = JSON.parse(readFileSync(demoUrl, 'utf8')) as Json & { installations: Json[] };
  const toxic = new Set(['chlorine', 'ammonia']);
  const templates = demo.installations.filter((i) => toxics || !toxic.has(String(i.substance)));
  const rand = prng(seed);
  const placed: [number, number][] = [];
  const list: Json[] = [];
  for (let n = 0; n < installations; n++) {
    const template = templates[Math.floor(rand() * templates.length)]!;
    let x = 0;
    let y = 0;
    for (let attempt = 0; attempt < 1000; attempt++) {
      x = Math.round((rand() - 0.5) * 1600);
      y = Math.round((rand() - 0.5) * 1600);
      if (placed.every(([px, py]) => Math.hypot(px - x, py - y) >= 90)) break;
    }
    placed.push([x, y]);
    const factor = scaleMin + (scaleMax - scaleMin) * rand();
    const tid = String(template.id);
    const id = `${tid}-${String(n + 1).padStart(2, '0')}`;
    const equipment = (template.equipment as Json[]).map((e) => ({
      ...e,
      id: `${String(e.id)}-${n + 1}`,
      ...(e.volume !== undefined ? { volume: scaleQuantity(e.volume, factor) } : {}),
    }));
    const { outline: _outline, ...rest } = template;
    list.push({
      ...rest,
      id,
      name: `${String(template.name)} ${n + 1}`,
      unit: `${String(template.unit)} ${n + 1}`,
      position: { x, y },
      inventory: scaleQuantity(template.inventory, factor),
      equipment,
    });
  }
  return {
    ...demo,
    name: `bench plant (${installations} installations${toxics ? ' with toxics' : ''}, seed ${seed})`,
    installations: list,
  };
}
