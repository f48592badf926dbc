/**
 * Reading the individual-risk grid of a result in the renderer: the value at any point of the site and the
 * share of each installation there, from the per-installation layers. Pure functions, tested without a browser.
 */
import type { GridSpec } from '../../../core/risk/grid.ts';

/**
 * Bilinear interpolation of a grid of cell-centre values (index j·nx + i, centre (x0 + i·cellSize,
 * y0 + j·cellSize)) at (x, y), m. Outside the outermost centres the value is 0: the grid is sized so the
 * lowest GB criterion closes inside it, and nothing is extrapolated.
 */
export function bilinearAt(values: ArrayLike<number>, grid: GridSpec, x: number, y: number): number {
  const u = (x - grid.x0) / grid.cellSize;
  const v = (y - grid.y0) / grid.cellSize;
  if (!(u >= 0 && v >= 0 && u <= grid.nx - 1 && v <= grid.ny - 1)) return 0;
  const i = Math.min(Math.floor(u), grid.nx - 2);
  const j = Math.min(Math.floor(v), grid.ny - 2);
  if (i < 0 || j < 0) return values[Math.max(0, j) * grid.nx + Math.max(0, i)] ?? 0;
  const fu = u - i;
  const fv = v - j;
  const at = (di: number, dj: number) => values[(j + dj) * grid.nx + i + di] ?? 0;
  return (1 - fv) * ((1 - fu) * at(0, 0) + fu * at(1, 0)) + fv * ((1 - fu) * at(0, 1) + fu * at(1, 1));
}

export interface Share {
  installation: string;
  /** Individual risk from this installation at the point, per year. */
  risk: number;
  /** Fraction of the total at the point. */
  share: number;
}

/**
 * Each installation's part of the individual risk at (x, y), largest first (ties by id). Risk is additive over
 * installations, so the interpolated layers add up to the interpolated total.
 */
export function sharesAt(
  layers: readonly { installationId: string; layer: ArrayLike<number> }[],
  grid: GridSpec,
  x: number,
  y: number,
): Share[] {
  const parts = layers.map((l) => ({
    installation: l.installationId,
    risk: bilinearAt(l.layer, grid, x, y),
  }));
  const total = parts.reduce((sum, p) => sum + p.risk, 0);
  return parts
    .filter((p) => p.risk > 0)
    .map((p) => ({ ...p, share: p.risk / total }))
    .sort((a, b) => b.risk - a.risk || a.installation.localeCompare(b.installation));
}

/** Verdict colours of the map, the table and the exports: pass green, fail red. */
export const PASS = '#2e7d32';
export const FAIL = '#c62828';

/**
 * Colour of a risk level: red at 10⁻⁴ /yr and above through orange and yellow to green and blue at 10⁻⁸,
 * so the GB 36894 criteria (3×10⁻⁵ … 3×10⁻⁷) fall on clearly different hues.
 */
export function riskColour(risk: number): string {
  const stops: [number, [number, number, number]][] = [
    [-4, [165, 0, 38]],
    [-5, [236, 84, 48]],
    [-5.5, [250, 160, 70]],
    [-6, [240, 215, 80]],
    [-6.5, [140, 200, 100]],
    [-7, [60, 160, 150]],
    [-8, [50, 100, 190]],
  ];
  const l = Math.log10(Math.max(risk, 1e-12));
  if (l >= stops[0]![0]) return rgb(stops[0]![1]);
  for (let k = 1; k < stops.length; k++) {
    const [l1, c1] = stops[k]!;
    const [l0, c0] = stops[k - 1]!;
    if (l >= l1) {
      const t = (l0 - l) / (l0 - l1);
      return rgb([0, 1, 2].map((c) => c0[c]! + t * (c1[c]! - c0[c]!)) as [number, number, number]);
    }
  }
  return rgb(stops.at(-1)![1]);
}

/** `#rrggbb`: SVG, three.js and KML (through core/exchange) all read it. */
const rgb = (channels: [number, number, number]) =>
  `#${channels.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** A risk per year in scientific notation with a proper exponent, e.g. 2.0×10⁻⁶; 0 as "0". */
export function formatRisk(risk: number, digits = 2): string {
  if (risk === 0) return '0';
  if (!Number.isFinite(risk)) return String(risk);
  const [mantissa, exponent] = risk.toExponential(digits - 1).split('e') as [string, string];
  const superscript = exponent
    .replace('+', '')
    .replace(/[-0-9]/g, (c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'['-0123456789'.indexOf(c)]!);
  return `${mantissa}×10${superscript}`;
}
