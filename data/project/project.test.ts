import { describe, expect, it } from 'vitest';
import example from './fixtures/example.json' with { type: 'json' };
import { parseProject, ProjectError } from './index.ts';

// fixtures/example.json is the input example of spec/project-format.md with its "…" filled in
// (two weather classes, a 12-sector rose).
const known = new Set(['chlorine', 'ammonia']);
const options = { fileName: 'plant.json', isKnownSubstance: (id: string) => known.has(id) };
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const edit = (change: (j: Json) => void): Json => {
  const j = structuredClone(example) as Json;
  change(j);
  return j;
};

function issues(json: unknown): readonly string[] {
  try {
    parseProject(json, options);
  } catch (e) {
    if (e instanceof ProjectError) {
      expect(e.message.startsWith('plant.json: ')).toBe(true);
      return e.issues;
    }
    throw e;
  }
  throw new Error('expected the project to be rejected');
}

describe('parseProject: the example of spec/project-format.md', () => {
  const p = parseProject(example, options);

  it('reads quantities given as unit strings into SI', () => {
    const t = p.installations[0]!;
    expect(t.inventory).toBe(20_000); // "20 t"
    expect(t.temperature).toBeCloseTo(293.15, 12); // "20 degC"
    expect(t.pressure).toBeCloseTo(7e5, 6); // "7 bar", absolute
    expect(t.equipment[0]).toMatchObject({ type: 'pressure-vessel', volume: 25, fill: 0.8 });
    expect(t.unit).toBe('T101');
  });
  it('keeps user-defined zones and downwind rectangles', () => {
    const outcomes = p.installations[0]!.scenarios[0]!.outcomes;
    expect(outcomes[0]!.zones?.map((z) => [z.radius, z.lethality])).toEqual([
      [100, 1],
      [300, 0.2],
    ]);
    expect(outcomes[1]!.downwind).toEqual([{ length: 800, halfWidth: 30, lethality: 0.6 }]);
  });
  it('gives every weather class the shared wind rose and notes nothing defaulted', () => {
    expect(p.weather.classes.map((c) => c.id)).toEqual(['D5', 'F1.5']);
    expect(p.weather.classes[1]!.windRose).toHaveLength(12);
    expect(p.weather.defaulted).toEqual([]);
  });
  it('turns positions into [x, y] points and names the rule set', () => {
    expect(p.probes).toEqual([{ id: 'P1', position: [200, 0] }]);
    expect(p.targets[0]!.polygon?.[0]).toEqual([180, -20]);
    expect(p.settings).toMatchObject({
      ruleSet: { id: 'GB36894-2018', version: 1 },
      locCatalogue: 'purple-book',
    });
  });
});

describe('parseProject: defaults from the rule set (spec/standards.md A §4.3, B §6)', () => {
  const p = parseProject(
    edit((j) => {
      delete j.weather;
      delete j.targets[0].indoorFraction;
      delete j.settings;
    }),
    options,
  );
  it('weather: B3, D1.5, D5, D9, E5, F1.5; day fraction 0.44; 12 equal sectors; and says so', () => {
    expect(p.weather.classes.map((c) => c.id)).toEqual(['B3', 'D1.5', 'D5', 'D9', 'E5', 'F1.5']);
    expect(p.weather.dayFraction).toBe(0.44);
    expect(p.weather.sectors).toBe(12);
    expect(p.weather.classes[0]!.windRose.every((v) => Math.abs(v - 1 / 12) < 1e-15)).toBe(true);
    expect(p.weather.defaulted).toEqual(['ambient', 'dayFraction', 'classes', 'windRose']);
  });
  it('indoor fractions 0.93 by day and 0.99 by night; certain-death flux 35 kW/m²', () => {
    expect(p.targets[0]!.indoorFraction).toEqual({ day: 0.93, night: 0.99 });
    expect(p.settings.thermalCertainDeathFlux).toBe(35_000);
  });
});

describe('LOC frequency overrides', () => {
  it('are plain numbers in the catalogue basis, also typed as text', () => {
    const j = edit((j) => (j.installations[0].equipment[0].frequencies = { instantaneous: '2.5e-7' }));
    expect(parseProject(j, options).installations[0]!.equipment[0]!.frequencies).toEqual({
      instantaneous: 2.5e-7,
    });
  });
});

