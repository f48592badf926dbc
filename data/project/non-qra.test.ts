import { describe, expect, it } from 'vitest';
import { consequenceMethod } from '../../core/qra/explosives.ts';
import { checkCodeDistances } from '../../core/qra/code-distances.ts';
import builtIn from '../rules/GB36894-2018.v1.json' with { type: 'json' };
import { getRuleSet, DEFAULT_RULE_SET, parseRuleSet } from '../rules/index.ts';
import example from './fixtures/example.json' with { type: 'json' };
import { parseProject, ProjectError } from './index.ts';

// The installation fields of GB/T 37243 §4's two non-QRA paths (additions to the v1 contract):
// `explosive` (consequence method, §5) and `codeDistances` (distances of the design codes).
const known = new Set(['chlorine', 'tnt']);
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
    if (e instanceof ProjectError) return e.issues;
    throw e;
  }
  throw new Error('expected the project to be rejected');
}

const setExplosive = (explosive: unknown) => (j: Json) => (j.installations[0].explosive = explosive);
const setCodeDistances = (entries: unknown[]) => (j: Json) => (j.installations[0].codeDistances = entries);

describe('installations[].explosive', () => {
  it('reads a TNT-equivalent mass as a unit string', () => {
    const p = parseProject(edit(setExplosive({ tntEquivalent: '1 t' })), options);
    expect(p.installations[0]!.explosive).toEqual({ tntEquivalent: 1000 });
  });

  it('reads a mass with its TNT factor and source, and the factor multiplies the mass', () => {
    const p = parseProject(
      edit(setExplosive({ mass: '800 kg', tntFactor: 1.25, source: 'manufacturer data sheet' })),
      options,
    );
    expect(p.installations[0]!.explosive).toEqual({
      mass: 800,
      tntFactor: 1.25,
      source: 'manufacturer data sheet',
    });
    const r = consequenceMethod(p, getRuleSet(DEFAULT_RULE_SET.id, DEFAULT_RULE_SET.version));
    const inst = r.installations[0]!;
    expect(inst.tntMass).toBeCloseTo(1000, 12);
    // Built-in rule set: 2 kPa "to verify" for every class. Swisdak (1994) far piece of the Kingery-Bulmash
    // fit, ln P[kPa] = 6.0536 − 1.4066 ln Z, inverted at 2 kPa: Z = 45.19 m/kg^(1/3), 452 m for 1000 kg.
    const z = Math.exp((6.0536 - Math.log(2)) / 1.4066);
    for (const d of inst.requiredDistance) {
      expect(Math.abs(d.distance / (10 * z) - 1)).toBeLessThan(1e-9);
      expect(d.confidence).toBe('unsure');
      expect(d.note).toMatch(/to verify/);
    }
    // The example's school is 175 m from the tank outline: inside 452 m.
    expect(inst.targets).toMatchObject([{ id: 'S1', distance: 175, complies: false }]);
  });

  it('takes the thresholds of a rule-set file of the user (--rules), with their sources', () => {
    const mine = structuredClone(builtIn) as Json;
    mine.id = 'my-rules';
    mine.explosives.thresholds[0].overpressure = {
      value: '1 psi',
      source: 'assessor: official App. G (example)',
      confidence: 'sure',
    };
    const rules = parseRuleSet(mine, 'my-rules.json');
    const p = parseProject(edit(setExplosive({ tntEquivalent: '1 t' })), { ...options, ruleSet: rules });
    const d = consequenceMethod(p, rules).installations[0]!.requiredDistance[0]!;
    // EXP-KB (validation/public-cases.md, SRC-KB): 1 psi = 6.895 kPa is reached at Z = 18.2 m/kg^(1/3); 1 %.
    expect(d).toMatchObject({ category: 'high-sensitivity', source: 'assessor: official App. G (example)' });
    expect(d.note).toBeUndefined();
    expect(Math.abs(d.distance / 182 - 1)).toBeLessThan(0.01);
  });

  const cases: [string, unknown, string[]][] = [
    [
      'both forms',
      { tntEquivalent: 1000, mass: 800, tntFactor: 1.25 },
      ['installations[0].explosive: expected either tntEquivalent, or mass with tntFactor, not both'],
    ],
    ['neither form', {}, ['installations[0].explosive: expected tntEquivalent, or mass with tntFactor']],
    [
      'a mass without its factor',
      { mass: 800 },
      [
        'installations[0].explosive.tntFactor: required with mass (the TNT-equivalence factor of the explosive; no default)',
      ],
    ],
    [
      'a factor without the mass',
      { tntFactor: 1.1 },
      ['installations[0].explosive.mass: required with tntFactor (the mass of the explosive)'],
    ],
    [
      'a factor of 0',
      { mass: 800, tntFactor: 0 },
      [
        'installations[0].explosive.tntFactor: expected a TNT-equivalence factor > 0 (a number, W_TNT = factor · mass)',
      ],
    ],
    [
      'a factor as text',
      { mass: 800, tntFactor: '1.2' },
      [
        'installations[0].explosive.tntFactor: expected a TNT-equivalence factor > 0 (a number, W_TNT = factor · mass)',
      ],
    ],
    ['a mass in the wrong dimension', { tntEquivalent: '3 bar' }, []],
    ['a negative mass', { tntEquivalent: -5 }, []],
    ['an unknown field', { tnt: 1000 }, ['installations[0].explosive.tnt: unknown field']],
  ];
  it.each(cases)('rejects %s, naming the field', (what, explosive, expected) => {
    const lines = issues(edit(setExplosive(explosive)));
    if (expected.length > 0) expect(lines).toEqual(expected);
    else {
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^installations\[0\]\.explosive\.tntEquivalent: /);
      expect(lines[0]).toMatch(what.includes('dimension') ? /expected a number in kg/ : /valid range > 0/);
    }
  });
});

