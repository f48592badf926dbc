/**
 * `npm run bench` — the fast individual-risk engine on the reference plant (bench/plant.ts) against the plain
 * engine (core/risk/individual-grid.ts), docs/performance.md. Options: --installations N (32), --cell m (5),
 * --size m (4000, the square grid's side), --workers N (2), --seed S, --no-reference (timings only),
 * --reference-cells K (2000), --rays R (36), --toxics (add the demo's chlorine and ammonia storage).
 * A contour cut by the grid edge has no measurable reach and is reported as not compared; `--size 8000
 * --cell 10` (the same number of cells) closes every criteria level of the default plant.
 *
 * The plain engine over all 640 000 cells of the 4 km grid would take hours, so it runs on the same events but
 * only (a) at K seeded random cells, which measure the cell-level agreement and, times cells/K, the plain
 * engine's time (naiveSeconds is that extrapolation plus its event building), and (b) along R rays from the
 * plant centre, where each contour level's crossing is found by bisection to 0.05 % of the distance, once
 * on the plain engine's exact risk and once on the fast grid read bilinearly; maxContourReachDifference is the
 * largest relative difference of the farthest crossing over the rays, over the criteria levels.
 */
import { loadProjectFile } from '../cli/project-input.ts';
import type { CliIo } from '../cli/io.ts';
import { riskGridInWorkers } from '../cli/risk-workers.ts';
import { projectEvents, windStatistics } from '../core/qra/assess.ts';
import { updateInstallationLayer } from '../core/qra/risk-jobs.ts';
import { sectorProbabilities, type RiskEvent, type WindStatistics } from '../core/risk/events.ts';
import { eventDeathProbability } from '../core/risk/individual.ts';
import { sumLayers } from '../core/risk/individual-grid.ts';
import { riskContours } from '../core/risk/contours.ts';
import type { GridSpec } from '../core/risk/grid.ts';
import { referencePlant } from './plant.ts';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const installations = option('--installations', 32);
const cell = option('--cell', 5);
const size = option('--size', 4000);
const workers = option('--workers', 2);
const seed = option('--seed', 20261129);
const referenceCells = option('--reference-cells', 2000);
const rayCount = option('--rays', 36);
const withReference = !process.argv.includes('--no-reference');
const toxics = process.argv.includes('--toxics');

/** GB 36894-2018 Table 1 thresholds and the rule set's 10⁻⁴ contour. */
const LEVELS = [1e-4, 3e-5, 1e-5, 3e-6, 1e-6, 3e-7];

