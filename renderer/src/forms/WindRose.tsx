import { arc, scaleLinear } from 'd3';
import { useTranslation } from 'react-i18next';

/**
 * A polar chart of a wind rose: one wedge per sector, its radius proportional to the probability that the
 * wind blows FROM that sector. Sector k is centred k·360/n degrees clockwise from north, as in the project
 * format; d3's arc angles are also clockwise from 12 o'clock, so they map one to one.
 */
export function WindRoseChart({
  values,
  size = 240,
}: {
  values: readonly (number | undefined)[];
  size?: number;
}) {
  const { t } = useTranslation();
  const n = values.length;
  const radius = size / 2 - 22;
  const max = Math.max(0.05, ...values.map((v) => (v !== undefined && Number.isFinite(v) ? v : 0)));
  const r = scaleLinear().domain([0, max]).range([0, radius]).nice();
  const rings = r.ticks(4).filter((tick) => tick > 0);
  const wedge = arc<number>()
    .innerRadius(0)
    .outerRadius((_, k) => r(Math.max(0, values[k] ?? 0)))
    .startAngle((_, k) => ((k - 0.5) * 2 * Math.PI) / n)
    .endAngle((_, k) => ((k + 0.5) * 2 * Math.PI) / n)
    .padAngle(0.01);
  const compass = [t('editor.north'), t('editor.east'), t('editor.south'), t('editor.west')];
  return (
    <svg
      className="se-rose"
      width={size}
      height={size}
      viewBox={`${-size / 2} ${-size / 2} ${size} ${size}`}
      role="img"
      aria-label={t('section.windRose')}
      data-testid="wind-rose-chart"
    >
      {rings.map((tick) => (
        <g key={tick}>
          <circle r={r(tick)} className="se-rose-ring" />
          <text x={3} y={-r(tick) - 2} className="se-rose-tick">
            {tick}
          </text>
        </g>
      ))}
      {[0, 90, 180, 270].map((angle, i) => {
        const a = (angle * Math.PI) / 180;
        return (
          <g key={angle}>
            <line
              x1={0}
              y1={0}
              x2={Math.sin(a) * radius}
              y2={-Math.cos(a) * radius}
              className="se-rose-axis"
            />
            <text
              x={Math.sin(a) * (radius + 12)}
              y={-Math.cos(a) * (radius + 12)}
              className="se-rose-label"
              textAnchor="middle"
              dominantBaseline="middle"
            >
              {compass[i]}
            </text>
          </g>
        );
      })}
      {n > 0 &&
        values.map((_, k) => (
          <path key={k} d={wedge(0, k) ?? ''} className="se-rose-wedge" data-sector={k} />
        ))}
    </svg>
  );
}
