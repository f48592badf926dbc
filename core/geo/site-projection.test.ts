import { describe, expect, it } from 'vitest';
import { siteToWgs84 } from './site-projection.ts';

// WGS 84 ellipsoid (a = 6378137 m, f = 1/298.257223563). At latitude φ one degree of latitude spans
// M·π/180 and one degree of longitude N·cos φ·π/180, with M and N the meridian and normal radii of curvature.
const a = 6378137;
const f = 1 / 298.257223563;
const e2 = f * (2 - f);
function radii(latDeg: number): { M: number; N: number } {
  const s = Math.sin((latDeg * Math.PI) / 180);
  const w = 1 - e2 * s * s;
  return { M: (a * (1 - e2)) / w ** 1.5, N: a / Math.sqrt(w) };
}

describe('site coordinates to WGS 84', () => {
  const origin = { lon: 118.8, lat: 32.05 };
  const { M, N } = radii(origin.lat);

  it('puts the origin at the anchor', () => {
    const [lon, lat] = siteToWgs84({ origin, rotationDeg: 0 })(0, 0);
    expect(lon).toBeCloseTo(118.8, 10);
    expect(lat).toBeCloseTo(32.05, 10);
  });

  it('moves 100 m north by 100/M radians of latitude and 100 m east by 100/(N cos φ) of longitude', () => {
    const to = siteToWgs84({ origin, rotationDeg: 0 });
    expect(to(0, 100)[1] - 32.05).toBeCloseTo(((100 / M) * 180) / Math.PI, 9);
    const cos = Math.cos((32.05 * Math.PI) / 180);
    expect(to(100, 0)[0] - 118.8).toBeCloseTo(((100 / (N * cos)) * 180) / Math.PI, 9);
  });

  it('turns the site grid: with the y axis 90° clockwise from north, site +y points east', () => {
    const turned = siteToWgs84({ origin, rotationDeg: 90 })(0, 100);
    const plain = siteToWgs84({ origin, rotationDeg: 0 })(100, 0);
    expect(turned[0]).toBeCloseTo(plain[0], 10);
    expect(turned[1]).toBeCloseTo(plain[1], 10);
  });
});
