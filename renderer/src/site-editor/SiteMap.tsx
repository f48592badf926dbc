import { select, zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { coordinate, type Collection, type ProjectDoc, type XY } from '../project-state/document.ts';
import { useProjectState } from '../project-state/ProjectStateContext.tsx';
import { getIn, setIn } from '../project-state/paths.ts';
import { formatSi } from '../forms/quantity.ts';
import { dxfToSite } from './dxf-backdrop.ts';
import type { DxfBackdrop } from './DxfPanel.tsx';
import {
  applyAffine,
  dropRepeats,
  invertAffine,
  niceStep,
  pathLength,
  roundTo,
  snapPoint,
  translate,
  type Affine,
} from './geometry.ts';

export type Tool = 'select' | 'installation' | 'target' | 'population' | 'measure' | 'georef';
export interface Selection {
  collection: Collection;
  index: number;
}
export interface Backdrop {
  url: string;
  width: number;
  height: number;
  /** Image pixels → SVG world coordinates `[x, −y]` (m). */
  matrix: Affine;
  opacity: number;
}

interface Props {
  tool: Tool;
  snap: boolean;
  selection: Selection | null;
  onSelect(selection: Selection | null): void;
  /** A shape was drawn: the points of a closed polygon (or one point: an installation's position). */
  onCreate(collection: Collection, points: XY[]): void;
  onDelete(): void;
  backdrop: Backdrop | null;
  /** A DXF site plan drawn behind the objects; its vertices are snap targets. */
  dxf: DxfBackdrop | null;
  georefPicks: readonly XY[];
  onGeorefPick(pixel: XY): void;
  /** Changes when the view should fit all objects (a project was loaded, the Fit button). */
  fitKey: number;
  onCursor(point: XY | null): void;
  onMeasure(length: number | null, segments: number): void;
}

/** Fill colour per GB 36894 target class, strongest for the most sensitive. */
const CATEGORY_CLASS: Record<string, string> = {
  'high-sensitivity': 'cat-high',
  important: 'cat-important',
  'general-1': 'cat-g1',
  'general-2': 'cat-g2',
  'general-3': 'cat-g3',
};

interface Shape {
  collection: Collection;
  index: number;
  id: string;
  label: string;
  polygon: XY[] | null;
  position: XY | null;
  className: string;
}

/** Everything drawable, in site metres; entries that do not read as lengths are skipped, not guessed. */
function shapesOf(doc: ProjectDoc): Shape[] {
  const polygon = (points: unknown): XY[] | null => {
    if (!Array.isArray(points)) return null;
    const out = points.map((p) =>
      Array.isArray(p) ? ([coordinate(p[0]), coordinate(p[1])] as XY) : ([NaN, NaN] as XY),
    );
    return out.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y)) && out.length > 0 ? out : null;
  };
  const position = (p: unknown): XY | null => {
    if (!p || typeof p !== 'object') return null;
    const { x, y } = p as { x?: number | string; y?: number | string };
    const xy: XY = [coordinate(x), coordinate(y)];
    return Number.isFinite(xy[0]) && Number.isFinite(xy[1]) ? xy : null;
  };
  const shapes: Shape[] = [];
  (doc.population ?? []).forEach((area, index) =>
    shapes.push({
      collection: 'population',
      index,
      id: area.id,
      label: area.name || area.id,
      polygon: polygon(area.polygon),
      position: position(area.position),
      className: 'se-population',
    }),
  );
  (doc.targets ?? []).forEach((target, index) =>
    shapes.push({
      collection: 'targets',
      index,
      id: target.id,
      label: target.name || target.id,
      polygon: polygon(target.polygon),
      position: position(target.position),
      className: `se-target ${CATEGORY_CLASS[target.category] ?? 'cat-none'}`,
    }),
  );
  doc.installations.forEach((inst, index) =>
    shapes.push({
      collection: 'installations',
      index,
      id: inst.id,
      label: inst.name || inst.id,
      polygon: polygon(inst.outline),
      position: position(inst.position),
      className: 'se-installation',
    }),
  );
  return shapes;
}

