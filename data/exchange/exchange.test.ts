import DxfParser from 'dxf-parser';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../core/project/types.ts';
import { parseProject } from '../project/index.ts';
import { EXAMPLE_TEXT } from '../store/test-projects.ts';
import {
  applyPlanOutlines,
  areasFromCsv,
  CsvImportError,
  decodeDxfText,
  gaussKrugerZone,
  levelTag,
  mergeAreas,
  parseWktPolygon,
  placement,
  planFromDxf,
  sceneOf,
  toDxf,
  toGeoJson,
  toKml,
} from './index.ts';

const exampleJson = () => JSON.parse(EXAMPLE_TEXT) as Record<string, unknown>;
const parse = (json: unknown): Project =>
  parseProject(json, { fileName: 'test.json', isKnownSubstance: () => true });

describe('CSV of targets and population areas', () => {
  const chinese = [
    '编号,名称,类别,白天人口,夜间人口,室内比例,x,y,边界',
    'S2,第二小学,高敏感,600,0,93%,300,40,',
    'R1,"居民区, 东",一般一类,300,600,0.99,,,"POLYGON ((350 -50, 450 -50, 450 50, 350 50, 350 -50))"',
  ].join('\r\n');

  it('reads Chinese headers, category names, percentages, points and WKT polygons', () => {
    const { kind, areas } = areasFromCsv(chinese, 'targets.csv');
    expect(kind).toBe('targets');
    expect(areas).toEqual([
      {
        id: 'S2',
        name: '第二小学',
        category: 'high-sensitivity',
        position: { x: 300, y: 40 },
        population: { day: 600, night: 0 },
        indoorFraction: { day: 0.93, night: 0.93 },
      },
      {
        id: 'R1',
        name: '居民区, 东',
        category: 'general-1',
        polygon: [
          [350, -50],
          [450, -50],
          [450, 50],
          [350, 50],
        ],
        population: { day: 300, night: 600 },
        indoorFraction: { day: 0.99, night: 0.99 },
      },
    ]);
  });

  it('reads English headers as population areas when there is no category column', () => {
    const csv =
      'id,name,population_day,population_night,indoor_day,indoor_night,x,y\nP1,工厂,120,20,0.9,0.95,10,-20\n';
    const { kind, areas } = areasFromCsv(csv, 'areas.csv');
    expect(kind).toBe('population');
    expect(areas[0]).toEqual({
      id: 'P1',
      name: '工厂',
      position: { x: 10, y: -20 },
      population: { day: 120, night: 20 },
      indoorFraction: { day: 0.9, night: 0.95 },
    });
  });

  it('merges into a project: same ids replaced in place, new ids appended; the result is a valid project', () => {
    const { areas } = areasFromCsv(chinese.replace('S2,第二小学', 'S1,第一小学（更新）'), 'targets.csv');
    const merged = mergeAreas(exampleJson(), 'targets', areas);
    const targets = merged.targets as { id: string; name: string }[];
    expect(targets.map((t) => [t.id, t.name])).toEqual([
      ['S1', '第一小学（更新）'],
      ['R1', '居民区, 东'],
    ]);
    expect(parse(merged).targets).toHaveLength(2);
    expect((mergeAreas(exampleJson(), 'targets', areas.slice(1), true).targets as unknown[]).length).toBe(1);
  });

  it.each([
    [
      '编号,名称,类别,白天人口,x,y\nS1,a,重要,1,0,0\n',
      /targets\.csv line 1: missing column night \(night \/ populationnight \/ 夜间人口\)/,
    ],
    ['编号,白天人口,夜间人口\nS1,1,2\n', /line 1: missing columns x .*, y /],
    ['编号,白天人口,夜间人口,x,y,颜色\nS1,1,2,0,0,red\n', /line 1: unknown column '颜色'/],
    [
      '编号,类别,白天人口,夜间人口,x,y\nS1,重要,很多,2,0,0\n',
      /targets\.csv line 2, column '白天人口': expected a number of people ≥ 0, got '很多'/,
    ],
    [
      '编号,类别,白天人口,夜间人口,x,y\nS1,学校,1,2,0,0\n',
      /line 2, column '类别': expected one of .* got '学校'/,
    ],
    [
      '编号,类别,白天人口,夜间人口,室内比例,x,y\nS1,重要,1,2,120%,0,0\n',
      /line 2, column '室内比例': expected a fraction/,
    ],
    [
      '编号,类别,白天人口,夜间人口,边界\nS1,重要,1,2,POINT (1 2)\n',
      /line 2, column '边界': expected WKT POLYGON/,
    ],
    [
      '编号,类别,白天人口,夜间人口,x,y\nS1,重要,1,2,0,0\nS1,重要,1,2,0,0\n',
      /line 3, column '编号': id 'S1' appears twice/,
    ],
    ['编号,类别,白天人口,夜间人口,x,y\nS1,重要,1,2,0\n', /line 2: 5 cells, the header has 6/],
    ['编号,类别,白天人口,夜间人口,x,y\n', /no rows after the header/],
  ])('refuses a bad CSV naming the file, line and column: %#', (csv, message) => {
    expect(() => areasFromCsv(csv, 'targets.csv')).toThrow(CsvImportError);
    expect(() => areasFromCsv(csv, 'targets.csv')).toThrow(message);
  });

  it('WKT: drops the repeated closing point, ignores holes, refuses fewer than three points', () => {
    expect(parseWktPolygon('polygon((0 0,1 0,1 1,0 0),(0.1 0.1,0.2 0.1,0.2 0.2))')).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
    ]);
    expect(parseWktPolygon('POLYGON ((0 0, 1 1, 0 0))')).toMatch(/at least 3/);
  });
});

