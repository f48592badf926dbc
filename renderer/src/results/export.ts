import { siteToWgs84 } from '../../../core/geo/site-projection.ts';
import type { Project } from '../../../core/project/types.ts';
import type { AssessmentResult } from '../../../core/qra/assess.ts';

/** Site coordinates to WGS 84 (core/geo/site-projection.ts); null when the project has no origin. */
function siteToLonLat(project: Project): ((x: number, y: number) => [number, number]) | null {
  const origin = project.site.origin;
  return origin ? siteToWgs84({ origin, rotationDeg: project.site.rotation }) : null;
}

/**
 * The results as GeoJSON (RFC 7946): individual-risk contours (MultiPolygon per level, with the external
 * safety distance it gives), protection targets with their risk and verdict, installations with theirs.
 * WGS 84 longitude/latitude when the site has an origin, else site metres (named in the collection's
 * properties, as `safedist assess --out` does).
 */
export function resultsGeoJson(project: Project, result: AssessmentResult): object {
  const toLonLat = siteToLonLat(project);
  const at = (p: readonly number[]) => (toLonLat ? toLonLat(p[0]!, p[1]!) : [p[0]!, p[1]!]);
  const ring = (points: readonly (readonly number[])[]) => {
    const out = points.map(at);
    const [first, last] = [out[0], out.at(-1)];
    return first && last && (first[0] !== last[0] || first[1] !== last[1]) ? [...out, first] : out;
  };
  const area = (
    polygon: readonly (readonly number[])[] | undefined,
    position: readonly number[] | undefined,
  ) =>
    polygon
      ? { type: 'Polygon', coordinates: [ring(polygon)] }
      : { type: 'Point', coordinates: at(position ?? [0, 0]) };
  const targetResult = new Map(result.targets.map((t) => [t.id, t]));
  const installationResult = new Map(result.installations.map((i) => [i.id, i]));
  return {
    type: 'FeatureCollection',
    properties: {
      coordinateSystem: toLonLat ? 'WGS 84 (EPSG:4326)' : 'site-local-metres (no site.origin given)',
      ruleSet: result.ruleSet,
      verdict: result.verdict,
      externalSafetyDistance: result.externalSafetyDistance,
    },
    features: [
      ...result.contours
        .filter((c) => c.multiPolygon.length > 0)
        .map((c) => ({
          type: 'Feature',
          properties: {
            kind: 'individual-risk-contour',
            level: c.level,
            maxDistance: c.maxDistance,
            clipped: c.clipped,
          },
          geometry: { type: 'MultiPolygon', coordinates: c.multiPolygon.map((poly) => poly.map(ring)) },
        })),
      ...project.targets.map((t) => {
        const r = targetResult.get(t.id);
        return {
          type: 'Feature',
          properties: {
            kind: 'protection-target',
            id: t.id,
            name: t.name,
            category: t.category,
            individualRisk: r?.individualRisk,
            threshold: r?.threshold,
            ratio: r?.ratio,
            complies: r?.complies,
          },
          geometry: area(t.polygon, t.position),
        };
      }),
      ...project.installations.map((i) => {
        const r = installationResult.get(i.id);
        return {
          type: 'Feature',
          properties: {
            kind: 'installation',
            id: i.id,
            name: i.name,
            status: i.status,
            verdict: r?.verdict,
            requiredRiskReduction: r?.requiredRiskReduction,
          },
          geometry: area(i.outline, i.position),
        };
      }),
    ],
  };
}

/** Offers bytes or text as a download under `fileName`. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

/**
 * The map as a PNG at twice its screen size: the SVG is serialised (its colours are attributes, so it needs no
 * style sheet), drawn into a canvas through an image, and encoded.
 */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const url = URL.createObjectURL(
    new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml;charset=utf-8' }),
  );
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A file-name stem from the project name. */
export const fileStem = (name: string): string =>
  name
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
    .trim()
    .slice(0, 120) || 'project';
