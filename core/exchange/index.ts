/**
 * Exchange writers: the project and its results as GeoJSON, KML and DXF, placed in WGS 84, a CGCS2000
 * Gauss-Krüger zone or the site plane. Pure text builders shared by the CLI (`safedist export`, through
 * data/exchange) and the app's result exports (renderer/src/results).
 */
export { gaussKrugerZone, placement, PlacementError, type Crs, type Placement } from './coordinates.ts';
export { decodeDxfText, dxfLayerName, toDxf } from './dxf.ts';
export { toGeoJson } from './geojson.ts';
export { toKml } from './kml.ts';
export { resultScene } from './results.ts';
export { levelTag, sceneOf, type ContourSet, type PlanPolyline, type SceneFeature } from './scene.ts';