describe('placing the site on the earth', () => {
  it('a point on the central meridian of a CGCS2000 3° zone has easting 500 000 m, the equator northing 0', () => {
    const json = exampleJson();
    json.site = { origin: { lon: 120, lat: 0 }, rotationDeg: 0 };
    const place = placement(parse(json), 'cgcs2000-gk3');
    const [e, n] = place.map(0, 0);
    expect(e).toBeCloseTo(500000, 6);
    expect(n).toBeCloseTo(0, 6);
    expect(place.epsg).toBe(4549); // EPSG:4549 CGCS2000 / 3-degree Gauss-Kruger CM 120E
  });

  it('zones: central meridian 3·round(lon/3), EPSG 4534 (75° E) to 4554 (135° E)', () => {
    expect(gaussKrugerZone(118.8)).toMatchObject({ centralMeridian: 120, epsg: 4549 });
    expect(gaussKrugerZone(75.2).epsg).toBe(4534);
    expect(gaussKrugerZone(134.9).epsg).toBe(4554);
    expect(gaussKrugerZone(-3).epsg).toBeUndefined();
  });

  it('keeps distances along the central meridian (scale factor 1 there) to a millimetre per kilometre', () => {
    const json = exampleJson();
    json.site = { origin: { lon: 120, lat: 32.05 }, rotationDeg: 0 };
    const place = placement(parse(json), 'cgcs2000-gk3');
    const [e0, n0] = place.map(0, 0);
    const [e1, n1] = place.map(0, 1000);
    expect(e1 - e0).toBeCloseTo(0, 3);
    expect(n1 - n0).toBeCloseTo(1000, 0);
    expect(Math.abs(n1 - n0 - 1000)).toBeLessThan(1e-3);
  });

  it('agrees with WGS 84 placement through an independent proj4 inverse of the zone', () => {
    const project = parse(exampleJson());
    const gk = placement(project, 'cgcs2000-gk3');
    const wgs = placement(project, 'wgs84');
    const inverse = proj4(gaussKrugerZone(118.8).proj, 'EPSG:4326');
    const [lon, lat] = inverse.forward(gk.map(250, -400));
    const [lon2, lat2] = wgs.map(250, -400);
    expect(lon).toBeCloseTo(lon2, 9);
    expect(lat).toBeCloseTo(lat2, 9);
  });

  it('refuses WGS 84 without site.origin, naming the field', () => {
    const json = exampleJson();
    json.site = {};
    expect(() => placement(parse(json), 'wgs84')).toThrow(/^site\.origin: required/);
    expect(placement(parse(json), 'site').map(3, 4)).toEqual([3, 4]);
  });
});