function extentOf(doc: ProjectDoc, shapes: Shape[], extra: readonly XY[]): [XY, XY] | null {
  const points: XY[] = shapes.flatMap((s) => [...(s.polygon ?? []), ...(s.position ? [s.position] : [])]);
  points.push(...extra);
  for (const p of doc.site?.boundary ?? []) points.push([coordinate(p[0]), coordinate(p[1])]);
  const finite = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (finite.length === 0) return null;
  const xs = finite.map((p) => p[0]);
  const ys = finite.map((p) => p[1]);
  return [
    [Math.min(...xs), Math.min(...ys)],
    [Math.max(...xs), Math.max(...ys)],
  ];
}

/** Moves a whole object (outline and position, or polygon) or one vertex of it by (dx, dy) metres. */
function moved(
  original: Record<string, unknown>,
  collection: Collection,
  vertex: number | null,
  dx: number,
  dy: number,
) {
  const polygonKey = collection === 'installations' ? 'outline' : 'polygon';
  const poly = original[polygonKey] as XY[] | undefined;
  if (vertex !== null && poly) {
    const p = poly[vertex] as XY;
    return {
      ...original,
      [polygonKey]: poly.map((q, i) =>
        i === vertex ? [roundTo(coordinate(p[0]) + dx), roundTo(coordinate(p[1]) + dy)] : q,
      ),
    };
  }
  const next: Record<string, unknown> = { ...original };
  if (poly)
    next[polygonKey] = translate(
      poly.map(([x, y]) => [coordinate(x), coordinate(y)] as XY),
      dx,
      dy,
    );
  const position = original.position as { x: number | string; y: number | string } | undefined;
  if (position)
    next.position = { x: roundTo(coordinate(position.x) + dx), y: roundTo(coordinate(position.y) + dy) };
  return next;
}

/**
 * The site plan: pan and zoom (d3-zoom), grid, scale bar and north arrow; drawing, selecting, moving and
 * measuring in site metres (x east, y north; the screen's y runs down, so y is negated on the way in and out).
 */
