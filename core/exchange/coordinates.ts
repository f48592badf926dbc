import proj4 from 'proj4';
import type { Project } from '../project/types.ts';
import { siteToWgs84 } from '../geo/site-projection.ts';

/** Where exported coordinates are expressed. */
export type Crs = 'wgs84' | 'cgcs2000-gk3' | 'site';

/** A coordinate system for export: the mapping from site metres and a description for the file. */
export interface Placement {
  crs: Crs;
  /** Site (x, y) in m → exported (x, y): lon/lat in degrees, easting/northing in m, or site metres. */
  map: (x: number, y: number) => [number, number];
  /** Human-readable name, with the EPSG code where one applies. */
  label: string;
  epsg?: number;
}

/** A project that cannot be placed on the earth as asked. */
export class PlacementError extends Error {
  override name = 'PlacementError';
}

/**
 * The CGCS2000 3° Gauss-Krüger zone of a longitude: central meridian 3·round(lon/3), false easting
 * 500 000 m without the zone prefix — EPSG:4534 (75° E) to EPSG:4554 (135° E), one code per 3°
 * (GB/T 17798 zoning; EPSG "CGCS2000 / 3-degree Gauss-Kruger CM …E").
 */
export function gaussKrugerZone(lon: number): {
  centralMeridian: number;
  epsg: number | undefined;
  proj: string;
} {
  const centralMeridian = 3 * Math.round(lon / 3);
  const k = (centralMeridian - 75) / 3;
  return {
    centralMeridian,
    epsg: k >= 0 && k <= 20 ? 4534 + k : undefined,
    // CGCS2000 uses the GRS 80 ellipsoid; its datum and WGS 84 agree to a few centimetres.
    proj: `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs`,
  };
}

/**
 * How to place a project's site coordinates in `crs`. WGS 84 and the Gauss-Krüger zones need the site's
 * geographic anchor (`site.origin`); the zone is the one holding the origin.
 * @throws PlacementError when the site has no origin
 */
export function placement(project: Project, crs: Crs): Placement {
  if (crs === 'site') return { crs, map: (x, y) => [x, y], label: 'site plane, metres (x east, y north)' };
  const origin = project.site.origin;
  if (!origin)
    throw new PlacementError(
      'site.origin: required to place the site on the earth (give {lon, lat}, or export with --crs site)',
    );
  const toWgs84 = siteToWgs84({
    origin: { lon: origin.lon, lat: origin.lat },
    rotationDeg: project.site.rotation,
  });
  if (crs === 'wgs84')
    return { crs, map: toWgs84, label: 'WGS 84 longitude, latitude (degrees)', epsg: 4326 };
  const zone = gaussKrugerZone(origin.lon);
  const forward = proj4('EPSG:4326', zone.proj);
  return {
    crs,
    map: (x, y) => {
      const [e, n] = forward.forward(toWgs84(x, y));
      return [e!, n!];
    },
    label: `CGCS2000 3° Gauss-Krüger, central meridian ${zone.centralMeridian}° E, easting/northing (m, false easting 500 000)`,
    ...(zone.epsg !== undefined ? { epsg: zone.epsg } : {}),
  };
}
