/**
 * The report's charts as inline SVG text (no DOM, no scripts): the F-N chart on log-log axes, the wind rose
 * and the helpers they share. Coordinates are SVG user units (1 unit ≈ 1 CSS px); each chart states its
 * axes in data-* attributes so a reader (or a test) can map a drawn point back to its value.
 */
import type { FnPoint } from '../risk/societal.ts';
import type { Html } from './format.ts';
import { html, join, sci } from './format.ts';

/** Rounds SVG coordinates to 0.01 unit: small files, no visible loss. */
export function n2(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/** The decade at or below a positive value. */
function floorDecade(v: number): number {
  return Math.floor(Math.log10(v) + 1e-9);
}
function ceilDecade(v: number): number {
  return Math.ceil(Math.log10(v) - 1e-9);
}

/** Plot box of the F-N chart, SVG units. */
export const FN_PLOT = { width: 600, height: 420, left: 78, right: 18, top: 16, bottom: 58 } as const;

export interface FnAxes {
  /** log10 of the N range shown. */
  nDecades: readonly [number, number];
  /** log10 of the F range shown. */
  fDecades: readonly [number, number];
  x(n: number): number;
  y(f: number): number;
}

/**
 * Log-log axes for an F-N chart: N from `minimumN` to at least 10³ (or a decade past the largest N), F from
 * 10⁻⁹ (or a decade below the smallest F) to 10⁻¹ (or a decade above the largest F).
 */
export function fnAxes(curve: readonly FnPoint[], minimumN: number): FnAxes {
  const ns = curve.map((p) => p.n).filter((n) => n > 0);
  const fs = curve.map((p) => p.f).filter((f) => f > 0);
  const n0 = floorDecade(Math.max(minimumN, 1e-3));
  const n1 = Math.max(3, ns.length ? ceilDecade(Math.max(...ns) * 1.5) : 3, n0 + 2);
  const f0 = Math.min(-9, fs.length ? floorDecade(Math.min(...fs)) : -9);
  const f1 = Math.max(-1, fs.length ? ceilDecade(Math.max(...fs) * 1.5) : -1);
  const { width, height, left, right, top, bottom } = FN_PLOT;
  const w = width - left - right;
  const h = height - top - bottom;
  return {
    nDecades: [n0, n1],
    fDecades: [f0, f1],
    x: (n) => left + ((Math.log10(n) - n0) / (n1 - n0)) * w,
    y: (f) => top + ((f1 - Math.log10(f)) / (f1 - f0)) * h,
  };
}

export interface FnLineSpec {
  constant: number;
  exponent: number;
}

export interface FnChartLabels {
  axisN: string;
  axisF: string;
  unacceptable: string;
  acceptable: string;
  curve: string;
  regions: { acceptable: string; alarp: string; unacceptable: string };
}

/**
 * The F-N chart: the curve as a falling step function (F(N) = f_i for n_{i-1} < N ≤ n_i, PB eq. 6.6), the
 * unacceptable and acceptable lines F = C/N^a of GB 36894-2018 Figure 1, and the three regions shaded.
 */
export function fnChartSvg(
  curve: readonly FnPoint[],
  unacceptable: FnLineSpec,
  acceptable: FnLineSpec,
  minimumN: number,
  labels: FnChartLabels,
): Html {
  const ax = fnAxes(curve, minimumN);
  const [n0, n1] = ax.nDecades;
  const [f0, f1] = ax.fDecades;
  const { width, height, left, right, top, bottom } = FN_PLOT;
  const xL = left;
  const xR = width - right;
  const yT = top;
  const yB = height - bottom;
  const nMin = 10 ** n0;
  const nMax = 10 ** n1;
  const line = (l: FnLineSpec, n: number) => l.constant / n ** l.exponent;
  const lineY = (l: FnLineSpec, n: number) => ax.y(line(l, n));

  const uA = lineY(unacceptable, nMin);
  const uB = lineY(unacceptable, nMax);
  const aA = lineY(acceptable, nMin);
  const aB = lineY(acceptable, nMax);
  const regions = html` <g clip-path="url(#fn-clip)">
    <polygon
      class="fn-unacceptable"
      points="${n2(xL)},${n2(yT - 1000)} ${n2(xR)},${n2(yT - 1000)} ${n2(xR)},${n2(uB)} ${n2(xL)},${n2(uA)}"
    />
    <polygon
      class="fn-alarp"
      points="${n2(xL)},${n2(uA)} ${n2(xR)},${n2(uB)} ${n2(xR)},${n2(aB)} ${n2(xL)},${n2(aA)}"
    />
    <polygon
      class="fn-acceptable"
      points="${n2(xL)},${n2(aA)} ${n2(xR)},${n2(aB)} ${n2(xR)},${n2(yB + 1000)} ${n2(xL)},${n2(yB + 1000)}"
    />
  </g>`;

  const grid: Html[] = [];
  for (let d = n0; d <= n1; d++) {
    const x = ax.x(10 ** d);
    grid.push(html`<line class="grid-major" x1="${n2(x)}" y1="${n2(yT)}" x2="${n2(x)}" y2="${n2(yB)}" />`);
    grid.push(
      html`<text class="tick" x="${n2(x)}" y="${n2(yB + 16)}" text-anchor="middle">${decadeLabel(d)}</text>`,
    );
    if (d < n1)
      for (let m = 2; m < 10; m++) {
        const xm = ax.x(m * 10 ** d);
        grid.push(
          html`<line class="grid-minor" x1="${n2(xm)}" y1="${n2(yT)}" x2="${n2(xm)}" y2="${n2(yB)}" />`,
        );
      }
  }
  for (let d = f0; d <= f1; d++) {
    const y = ax.y(10 ** d);
    grid.push(html`<line class="grid-major" x1="${n2(xL)}" y1="${n2(y)}" x2="${n2(xR)}" y2="${n2(y)}" />`);
    grid.push(
      html`<text class="tick" x="${n2(xL - 6)}" y="${n2(y + 4)}" text-anchor="end">${decadeLabel(d)}</text>`,
    );
  }

  const lines = html` <g clip-path="url(#fn-clip)">
    <line
      class="fn-line-unacceptable"
      data-line="unacceptable"
      x1="${n2(xL)}"
      y1="${n2(uA)}"
      x2="${n2(xR)}"
      y2="${n2(uB)}"
    />
    <line
      class="fn-line-acceptable"
      data-line="acceptable"
      x1="${n2(xL)}"
      y1="${n2(aA)}"
      x2="${n2(xR)}"
      y2="${n2(aB)}"
    />
  </g>`;

  const points = curve.filter((p) => p.n >= nMin && p.f > 0);
  let curvePath = html``;
  if (points.length > 0) {
    const yBottom = yB;
    let d = `M${n2(xL)},${n2(ax.y(points[0]!.f))}`;
    points.forEach((p, i) => {
      d += ` H${n2(ax.x(p.n))}`;
      const next = points[i + 1];
      d += ` V${n2(next ? ax.y(next.f) : yBottom)}`;
    });
    curvePath = html`<path class="fn-curve" data-role="fn-curve" d="${d}" />`;
  }

  const legendY = yT + 14;
  const legend = html` <g class="legend" transform="translate(${n2(xR - 168)},${n2(legendY)})">
    <rect x="-8" y="-12" width="170" height="60" class="legend-box" />
    <line class="fn-line-unacceptable" x1="0" y1="0" x2="22" y2="0" /><text x="28" y="4"
      >${labels.unacceptable}</text
    >
    <line class="fn-line-acceptable" x1="0" y1="18" x2="22" y2="18" /><text x="28" y="22"
      >${labels.acceptable}</text
    >
    <line class="fn-curve" x1="0" y1="36" x2="22" y2="36" /><text x="28" y="40">${labels.curve}</text>
  </g>`;

  const regionLabels = html` <text
      class="region-label"
      x="${n2(xL + 10)}"
      y="${n2(Math.max(yT + 16, uA - 30))}"
      >${labels.regions.unacceptable}</text
    >
    <text class="region-label" x="${n2(xL + 10)}" y="${n2((uA + aA) / 2 + 4)}">${labels.regions.alarp}</text>
    <text class="region-label" x="${n2(xL + 10)}" y="${n2(Math.min(yB - 8, aA + 34))}"
      >${labels.regions.acceptable}</text
    >`;

  return html`<svg
    class="chart fn-chart"
    viewBox="0 0 ${width} ${height}"
    role="img"
    aria-label="F-N"
    data-n-decades="${n0} ${n1}"
    data-f-decades="${f0} ${f1}"
    data-plot="${xL} ${yT} ${xR} ${yB}"
  >
    <defs>
      <clipPath id="fn-clip"><rect x="${xL}" y="${yT}" width="${xR - xL}" height="${yB - yT}" /></clipPath>
    </defs>
    ${regions} ${join(grid)} ${regionLabels} ${lines} ${curvePath}
    <rect class="frame" x="${xL}" y="${yT}" width="${xR - xL}" height="${yB - yT}" />
    ${legend}
    <text class="axis-label" x="${n2((xL + xR) / 2)}" y="${n2(height - 14)}" text-anchor="middle">
      ${labels.axisN}
    </text>
    <text class="axis-label" transform="translate(18,${n2((yT + yB) / 2)}) rotate(-90)" text-anchor="middle">
      ${labels.axisF}
    </text>
  </svg>`;
}

/** "10⁻⁶" for decade −6; 1 and 10 written plainly. */
function decadeLabel(d: number): string {
  if (d === 0) return '1';
  if (d === 1) return '10';
  return sci(10 ** d, 1).replace(/^1×/, '');
}

export interface WindRoseLabels {
  north: string;
  east: string;
  south: string;
  west: string;
}

/**
 * A wind rose: one wedge per sector, sector k centred on k·360/n degrees clockwise from north (the wind
 * blows FROM it), radius proportional to its probability; rings at round percentages.
 */
export function windRoseSvg(probabilities: readonly number[], labels: WindRoseLabels, size = 230): Html {
  const n = probabilities.length;
  const cx = size / 2;
  const cy = size / 2;
  const rMax = size / 2 - 26;
  const pMax = Math.max(...probabilities, 1e-12);
  const step = niceStep(pMax / 3);
  const ringTop = Math.ceil(pMax / step - 1e-9) * step;
  const r = (p: number) => (p / ringTop) * rMax;
  const at = (radius: number, deg: number): [number, number] => {
    const a = (deg * Math.PI) / 180;
    return [cx + radius * Math.sin(a), cy - radius * Math.cos(a)];
  };
  const rings: Html[] = [];
  const ticks: number[] = [];
  for (let v = step; v <= ringTop + 1e-12; v += step) {
    rings.push(html`<circle class="rose-ring" cx="${n2(cx)}" cy="${n2(cy)}" r="${n2(r(v))}" />`);
    ticks.push(v);
  }
  const wedges = probabilities.map((p, k) => {
    const c = (k * 360) / n;
    const half = 180 / n;
    const [x1, y1] = at(r(p), c - half);
    const [x2, y2] = at(r(p), c + half);
    return html`<path
      class="rose-wedge"
      data-sector="${k}"
      data-probability="${p}"
      d="M${n2(cx)},${n2(cy)} L${n2(x1)},${n2(y1)} A${n2(r(p))},${n2(r(p))} 0 0 1 ${n2(x2)},${n2(y2)} Z"
    />`;
  });
  const tickLabels = ticks.map((v) => {
    const [tx, ty] = at(r(v), 45);
    return html`<text class="rose-tick" x="${n2(tx + 2)}" y="${n2(ty)}"
      >${Number((v * 100).toPrecision(3))} %</text
    >`;
  });
  const compass = (
    [
      [0, labels.north],
      [90, labels.east],
      [180, labels.south],
      [270, labels.west],
    ] as const
  ).map(([deg, text]) => {
    const [x, y] = at(rMax + 14, deg);
    return html`<text class="rose-compass" x="${n2(x)}" y="${n2(y + 4)}" text-anchor="middle">${text}</text>`;
  });
  return html`<svg class="chart wind-rose" viewBox="0 0 ${size} ${size}" role="img" aria-label="wind rose">
    ${join(rings)}
    <line class="rose-axis" x1="${n2(cx)}" y1="${n2(cy - rMax)}" x2="${n2(cx)}" y2="${n2(cy + rMax)}" />
    <line class="rose-axis" x1="${n2(cx - rMax)}" y1="${n2(cy)}" x2="${n2(cx + rMax)}" y2="${n2(cy)}" />
    ${join(wedges)} ${join(tickLabels)} ${join(compass)}
  </svg>`;
}

/** 1, 2 or 5 × 10^k at or just above `v`. */
export function niceStep(v: number): number {
  const e = 10 ** Math.floor(Math.log10(v));
  const m = v / e;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * e;
}
