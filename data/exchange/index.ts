import type { ProjectStore } from '../store/store.ts';
import {
  placement,
  sceneOf,
  toDxf,
  toGeoJson,
  toKml,
  type ContourSet,
  type Crs,
} from '../../core/exchange/index.ts';

export { areasFromCsv, CsvImportError, mergeAreas, parseWktPolygon, type AreaKind } from './csv-areas.ts';
export { applyPlanOutlines, DxfImportError, planFromDxf } from './dxf.ts';
// The writers are pure and live in core/exchange, where the app's renderer can use them too.
export {
  decodeDxfText,
  dxfLayerName,
  gaussKrugerZone,
  levelTag,
  placement,
  PlacementError,
  sceneOf,
  toDxf,
  toGeoJson,
  toKml,
  type ContourSet,
  type Crs,
  type Placement,
  type SceneFeature,
} from '../../core/exchange/index.ts';

export type ExportFormat = 'json' | 'geojson' | 'kml' | 'dxf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'geojson', 'kml', 'dxf'];

/** The contours of a cached `safedist assess` result (`{result: {contours}}`), or none. */
export function cachedContours(value: unknown): ContourSet[] {
  const contours = (value as { result?: { contours?: unknown } } | undefined)?.result?.contours;
  if (!Array.isArray(contours)) return [];
  return contours.filter(
    (c): c is ContourSet => typeof c?.level === 'number' && Array.isArray(c?.multiPolygon),
  );
}

/**
 * A project file in an exchange format: `json` is the stored project text byte for byte; `geojson`, `kml`
 * and `dxf` place installations, targets, population areas, probes, the boundary, the imported site plan and
 * (when the file holds a result for its current inputs) the risk contours.
 * @param crs geojson: wgs84 (default), cgcs2000-gk3 or site; kml: wgs84 only; dxf: site (default) or cgcs2000-gk3
 */
export function exportProject(store: ProjectStore, format: ExportFormat, crs?: Crs): string {
  if (format === 'json') return store.text;
  const scene = sceneOf(store.project, cachedContours(store.latestResult()?.value), store.sitePlan());
  const name = store.project.name;
  if (format === 'geojson')
    return `${JSON.stringify(toGeoJson(scene, placement(store.project, crs ?? 'wgs84'), name))}\n`;
  if (format === 'kml') return toKml(scene, placement(store.project, crs ?? 'wgs84'), name);
  return toDxf(scene, placement(store.project, crs ?? 'site'));
}
