import {
  placement,
  resultScene,
  toDxf,
  toGeoJson,
  toKml,
  type SceneFeature,
} from '../../../core/exchange/index.ts';
import type { Project } from '../../../core/project/types.ts';
import type { AssessmentResult } from '../../../core/qra/assess.ts';
import { FAIL, PASS, riskColour } from './risk-field.ts';

const VERDICT_COLOUR = { pass: PASS, fail: FAIL } as const;

/** The result scene (core/exchange resultScene) with the map's colours: contours by level, targets by verdict. */
function colouredScene(project: Project, result: AssessmentResult): SceneFeature[] {
  return resultScene(project, result).map((f) => {
    if (f.kind === 'contour') return { ...f, colour: riskColour(f.properties.level as number) };
    const verdict = f.properties.verdict;
    if (f.kind === 'target' && (verdict === 'pass' || verdict === 'fail'))
      return { ...f, colour: VERDICT_COLOUR[verdict] };
    return f;
  });
}

/**
 * The results as GeoJSON (RFC 7946; core/exchange toGeoJson): individual-risk contours (MultiPolygon per
 * level, with their reach and the external safety distances they draw), protection targets with their risk
 * and verdict, installations with theirs. WGS 84 longitude/latitude when the site has an origin, else site
 * metres, named in the collection's properties with the rule set, the enterprise verdict and the distances.
 */
export function resultsGeoJson(project: Project, result: AssessmentResult): object {
  const place = placement(project, project.site.origin ? 'wgs84' : 'site');
  return {
    ...toGeoJson(colouredScene(project, result), place, project.name),
    properties: {
      coordinateSystem: place.label,
      ruleSet: result.ruleSet,
      verdict: result.verdict,
      externalSafetyDistance: result.externalSafetyDistance,
    },
  };
}

/**
 * The results as KML 2.2 (core/exchange toKml), coloured as on the map, for Google Earth or any GIS.
 * @throws PlacementError when the site has no origin (KML is always WGS 84)
 */
export const resultsKml = (project: Project, result: AssessmentResult): string =>
  toKml(colouredScene(project, result), placement(project, 'wgs84'), project.name);

/**
 * The results as a DXF R12 drawing in site metres (core/exchange toDxf): one layer per contour level, target
 * class and verdict, installations, labels — to lay over the plant's CAD site plan.
 */
export const resultsDxf = (project: Project, result: AssessmentResult): string =>
  toDxf(resultScene(project, result), placement(project, 'site'));

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
