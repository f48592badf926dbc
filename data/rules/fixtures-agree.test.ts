import { describe, expect, it } from 'vitest';
import { lethalityRulesFromRuleSet, PURPLE_BOOK_RULES } from '../../core/vulnerability/lethality.ts';
import { PB_IGNITION, PB_VULNERABILITY } from '../../core/qra/outcomes/test-substances.ts';
import { specRules } from '../../core/qra/loc/test-fixtures.ts';
import { getRuleSet } from './index.ts';

/**
 * core/ may not read data/, so its tests carry the rule values they need, written out by hand from
 * spec/standards.md. This test keeps those copies and the built-in defaults equal to the shipped rule set, so
 * a corrected rule-set file can never leave a core test checking an outdated number.
 */
const shipped = getRuleSet();
/** The numbers and switches of a rule block, without the provenance and wording around them. */
const WORDS = new Set(['source', 'confidence', 'note', 'description']);
const valuesOf = (x: unknown): unknown =>
  Array.isArray(x)
    ? x.map(valuesOf)
    : x !== null && typeof x === 'object'
      ? 'value' in (x as object) && 'source' in (x as object)
        ? valuesOf((x as { value: unknown }).value)
        : Object.fromEntries(
            Object.entries(x as object)
              .filter(([k]) => !WORDS.has(k))
              .map(([k, v]) => [k, valuesOf(v)]),
          )
      : x;

describe('core test fixtures agree with the shipped rule set GB36894-2018 v1', () => {
  it('PURPLE_BOOK_RULES (core/vulnerability) equals the rule set’s vulnerability block', () => {
    // The selectable alternatives (AQ/T 3046's 37.5 kW/m²) are the rule set's to offer, not a default.
    expect(lethalityRulesFromRuleSet(shipped.vulnerability)).toEqual(PURPLE_BOOK_RULES);
  });
  it('the outcome tests’ ignition and vulnerability values equal the rule set’s', () => {
    expect(valuesOf(PB_IGNITION)).toEqual(valuesOf(shipped.ignition));
    // The selectable alternatives (AQ/T 3046's 37.5 kW/m²) are offered by the rule set, not used by the tests.
    const { thermalCertainDeathFluxOptions: _options, ...fromFile } = shipped.vulnerability;
    const { thermalCertainDeathFluxOptions: _none, ...fixture } = PB_VULNERABILITY;
    expect(valuesOf(fixture)).toEqual(valuesOf(fromFile));
  });
  it('the LOC tests’ catalogue frequencies and leak durations equal the rule set’s', () => {
    // Frequencies by LOC id, wherever they sit in the catalogue tree.
    const frequencies = (x: unknown, path = '', out = new Map<string, number>()): Map<string, number> => {
      if (Array.isArray(x)) x.forEach((v, i) => frequencies(v, `${path}[${i}]`, out));
      else if (x !== null && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if (typeof o.id === 'string' && o.frequency)
          out.set(`${path}/${o.id}`, (o.frequency as { value: number }).value);
        for (const [k, v] of Object.entries(o)) if (k !== 'frequency') frequencies(v, `${path}.${k}`, out);
      }
      return out;
    };
    const fixture = frequencies(specRules.locCatalogue);
    const file = frequencies(shipped.locCatalogue);
    expect([...fixture.keys()].sort()).toEqual([...file.keys()].sort());
    for (const [key, f] of fixture) expect(file.get(key), key).toBe(f);
    const durations = (c: typeof shipped.holeSizeCatalogue) =>
      c.durations.map((d) => [d.detection, d.isolation, ...d.durations.value]);
    expect(durations(specRules.holeSizeCatalogue)).toEqual(durations(shipped.holeSizeCatalogue));
  });
});