describe('installations[].codeDistances', () => {
  it('reads entries with unit strings; SafeDist measures when actual is absent', () => {
    const p = parseProject(
      edit(
        setCodeDistances([
          { target: 'S1', code: 'GB 50160-2008 表4.1.9', required: '100 m' },
          { targetCategory: 'high-sensitivity', code: 'GB 50160-2008 表4.1.9', required: 200 },
          { code: 'GB 50016-2014 表4.2.1', required: '0.03 km', actual: '35 m' },
        ]),
      ),
      options,
    );
    expect(p.installations[0]!.codeDistances).toEqual([
      { target: 'S1', code: 'GB 50160-2008 表4.1.9', required: 100 },
      { targetCategory: 'high-sensitivity', code: 'GB 50160-2008 表4.1.9', required: 200 },
      { code: 'GB 50016-2014 表4.2.1', required: 30, actual: 35 },
    ]);
    // The example's tank outline ends at x = 5; the school's polygon starts at x = 180.
    expect(checkCodeDistances(p).map((c) => [c.target, c.actual, c.measured, c.complies])).toEqual([
      ['S1', 175, true, true],
      ['S1', 175, true, false],
      [undefined, 35, false, true],
    ]);
  });

  const cases: [string, unknown, string][] = [
    [
      'an unknown target',
      { target: 'S9', code: 'c', required: 10 },
      "installations[0].codeDistances[0].target: no protection target or population area 'S9'",
    ],
    [
      'a category that contradicts the target',
      { target: 'S1', targetCategory: 'general-3', code: 'c', required: 10 },
      "installations[0].codeDistances[0].targetCategory: target 'S1' is of category high-sensitivity, not general-3",
    ],
    [
      'nothing to measure to',
      { code: 'c', required: 10 },
      'installations[0].codeDistances[0]: expected target or targetCategory (to measure the distance to), or actual',
    ],
    [
      'a category without targets and no actual',
      { targetCategory: 'general-3', code: 'c', required: 10 },
      'installations[0].codeDistances[0].targetCategory: no protection target of category general-3 to measure to; give target or actual',
    ],
    [
      'a missing code',
      { target: 'S1', required: 10 },
      'installations[0].codeDistances[0].code: required (expected the code clause as text, e.g. "GB 50160-2008 表4.1.9")',
    ],
    [
      'a required distance of 0',
      { target: 'S1', code: 'c', required: 0 },
      'installations[0].codeDistances[0].required: out of range: 0 m given, valid range > 0',
    ],
    [
      'a negative actual distance',
      { target: 'S1', code: 'c', required: 10, actual: '-1 m' },
      'installations[0].codeDistances[0].actual: out of range: -1 m given, valid range ≥ 0',
    ],
  ];
  it.each(cases)('rejects %s, naming the field', (_what, entry, expected) => {
    expect(issues(edit(setCodeDistances([entry])))).toEqual([expected]);
  });
});
