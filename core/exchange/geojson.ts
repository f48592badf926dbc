import type { Placement } from './coordinates.ts';
import type { SceneFeature } from './scene.ts';

const close = (ring: [number, number][]) => (ring.length > 0 ? [...ring, ring[0]!] : ring);

/**
 * A GeoJSON FeatureCollection of the scene (RFC 7946). In WGS 84 the coordinates are [lon, lat] as the RFC
 * requires; in a projected system (a Gauss-Krüger zone, or the site plane) the collection carries a `crs`
 * member naming it, as GeoJSON 2008 did, since RFC 7946 has no other way to say so.
 */
export function toGeoJson(scene: readonly SceneFeature[], place: Placement, projectName: string): object {
  const map = ([x, y]: [number, number]) => place.map(x, y);
  return {
    type: 'FeatureCollection',
    name: projectName,
    ...(place.crs === 'wgs84'
      ? {}
      : {
          crs: {
            type: 'name',
            properties: {
              name: place.epsg !== undefined ? `urn:ogc:def:crs:EPSG::${place.epsg}` : place.label,
            },
          },
        }),
    features: scene.map((f) => ({
      type: 'Feature',
      id: `${f.kind}:${f.id}`,
      properties: { kind: f.kind, id: f.id, name: f.name, layer: f.layer, ...f.properties },
      geometry:
        f.geometry.type === 'point'
          ? { type: 'Point', coordinates: map(f.geometry.at) }
          : f.geometry.type === 'line'
            ? { type: 'LineString', coordinates: f.geometry.points.map(map) }
            : {
                type: 'MultiPolygon',
                coordinates: f.geometry.polygons.map((poly) => poly.map((r) => close(r).map(map))),
              },
    })),
  };
}