export function SiteMap(props: Props) {
  const { t } = useTranslation();
  const { doc, edit, commit } = useProjectState();
  const svgRef = useRef<SVGSVGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const [size, setSize] = useState({ width: 800, height: 600 });
  const [view, setView] = useState<ZoomTransform>(zoomIdentity);
  // Unfinished work belongs to the tool it was started with: switching tools drops it.
  const [drafts, setDrafts] = useState<{ tool: Tool; points: XY[] }>({ tool: props.tool, points: [] });
  const [measures, setMeasures] = useState<{ tool: Tool; points: XY[]; done: boolean }>({
    tool: props.tool,
    points: [],
    done: false,
  });
  const draft = useMemo(() => (drafts.tool === props.tool ? drafts.points : []), [drafts, props.tool]);
  const measure = useMemo(
    () => (measures.tool === props.tool ? measures : { points: [] as XY[], done: false }),
    [measures, props.tool],
  );
  const tool = props.tool;
  const setDraft = useCallback(
    (update: (points: XY[]) => XY[]) =>
      setDrafts((d) => ({ tool, points: update(d.tool === tool ? d.points : []) })),
    [tool],
  );
  const setMeasure = useCallback(
    (update: (m: { points: XY[]; done: boolean }) => { points: XY[]; done: boolean }) =>
      setMeasures((m) => ({ tool, ...update(m.tool === tool ? m : { points: [], done: false }) })),
    [tool],
  );
  const [hover, setHover] = useState<XY | null>(null);

  const shapes = useMemo(() => (doc ? shapesOf(doc) : []), [doc]);
  // The DXF plan in site metres, once per drawing or placement: path data in site coordinates (y north), drawn
  // under one transform, and the points to snap to.
  const dxfSite = useMemo(() => {
    const dxf = props.dxf;
    if (!dxf) return null;
    const place = (p: XY) => dxfToSite(p, dxf.placement);
    const paths = dxf.drawing.paths.map(
      (path) =>
        path.points
          .map(
            (p, i) =>
              `${i === 0 ? 'M' : 'L'}${place(p)
                .map((v) => roundTo(v, 0.001))
                .join(',')}`,
          )
          .join('') + (path.closed ? 'Z' : ''),
    );
    const [[x0, y0], [x1, y1]] = dxf.drawing.extent;
    return { paths, snap: dxf.drawing.snapPoints.map(place), corners: [place([x0, y0]), place([x1, y1])] };
  }, [props.dxf]);
  const vertices = useMemo(
    () => [
      ...shapes.flatMap((s) => [...(s.polygon ?? []), ...(s.position ? [s.position] : [])]),
      ...(dxfSite?.snap ?? []),
    ],
    [shapes, dxfSite],
  );
  const k = view.k;
  const gridStep = niceStep(60 / k);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(svg);
    const behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.005, 200])
      .filter((event: Event) => {
        const e = event as MouseEvent;
        const onHandle = e.target instanceof Element && e.target.closest('[data-drag]') !== null;
        return (!e.ctrlKey || e.type === 'wheel') && !e.button && !onHandle;
      })
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
    if (!svg || !behaviour || !doc) return;
    const extent = extentOf(doc, shapesOf(doc), dxfSite?.corners ?? []);
    const { width, height } = svg.getBoundingClientRect();
    const [[x0, y0], [x1, y1]] = extent ?? [
      [-100, -100],
      [100, 100],
    ];
    const scale = Math.min(width / Math.max(x1 - x0, 20), height / Math.max(y1 - y0, 20)) * 0.85;
    const transform = zoomIdentity
      .translate(width / 2, height / 2)
      .scale(scale)
      .translate(-(x0 + x1) / 2, (y0 + y1) / 2);
    select(svg).call(behaviour.transform, transform);
  }, [doc, dxfSite]);

  // Fit the view when asked (a project was loaded, the Fit button), not on every edit.
  const fittedKey = useRef<number | null>(null);
  useEffect(() => {
    if (fittedKey.current === props.fitKey) return;
    fittedKey.current = props.fitKey;
    fit();
  }, [props.fitKey, fit]);

  const toScreen = ([x, y]: XY): XY => [view.x + k * x, view.y - k * y];
  const toSite = (clientX: number, clientY: number): XY => {
    const rect = svgRef.current?.getBoundingClientRect();
    const sx = clientX - (rect?.left ?? 0);
    const sy = clientY - (rect?.top ?? 0);
    return [(sx - view.x) / k, -(sy - view.y) / k];
  };
  const snapped = (p: XY): XY =>
    props.snap
      ? snapPoint(p, { grid: gridStep, vertices, tolerance: 8 / k }).point
      : [roundTo(p[0]), roundTo(p[1])];

  const drawing = props.tool === 'installation' || props.tool === 'target' || props.tool === 'population';

  const finish = useCallback(() => {
    const points = dropRepeats(draft);
    if (props.tool === 'installation' && (points.length === 1 || points.length >= 3)) {
      props.onCreate('installations', points);
      setDraft(() => []);
    } else if ((props.tool === 'target' || props.tool === 'population') && points.length >= 3) {
      props.onCreate(props.tool === 'target' ? 'targets' : 'population', points);
      setDraft(() => []);
    }
  }, [draft, props, setDraft]);

  const { onMeasure } = props;
  useEffect(() => {
    onMeasure(
      measure.points.length > 1 ? pathLength(measure.points) : null,
      Math.max(0, measure.points.length - 1),
    );
  }, [measure, onMeasure]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
      if (event.key === 'Escape') {
        setDraft(() => []);
        setMeasure(() => ({ points: [], done: false }));
      } else if (event.key === 'Enter' && drawing) {
        event.preventDefault();
        finish();
      } else if (event.key === 'Backspace' && drawing) {
        event.preventDefault();
        setDraft((d) => d.slice(0, -1));
      } else if (
        (event.key === 'Delete' || event.key === 'Backspace') &&
        props.tool === 'select' &&
        props.selection
      ) {
        event.preventDefault();
        props.onDelete();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawing, finish, props, setDraft, setMeasure]);

  function onClick(event: ReactMouseEvent<SVGSVGElement>) {
    const site = toSite(event.clientX, event.clientY);
    if (drawing) setDraft((d) => [...d, snapped(site)]);
    else if (props.tool === 'measure')
      setMeasure((m) =>
        m.done
          ? { points: [snapped(site)], done: false }
          : { points: [...m.points, snapped(site)], done: false },
      );
    else if (props.tool === 'georef' && props.backdrop) {
      const pixel = applyAffine(invertAffine(props.backdrop.matrix), [site[0], -site[1]]);
      // A reference point is a point of the image: clicks beside it mean nothing.
      const onImage =
        pixel[0] >= 0 &&
        pixel[1] >= 0 &&
        pixel[0] <= props.backdrop.width &&
        pixel[1] <= props.backdrop.height;
      if (onImage) props.onGeorefPick([Math.round(pixel[0] * 10) / 10, Math.round(pixel[1] * 10) / 10]);
    } else if (props.tool === 'select' && (event.target as Element).classList.contains('se-bg'))
      props.onSelect(null);
  }

  function onDoubleClick() {
    if (drawing) finish();
    else if (props.tool === 'measure') setMeasure((m) => ({ points: dropRepeats(m.points), done: true }));
  }

  function startDrag(event: ReactPointerEvent, shape: Shape, vertex: number | null) {
    if (props.tool !== 'select' || event.button !== 0) return;
    event.stopPropagation();
    props.onSelect({ collection: shape.collection, index: shape.index });
    if (!doc) return;
    const original = getIn(doc, [shape.collection, shape.index]) as Record<string, unknown>;
    const start = toSite(event.clientX, event.clientY);
    const reference: XY | null =
      vertex !== null ? (shape.polygon?.[vertex] ?? null) : (shape.polygon?.[0] ?? shape.position);
    const key = `drag:${shape.collection}:${shape.index}:${event.timeStamp}`;
    const move = (e: PointerEvent) => {
      const p = toSite(e.clientX, e.clientY);
      let dx = p[0] - start[0];
      let dy = p[1] - start[1];
      if (reference && props.snap) {
        const target = snapPoint([reference[0] + dx, reference[1] + dy], {
          grid: gridStep,
          vertices: [],
          tolerance: 0,
        }).point;
        dx = target[0] - reference[0];
        dy = target[1] - reference[1];
      }
      if (dx === 0 && dy === 0) return;
      edit(
        (d) => setIn(d, [shape.collection, shape.index], moved(original, shape.collection, vertex, dx, dy)),
        key,
      );
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      commit();
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }

  // Grid lines over the visible extent.
  const [minX, maxY] = [(0 - view.x) / k, (view.y - 0) / k];
  const [maxX, minY] = [(size.width - view.x) / k, (view.y - size.height) / k];
  const gridX: number[] = [];
  const gridY: number[] = [];
  for (let x = Math.ceil(minX / gridStep) * gridStep; x <= maxX && gridX.length < 400; x += gridStep)
    gridX.push(x);
  for (let y = Math.ceil(minY / gridStep) * gridStep; y <= maxY && gridY.length < 400; y += gridStep)
    gridY.push(y);

  const scaleLength = niceStep(100 / k);
  const scalePx = scaleLength * k;
  const rotation = doc?.site?.rotationDeg ?? 0;
  const path = (points: XY[], close: boolean) =>
    points.map((p, i) => `${i === 0 ? 'M' : 'L'}${toScreen(p).join(',')}`).join('') + (close ? 'Z' : '');
  const boundary = (doc?.site?.boundary ?? []).map((p) => [coordinate(p[0]), coordinate(p[1])] as XY);
  const hoverSnapped = hover && (drawing || props.tool === 'measure') ? snapped(hover) : null;
  const selected = props.selection
    ? shapes.find((s) => s.collection === props.selection?.collection && s.index === props.selection.index)
    : undefined;

  return (
    <svg
      ref={svgRef}
      className={`se-map tool-${props.tool}`}
      role="application"
      aria-label={t('editor.map')}
      data-testid="site-map"
      onClick={onClick}
      onDoubleClick={onDoubleClick}
      onPointerMove={(event) => {
        const site = toSite(event.clientX, event.clientY);
        setHover(site);
        props.onCursor(site);
      }}
      onPointerLeave={() => {
        setHover(null);
        props.onCursor(null);
      }}
    >
      <rect className="se-bg" width={size.width} height={size.height} />
      {props.backdrop && (
        <g transform={`translate(${view.x},${view.y}) scale(${k})`} opacity={props.backdrop.opacity}>
          <image
            href={props.backdrop.url}
            width={props.backdrop.width}
            height={props.backdrop.height}
            transform={`matrix(${[props.backdrop.matrix.a, props.backdrop.matrix.b, props.backdrop.matrix.c, props.backdrop.matrix.d, props.backdrop.matrix.e, props.backdrop.matrix.f].join(' ')})`}
            preserveAspectRatio="none"
            className="se-backdrop"
          />
        </g>
      )}
      {props.dxf && dxfSite && (
        <g
          className="se-dxf"
          transform={`translate(${view.x},${view.y}) scale(${k},${-k})`}
          opacity={props.dxf.opacity}
          data-testid="dxf-backdrop"
        >
          {dxfSite.paths.map((d, i) => (
            <path key={i} d={d} vectorEffect="non-scaling-stroke" />
          ))}
        </g>
      )}
      <g className="se-grid-lines">
        {gridX.map((x) => (
          <line
            key={`x${x}`}
            x1={toScreen([x, 0])[0]}
            x2={toScreen([x, 0])[0]}
            y1={0}
            y2={size.height}
            className={Math.abs(x) < gridStep / 2 ? 'axis' : undefined}
          />
        ))}
        {gridY.map((y) => (
          <line
            key={`y${y}`}
            y1={toScreen([0, y])[1]}
            y2={toScreen([0, y])[1]}
            x1={0}
            x2={size.width}
            className={Math.abs(y) < gridStep / 2 ? 'axis' : undefined}
          />
        ))}
      </g>
      {boundary.length >= 3 && boundary.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y)) && (
        <path d={path(boundary, true)} className="se-boundary">
          <title>{t('editor.boundary')}</title>
        </path>
      )}
      {shapes.map((shape) => {
        const isSelected = selected === shape;
        const cls = `${shape.className}${isSelected ? ' selected' : ''}`;
        // Labels sit above the polygon's top-left corner, or beside the position marker.
        const labelAt: XY | null = shape.position
          ? shape.position
          : shape.polygon
            ? [Math.min(...shape.polygon.map((p) => p[0])), Math.max(...shape.polygon.map((p) => p[1]))]
            : null;
        return (
          <g
            key={`${shape.collection}-${shape.index}`}
            className={cls}
            data-testid={`shape-${shape.collection}-${shape.id}`}
          >
            {shape.polygon && shape.polygon.length >= 2 && (
              <path
                d={path(shape.polygon, true)}
                className="shape"
                data-drag
                onPointerDown={(e) => startDrag(e, shape, null)}
              />
            )}
            {shape.position && shape.collection === 'installations' && (
              <g
                transform={`translate(${toScreen(shape.position).join(',')})`}
                data-drag
                onPointerDown={(e) => startDrag(e, shape, null)}
              >
                <circle r={6} className="marker" />
                <path d="M-4,0H4M0,-4V4" className="marker-cross" />
              </g>
            )}
            {shape.position && shape.collection !== 'installations' && (
              <circle
                cx={toScreen(shape.position)[0]}
                cy={toScreen(shape.position)[1]}
                r={6}
                className="marker"
                data-drag
                onPointerDown={(e) => startDrag(e, shape, null)}
              />
            )}
            {labelAt && (
              <text
                x={toScreen(labelAt)[0] + (shape.position ? 9 : 3)}
                y={toScreen(labelAt)[1] - (shape.position ? 8 : 5)}
                className="se-label"
              >
                {shape.label}
              </text>
            )}
            {isSelected &&
              props.tool === 'select' &&
              shape.polygon?.map((p, v) => (
                <rect
                  key={v}
                  x={toScreen(p)[0] - 4}
                  y={toScreen(p)[1] - 4}
                  width={8}
                  height={8}
                  className="se-handle"
                  data-drag
                  onPointerDown={(e) => startDrag(e, shape, v)}
                />
              ))}
          </g>
        );
      })}
      {draft.length > 0 && (
        <g className="se-draft">
          <path d={path(hoverSnapped ? [...draft, hoverSnapped] : draft, false)} />
          {draft.map((p, i) => (
            <circle key={i} cx={toScreen(p)[0]} cy={toScreen(p)[1]} r={3.5} />
          ))}
        </g>
      )}
      {measure.points.length > 0 && (
        <g className="se-measure" data-testid="measure">
          <path
            d={path(
              !measure.done && hoverSnapped ? [...measure.points, hoverSnapped] : measure.points,
              false,
            )}
          />
          {measure.points.map((p, i) => (
            <circle key={i} cx={toScreen(p)[0]} cy={toScreen(p)[1]} r={3.5} />
          ))}
          {measure.points.length > 1 && (
            <text
              x={toScreen(measure.points.at(-1) as XY)[0] + 8}
              y={toScreen(measure.points.at(-1) as XY)[1] - 8}
            >
              {formatSi(pathLength(measure.points))} m
            </text>
          )}
        </g>
      )}
      {props.backdrop &&
        props.georefPicks.map((pixel, i) => {
          const [wx, wy] = applyAffine(props.backdrop?.matrix as Affine, pixel);
          const [sx, sy] = toScreen([wx, -wy]);
          return (
            <g key={i} className="se-georef-pick" transform={`translate(${sx},${sy})`}>
              <circle r={7} />
              <text x={9} y={-9}>
                {i + 1}
              </text>
            </g>
          );
        })}
      {hoverSnapped && (
        <circle className="se-cursor" cx={toScreen(hoverSnapped)[0]} cy={toScreen(hoverSnapped)[1]} r={4} />
      )}
      <g
        className="se-scalebar"
        transform={`translate(16,${size.height - 24})`}
        data-testid="scale-bar"
        aria-label={t('editor.scale')}
      >
        <rect x={-6} y={-20} width={scalePx + 12} height={30} rx={3} className="plate" />
        <path d={`M0,0V-6M0,0H${scalePx}V-6`} />
        <path d={`M${scalePx / 2},0V-4`} />
        <text x={scalePx / 2} y={-8} textAnchor="middle">
          {scaleLength >= 1000 ? `${scaleLength / 1000} km` : `${formatSi(scaleLength)} m`}
        </text>
      </g>
      <g
        className="se-north"
        transform={`translate(${size.width - 36},44) rotate(${-rotation})`}
        data-testid="north-arrow"
      >
        <circle r={22} className="plate" />
        <path d="M0,-17L7,9L0,4L-7,9Z" />
        <text y={-26} textAnchor="middle" transform={`rotate(${rotation},0,-26)`}>
          {t('editor.north')}
        </text>
      </g>
      <text x={size.width - 12} y={size.height - 10} textAnchor="end" className="se-gridnote">
        {t('editor.grid', { step: formatSi(gridStep) })}
      </text>
    </svg>
  );
}
