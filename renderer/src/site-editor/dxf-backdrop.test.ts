import { describe, expect, it } from 'vitest';
import type { XY } from '../project-state/document.ts';
import { arcPoints, bulgePoints, dxfToSite, readDxf } from './dxf-backdrop.ts';

/** A DXF text from group-code/value pairs (AutoCAD DXF Reference: one code line, one value line). */
const dxf = (...pairs: (string | number)[]) => `${pairs.join('\n')}\n`;
const header = (insunits: number) => [0, 'SECTION', 2, 'HEADER', 9, '$INSUNITS', 70, insunits, 0, 'ENDSEC'];
const entities = (...body: (string | number)[]) => [
  0,
  'SECTION',
  2,
  'ENTITIES',
  ...body,
  0,
  'ENDSEC',
  0,
  'EOF',
];

const near = (a: XY, b: XY, tolerance = 1e-9) =>
  expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeLessThan(tolerance);

describe('arc geometry', () => {
  it('draws an arc counter-clockwise from the start to the end angle, ends included, on the circle', () => {
    const points = arcPoints([10, 0], 5, 0, Math.PI / 2);
    near(points[0] as XY, [15, 0]);
    near(points.at(-1) as XY, [10, 5]);
    for (const [x, y] of points) expect(Math.hypot(x - 10, y)).toBeCloseTo(5, 12);
  });

  it('wraps an arc whose end angle is below its start (270° → 90° is half a turn through 0°)', () => {
    const points = arcPoints([0, 0], 1, (3 * Math.PI) / 2, Math.PI / 2);
    // Through angle 0, i.e. the point (1, 0), not through (−1, 0).
    expect(Math.max(...points.map((p) => p[0]))).toBeCloseTo(1, 12);
    expect(Math.min(...points.map((p) => p[0]))).toBeGreaterThan(-1e-12);
  });

  it('turns a bulge of 1 into a half circle on the right of the chord (counter-clockwise)', () => {
    // bulge = tan(θ/4) = 1 → θ = 180°, radius = half the chord, centre at its middle.
    const points = bulgePoints([0, 0], [10, 0], 1);
    near(points.at(-1) as XY, [10, 0]);
    for (const [x, y] of points) expect(Math.hypot(x - 5, y)).toBeCloseTo(5, 12);
    expect(Math.min(...points.map((p) => p[1]))).toBeCloseTo(-5, 1);
    // A negative bulge turns the other way.
    expect(Math.max(...bulgePoints([0, 0], [10, 0], -1).map((p) => p[1]))).toBeCloseTo(5, 1);
  });

  it('turns a bulge of tan(22.5°) into a quarter circle of radius chord/√2', () => {
    const points = bulgePoints([0, 0], [10, 0], Math.tan(Math.PI / 8));
    const r = 10 / Math.SQRT2;
    // Centre (5, 5): the sagitta is r − 5 below the chord.
    for (const [x, y] of points) expect(Math.hypot(x - 5, y - 5)).toBeCloseTo(r, 12);
    expect(Math.min(...points.map((p) => p[1]))).toBeCloseTo(5 - r, 1);
  });
});

describe('readDxf', () => {
  const plan = dxf(
    ...header(4),
    ...entities(
      ...[0, 'LINE', 8, 'ROADS', 10, 0, 20, 0, 30, 0, 11, 100000, 21, 0, 31, 0],
      ...[0, 'LWPOLYLINE', 8, 'BUILDINGS', 90, 4, 70, 1],
      ...[10, 0, 20, 0, 10, 20000, 20, 0, 10, 20000, 20, 10000, 10, 0, 20, 10000],
      ...[0, 'CIRCLE', 8, 'TANKS', 10, 50000, 20, 50000, 30, 0, 40, 5000],
      ...[0, 'ARC', 8, 'TANKS', 10, 0, 20, 0, 30, 0, 40, 1000, 50, 0, 51, 90],
      ...[0, 'TEXT', 8, 'LABELS', 10, 0, 20, 0, 30, 0, 40, 2.5, 1, 'Gate'],
    ),
  );

  it('reads lines, polylines, circles and arcs with their layers, and counts what it does not draw', () => {
    const drawing = readDxf(plan);
    expect(drawing.declaredUnit).toBe('mm');
    expect(drawing.layers).toEqual(['BUILDINGS', 'ROADS', 'TANKS']);
    expect(drawing.skipped).toEqual({ TEXT: 1 });
    const [line, building, circle, arc] = drawing.paths;
    expect(line?.points).toEqual([
      [0, 0],
      [100000, 0],
    ]);
    expect(building).toMatchObject({ closed: true });
    expect(building?.points).toHaveLength(4);
    expect(circle?.closed).toBe(true);
    for (const [x, y] of circle?.points ?? []) expect(Math.hypot(x - 50000, y - 50000)).toBeCloseTo(5000, 6);
    near(arc?.points[0] as XY, [1000, 0], 1e-6);
    near(arc?.points.at(-1) as XY, [0, 1000], 1e-6);
    expect(drawing.extent).toEqual([
      [0, 0],
      [100000, 55000],
    ]);
    // Snapping targets: line ends, polyline vertices, circle centre, arc ends and centre.
    expect(drawing.snapPoints).toContainEqual([20000, 10000]);
    expect(drawing.snapPoints).toContainEqual([50000, 50000]);
  });

  it('places the drawing on the site by unit and base point', () => {
    // 100 000 mm from a base of (20 000, 0) mm: 80 m east of the site origin.
    expect(dxfToSite([100000, 0], { unit: 'mm', base: [20000, 0] })).toEqual([80, 0]);
    expect(dxfToSite([3, 4], { unit: 'ft', base: [0, 0] })).toEqual([3 * 0.3048, 4 * 0.3048]);
  });

  it('mirrors an entity drawn with extrusion direction (0, 0, −1)', () => {
    const mirrored = readDxf(
      dxf(...entities(0, 'ARC', 8, '0', 10, 10, 20, 0, 30, 0, 40, 1, 50, 0, 51, 90, 210, 0, 220, 0, 230, -1)),
    );
    // Object centre (10, 0) is world (−10, 0); the arc from 0° to 90° becomes 90° → 180° seen from above.
    const points = mirrored.paths[0]?.points ?? [];
    near(points[0] as XY, [-10, 1], 1e-9);
    near(points.at(-1) as XY, [-11, 0], 1e-9);
  });

  it('says why a text cannot be used', () => {
    expect(() => readDxf('hello')).toThrow(/DXF/);
    expect(() => readDxf(dxf(...entities(0, 'TEXT', 8, '0', 10, 0, 20, 0, 40, 1, 1, 'x')))).toThrow(
      /no LINE, LWPOLYLINE, POLYLINE, CIRCLE or ARC entities to draw \(entities found: TEXT\)/,
    );
  });
});
