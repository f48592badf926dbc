import { describe, expect, it } from 'vitest';
// The fixture is the real built-in rule-set file, the JSON the renderer receives through api.getRuleSet.
// eslint-disable-next-line no-restricted-imports
import gb36894 from '../../../data/rules/GB36894-2018.v1.json';
import { filterRows, formatNumber, ruleRows } from './rule-rows.ts';

const document = gb36894 as Record<string, unknown>;
const text = JSON.stringify(document);
const rows = ruleRows(document);

describe('ruleRows on the built-in GB 36894-2018 rule set', () => {
  it('has one row per sourced value: as many as the file has confidence marks', () => {
    // Counted on the raw text, independently of the walk.
    expect(rows).toHaveLength(text.match(/"confidence":/g)!.length);
  });

  it('shows the GB 36894-2018 Table 1 thresholds per target class and status, as the file writes them', () => {
    const individual = rows.filter((r) => r.group === 'individualRisk');
    expect(individual).toHaveLength(10); // 5 target classes × new/existing
    const school = individual.find((r) => r.jsonPath === 'individualRisk.high-sensitivity.existing');
    expect(school).toMatchObject({ path: ['high-sensitivity', 'existing'], value: '3×10⁻⁶' });
    expect(school?.source).toContain('GB 36894-2018 Table 1');
  });

  it('shows an F-N line by its constant and exponent, and keeps units as written', () => {
    const line = rows.find((r) => r.jsonPath === 'societalRisk.unacceptable');
    expect(line?.value).toBe('constant = 0.001; exponent = 1');
    expect(line?.note).toBe('N range and any cut-off of the figure not found');
    expect(rows.find((r) => r.jsonPath === 'vulnerability.thermalCertainDeathFlux')?.value).toBe('35 kW/m^2');
  });

  it('labels list items by id or name and carries their plain fields as context', () => {
    const ammonia = rows.find((r) => r.jsonPath === 'majorHazard.named[0].criticalQuantity');
    expect(ammonia?.path).toEqual(['named', '氨 (ammonia)', 'criticalQuantity']);
    expect(ammonia?.value).toBe('10 t');
    expect(ammonia?.context).toContain('7664-41-7');
    const vessel = rows.find((r) => r.jsonPath === 'locCatalogue.pressureVessel[2].frequency');
    expect(vessel?.path).toEqual(['pressureVessel', 'continuous-10mm', 'frequency']);
    expect(vessel?.context).toContain('hole: kind = fixed; diameter = 10 mm');
    // A list of sourced values: each item is its own row, with no context repeating it.
    const option = rows.find((r) => r.jsonPath === 'vulnerability.thermalCertainDeathFluxOptions[0]');
    expect(option).toMatchObject({ value: '37.5 kW/m^2', path: ['thermalCertainDeathFluxOptions', '#1'] });
    expect(option?.context).toBeUndefined();
  });

  it('filters by every word of the query and by confidence', () => {
    const found = filterRows(rows, 'ammonia CRITICALQUANTITY', 'all');
    expect(found.map((r) => r.jsonPath)).toContain('majorHazard.named[0].criticalQuantity');
    expect(found.every((r) => /ammonia/i.test(r.path.join(' ') + (r.context ?? '')))).toBe(true);
    const unsure = filterRows(rows, '', 'unsure');
    expect(unsure.length).toBeGreaterThan(0);
    expect(unsure.every((r) => r.confidence === 'unsure')).toBe(true);
    expect(filterRows(rows, 'no-such-thing-xyz', 'all')).toEqual([]);
  });
});

describe('formatNumber', () => {
  it('writes small and large numbers as powers of ten, others plainly', () => {
    expect(formatNumber(3e-7)).toBe('3×10⁻⁷');
    expect(formatNumber(1e-5)).toBe('10⁻⁵');
    expect(formatNumber(0.065)).toBe('0.065');
    expect(formatNumber(35)).toBe('35');
    expect(formatNumber(1 / 6)).toBe('0.166667');
    expect(formatNumber(2.5e4)).toBe('2.5×10⁴');
    expect(formatNumber(0)).toBe('0');
  });
});
