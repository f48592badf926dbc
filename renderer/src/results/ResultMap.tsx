import { select, zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../core/project/types.ts';
import { niceStep } from '../site-editor/geometry.ts';
import type { Assessment } from './AssessmentContext.tsx';
import { PointProbe, type PointDetails } from '../engine/point-probe.ts';
import { nonOverlappingLabels } from './label-layout.ts';
import { bilinearAt, FAIL, formatRisk, PASS, riskColour, sharesAt } from './risk-field.ts';

type XY = readonly [number, number];

export interface ResultMapHandle {
  /** The map as it is on screen, for the PNG export. */
  svg(): SVGSVGElement | null;
  /** Brings a protection target to the centre, zoomed in enough to see the contours around it. */
  focus(targetId: string): void;
}

/** Width of the contour legend, px. */
const LEGEND_WIDTH = 330;

/** Metres shown around a focused target on each side, so the contours that judge it stay in view. */
const FOCUS_MARGIN = 250;

interface Props {
  assessment: Assessment;
  selectedTarget: string | null;
  onSelectTarget(id: string | null): void;
}

export { FAIL, PASS };

/** The northernmost vertex of a target (its position for a point target), where its name is written. */
function topVertex(target: Project['targets'][number]): XY | null {
  const vertices = target.polygon ?? (target.position ? [target.position] : []);
  return vertices.reduce<XY | null>((best, p) => (!best || p[1] > best[1] ? (p as XY) : best), null);
}

function extentOf(project: Project, assessment: Assessment): [XY, XY] {
  const { grid } = assessment.result;
  const points: XY[] = [
    [grid.x0, grid.y0],
    [grid.x0 + (grid.nx - 1) * grid.cellSize, grid.y0 + (grid.ny - 1) * grid.cellSize],
  ];
  for (const area of [...project.targets, ...project.population, ...project.installations]) {
    const polygon = 'outline' in area ? area.outline : 'polygon' in area ? area.polygon : undefined;
    if (polygon) points.push(...polygon);
    if (area.position) points.push(area.position);
  }
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [
    [Math.min(...xs), Math.min(...ys)],
    [Math.max(...xs), Math.max(...ys)],
  ];
}

/**
 * The results on the site plan: individual-risk contours filled by level (the GB 36894 criteria among them,
 * which are the external safety distance lines), installations, protection targets coloured by verdict, and
 * on hover the interpolated risk with each installation's share. Colours are SVG attributes rather than CSS so
 * the serialised SVG (PNG export) looks the same as the screen.
 */
export const ResultMap = forwardRef<ResultMapHandle, Props>(function ResultMap(props, ref) {
  const { t } = useTranslation();
  const { assessment } = props;
  const project = assessment.prepared.project;
  const svgRef = useRef<SVGSVGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const [size, setSize] = useState({ width: 800, height: 560 });
  const [view, setView] = useState<ZoomTransform>(zoomIdentity);
  const [hover, setHover] = useState<{ site: XY; screen: XY } | null>(null);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(svg);
    const behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.01, 100])
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => setView(event.transform));
    zoomRef.current = behaviour;
    select(svg).call(behaviour).on('dblclick.zoom', null);
    return () => {
      observer.disconnect();
      select(svg).on('.zoom', null);
    };
  }, []);

  const fit = useCallback(() => {
    const svg = svgRef.current;
    const behaviour = zoomRef.current;
    if (!svg || !behaviour) return;
    const [[x0, y0], [x1, y1]] = extentOf(project, assessment);
    const { width: fullWidth, height } = svg.getBoundingClientRect();
    // On a wide map the legend keeps its own column on the right, so it hides nothing at first sight.
    const width = fullWidth > 2.2 * LEGEND_WIDTH ? fullWidth - LEGEND_WIDTH - 24 : fullWidth;
    const scale = Math.min(width / Math.max(x1 - x0, 20), height / Math.max(y1 - y0, 20)) * 0.86;
    select(svg).call(
      behaviour.transform,
      zoomIdentity
        .translate(width / 2, height / 2)
        .scale(scale)
        .translate(-(x0 + x1) / 2, (y0 + y1) / 2),
    );
  }, [project, assessment]);

  // Fit when a new assessment arrives (its grid may differ), not on every hover.
  useEffect(() => fit(), [fit]);

  const focus = useCallback(
    (targetId: string) => {
      const svg = svgRef.current;
      const behaviour = zoomRef.current;
      const target = project.targets.find((t) => t.id === targetId);
      const points = target?.polygon ?? (target?.position ? [target.position] : []);
      if (!svg || !behaviour || points.length === 0) return;
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      const { width, height } = svg.getBoundingClientRect();
      const fitting = Math.min(width / (x1 - x0 + 2 * FOCUS_MARGIN), height / (y1 - y0 + 2 * FOCUS_MARGIN));
      // Zoom in when the target would be small, never out: the user may have zoomed in on purpose.
      const scale = Math.max(view.k, fitting);
      select(svg)
        .transition()
        .duration(350)
        .call(
          behaviour.transform,
          zoomIdentity
            .translate(width / 2, height / 2)
            .scale(scale)
            .translate(-(x0 + x1) / 2, (y0 + y1) / 2),
        );
    },
    [project, view.k],
  );
  useImperativeHandle(ref, () => ({ svg: () => svgRef.current, focus }), [focus]);

  const k = view.k;
  const toScreen = ([x, y]: XY): XY => [view.x + k * x, view.y - k * y];
  // Installation names that would print over each other or over a target's name at this zoom are left out
  // (their <title> remains); targets' names are always drawn, at the top vertex as below. Overlaps depend
  // on the zoom only, not on the pan, so the layout is in unpanned screen units.
  const labelled = useMemo(
    () =>
      nonOverlappingLabels(
        project.installations.map((inst) => ({
          id: inst.id,
          x: k * inst.position[0] + 9,
          y: -k * inst.position[1] - 8,
          text: inst.name || inst.id,
          fontSize: 12.5,
        })),
        project.targets.flatMap((target) => {
          const top = topVertex(target);
          return top
            ? [{ id: target.id, x: k * top[0] + 10, y: -k * top[1] - 8, text: target.name, fontSize: 12.5 }]
            : [];
        }),
      ),
    [project, k],
  );
  const path = (ring: readonly XY[] | readonly number[][]) =>
    ring
      .map(
        (p, i) =>
          `${i === 0 ? 'M' : 'L'}${toScreen([p[0]!, p[1]!])
            .map((v) => v.toFixed(1))
            .join(',')}`,
      )
      .join('') + 'Z';

  const contours = useMemo(
    () =>
      [...assessment.result.contours]
        .filter((c) => c.multiPolygon.length > 0)
        .sort((a, b) => a.level - b.level),
    [assessment],
  );
  // The criterion levels of the installations' statuses are the external safety distance lines (GB 36894
  // Table 1): drawn solid and thick, and named in the legend with their classes and distance.
  const esdByLevel = useMemo(() => {
    const statuses = new Set(assessment.result.installations.map((i) => i.status));
    const rows = assessment.result.externalSafetyDistance.filter((r) => statuses.has(r.installationStatus));
    const byLevel = new Map<number, typeof rows>();
    for (const row of rows) byLevel.set(row.threshold, [...(byLevel.get(row.threshold) ?? []), row]);
    return { byLevel, bothStatuses: statuses.size > 1 };
  }, [assessment]);
  const verdictOf = useMemo(
    () => new Map(assessment.result.targets.map((target) => [target.id, target.complies])),
    [assessment],
  );

  // Scenario contributors at the pointer, evaluated directly over every event by a probe worker started on
  // the first hover of an assessment; asked for once the pointer rests (150 ms).
  const probe = useRef<PointProbe | null>(null);
  const [details, setDetails] = useState<(PointDetails & { of: Assessment }) | null>(null);
  useEffect(() => {
    return () => {
      probe.current?.dispose();
      probe.current = null;
    };
  }, [assessment]);
  useEffect(() => {
    if (!hover) return;
    const [x, y] = hover.site;
    const timer = window.setTimeout(() => {
      probe.current ??= new PointProbe(assessment.prepared);
      void probe.current.at(x, y).then((d) => d && setDetails({ ...d, of: assessment }));
    }, 150);
    return () => window.clearTimeout(timer);
  }, [hover, assessment]);
  const scenarios =
    hover &&
    details?.of === assessment &&
    details.x === hover.site[0] &&
    details.y === hover.site[1] &&
    details.risk > 1e-10
      ? details.contributors
      : [];

  const hoverInfo = useMemo(() => {
    if (!hover) return null;
    const [x, y] = hover.site;
    return {
      risk: bilinearAt(assessment.total, assessment.result.grid, x, y),
      shares: sharesAt(assessment.layers, assessment.result.grid, x, y).slice(0, 5),
    };
  }, [hover, assessment]);

  const scaleLength = niceStep(110 / k);
  const scalePx = scaleLength * k;
  const rotation = project.site.rotation;

  function onPointerMove(event: React.PointerEvent<SVGSVGElement>) {
    const rect = svgRef.current?.getBoundingClientRect();
    const sx = event.clientX - (rect?.left ?? 0);
    const sy = event.clientY - (rect?.top ?? 0);
    setHover({ site: [(sx - view.x) / k, -(sy - view.y) / k], screen: [sx, sy] });
  }

  return (
    <div className="rs-map-wrap">
      <svg
        ref={svgRef}
        className="rs-map"
        data-testid="result-map"
        role="img"
        aria-label={t('results.tabs.map')}
        xmlns="http://www.w3.org/2000/svg"
        fontFamily="'Noto Sans CJK SC','Microsoft YaHei',sans-serif"
        onPointerMove={onPointerMove}
        onPointerLeave={() => setHover(null)}
        onClick={(event) => {
          if ((event.target as Element).getAttribute('data-bg') !== null) props.onSelectTarget(null);
        }}
      >
        <rect width={size.width} height={size.height} fill="#f7f9fb" data-bg="" />
        {project.site.boundary && (
          <path
            d={path(project.site.boundary)}
            fill="none"
            stroke="#6b7785"
            strokeDasharray="8 4"
            strokeWidth={1.2}
          />
        )}
        <g data-testid="contours">
          {contours.map((c) => (
            <path
              key={c.level}
              d={c.multiPolygon.flatMap((polygon) => polygon.map((ring) => path(ring))).join('')}
              fill={riskColour(c.level)}
              fillOpacity={0.28}
              fillRule="evenodd"
              stroke={riskColour(c.level)}
              strokeWidth={esdByLevel.byLevel.has(c.level) ? 2.6 : 1.2}
              strokeDasharray={esdByLevel.byLevel.has(c.level) ? undefined : '5 3'}
              data-level={c.level}
              data-esd={esdByLevel.byLevel.has(c.level) ? '' : undefined}
            >
              <title>{formatRisk(c.level, 1)} /yr</title>
            </path>
          ))}
        </g>
        {project.population.map((area) =>
          area.polygon ? (
            <path
              key={area.id}
              d={path(area.polygon)}
              fill="#8a96a3"
              fillOpacity={0.12}
              stroke="#8a96a3"
              strokeDasharray="3 3"
            />
          ) : null,
        )}
        {project.targets.map((target) => {
          const complies = verdictOf.get(target.id);
          const colour = complies === false ? FAIL : PASS;
          const selected = props.selectedTarget === target.id;
          const label = target.polygon ?? (target.position ? [target.position] : []);
          const top = topVertex(target);
          const centre = top && label.length > 0 ? centroid(label) : null;
          return (
            <g
              key={target.id}
              data-testid={`result-target-${target.id}`}
              data-verdict={complies ? 'pass' : 'fail'}
              data-selected={selected ? '' : undefined}
              onClick={(event) => {
                event.stopPropagation();
                props.onSelectTarget(target.id);
              }}
              cursor="pointer"
            >
              {target.polygon ? (
                <path
                  d={path(target.polygon)}
                  fill={colour}
                  fillOpacity={selected ? 0.55 : 0.3}
                  stroke={colour}
                  strokeWidth={selected ? 3.5 : 1.8}
                />
              ) : target.position ? (
                <circle
                  cx={toScreen(target.position)[0]}
                  cy={toScreen(target.position)[1]}
                  r={selected ? 10 : 7}
                  fill={colour}
                  stroke={selected ? '#111' : '#fff'}
                  strokeWidth={2}
                />
              ) : null}
              {selected && centre && (
                <circle
                  cx={toScreen(centre)[0]}
                  cy={toScreen(centre)[1]}
                  r={target.polygon ? Math.max(18, radiusOf(label, centre) * k + 8) : 17}
                  fill="none"
                  stroke="#1d2733"
                  strokeWidth={2}
                  strokeDasharray="6 4"
                  data-testid="selected-halo"
                />
              )}
              {top && (
                <text
                  x={toScreen(top)[0] + 10}
                  y={toScreen(top)[1] - 8}
                  fontSize={12.5}
                  fontWeight={selected ? 700 : 500}
                  fill="#1d2733"
                  stroke="#fff"
                  strokeWidth={3}
                  paintOrder="stroke"
                >
                  {target.name}
                </text>
              )}
            </g>
          );
        })}
        {project.installations.map((inst) => (
          <g key={inst.id} data-testid={`result-installation-${inst.id}`}>
            <title>{inst.name || inst.id}</title>
            {inst.outline && (
              <path
                d={path(inst.outline)}
                fill="#37474f"
                fillOpacity={0.55}
                stroke="#263238"
                strokeWidth={1.5}
              />
            )}
            <g transform={`translate(${toScreen(inst.position).join(',')})`}>
              <rect x={-5} y={-5} width={10} height={10} fill="#263238" stroke="#fff" strokeWidth={1.5} />
              {labelled.has(inst.id) && (
                <text
                  x={9}
                  y={-8}
                  fontSize={12.5}
                  fontWeight={600}
                  fill="#263238"
                  stroke="#fff"
                  strokeWidth={3}
                  paintOrder="stroke"
                >
                  {inst.name || inst.id}
                </text>
              )}
            </g>
          </g>
        ))}
        <g transform={`translate(16,${size.height - 22})`} data-testid="result-scale-bar">
          <rect x={-6} y={-22} width={scalePx + 12} height={32} rx={3} fill="#fff" fillOpacity={0.85} />
          <path
            d={`M0,0V-6M0,0H${scalePx}V-6M${scalePx / 2},0V-4`}
            stroke="#1d2733"
            strokeWidth={1.5}
            fill="none"
          />
          <text x={scalePx / 2} y={-9} textAnchor="middle" fontSize={12} fill="#1d2733">
            {scaleLength >= 1000 ? `${scaleLength / 1000} km` : `${scaleLength} m`}
          </text>
        </g>
        <g transform={`translate(${size.width - 34},40) rotate(${-rotation})`}>
          <circle r={20} fill="#fff" fillOpacity={0.85} stroke="#b9c3cf" />
          <path d="M0,-15L6,8L0,4L-6,8Z" fill="#1d2733" />
          <text y={-23} textAnchor="middle" fontSize={11} fill="#1d2733">
            {t('results.map.north')}
          </text>
        </g>
        <Legend
          entries={[...contours]
            .sort((a, b) => b.level - a.level)
            .map((c) => {
              const rows = esdByLevel.byLevel.get(c.level) ?? [];
              // One line per installation status, so a level that is a criterion of both stays readable.
              const statuses = [...new Set(rows.map((r) => r.installationStatus))];
              return {
                level: c.level,
                esd: statuses.map((status) =>
                  t('results.map.esdLine', {
                    distance: c.maxDistance.toFixed(0),
                    status: esdByLevel.bothStatuses ? t(`results.statusShort.${status}`) : '',
                    classes: rows
                      .filter((r) => r.installationStatus === status)
                      .map((r) => t(`results.categoriesShort.${r.targetClass}`))
                      .join(t('results.map.listSeparator')),
                  }),
                ),
              };
            })}
          right={size.width - 12}
          y={78}
          title={t('results.map.legend')}
        />
      </svg>
      {hover && hoverInfo && (
        <div
          className="rs-tooltip"
          data-testid="map-tooltip"
          ref={(node) => {
            if (!node) return;
            node.style.left = `${Math.min(hover.screen[0] + 14, size.width - 250)}px`;
            node.style.top = `${Math.max(hover.screen[1] - 10, 0)}px`;
          }}
        >
          <div className="rs-tooltip-at">
            {t('results.map.at', { x: hover.site[0].toFixed(0), y: hover.site[1].toFixed(0) })}
          </div>
          <strong>
            {hoverInfo.risk > 1e-10
              ? t('results.map.risk', { risk: formatRisk(hoverInfo.risk) })
              : t('results.map.noRisk')}
          </strong>
          {hoverInfo.shares.length > 0 && (
            <div className="rs-tooltip-heading">{t('results.map.contributors')}</div>
          )}
          {hoverInfo.shares.length > 0 && (
            <ul>
              {hoverInfo.shares.map((s) => (
                <li key={s.installation}>
                  {s.installation}: {formatRisk(s.risk)} ({(100 * s.share).toFixed(0)}%)
                </li>
              ))}
            </ul>
          )}
          {scenarios.length > 0 && (
            <>
              <div className="rs-tooltip-heading">{t('results.map.scenarios')}</div>
              <ul data-testid="map-tooltip-scenarios">
                {scenarios.map((c) => (
                  <li key={`${c.installation}/${c.scenario}/${c.outcome}`}>
                    {c.installation}/{c.scenario} ·{' '}
                    {t(`results.outcome.${c.outcome}`, { defaultValue: c.outcome })} (
                    {(100 * c.share).toFixed(0)}%)
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <button type="button" className="secondary rs-fit" onClick={fit}>
        {t('results.map.fit')}
      </button>
    </div>
  );
});

/**
 * The contour legend, top right: one row per level, and under each criterion level the external safety
 * distance it draws and the target classes it applies to.
 */
function Legend({
  entries,
  right,
  y,
  title,
}: {
  /** Per level, the external safety distance lines it draws (none for a level that is no criterion). */
  entries: readonly { level: number; esd: readonly string[] }[];
  right: number;
  y: number;
  title: string;
}) {
  const heights = entries.map((entry) => 20 + 14 * entry.esd.length);
  const rows = entries.map((entry, i) => ({
    ...entry,
    at: 10 + heights.slice(0, i).reduce((a, h) => a + h, 0),
  }));
  const offset = 10 + heights.reduce((a, h) => a + h, 0);
  return (
    <g transform={`translate(${right - LEGEND_WIDTH + 8},${y})`} data-testid="contour-legend">
      <rect
        x={-8}
        y={-18}
        width={LEGEND_WIDTH}
        height={offset + 14}
        rx={4}
        fill="#fff"
        fillOpacity={0.92}
        stroke="#d8dee6"
      />
      <text x={0} y={-2} fontSize={12} fontWeight={600} fill="#1d2733">
        {title}
      </text>
      {rows.map(({ level, esd, at }) => {
        const criterion = esd.length > 0;
        return (
          <g key={level} transform={`translate(0,${at})`} data-testid={`legend-${level}`}>
            <rect
              width={22}
              height={12}
              fill={riskColour(level)}
              fillOpacity={0.5}
              stroke={riskColour(level)}
              strokeWidth={criterion ? 2.6 : 1.2}
              strokeDasharray={criterion ? undefined : '5 3'}
            />
            <text x={30} y={10.5} fontSize={12} fontWeight={criterion ? 600 : 400} fill="#1d2733">
              {formatRisk(level, 1)}
            </text>
            {esd.map((line, i) => (
              <text key={line} x={30} y={25 + 14 * i} fontSize={11} fill="#4a5666">
                {line}
              </text>
            ))}
          </g>
        );
      })}
    </g>
  );
}

/** Mean of a polygon's vertices (a point's own position): where the selection halo goes. */
function centroid(points: readonly (readonly number[])[]): XY {
  const n = points.length;
  return [points.reduce((s, p) => s + p[0]!, 0) / n, points.reduce((s, p) => s + p[1]!, 0) / n];
}

/** Largest distance from `centre` to a vertex, m. */
function radiusOf(points: readonly (readonly number[])[], centre: XY): number {
  return Math.max(...points.map((p) => Math.hypot(p[0]! - centre[0], p[1]! - centre[1])));
}
