import { describe, expect, it } from 'vitest';
import { catalogueLocs, pipeBandFor } from '../../core/rules/loc.ts';
import { TARGET_CATEGORIES } from '../../core/rules/types.ts';
import raw from './GB36894-2018.v1.json' with { type: 'json' };
import { getRuleSet, listRuleSets, parseRuleSet, RuleSetError } from './index.ts';

const rules = getRuleSet('GB36894-2018', 1);
const copy = (): Record<string, unknown> => structuredClone(raw) as Record<string, unknown>;

function issuesOf(json: unknown): readonly string[] {
  try {
    parseRuleSet(json, 'edited.json');
  } catch (e) {
    if (e instanceof RuleSetError) return e.issues;
    throw e;
  }
  throw new Error('expected the rule set to be rejected');
}

describe('the built-in rule set GB36894-2018 v1', () => {
  it('validates and is listed', () => {
    expect(listRuleSets()).toContainEqual({ id: 'GB36894-2018', version: 1, title: rules.title });
    expect(getRuleSet('GB36894-2018')).toBe(rules);
  });

  it('gives every value a source and a confidence mark', () => {
    let values = 0;
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}[${i}]`));
      if (node === null || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if ('value' in o || 'constant' in o) {
        values++;
        expect(typeof o.source, `${path}.source`).toBe('string');
        expect(['sure', 'likely', 'unsure'], `${path}.confidence`).toContain(o.confidence);
        return;
      }
      for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
    };
    walk(raw, '');
    expect(values).toBeGreaterThan(250);
  });

  it('individual-risk criteria per target class × status (spec/standards.md A §1.3, GB 36894 Table 1)', () => {
    const expected: Record<string, [number, number]> = {
      'high-sensitivity': [3e-7, 3e-6],
      important: [3e-7, 3e-6],
      'general-1': [3e-7, 3e-6],
      'general-2': [3e-6, 1e-5],
      'general-3': [1e-5, 3e-5],
    };
    for (const c of TARGET_CATEGORIES) {
      expect(rules.individualRisk[c].new.value, c).toBe(expected[c]![0]);
      expect(rules.individualRisk[c].existing.value, c).toBe(expected[c]![1]);
    }
  });

  it('F-N lines 1e-3/N and 1e-5/N for N ≥ 1 (spec/standards.md A §1.4, B §2: through N = 10, F = 1e-4 and 1e-6)', () => {
    const { unacceptable, acceptable, minimumN } = rules.societalRisk;
    expect(unacceptable.constant / 10 ** unacceptable.exponent).toBeCloseTo(1e-4, 18);
    expect(acceptable.constant / 10 ** acceptable.exponent).toBeCloseTo(1e-6, 18);
    expect(minimumN.value).toBe(1);
  });

  it('GB 18218 Table 1 holds the 85 rows of spec/standards.md A §5.4 (chlorine 5 t, phosgene 0.3 t, oxygen 200 t)', () => {
    expect(rules.majorHazard.named.map((n) => n.row)).toEqual(Array.from({ length: 85 }, (_, i) => i + 1));
    const q = (row: number) => rules.majorHazard.named.find((n) => n.row === row)!.criticalQuantity.value;
    expect(q(12)).toBe(5000);
    expect(q(6)).toBe(300);
    expect(q(56)).toBe(200_000);
    expect(q(30)).toBe(750);
    expect(q(46)).toBe(1_000_000);
  });

  it('GB 18218 Table 2 and Table 4: J1 5 t β 4, W2 10 t β 1.5, W5.4 5000 t β 1 (spec/standards.md A §5.2–5.3)', () => {
    const cat = (code: string) => rules.majorHazard.categories.find((c) => c.code === code)!;
    expect(rules.majorHazard.categories).toHaveLength(24);
    expect([cat('J1').criticalQuantity.value, cat('J1').beta.value]).toEqual([5000, 4]);
    expect([cat('W2').criticalQuantity.value, cat('W2').beta.value]).toEqual([10_000, 1.5]);
    expect([cat('W5.4').criticalQuantity.value, cat('W5.4').beta.value]).toEqual([5_000_000, 1]);
  });

  it('β of Table 3 for the 14 named toxic gases (spec/standards.md A §5.2): Cl₂ 4, phosgene 20', () => {
    const beta = (cas: string) => rules.majorHazard.toxicGasBeta.find((b) => b.cas.includes(cas))!.beta.value;
    expect(rules.majorHazard.toxicGasBeta).toHaveLength(14);
    expect(beta('7782-50-5')).toBe(4);
    expect(beta('75-44-5')).toBe(20);
    expect(beta('630-08-0')).toBe(2);
  });

  it('Purple Book LOCs (spec/standards.md A §4.1): pressure vessel 5e-7 / 5e-7 / 1e-5, pipes per metre by DN', () => {
    const pv = catalogueLocs(rules.locCatalogue, { type: 'pressure-vessel' });
    expect(pv.map((l) => [l.id, l.frequency.value])).toEqual([
      ['instantaneous', 5e-7],
      ['ten-minute', 5e-7],
      ['continuous-10mm', 1e-5],
    ]);
    expect(pv[1]!.duration).toBe(600);
    expect(pv[2]!.hole).toEqual({ kind: 'fixed', diameter: 0.01 });
    // DN < 75 mm; 75 ≤ DN ≤ 150 mm; DN > 150 mm
    const rupture = (d: number) => pipeBandFor(rules.locCatalogue.pipe, d).locs[0]!.frequency.value;
    expect([rupture(0.05), rupture(0.075), rupture(0.15), rupture(0.2)]).toEqual([1e-6, 3e-7, 3e-7, 1e-7]);
    const leak = pipeBandFor(rules.locCatalogue.pipe, 0.1).locs[1]!;
    expect(leak.hole).toEqual({ kind: 'fraction-of-diameter', fraction: 0.1, maxDiameter: 0.05 });
    expect(leak.frequencyBasis).toBe('per-metre-year');
    expect(rules.locCatalogue.maxContinuousDuration.value).toBe(1800);
  });

  it('hole sizes 5 / 25 / 100 mm and API 581 Table 4.7 durations (spec/standards.md A §3, B §3.3)', () => {
    expect(rules.holeSizeCatalogue.classes.map((c) => c.diameter?.value)).toEqual([
      0.005,
      0.025,
      0.1,
      undefined,
    ]);
    const bb = rules.holeSizeCatalogue.durations.find((d) => d.detection === 'B' && d.isolation === 'B')!;
    expect(bb.durations.value).toEqual([40 * 60, 30 * 60, 20 * 60]);
    expect(bb.releaseReduction?.value).toBe(0.15);
  });

  it('ignition: PB Table 4.5 and the 0.6 / 0.4 delayed split (spec/standards.md A §4.2, B §3.4)', () => {
    const d = rules.ignition.direct;
    expect(d.stationary['gas-average-high-reactivity'].value).toEqual([0.2, 0.5, 0.7]);
    expect(d.stationary['gas-low-reactivity'].value).toEqual([0.02, 0.04, 0.09]);
    expect(d.stationary['k1-liquid'].value).toEqual([0.065, 0.065, 0.065]);
    expect(d.continuousBounds.value).toEqual([10, 100]);
    expect(d.instantaneousBounds.value).toEqual([1000, 10_000]);
    expect([rules.ignition.delayed.flashFire.value, rules.ignition.delayed.explosion.value]).toEqual([
      0.6, 0.4,
    ]);
  });

  it('weather defaults B3, D1.5, D5, D9, E5, F1.5; day 0.44; 12 sectors (spec/standards.md A §4.3)', () => {
    expect(rules.weather.classes.map((c) => `${c.stability}${c.windSpeed.value}`)).toEqual([
      'B3',
      'D1.5',
      'D5',
      'D9',
      'E5',
      'F1.5',
    ]);
    expect(rules.weather.dayFraction.value).toBe(0.44);
    expect(rules.weather.sectors.value).toBe(12);
    expect(rules.weather.classes.every((c) => c.probability.confidence === 'unsure')).toBe(true);
  });

  it('vulnerability (spec/standards.md A §4.4, B §6): 35 kW/m² (37.5 selectable), 20 s, 30 min, 30 kPa, 0.93 / 0.99', () => {
    const v = rules.vulnerability;
    expect(v.thermalCertainDeathFlux.value).toBe(35_000);
    expect(v.thermalCertainDeathFluxOptions.map((o) => o.value)).toEqual([37_500]);
    expect(v.thermalExposureCap.value).toBe(20);
    expect(v.toxicExposureCap.value).toBe(1800);
    expect(v.explosionCertainDeath.value).toBe(30_000);
    expect(v.explosionIndoorIntermediate.value).toBe(0.025);
    expect([v.flashFire.indoor.value, v.toxic.indoor.value, v.heat.outdoor.value]).toEqual([1, 0.1, 0.14]);
    expect([v.indoorFraction.day.value, v.indoorFraction.night.value]).toEqual([0.93, 0.99]);
  });

  it('explosives thresholds are marked to verify (spec/standards.md A §2.3, B §4)', () => {
    for (const t of rules.explosives.thresholds) {
      expect(t.overpressure.confidence).toBe('unsure');
      expect(t.overpressure.note).toMatch(/to verify/);
    }
  });

  it('contour levels: the GB 36894 values and the decades 1e-4 … 1e-8 (spec/standards.md defaults table)', () => {
    const levels = rules.contours.levels.map((l) => l.value);
    for (const v of [3e-7, 3e-6, 1e-5, 3e-5, 1e-4, 1e-6, 1e-7, 1e-8]) expect(levels).toContain(v);
  });
});

describe('an edited rule set', () => {
  it('is rejected when a value loses its source, naming the path', () => {
    const j = copy() as { individualRisk: { 'general-2': { new: Record<string, unknown> } } };
    delete j.individualRisk['general-2'].new.source;
    expect(issuesOf(j)).toContainEqual(expect.stringMatching(/^individualRisk\.general-2\.new\.source: /));
  });
  it('is rejected when a confidence mark is not sure/likely/unsure', () => {
    const j = copy() as { weather: { dayFraction: Record<string, unknown> } };
    j.weather.dayFraction.confidence = 'probably';
    expect(issuesOf(j)).toContainEqual(expect.stringMatching(/^weather\.dayFraction\.confidence: /));
  });
  it('is rejected when a new-installation threshold exceeds the existing one', () => {
    const j = copy() as { individualRisk: { important: { new: { value: number } } } };
    j.individualRisk.important.new.value = 1e-5;
    expect(issuesOf(j)).toContainEqual(
      'individualRisk.important.new: the threshold for new installations must not exceed the existing one',
    );
  });
  it('is rejected when the weather classes do not sum to 1', () => {
    const j = copy() as { weather: { classes: { probability: { value: number } }[] } };
    j.weather.classes[0]!.probability.value = 0.5;
    expect(issuesOf(j)).toContainEqual(
      expect.stringMatching(/^weather\.classes: weather-class probabilities must sum to 1/),
    );
  });
  it('accepts a corrected value with a unit string, in SI', () => {
    const j = copy() as { majorHazard: { named: { criticalQuantity: { value: unknown } }[] } };
    j.majorHazard.named[11]!.criticalQuantity.value = '5000 kg';
    expect(parseRuleSet(j, 'edited.json').majorHazard.named[11]!.criticalQuantity.value).toBe(5000);
  });
  it('an unknown id is an error listing the available rule sets', () => {
    expect(() => getRuleSet('GB36894-2018', 9)).toThrow(
      /no rule set 'GB36894-2018 v9'; available: GB36894-2018 v1/,
    );
  });
});
