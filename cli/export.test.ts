import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-for-test.ts';

const ANALYTIC = fileURLToPath(new URL('../examples/analytic-zones.json', import.meta.url));
let dir: string;
let sdp: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sdp-export-'));
  sdp = join(dir, 'p.sdp');
  expect((await runCli(['import', ANALYTIC, '--out', sdp])).code).toBe(0);
});

describe('safedist export', () => {
  it('GeoJSON in WGS 84 carries contours once the project has been assessed', async () => {
    const before = JSON.parse((await runCli(['export', sdp, '--format', 'geojson'])).out);
    expect(
      before.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'contour'),
    ).toEqual([]);
    const assessed = JSON.parse((await runCli(['assess', sdp, '--json'])).out);
    const after = JSON.parse((await runCli(['export', sdp, '--format', 'geojson'])).out);
    const contours = after.features.filter(
      (f: { properties: { kind: string } }) => f.properties.kind === 'contour',
    );
    const drawn = assessed.contours.filter((c: { multiPolygon: unknown[] }) => c.multiPolygon.length > 0);
    expect(contours.map((f: { properties: { level: number } }) => f.properties.level)).toEqual(
      drawn.map((c: { level: number }) => c.level),
    );
    // The installation sits at the site origin.
    const t101 = after.features.find((f: { id: string }) => f.id === 'installation:T101');
    expect(t101.geometry.coordinates[0]).toBeCloseTo(118.8, 9);
    expect(t101.geometry.coordinates[1]).toBeCloseTo(32.05, 9);
  });

  it('GeoJSON in a CGCS2000 Gauss-Krüger zone names EPSG:4549 and puts the origin near 481 km easting', async () => {
    const gj = JSON.parse(
      (await runCli(['export', sdp, '--format', 'geojson', '--crs', 'cgcs2000-gk3'])).out,
    );
    expect(gj.crs.properties.name).toBe('urn:ogc:def:crs:EPSG::4549');
    const [e, n] = gj.features[0].geometry.coordinates;
    // 1.2° west of the 120° E meridian at 32.05° N: about 1.2 × 111.32 km × cos 32.05° ≈ 113 km west.
    expect(500_000 - e).toBeGreaterThan(112_000);
    expect(500_000 - e).toBeLessThan(114_000);
    expect(n).toBeGreaterThan(3_540_000);
    expect(n).toBeLessThan(3_560_000);
  });

  it('KML and DXF files are written atomically to --out', async () => {
    const kml = join(dir, 'p.kml');
    const dxf = join(dir, 'p.dxf');
    expect(await runCli(['export', sdp, '--format', 'kml', '--out', kml])).toMatchObject({
      code: 0,
      out: '',
    });
    expect(readFileSync(kml, 'utf8')).toMatch(/^<\?xml[\s\S]*<\/kml>\n$/);
    expect(await runCli(['export', sdp, '--format', 'dxf', '--out', dxf])).toMatchObject({ code: 0 });
    expect(readFileSync(dxf, 'utf8')).toMatch(/^0\nSECTION\n[\s\S]*\n0\nEOF\n$/);
  });

  it.each([
    [['--format', 'pdf'], /--format must be one of json, geojson, kml, dxf, got 'pdf'/],
    [['--format', 'kml', '--crs', 'cgcs2000-gk3'], /--crs cgcs2000-gk3 does not apply to kml/],
    [[], /give --format/],
  ])('refuses bad options: %j', async (extra, message) => {
    const r = await runCli(['export', sdp, ...extra]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('a project JSON given where a project file is expected: exit 2 naming it', async () => {
    const json = join(dir, 'p.sdp.json');
    writeFileSync(json, readFileSync(ANALYTIC));
    const r = await runCli(['export', json, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${json}: not a SafeDist project (.sdp): not an SQLite database`);
  });

  it('a site without a geographic anchor cannot go to KML, but can go to GeoJSON in site metres', async () => {
    const local = join(dir, 'local.json');
    const json = JSON.parse(readFileSync(ANALYTIC, 'utf8'));
    delete json.site;
    writeFileSync(local, JSON.stringify(json));
    const localSdp = join(dir, 'local.sdp');
    expect((await runCli(['import', local, '--out', localSdp])).code).toBe(0);
    const r = await runCli(['export', localSdp, '--format', 'kml']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${localSdp}: site.origin: required`);
    const gj = JSON.parse((await runCli(['export', localSdp, '--format', 'geojson', '--crs', 'site'])).out);
    expect(
      gj.features.find((f: { id: string }) => f.id === 'target:R1').geometry.coordinates[0][0][0],
    ).toEqual([350, -50]);
  });
});
