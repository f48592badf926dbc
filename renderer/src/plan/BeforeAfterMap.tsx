import { useTranslation } from 'react-i18next';
import type { Project } from '../../../core/project/types.ts';
import type { AssessmentResult } from '../../../core/qra/assess.ts';
import { niceStep } from '../site-editor/geometry.ts';
import { FAIL, PASS } from '../results/ResultMap.tsx';
import { formatRisk, riskColour } from '../results/risk-field.ts';

type XY = readonly [number, number];

/** Drawing size of one map, px (the SVG scales to its column). */
const WIDTH = 320;
const HEIGHT = 280;

interface Side {
  project: Project;
  /** Null when there is nothing to assess (the only installation removed). */
  result: AssessmentResult | null;
}

/**
 * The contours drawn: those the grid closes. A contour the grid edge cuts (a level below the lowest
 * criterion, AssessmentResult `clipped`) would show the grid's square, not the risk's reach.
 */
function drawn(result: AssessmentResult | null) {
  return (result?.contours ?? []).filter((c) => !c.clipped && c.multiPolygon.length > 0);
}

/**
 * The frame both maps share: the fence, every installation before and after, and the targets — where the
 * verdicts are decided. Contours reaching farther are cut by the frame.
 */
function frameOf(before: Side, after: Side): [XY, XY] {
  const points: XY[] = [];
  for (const side of [before, after]) {
    const { project } = side;
    if (project.site.boundary) points.push(...project.site.boundary);
    for (const target of project.targets) {
      if (target.polygon) points.push(...target.polygon);
      if (target.position) points.push(target.position);
    }
    for (const inst of project.installations) points.push(...(inst.outline ?? []), inst.position);
  }
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = 0.1 * Math.max(x1 - x0, y1 - y0, 50);
  return [
    [x0 - pad, y0 - pad],
    [x1 + pad, y1 + pad],
  ];
}

/**
 * BEFORE and AFTER side by side on one frame: individual-risk contours filled by level (as on the results
 * map), targets coloured by their verdict on that side, the installations; the AFTER map also draws the
 * contours of BEFORE as dashed lines and, where an installation moved or was removed, where it stood.
 */