describe('parseProject rejects bad input with a line naming the path', () => {
  const cases: [string, (j: Json) => void, string | RegExp][] = [
    [
      'a quantity in the wrong dimension',
      (j) => (j.installations[0].equipment[0].volume = '3 bar'),
      /^installations\[0\]\.equipment\[0\]\.volume: expected a number in m\^3/,
    ],
    [
      'a missing field',
      (j) => j.installations[0].equipment.push({ type: 'pipe', length: 10 }),
      /^installations\[0\]\.equipment\[1\]\.diameter: required/,
    ],
    [
      'an unknown equipment type',
      (j) => j.installations[0].equipment.push({ type: 'tank' }),
      /^installations\[0\]\.equipment\[1\]\.type: expected type pressure-vessel, /,
    ],
    [
      // The basis of a pipe is per metre and year: "1e-6 /h" would be read as 8.76e-3 per year, then per metre.
      'a LOC frequency override given with a unit',
      (j) => (j.installations[0].equipment[0].frequencies = { instantaneous: '1e-6 /h' }),
      /^installations\[0\]\.equipment\[0\]\.frequencies\.instantaneous: expected a plain number ≥ 0 in the item's catalogue basis/,
    ],
    ['a field of the wrong type', (j) => (j.name = 5), 'name: expected string, received number'],
    ['a missing plain field', (j) => delete j.installations[0].kind, /^installations\[0\]\.kind: required/],
    [
      'an unknown field',
      (j) => (j.installations[0].inventroy = 5),
      'installations[0].inventroy: unknown field',
    ],
    [
      'weather-class probabilities that do not sum to 1',
      (j) => (j.weather.classes[0].probability = 0.4),
      /^weather\.classes: probabilities must sum to 1 \(± 0\.000001\), got 0\.9/,
    ],
    [
      'a wind rose shorter than its sectors',
      (j) => {
        j.weather.windRose.probabilities = [0.5, 0.5];
      },
      'weather.windRose.probabilities: expected 12 probabilities (one per sector), got 2',
    ],
    [
      'a per-class wind rose missing a class',
      (j) => {
        delete j.weather.windRose.probabilities;
        j.weather.windRose.byClass = { D5: Array(12).fill(1 / 12) };
      },
      "weather.windRose.byClass: no wind rose for weather class 'F1.5'",
    ],
    [
      'a duplicate installation id',
      (j) => j.installations.push(structuredClone(j.installations[0])),
      "installations[1].id: duplicate installation id 'T101' (first used at installations[0].id)",
    ],
    [
      'a population area with a target id',
      (j) => j.population.push({ id: 'S1', position: { x: 0, y: 0 }, population: { day: 1, night: 1 } }),
      "population[0].id: duplicate area id 'S1' (first used at targets[0].id)",
    ],
    [
      'zone radii that do not increase',
      (j) => (j.installations[0].scenarios[0].outcomes[0].zones[1].radius = 50),
      'installations[0].scenarios[0].outcomes[0].zones[1].radius: radii must increase: 50 m after 100 m',
    ],
    [
      'a lethality above 1',
      (j) => (j.installations[0].scenarios[0].outcomes[1].downwind[0].lethality = 1.2),
      'installations[0].scenarios[0].outcomes[1].downwind[0].lethality: expected a number in [0, 1]',
    ],
    [
      'an outcome with both zones and downwind',
      (j) => (j.installations[0].scenarios[0].outcomes[1].zones = [{ radius: 10, lethality: 1 }]),
      'installations[0].scenarios[0].outcomes[1]: expected exactly one of zones and downwind',
    ],
    [
      'a polygon of two points',
      (j) => (j.targets[0].polygon = j.targets[0].polygon.slice(0, 2)),
      'targets[0].polygon: expected a polygon of at least 3 points [[x, y], …]',
    ],
    [
      'a target with both polygon and position',
      (j) => (j.targets[0].position = { x: 0, y: 0 }),
      'targets[0]: expected exactly one of polygon and position',
    ],
    [
      'an unknown substance',
      (j) => (j.installations[0].substance = 'unobtainium'),
      "installations[0].substance: unknown substance 'unobtainium' (not in the substance library)",
    ],
    [
      'an override of a LOC the item does not have',
      (j) => (j.installations[0].equipment[0].frequencies = { rupture: 1e-6 }),
      "installations[0].equipment[0].frequencies.rupture: no LOC 'rupture' for this item (expected one of instantaneous, ten-minute, continuous-10mm)",
    ],
    ['an unknown target category', (j) => (j.targets[0].category = 'school'), /^targets\[0\]\.category: /],
    ['a wrong format tag', (j) => (j.format = 'other'), 'format: expected "safedist-project"'],
  ];
  it.each(cases)('%s', (_what, change, expected) => {
    const lines = issues(edit(change));
    expect(lines).toHaveLength(1);
    if (typeof expected === 'string') expect(lines[0]).toBe(expected);
    else expect(lines[0]).toMatch(expected);
  });

  it('lists every problem at once', () => {
    const lines = issues(
      edit((j) => {
        j.installations[0].substance = 'unobtainium';
        j.probes.push({ id: 'P1', x: 1, y: 1 });
      }),
    );
    expect(lines).toHaveLength(2);
  });

  it('accepts the hole-size catalogue keys only with that catalogue', () => {
    const holeSize = edit((j) => {
      j.settings.locCatalogue = 'hole-size';
      j.installations[0].equipment[0].frequencies = { small: 1e-4, medium: 1e-5, large: 1e-6, rupture: 1e-7 };
    });
    expect(parseProject(holeSize, options).installations[0]!.equipment[0]!.frequencies).toEqual({
      small: 1e-4,
      medium: 1e-5,
      large: 1e-6,
      rupture: 1e-7,
    });
    expect(issues(edit((j) => (j.settings.locCatalogue = 'hole-size')))).toEqual([
      "installations[0].equipment[0].frequencies: the hole-size catalogue needs the item's frequencies (keys small, medium, large, rupture)",
    ]);
  });
});
