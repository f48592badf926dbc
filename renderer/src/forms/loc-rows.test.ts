import { describe, expect, it } from 'vitest';
import type { Equipment } from '../../../core/project/types.ts';
import { installation, specRules } from '../../../core/qra/loc/test-fixtures.ts';
import { si } from '../../../core/units/index.ts';
import { locRows, staleOverrideKeys } from './loc-rows.ts';

/**
 * The form's LOC list against the Purple Book catalogue (CPR 18E Table 3.3 for pressure vessels: instantaneous
 * 5×10⁻⁷ /yr, 10-minute 5×10⁻⁷ /yr, continuous 10 mm 1×10⁻⁵ /yr; Table 3.17 for pipes of 75–150 mm: full-bore
 * rupture 3×10⁻⁷ /m·yr, leak 2×10⁻⁶ /m·yr), as written out in spec/standards.md A §4.1.
 */
const vessel: Equipment = {
  type: 'pressure-vessel',
  volume: si.cubicMetres(25),
  fill: si.probability(0.85),
  frequencies: {},
  disabled: [],
};
const pipe: Equipment = {
  type: 'pipe',
  length: si.metres(100),
  diameter: si.metres(0.1),
  frequencies: {},
  disabled: [],
};
const plant = installation({ equipment: [vessel, pipe] });

describe('locRows', () => {
  it('lists the catalogue cases of a pressure vessel with their published frequencies and sources', () => {
    const rows = locRows(plant, 0, specRules, 'purple-book', {});
    expect(rows.map((r) => r.locId)).toEqual(['instantaneous', 'ten-minute', 'continuous-10mm']);
    expect(rows.map((r) => r.catalogue?.frequency)).toEqual([5e-7, 5e-7, 1e-5]);
    expect(rows.every((r) => r.catalogue?.basis === 'per-year')).toBe(true);
    expect(rows.every((r) => r.catalogue?.source.includes('Purple Book'))).toBe(true);
    expect(rows.map((r) => r.used?.frequency)).toEqual([5e-7, 5e-7, 1e-5]);
    expect(rows.every((r) => r.used?.frequencyOrigin.kind === 'catalogue')).toBe(true);
  });

  it('refuses an override with a unit: the basis is the catalogue one (per hour, per metre-year…), not per year', () => {
    const rows = locRows(plant, 0, specRules, 'purple-book', { frequencies: { instantaneous: '1e-6 /h' } });
    expect(rows[0]?.override?.issue).toBeDefined();
    // The catalogue value stays in use until the override is a plain number (CPR 18E Table 3.3: 5e-7 /yr).
    expect(rows[0]?.used?.frequency).toBe(5e-7);
  });

  it('uses an override with its reason and keeps the replaced catalogue value; drops a disabled case', () => {
    const rows = locRows(plant, 0, specRules, 'purple-book', {
      frequencies: { instantaneous: '1e-7' },
      disable: ['ten-minute'],
      reason: 'vendor data',
    });
    const [instantaneous, tenMinute, continuous] = rows;
    expect(instantaneous?.override?.value).toBeCloseTo(1e-7, 20);
    expect(instantaneous?.used?.frequency).toBeCloseTo(1e-7, 20);
    expect(instantaneous?.used?.frequencyOrigin).toMatchObject({
      kind: 'override',
      reason: 'vendor data',
      replaced: { frequency: 5e-7 },
    });
    expect(tenMinute?.disabled).toBe(true);
    expect(tenMinute?.used).toBeNull();
    // The catalogue value of a disabled case stays on show: the user sees what was switched off.
    expect(tenMinute?.catalogue?.frequency).toBe(5e-7);
    expect(continuous?.used?.frequencyOrigin.kind).toBe('catalogue');
  });

  it('scales a per-metre override by the pipe length, like the catalogue value', () => {
    const rows = locRows(plant, 1, specRules, 'purple-book', { frequencies: { rupture: 1e-7 } });
    const rupture = rows.find((r) => r.locId === 'rupture');
    const leak = rows.find((r) => r.locId === 'leak');
    expect(rupture?.catalogue).toMatchObject({ frequency: 3e-7, basis: 'per-metre-year' });
    // 1e-7 /m·yr × 100 m; the leak keeps 2e-6 /m·yr × 100 m.
    expect(rupture?.used?.frequency).toBeCloseTo(1e-5, 15);
    expect(leak?.used?.frequency).toBeCloseTo(2e-4, 15);
  });

  it('reports an unreadable override beside the field and keeps the catalogue value', () => {
    const [instantaneous] = locRows(plant, 0, specRules, 'purple-book', {
      frequencies: { instantaneous: 'often' },
    });
    expect(instantaneous?.override?.issue?.key).toBe('unreadable');
    expect(instantaneous?.used?.frequency).toBe(5e-7);
    expect(instantaneous?.used?.frequencyOrigin.kind).toBe('catalogue');
  });

  it('lists the four hole classes of the hole-size catalogue, used only where the project gives a frequency', () => {
    const rows = locRows(plant, 0, specRules, 'hole-size', { frequencies: { small: 1e-4 } });
    expect(rows.map((r) => r.locId)).toEqual(['small', 'medium', 'large', 'rupture']);
    expect(rows.every((r) => r.catalogue === null)).toBe(true);
    expect(rows.map((r) => r.used?.frequency ?? null)).toEqual([1e-4, null, null, null]);
  });

  it('names the index when the item does not exist', () => {
    expect(() => locRows(plant, 2, specRules, 'purple-book', {})).toThrow(/equipmentIndex 2/);
  });

  it('finds override and disable keys that name no case of the item, once each', () => {
    // A pressure vessel turned into a pipe keeps its vessel overrides: the pipe has only rupture and leak.
    const pipeIds = new Set(locRows(plant, 1, specRules, 'purple-book', {}).map((r) => r.locId));
    expect([...pipeIds].sort()).toEqual(['leak', 'rupture']);
    const item = {
      frequencies: { instantaneous: 1e-7, leak: 1e-6 },
      disable: ['ten-minute', 'instantaneous'],
    };
    expect(staleOverrideKeys(item, pipeIds)).toEqual(['instantaneous', 'ten-minute']);
    expect(staleOverrideKeys({ frequencies: { rupture: 1e-7 } }, pipeIds)).toEqual([]);
  });
});