export function BeforeAfterMap(props: { before: Side; after: Side }) {
  const { t } = useTranslation();
  const [[x0, y0], [x1, y1]] = frameOf(props.before, props.after);
  const k = Math.min(WIDTH / (x1 - x0), HEIGHT / (y1 - y0));
  const ox = (WIDTH - k * (x1 - x0)) / 2 - k * x0;
  const oy = (HEIGHT - k * (y1 - y0)) / 2 + k * y1;
  const toScreen = ([x, y]: XY): XY => [ox + k * x, oy - k * y];
  const path = (ring: readonly (readonly number[])[]) =>
    ring
      .map((p, i) => {
        const [sx, sy] = toScreen([p[0]!, p[1]!]);
        return `${i === 0 ? 'M' : 'L'}${sx.toFixed(1)},${sy.toFixed(1)}`;
      })
      .join('') + 'Z';
  const contoursOf = (result: AssessmentResult | null) =>
    [...drawn(result)]
      .sort((a, b) => a.level - b.level)
      .map((c) => ({
        level: c.level,
        d: c.multiPolygon.flatMap((p) => p.map((ring) => path(ring))).join(''),
      }));
  const beforeContours = contoursOf(props.before.result);
  const levels = [
    ...new Set([...drawn(props.before.result), ...drawn(props.after.result)].map((c) => c.level)),
  ].sort((a, b) => b - a);
  const scale = niceStep(80 / k);

  function map(side: Side, role: 'before' | 'after') {
    const { project, result } = side;
    const verdict = new Map(result?.targets.map((x) => [x.id, x.complies]) ?? []);
    const ghosts =
      role === 'after'
        ? props.before.project.installations.filter((was) => {
            const now = project.installations.find((i) => i.id === was.id);
            return !now || now.position[0] !== was.position[0] || now.position[1] !== was.position[1];
          })
        : [];
    return (
      <figure className="pl-map" data-testid={`plan-map-${role}`}>
        <figcaption>{t(`plan.${role}`)}</figcaption>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-label={t(`plan.${role}`)}
          xmlns="http://www.w3.org/2000/svg"
          fontFamily="'Noto Sans CJK SC','Microsoft YaHei',sans-serif"
        >
          <rect width={WIDTH} height={HEIGHT} fill="#f7f9fb" />
          {project.site.boundary && (
            <path d={path(project.site.boundary)} fill="none" stroke="#6b7785" strokeDasharray="6 3" />
          )}
          <g data-testid={`plan-contours-${role}`}>
            {contoursOf(result).map((c) => (
              <path
                key={c.level}
                d={c.d}
                fill={riskColour(c.level)}
                fillOpacity={0.28}
                fillRule="evenodd"
                stroke={riskColour(c.level)}
                strokeWidth={1.3}
                data-level={c.level}
              />
            ))}
          </g>
          {role === 'after' &&
            beforeContours.map((c) => (
              <path
                key={c.level}
                d={c.d}
                fill="none"
                stroke={riskColour(c.level)}
                strokeWidth={1.1}
                strokeDasharray="4 3"
                data-before-level={c.level}
              />
            ))}
          {project.targets.map((target) => {
            const complies = verdict.get(target.id) ?? true;
            const colour = complies ? PASS : FAIL;
            const at = target.polygon ?? (target.position ? [target.position] : []);
            const xs = at.map((p) => p[0]);
            const top: XY | null = at.length
              ? [(Math.min(...xs) + Math.max(...xs)) / 2, Math.max(...at.map((p) => p[1]))]
              : null;
            return (
              <g
                key={target.id}
                data-testid={`plan-${role}-target-${target.id}`}
                data-verdict={complies ? 'pass' : 'fail'}
              >
                {target.polygon ? (
                  <path
                    d={path(target.polygon)}
                    fill={colour}
                    fillOpacity={0.3}
                    stroke={colour}
                    strokeWidth={1.5}
                  />
                ) : target.position ? (
                  <circle
                    cx={toScreen(target.position)[0]}
                    cy={toScreen(target.position)[1]}
                    r={5}
                    fill={colour}
                    stroke="#fff"
                    strokeWidth={1.5}
                  />
                ) : null}
                {top && (
                  <text
                    x={toScreen(top)[0]}
                    y={toScreen(top)[1] - 5}
                    textAnchor="middle"
                    fontSize={10.5}
                    fill="#1d2733"
                    stroke="#fff"
                    strokeWidth={2.5}
                    paintOrder="stroke"
                  >
                    {target.name}
                  </text>
                )}
              </g>
            );
          })}
          {ghosts.map((was) => (
            <g key={`was-${was.id}`} data-testid={`plan-after-was-${was.id}`}>
              <rect
                x={toScreen(was.position)[0] - 3.5}
                y={toScreen(was.position)[1] - 3.5}
                width={7}
                height={7}
                fill="none"
                stroke="#37474f"
                strokeDasharray="2 1.5"
              />
              {was.outline && (
                <path
                  d={path(was.outline)}
                  fill="none"
                  stroke="#37474f"
                  strokeDasharray="3 2"
                  strokeWidth={1.2}
                />
              )}
              <text
                x={toScreen(was.position)[0]}
                y={toScreen(was.position)[1] + 16}
                textAnchor="middle"
                fontSize={10}
                fill="#37474f"
                stroke="#fff"
                strokeWidth={2.5}
                paintOrder="stroke"
              >
                {t('plan.oldPlace')}
              </text>
            </g>
          ))}
          {project.installations.map((inst) => (
            <g key={inst.id}>
              {inst.outline && (
                <path
                  d={path(inst.outline)}
                  fill="#37474f"
                  fillOpacity={0.55}
                  stroke="#263238"
                  strokeWidth={1.2}
                />
              )}
              <rect
                x={toScreen(inst.position)[0] - 3.5}
                y={toScreen(inst.position)[1] - 3.5}
                width={7}
                height={7}
                fill="#263238"
                stroke="#fff"
              />
              <text
                x={toScreen(inst.position)[0] + 6}
                y={toScreen(inst.position)[1] - 6}
                fontSize={10.5}
                fontWeight={600}
                fill="#263238"
                stroke="#fff"
                strokeWidth={2.5}
                paintOrder="stroke"
              >
                {inst.id}
              </text>
            </g>
          ))}
          <g transform={`translate(10,${HEIGHT - 10})`}>
            <path d={`M0,0V-5M0,0H${scale * k}V-5`} stroke="#1d2733" strokeWidth={1.2} fill="none" />
            <text x={(scale * k) / 2} y={-7} textAnchor="middle" fontSize={10} fill="#1d2733">
              {scale >= 1000 ? `${scale / 1000} km` : `${scale} m`}
            </text>
          </g>
        </svg>
      </figure>
    );
  }

  return (
    <div className="pl-maps-wrap">
      <div className="pl-maps">
        {map(props.before, 'before')}
        {map(props.after, 'after')}
      </div>
      <div className="pl-legend" data-testid="plan-legend">
        <span>{t('plan.legend')}</span>
        {levels.map((level) => (
          <span key={level} className="pl-legend-item">
            <svg width={18} height={10} aria-hidden="true">
              <rect
                x={0.75}
                y={0.75}
                width={16.5}
                height={8.5}
                fill={riskColour(level)}
                fillOpacity={0.5}
                stroke={riskColour(level)}
                strokeWidth={1.5}
              />
            </svg>
            {formatRisk(level, 1)}
          </span>
        ))}
        <span className="pl-legend-item">
          <svg width={18} height={10} aria-hidden="true">
            <path d="M0,5H18" stroke="#5a6675" strokeWidth={1.3} strokeDasharray="4 3" />
          </svg>
          {t('plan.beforeLine')}
        </span>
      </div>
    </div>
  );
}
