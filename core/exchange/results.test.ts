import DxfParser from 'dxf-parser';
import { describe, expect, it } from 'vitest';
import type { Project } from '../project/types.ts';
import type { AssessmentResult } from '../qra/assess.ts';
import { placement } from './coordinates.ts';
import { toDxf } from './dxf.ts';
import { toKml } from './kml.ts';
import { resultScene } from './results.ts';

/**
 * The results as an exchange scene (issue 7: KML and DXF of contours, targets and installations). A school
 * 200 m east of a tank whose 3×10⁻⁶ /yr contour is a 300 m square: the contour is the external safety
 * distance line of the classes whose existing-installation criterion is 3×10⁻⁶ (GB 36894 Table 1:
 * high-sensitivity, important, general class 1).
 */
const project = {
  format: 'safedist-project',
  version: 1,
  name: 'results',
  site: { origin: { lon: 118.8, lat: 32.05 }, rotation: 0 },
  installations: [
    { id: 'T1', name: 'tank', status: 'existing', substance: 'chlorine', kind: 'storage', position: [0, 0] },
  ],
  targets: [
    {
      id: 'S1',
      name: 'school',
      category: 'high-sensitivity',
      position: [200, 0],
      population: { day: 800, night: 0 },
    },
  ],
  population: [],
  probes: [],
} as unknown as Project;

const square = [
  [300, -300],
  [300, 300],
  [-300, 300],
  [-300, -300],
  [300, -300],
];
const result = {
  contours: [{ level: 3e-6, polygons: [square], multiPolygon: [[square]], clipped: false, maxDistance: 300 }],
  externalSafetyDistance: [
    { installationStatus: 'existing', targetClass: 'high-sensitivity', threshold: 3e-6, distance: 300 },
    { installationStatus: 'existing', targetClass: 'important', threshold: 3e-6, distance: 300 },
    { installationStatus: 'existing', targetClass: 'general-2', threshold: 1e-5, distance: 0 },
  ],
  targets: [
    {
      id: 'S1',
      category: 'high-sensitivity',
      threshold: 3e-6,
      individualRisk: 6e-6,
      ratio: 2,
      complies: false,
      contributors: [{ installation: 'T1', scenario: 'U1', outcome: 'generic', risk: 6e-6, share: 1 }],
    },
  ],
  installations: [{ id: 'T1', verdict: 'non-compliant', requiredRiskReduction: 2, violations: [] }],
} as unknown as AssessmentResult;

describe('resultScene', () => {
  const scene = resultScene(project, result);
  const byKind = (kind: string) => scene.filter((f) => f.kind === kind);

  it('names on each contour the target classes whose external safety distance it draws', () => {
    const [contour] = byKind('contour');
    expect(contour?.properties).toMatchObject({
      level: 3e-6,
      maxDistance: 300,
      clipped: 'no',
      esd: 'high-sensitivity/existing, important/existing',
    });
  });

  it('gives targets their risk, criterion, ratio and verdict, and a CAD layer per verdict', () => {
    const [school] = byKind('target');
    expect(school?.properties).toMatchObject({
      individualRisk: 6e-6,
      threshold: 3e-6,
      ratio: 2,
      verdict: 'fail',
      contributors: 'T1/U1 100%',
    });
    expect(school?.layer).toBe('TARGETS_HIGH-SENSITIVITY_FAIL');
  });

  it('gives installations their verdict and the risk-reduction factor they need', () => {
    expect(byKind('installation')[0]?.properties).toMatchObject({
      verdict: 'non-compliant',
      requiredRiskReduction: 2,
    });
  });

  it('writes a DXF whose layers dxf-parser reads back', () => {
    const dxf = new DxfParser().parseSync(toDxf(scene, placement(project, 'site')));
    const layers = Object.keys(dxf?.tables?.layer?.layers ?? {});
    expect(layers).toEqual(
      expect.arrayContaining(['CONTOUR_3E-6', 'TARGETS_HIGH-SENSITIVITY_FAIL', 'INSTALLATIONS']),
    );
  });

  it('writes a KML with a feature colour as KML aabbggrr, the fill at 25 % opacity', () => {
    const coloured = scene.map((f) => (f.kind === 'target' ? { ...f, colour: '#c62828' } : f));
    const kml = toKml(coloured, placement(project, 'wgs84'), 'results');
    expect(kml).toContain('<LineStyle><color>ff2828c6</color>');
    expect(kml).toContain('<PolyStyle><color>402828c6</color><fill>1</fill>');
    expect(kml).toContain('<Data name="verdict"><value>fail</value></Data>');
    expect(toKml([{ ...scene[0]!, colour: 'red' }], placement(project, 'wgs84'), 'x')).not.toContain(
      '<Style><',
    );
  });
});
