import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { prng } from '../../core/math/prng.ts';

/** The example project of spec/project-format.md (data/project/fixtures/example.json), as its exact text. */
export const EXAMPLE_TEXT = readFileSync(
  fileURLToPath(new URL('../project/fixtures/example.json', import.meta.url)),
  'utf8',
);

/**
 * A valid project that is not in the repository, generated from `seed`: 1–3 installations with
 * user-defined zones, targets and population areas with points or polygons, and its own layout and
 * formatting, so round-trip tests do not pass by accident on one hand-written file.
 */
export function generatedProjectText(seed: number): string {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const coord = () => Math.round((r() - 0.5) * 2000 * 100) / 100;
  const square = (x: number, y: number, h: number) => [
    [x - h, y - h],
    [x + h, y - h],
    [x + h, y + h],
    [x - h, y + h],
  ];
  const installations = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, k) => ({
    id: `U${k + 1}`,
    name: pick(['液氯储罐', '液氨储罐', 'LPG sphere', '甲醇罐区']),
    kind: pick(['storage', 'production']),
    status: pick(['existing', 'new']),
    position: { x: coord(), y: coord() },
    ...(r() < 0.5 ? { outline: square(0, 0, 5 + Math.round(r() * 10)) } : {}),
    substance: pick(['chlorine', 'ammonia', 'methanol']),
    inventory: pick(['20 t', 5000, '1.5 t']),
    temperature: pick(['20 degC', 293.15, '-33 degC']),
    pressure: pick(['7 bar', 101325, '2 MPa']),
    phase: pick(['liquefied-gas', 'liquid', 'gas']),
    equipment: [],
    scenarios: [
      {
        id: 'S1',
        type: 'user-defined',
        frequency: Number((r() * 1e-4 + 1e-7).toPrecision(3)),
        outcomes: [
          {
            probability: 1,
            effect: pick(['generic', 'toxic', 'heat']),
            zones: [{ radius: 50 + Math.round(r() * 200), lethality: Math.round(r() * 100) / 100 }],
          },
        ],
      },
    ],
  }));
  const area = (k: number, prefix: string) => ({
    id: `${prefix}${k + 1}`,
    name: `区域 ${k + 1} "quoted" \\ ${pick(['学校', 'hospital', '村庄'])}`,
    ...(r() < 0.5 ? { position: { x: coord(), y: coord() } } : { polygon: square(coord(), coord(), 20) }),
    population: { day: Math.round(r() * 1000), night: Math.round(r() * 1000) },
  });
  const project = {
    format: 'safedist-project',
    version: 1,
    name: `生成的项目 ${seed}`,
    site:
      r() < 0.7
        ? { origin: { lon: 100 + r() * 20, lat: 22 + r() * 20 }, rotationDeg: Math.round(r() * 30) }
        : {},
    installations,
    targets: Array.from({ length: Math.floor(r() * 4) }, (_, k) => ({
      ...area(k, 'T'),
      category: pick(['high-sensitivity', 'important', 'general-1', 'general-2', 'general-3']),
    })),
    population: Array.from({ length: Math.floor(r() * 3) }, (_, k) => area(k, 'P')),
    probes: [{ id: 'P1', x: coord(), y: coord() }],
    settings: { cellSize: pick([5, 10, '10 m']) },
  };
  // Each file its own layout: indented or compact, with or without a trailing newline.
  const indent = pick([0, 2, 4, '\t']);
  return JSON.stringify(project, null, indent) + (r() < 0.5 ? '\n' : '');
}