async function load(json: unknown) {
  const io = { readFile: async () => JSON.stringify(json) } as unknown as CliIo;
  return loadProjectFile('bench-plant.json', io);
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;
const peakMB = () => process.resourceUsage().maxRSS / 1024;

const plantJson = referencePlant(installations, seed, { toxics });
const plant = await load(plantJson);
const { project, rules, substanceOf } = plant;
const cx = (plantJson.installations as { position: { x: number } }[]).reduce((s, i) => s + i.position.x, 0);
const cy = (plantJson.installations as { position: { y: number } }[]).reduce((s, i) => s + i.position.y, 0);
const centre: [number, number] = [
  Math.round(cx / installations / cell) * cell,
  Math.round(cy / installations / cell) * cell,
];
const n = Math.round(size / cell) + 1;
const grid: GridSpec = {
  x0: centre[0] - ((n - 1) / 2) * cell,
  y0: centre[1] - ((n - 1) / 2) * cell,
  cellSize: cell,
  nx: n,
  ny: n,
};
const cells = grid.nx * grid.ny;
console.log(`plant: ${project.installations.length} installations, grid ${grid.nx}×${grid.ny} at ${cell} m`);

// Fast engine: events rebuilt in the workers, fields, layers; then the total and the contours.
let t0 = performance.now();
const fast = await riskGridInWorkers(project, rules, substanceOf, { workers, grid });
const fastTotal = sumLayers(fast.layers, cells);
riskContours(fastTotal, grid, LEVELS);
const fastSeconds = seconds(t0);
const fastPeak = peakMB();
console.log(
  `fast engine (${workers} workers): ${fastSeconds.toFixed(2)} s, peak RSS ${fastPeak.toFixed(0)} MB`,
);

// One installation edited (its equipment 20 % larger): its layer alone, the total and the contours again.
const edited = structuredClone(plantJson) as {
  installations: { id: string; equipment: { volume?: string }[] }[];
};
const changed = edited.installations[0]!;
for (const e of changed.equipment)
  if (e.volume) e.volume = e.volume.replace(/^[0-9.]+/, (v) => String(Number(v) * 1.2));
t0 = performance.now();
const after = await load(edited);
const updated = updateInstallationLayer(
  after.project,
  after.rules,
  after.substanceOf,
  grid,
  fast.layers,
  changed.id,
);
riskContours(sumLayers(updated, cells), grid, LEVELS);
const editSeconds = seconds(t0);
console.log(`edit of ${changed.id}: ${editSeconds.toFixed(2)} s`);

t0 = performance.now();
const events = projectEvents(project, rules, substanceOf);
const eventSeconds = seconds(t0);
const scenarios = new Set(events.map((e) => `${e.installationId}\u0000${e.scenarioId}`)).size;
const classes = new Set(events.map((e) => e.weatherClassId)).size;
console.log(
  `${events.length} events, ${scenarios} LOC scenarios, ${classes} weather classes, ${project.weather.sectors} sectors (events built in ${eventSeconds.toFixed(2)} s in one thread)`,
);

/** The plain engine's work for one cell: every event whose reach box holds the cell (individual-grid.ts). */
function plainRisk(list: readonly RiskEvent[], wind: WindStatistics, x: number, y: number): number {
  let risk = 0;
  for (const e of list) {
    const reach = e.individual.reach;
    if (Math.abs(x - e.source[0]) > reach + cell || Math.abs(y - e.source[1]) > reach + cell) continue;
    const p = eventDeathProbability(
      e.individual,
      e.source,
      x,
      y,
      sectorProbabilities(wind, e.weatherClassId),
    );
    if (p > 0) risk += e.frequency * p;
  }
  return risk;
}

/** The fast grid read bilinearly between cell centres (what marching squares does along a line). */
function gridRisk(values: Float64Array, x: number, y: number): number {
  const u = (x - grid.x0) / cell;
  const v = (y - grid.y0) / cell;
  const i = Math.floor(u);
  const j = Math.floor(v);
  if (i < 0 || j < 0 || i + 1 >= grid.nx || j + 1 >= grid.ny) return 0;
  const a = u - i;
  const b = v - j;
  const at = (p: number, q: number) => values[q * grid.nx + p]!;
  return (
    (1 - b) * ((1 - a) * at(i, j) + a * at(i + 1, j)) + b * ((1 - a) * at(i, j + 1) + a * at(i + 1, j + 1))
  );
}

/** Sample distances along a ray, every 2 % from 10 m. */
function rayRadii(rMax: number): number[] {
  const radii: number[] = [];
  for (let r = 10; r <= rMax; r *= 1.02) radii.push(r);
  return radii;
}

/**
 * Farthest distance along a ray where risk ≥ level: the last coarse sample at or above it (`coarse`, risk at
 * `radii`), then bisection to 0.05 %.
 */
function crossing(
  at: (r: number) => number,
  radii: readonly number[],
  coarse: readonly number[],
  level: number,
  rMax: number,
): number {
  let last = -1;
  for (let k = coarse.length - 1; k >= 0; k--) {
    if (coarse[k]! >= level) {
      last = k;
      break;
    }
  }
  if (last < 0) return 0;
  let lo = radii[last]!;
  let hi = radii[last + 1] ?? rMax;
  while (hi - lo > 5e-4 * hi) {
    const mid = (lo + hi) / 2;
    if (at(mid) >= level) lo = mid;
    else hi = mid;
  }
  return lo;
}

let naiveSeconds = Number.NaN;
let maxContourReachDifference = Number.NaN;
if (withReference) {
  const wind = windStatistics(project);
  const rand = (() => {
    let s = seed;
    return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
  })();
  const pick = () =>
    Array.from({ length: referenceCells }, () => [
      Math.floor(rand() * grid.nx),
      Math.floor(rand() * grid.ny),
    ]);
  // Warm-up pass: builds the footprint table rows the cells touch (the plain engine pays that once too).
  t0 = performance.now();
  for (const [i, j] of pick()) plainRisk(events, wind, grid.x0 + i! * cell, grid.y0 + j! * cell);
  const warmSeconds = seconds(t0);
  t0 = performance.now();
  let worst = 0;
  let compared = 0;
  let within = 0;
  for (const [i, j] of pick()) {
    const ref = plainRisk(events, wind, grid.x0 + i! * cell, grid.y0 + j! * cell);
    const got = fastTotal[j! * grid.nx + i!]!;
    if (ref < 1e-8) continue;
    compared++;
    const d = Math.abs(got / ref - 1);
    worst = Math.max(worst, d);
    if (d <= 0.01) within++;
  }
  const perCell = seconds(t0) / referenceCells;
  naiveSeconds = eventSeconds + Math.max(0, warmSeconds - perCell * referenceCells) + perCell * cells;
  console.log(
    `plain engine at ${referenceCells} random cells: ${(perCell * 1e3).toFixed(2)} ms per cell → ${naiveSeconds.toFixed(0)} s for the grid (extrapolated); ` +
      `cells with risk ≥ 1e-8: ${compared}, within 1 %: ${within}, worst ${(100 * worst).toFixed(2)} %`,
  );

  const rMax = size / 2 - cell;
  const radii = rayRadii(rMax);
  const refReach = LEVELS.map(() => 0);
  const fastReach = LEVELS.map(() => 0);
  const rayWorst = LEVELS.map(() => 0);
  for (let k = 0; k < rayCount; k++) {
    const angle = (2 * Math.PI * (k + 0.5)) / rayCount;
    const point = (r: number): [number, number] => [
      centre[0] + r * Math.sin(angle),
      centre[1] + r * Math.cos(angle),
    ];
    const plainAt = (r: number) => plainRisk(events, wind, ...point(r));
    const fastAt = (r: number) => gridRisk(fastTotal, ...point(r));
    const plainCoarse = radii.map(plainAt);
    const fastCoarse = radii.map(fastAt);
    LEVELS.forEach((level, q) => {
      const a = crossing(plainAt, radii, plainCoarse, level, rMax);
      const b = crossing(fastAt, radii, fastCoarse, level, rMax);
      refReach[q] = Math.max(refReach[q]!, a);
      fastReach[q] = Math.max(fastReach[q]!, b);
      if (a > 0) rayWorst[q] = Math.max(rayWorst[q]!, Math.abs(b / a - 1));
    });
  }
  const reachDiffs: number[] = [];
  LEVELS.forEach((level, q) => {
    const label = `level ${level.toExponential(0)}: reach plain ${refReach[q]!.toFixed(1)} m, fast ${fastReach[q]!.toFixed(1)} m`;
    // A contour that reaches the last sample of a ray is cut by the grid edge: its reach is not measured.
    if (Math.max(refReach[q]!, fastReach[q]!) >= radii.at(-1)!) {
      console.log(`${label} — beyond the ${size / 1000} km grid, not compared`);
      return;
    }
    const d = refReach[q]! > 0 ? Math.abs(fastReach[q]! / refReach[q]! - 1) : 0;
    reachDiffs.push(d);
    console.log(
      `${label}, difference ${(100 * d).toFixed(3)} % (worst single ray ${(100 * rayWorst[q]!).toFixed(3)} %)`,
    );
  });
  maxContourReachDifference = Math.max(...reachDiffs);
  console.log(
    'F-N: both engines share the societal-risk code (core/risk/societal.ts, evaluated per event and population point, not on the grid): difference 0 by construction',
  );
}

console.log(
  JSON.stringify({
    plant: String(plantJson.name),
    installations: project.installations.length,
    scenarios,
    events: events.length,
    cells,
    seconds: Number(fastSeconds.toFixed(3)),
    naiveSeconds: Number(naiveSeconds.toFixed(1)),
    speedup: Number((naiveSeconds / fastSeconds).toFixed(1)),
    maxContourReachDifference: Number(maxContourReachDifference.toFixed(5)),
    peakMemoryMB: Math.round(fastPeak),
    editSeconds: Number(editSeconds.toFixed(3)),
  }),
);
