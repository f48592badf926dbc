import proj4 from 'proj4';

export interface SiteAnchor {
  /** Geographic position of the site origin (0, 0), degrees WGS 84. */
  origin: { lon: number; lat: number };
  /** Rotation of the site's y axis from true north, degrees clockwise. */
  rotationDeg: number;
}

/**
 * Maps site coordinates (metres, x east, y north of the site grid) to WGS 84 longitude/latitude: the site
 * grid is turned by `rotationDeg` onto true east/north, then taken through a transverse Mercator projection
 * centred on the origin with scale 1 (proj4), which keeps distances within a few kilometres of the origin to
 * better than 1 mm per km.
 */
export function siteToWgs84(anchor: SiteAnchor): (x: number, y: number) => [lon: number, lat: number] {
  const { lon, lat } = anchor.origin;
  const local = `+proj=tmerc +lat_0=${lat} +lon_0=${lon} +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs`;
  const toGeographic = proj4(local, 'EPSG:4326');
  const theta = (anchor.rotationDeg * Math.PI) / 180;
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  return (x, y) => {
    const east = x * c + y * s;
    const north = -x * s + y * c;
    const [lo, la] = toGeographic.forward([east, north]);
    return [lo!, la!];
  };
}
