import { describe, expect, it } from 'vitest';
import demoJson from '../../../examples/demo-enterprise.json';
import type { ProjectDoc } from '../project-state/document.ts';
import { setIn } from '../project-state/paths.ts';
import { validateProject } from './validate.ts';

const demo = demoJson as unknown as ProjectDoc;

const keys = (doc: ProjectDoc) =>
  Object.fromEntries([...validateProject(doc)].map(([path, issue]) => [path, issue.key]));

describe('project validation beside the fields', () => {
  it('finds nothing to complain about in the demo enterprise (which data/ accepts)', () => {
    expect(keys(demo)).toEqual({});
  });

  it('flags an unreadable inventory and a negative pressure at their paths', () => {
    let doc = setIn(demo, ['installations', 0, 'inventory'], '50 tt');
    doc = setIn(doc, ['installations', 1, 'pressure'], '-2 bar');
    expect(keys(doc)).toEqual({
      'installations.0.inventory': 'unreadable',
      'installations.1.pressure': 'range',
    });
  });

  it('flags duplicate ids, within installations and across targets and population areas', () => {
    let doc = setIn(demo, ['installations', 1, 'id'], 'CL-01');
    doc = setIn(doc, ['population', 0, 'id'], 'S1');
    expect(keys(doc)).toEqual({ 'installations.1.id': 'duplicateId', 'population.0.id': 'duplicateId' });
  });

  it('checks that weather classes and the wind rose sum to 1 and that the rose has one value per sector', () => {
    const shifted = setIn(demo, ['weather', 'classes', 0, 'probability'], 0.2);
    expect(keys(shifted)).toEqual({ 'weather.classes': 'sumNotOne' });
    const shortRose = setIn(demo, ['weather', 'windRose', 'sectors'], 16);
    expect(keys(shortRose)).toEqual({ 'weather.windRose.probabilities': 'sectorCount' });
  });

  it('reads polygon and outline vertices as lengths and flags one that is not', () => {
    let doc = setIn(demo, ['targets', 0, 'polygon', 1, 0], '0.35 km');
    expect(keys(doc)).toEqual({});
    doc = setIn(doc, ['targets', 0, 'polygon', 2, 1], '20 kg');
    expect(keys(doc)).toEqual({ 'targets.0.polygon.2.1': 'unreadable' });
    doc = setIn(doc, ['installations', 0, 'outline', 0, 0], 'west');
    expect(keys(doc)).toEqual({
      'targets.0.polygon.2.1': 'unreadable',
      'installations.0.outline.0.0': 'unreadable',
    });
  });

  it('wants one rose per weather class when the roses are given per class, and no rose for an unknown class', () => {
    const rose = demo.weather?.windRose?.probabilities ?? [];
    const ids = (demo.weather?.classes ?? []).map((c) => c.id);
    const perClass = (roses: Record<string, unknown[]>) =>
      setIn(demo, ['weather', 'windRose'], { sectors: 12, byClass: roses });
    expect(keys(perClass(Object.fromEntries(ids.map((id) => [id, rose]))))).toEqual({});
    const missing = Object.fromEntries(ids.filter((id) => id !== 'D5').map((id) => [id, rose]));
    expect(keys(perClass({ ...missing, G9: rose }))).toEqual({
      'weather.windRose.byClass.D5': 'roseMissing',
      'weather.windRose.byClass.G9': 'roseUnknownClass',
    });
  });

  it('asks for the fields a new target needs', () => {
    const doc = setIn(
      demo,
      ['targets'],
      [
        {
          id: 'N1',
          polygon: [
            [0, 0],
            [10, 0],
            [10, 10],
          ],
          population: {},
        },
      ],
    );
    expect(keys(doc)).toEqual({
      'targets.0.category': 'required',
      'targets.0.population.day': 'required',
      'targets.0.population.night': 'required',
    });
  });

  it('checks equipment fields by type and nested user-defined zones', () => {
    let doc = setIn(demo, ['installations', 0, 'equipment', 2], { type: 'pipe', length: '40 m' });
    doc = setIn(
      doc,
      ['installations', 0, 'scenarios'],
      [
        {
          id: 'U1',
          type: 'user-defined',
          frequency: '1e-5 /yr',
          outcomes: [
            {
              probability: 1,
              effect: 'generic',
              zones: [
                { radius: 100, lethality: 1 },
                { radius: 50, lethality: 0.2 },
              ],
            },
          ],
        },
      ],
    );
    expect(keys(doc)).toEqual({
      'installations.0.equipment.2.diameter': 'required',
      'installations.0.scenarios.0.outcomes.0.zones.1.radius': 'zonesIncreasing',
    });
  });
});