describe('GeoJSON and KML', () => {
  const contours = [
    {
      level: 1e-5,
      multiPolygon: [
        [
          [
            [100, 0],
            [0, 100],
            [-100, 0],
            [0, -100],
            [100, 0],
          ],
        ],
      ],
      maxDistance: 100,
    },
  ];
  const project = parse(exampleJson());
  const scene = sceneOf(project, contours);

  it('places the site origin at site.origin and closes every ring (RFC 7946 §3.1.6)', () => {
    const gj = toGeoJson(scene, placement(project, 'wgs84'), project.name) as {
      crs?: unknown;
      features: {
        properties: { kind: string; id: string };
        geometry: { type: string; coordinates: number[][][][] };
      }[];
    };
    expect(gj.crs).toBeUndefined();
    expect(gj.features.map((f) => `${f.properties.kind}:${f.properties.id}`)).toEqual([
      'installation:T101',
      'target:S1',
      'probe:P1',
      'contour:IR 1e-5',
    ]);
    const contour = gj.features[3]!.geometry;
    expect(contour.type).toBe('MultiPolygon');
    const ring = contour.coordinates[0]![0]!;
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    // (0, 100) is due north of the origin: the origin's longitude, 100 m of latitude (≈ 9.0e-4°) north.
    const [lon, lat] = ring[1]!;
    expect(lon).toBeCloseTo(118.8, 9);
    expect((lat! - 32.05) * 110_900).toBeCloseTo(100, -0.5);
  });

  it('names a projected coordinate system in GeoJSON', () => {
    const gj = toGeoJson(scene, placement(project, 'cgcs2000-gk3'), project.name) as { crs: unknown };
    expect(gj.crs).toEqual({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4549' } });
  });

  it('KML: one folder per kind, escaped names, lon,lat coordinates', () => {
    const json = exampleJson();
    (json.targets as { name: string }[])[0]!.name = 'A & B <学校>';
    const p = parse(json);
    const kml = toKml(sceneOf(p, contours), placement(p, 'wgs84'), p.name);
    expect(kml).toContain('<name>S1 A &amp; B &lt;学校&gt;</name>');
    expect(kml.match(/<Folder>/g)).toHaveLength(4);
    expect(kml.match(/<Placemark>/g)).toHaveLength(4);
    // Probe P1 is 200 m east of the origin: 200 / (111 320·cos 32.05°) ≈ 0.00212° of longitude.
    const [lon, lat] = /<Point><coordinates>([^<]+)<\/coordinates>/.exec(kml)![1]!.split(',').map(Number);
    expect((lon! - 118.8) * 111_320 * Math.cos((32.05 * Math.PI) / 180)).toBeCloseTo(200, -0.5);
    expect(lat).toBeCloseTo(32.05, 6);
    expect(() => toKml(scene, placement(project, 'site'), 'x')).toThrow(RangeError);
  });
});

describe('DXF', () => {
  const project = parse(exampleJson());
  const contours = [
    {
      level: 3e-7,
      multiPolygon: [
        [
          [
            [10, 0],
            [0, 10],
            [-10, 0],
            [10, 0],
          ],
        ],
      ],
    },
    {
      level: 1.5e-6,
      multiPolygon: [
        [
          [
            [5, 0],
            [0, 5],
            [-5, 0],
            [5, 0],
          ],
        ],
      ],
    },
  ];

  it('writes an R12 file that dxf-parser reads back: layers, closed polylines, vertices, labels', () => {
    const text = toDxf(sceneOf(project, contours), placement(project, 'site'));
    const dxf = new DxfParser().parseSync(text)!;
    expect(dxf.header.$ACADVER).toBe('AC1009');
    expect(Object.keys(dxf.tables.layer.layers).sort()).toEqual(
      [
        'CONTOUR_1P5E-6',
        'CONTOUR_3E-7',
        'LABELS',
        'PROBES',
        'TARGETS_HIGH-SENSITIVITY',
        'INSTALLATIONS',
      ].sort(),
    );
    const polylines = dxf.entities.filter((e) => e.type === 'POLYLINE') as unknown as {
      layer: string;
      shape: boolean;
      vertices: { x: number; y: number }[];
    }[];
    const byLayer = (l: string) => polylines.filter((p) => p.layer === l);
    expect(byLayer('INSTALLATIONS')[0]!.vertices.map((v) => [v.x, v.y])).toEqual([
      [-5, -5],
      [5, -5],
      [5, 5],
      [-5, 5],
    ]);
    expect(byLayer('INSTALLATIONS')[0]!.shape).toBe(true);
    expect(byLayer('CONTOUR_3E-7')[0]!.vertices.map((v) => [v.x, v.y])).toEqual([
      [10, 0],
      [0, 10],
      [-10, 0],
    ]);
    expect(byLayer('TARGETS_HIGH-SENSITIVITY')).toHaveLength(1);
    const labels = dxf.entities.filter((e) => e.type === 'TEXT') as unknown as { text: string }[];
    expect(labels.map((l) => decodeDxfText(l.text))).toContain('S1 第一小学');
    expect(dxf.entities.filter((e) => e.type === 'POINT')).toHaveLength(1); // the probe
  });

  it('level tags are valid R12 layer-name fragments', () => {
    expect(levelTag(3e-7)).toBe('3E-7');
    expect(levelTag(1.5e-6)).toBe('1P5E-6');
  });

  /** A site plan drawn in millimetres ($INSUNITS 4) with LWPOLYLINEs, as CAD programs save it. */
  const planDxf = [
    '0',
    'SECTION',
    '2',
    'HEADER',
    '9',
    '$INSUNITS',
    '70',
    '4',
    '0',
    'ENDSEC',
    '0',
    'SECTION',
    '2',
    'ENTITIES',
    '0',
    'LWPOLYLINE',
    '8',
    '围墙',
    '90',
    '4',
    '70',
    '1',
    '10',
    '900000',
    '20',
    '400000',
    '10',
    '1400000',
    '20',
    '400000',
    '10',
    '1400000',
    '20',
    '700000',
    '10',
    '900000',
    '20',
    '700000',
    '0',
    'LWPOLYLINE',
    '8',
    'TANKS',
    '90',
    '4',
    '70',
    '1',
    '10',
    '995000',
    '20',
    '495000',
    '10',
    '1005000',
    '20',
    '495000',
    '10',
    '1005000',
    '20',
    '505000',
    '10',
    '995000',
    '20',
    '505000',
    '0',
    'LINE',
    '8',
    'ROAD',
    '10',
    '900000',
    '20',
    '600000',
    '30',
    '0',
    '11',
    '1400000',
    '21',
    '600000',
    '31',
    '0',
    '0',
    'ENDSEC',
    '0',
    'EOF',
  ].join('\n');
  const options = { base: [1_000_000, 500_000] as [number, number] };

  it('imports a site plan in mm onto the site: (drawing − base) × 0.001', () => {
    const plan = planFromDxf(planDxf, 'plan.dxf', options);
    expect(plan.map((p) => [p.layer, p.closed, p.points.length])).toEqual([
      ['围墙', true, 4],
      ['TANKS', true, 4],
      ['ROAD', false, 2],
    ]);
    expect(plan[1]!.points).toEqual([
      [-5, -5],
      [5, -5],
      [5, 5],
      [-5, 5],
    ]);
    expect(planFromDxf(planDxf, 'plan.dxf', { ...options, layers: ['ROAD'] })).toHaveLength(1);
    expect(() => planFromDxf(planDxf, 'plan.dxf', { layers: ['NONE'] })).toThrow(
      'plan.dxf: no polylines or lines on layer NONE (layers in the drawing: ROAD, TANKS, 围墙)',
    );
  });

  it('sets the site boundary from the largest closed outline and an installation outline from the one around it', () => {
    const plan = planFromDxf(planDxf, 'plan.dxf', options);
    const withBoundary = applyPlanOutlines(exampleJson(), plan, 'boundary', 'plan.dxf').project;
    expect((withBoundary.site as { boundary: unknown }).boundary).toEqual([
      [-100, -100],
      [400, -100],
      [400, 200],
      [-100, 200],
    ]);
    const json = exampleJson();
    delete (json.installations as Record<string, unknown>[])[0]!.outline;
    const { project: outlined, changed } = applyPlanOutlines(json, plan, 'outlines', 'plan.dxf');
    expect(changed).toEqual(['T101']);
    expect(parse(outlined).installations[0]!.outline).toEqual([
      [-5, -5],
      [5, -5],
      [5, 5],
      [-5, 5],
    ]);
  });

  it('refuses a file that is not a DXF, naming it', () => {
    expect(() => planFromDxf('hello', 'x.dxf')).toThrow(/^x\.dxf: /);
  });
});
