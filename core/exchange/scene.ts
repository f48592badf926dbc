import type { Project } from '../project/types.ts';

/** A polyline of an imported site plan, in site metres (the .sdp store keeps these, data/store). */
export interface PlanPolyline {
  layer: string;
  closed: boolean;
  points: [number, number][];
}

/** Risk contours as `safedist assess` computes them: per level, polygons of rings of [x, y] in site metres. */
export interface ContourSet {
  level: number;
  multiPolygon: number[][][][];
  maxDistance?: number;
}

/** One exported feature in site metres, before it is placed in an output coordinate system. */
export interface SceneFeature {
  kind: 'installation' | 'target' | 'population' | 'boundary' | 'probe' | 'contour' | 'plan';
  id: string;
  name: string;
  /** CAD layer / KML folder / GeoJSON `layer` property. */
  layer: string;
  properties: Record<string, string | number>;
  /** A display colour `#rrggbb` for this feature (KML draws it; otherwise the kind's colour applies). */
  colour?: string;
  /** A point, closed rings (first ring outer, each without a repeated closing point), or an open polyline. */
  geometry:
    | { type: 'point'; at: [number, number] }
    | { type: 'polygons'; polygons: [number, number][][][] }
    | { type: 'line'; points: [number, number][] };
}

/** A level as a layer-name fragment: 3e-7 → `3E-7`, 1.5e-6 → `1P5E-6` (DXF R12 names allow no dot). */
export function levelTag(level: number): string {
  const [mantissa, exponent] = level.toExponential().toUpperCase().split('E');
  return `${mantissa!.replace('.', 'P')}E${Number(exponent)}`;
}

const ring = (points: readonly (readonly [number, number])[]): [number, number][] =>
  points.map(([x, y]) => [x, y]);

/**
 * Everything of a project that has a place on the site: installations (outline or position), protection
 * targets and population areas (polygon or position), the plant boundary, probes, risk contours when a
 * result is given, and the imported site plan.
 */
export function sceneOf(
  project: Project,
  contours: readonly ContourSet[] = [],
  plan: readonly PlanPolyline[] = [],
): SceneFeature[] {
  const features: SceneFeature[] = [];
  if (project.site.boundary)
    features.push({
      kind: 'boundary',
      id: 'boundary',
      name: '厂区边界',
      layer: 'SITE_BOUNDARY',
      properties: {},
      geometry: { type: 'polygons', polygons: [[ring(project.site.boundary)]] },
    });
  for (const i of project.installations)
    features.push({
      kind: 'installation',
      id: i.id,
      name: i.name,
      layer: 'INSTALLATIONS',
      properties: { status: i.status, substance: i.substance, installationKind: i.kind },
      geometry: i.outline
        ? { type: 'polygons', polygons: [[ring(i.outline)]] }
        : { type: 'point', at: [i.position[0], i.position[1]] },
    });
  const areas = [
    ...project.targets.map((t) => ({
      ...t,
      kind: 'target' as const,
      layer: `TARGETS_${t.category.toUpperCase()}`,
    })),
    ...project.population.map((a) => ({ ...a, kind: 'population' as const, layer: 'POPULATION' })),
  ];
  for (const a of areas)
    features.push({
      kind: a.kind,
      id: a.id,
      name: a.name,
      layer: a.layer,
      properties: {
        ...('category' in a ? { category: a.category } : {}),
        populationDay: a.population.day,
        populationNight: a.population.night,
      },
      geometry: a.polygon
        ? { type: 'polygons', polygons: [[ring(a.polygon)]] }
        : { type: 'point', at: [a.position![0], a.position![1]] },
    });
  for (const p of project.probes)
    features.push({
      kind: 'probe',
      id: p.id,
      name: p.id,
      layer: 'PROBES',
      properties: {},
      geometry: { type: 'point', at: [p.position[0], p.position[1]] },
    });
  for (const c of contours) {
    if (c.multiPolygon.length === 0) continue;
    features.push({
      kind: 'contour',
      id: `IR ${c.level.toExponential()}`,
      name: `个人风险 ${c.level.toExponential()} /a`,
      layer: `CONTOUR_${levelTag(c.level)}`,
      properties: { level: c.level, ...(c.maxDistance !== undefined ? { maxDistance: c.maxDistance } : {}) },
      geometry: {
        type: 'polygons',
        polygons: c.multiPolygon.map((poly) =>
          poly.map((r) => {
            const pts = r.map(([x, y]) => [x!, y!] as [number, number]);
            const first = pts[0];
            const last = pts.at(-1);
            // GeoJSON-style closed rings repeat the first point; the scene keeps rings open.
            if (pts.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) pts.pop();
            return pts;
          }),
        ),
      },
    });
  }
  plan.forEach((p, k) =>
    features.push({
      kind: 'plan',
      id: `plan-${k + 1}`,
      name: p.layer,
      layer: `PLAN_${p.layer}`,
      properties: { sourceLayer: p.layer },
      geometry: p.closed
        ? { type: 'polygons', polygons: [[ring(p.points)]] }
        : { type: 'line', points: ring(p.points) },
    }),
  );
  return features;
}
