import type { Point, PopulationArea, Project } from '../project/types.ts';
import { distanceToPolygon } from '../risk/geometry.ts';

/** GB 18218-2018 §4.3: α counts the people within this distance of the plant boundary, m. */
export const EXPOSURE_DISTANCE = 500;

/** An area as a polygon (≥ 3 points) or a single point. */
type Shape = readonly Point[];

function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const orient = (p: Point, q: Point, r: Point) =>
    Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
}

function edges(s: Shape): [Point, Point][] {
  return s.length < 2 ? [] : s.map((p, i) => [s[(i + s.length - 1) % s.length]!, p]);
}

/** Shortest distance between two shapes, 0 when they overlap, m. */
export function shapeDistance(a: Shape, b: Shape): number {
  for (const [p, q] of edges(a)) for (const [r, s] of edges(b)) if (segmentsCross(p, q, r, s)) return 0;
  let best = Infinity;
  for (const p of a) best = Math.min(best, distanceToPolygon(p[0], p[1], b));
  for (const p of b) best = Math.min(best, distanceToPolygon(p[0], p[1], a));
  return best;
}

function shapeOf(area: Pick<PopulationArea, 'polygon' | 'position'>): Shape {
  return area.polygon ?? (area.position ? [area.position] : []);
}

/** The estimate of people exposed within 500 m, and what it was measured from. */
export interface ExposureEstimate {
  people: number;
  /** `plant boundary` when the project has one, else the installations (their outlines or positions). */
  reference: 'plant boundary' | 'installations';
  /** Ids of the areas counted. */
  areas: string[];
}

/**
 * Estimates the people within 500 m of the plant boundary (GB 18218-2018 §4.3, for α) from the project's
 * protection targets and population areas: an area counts whole, with the larger of its day and night
 * population, when any part of it lies within 500 m (conservative). Without a boundary, the distance is
 * taken to the nearest installation's outline or position.
 */
export function estimateExposedPeople(project: Project): ExposureEstimate {
  const references: Shape[] = project.site.boundary
    ? [project.site.boundary]
    : project.installations.map((i) => i.outline ?? [i.position]);
  let people = 0;
  const areas: string[] = [];
  for (const area of [...project.targets, ...project.population]) {
    const shape = shapeOf(area);
    if (shape.length === 0) continue;
    if (references.some((r) => shapeDistance(shape, r) <= EXPOSURE_DISTANCE)) {
      people += Math.max(area.population.day, area.population.night);
      areas.push(area.id);
    }
  }
  return { people, reference: project.site.boundary ? 'plant boundary' : 'installations', areas };
}
