import { describe, expect, it } from 'vitest';
import type { Equipment } from '../../project/types.ts';
import { si } from '../../units/index.ts';
import {
  DEFAULT_HEAT_EXCHANGER_TUBE_DIAMETER,
  locCasesForEquipment,
  locCasesForInstallation,
} from './catalogue.ts';
import { installation, overrides, specRules } from './test-fixtures.ts';

// The catalogue is written out by hand from spec/standards.md A §4.1 (test-fixtures.ts); the expected
// frequencies below are the spec's numbers again, so each test checks selection, scaling and overrides.
const rules = specRules;

const vessel: Equipment = {
  type: 'pressure-vessel',
  volume: si.cubicMetres(25),
  fill: si.probability(0.8),
  ...overrides,
};

function frequencies(equipment: Equipment) {
  const inst = installation({ equipment: [equipment] });
  return Object.fromEntries(
    locCasesForEquipment(inst, 0, rules, 'purple-book').map((c) => [c.locId, c.frequency]),
  );
}

describe('Purple Book catalogue frequencies (spec/standards.md A §4.1)', () => {
  it('pressure vessel G.1 / G.2 / G.3: 5e-7 instantaneous, 5e-7 ten-minute, 1e-5 continuous 10 mm', () => {
    const inst = installation({ equipment: [vessel] });
    const cases = locCasesForEquipment(inst, 0, rules, 'purple-book');
    expect(cases.map((c) => [c.locId, c.release, c.frequency])).toEqual([
      ['instantaneous', 'instantaneous', 5e-7],
      ['ten-minute', 'fixed-duration', 5e-7],
      ['continuous-10mm', 'continuous', 1e-5],
    ]);
    expect(cases[1]!.fixedDuration).toBe(600);
    expect(cases[2]!.hole).toMatchObject({ kind: 'fixed', diameter: 0.01, throughLine: false });
    expect(cases[0]!.frequencyOrigin).toMatchObject({
      kind: 'catalogue',
      baseFrequency: 5e-7,
      basis: 'per-year',
      scale: 1,
      confidence: 'likely',
    });
    expect(cases[0]!.frequencyOrigin.source).toContain('Purple Book');
  });

  it('continuous and 10-minute LOCs carry the 30 min cap of the rule set; instantaneous none', () => {
    const cases = locCasesForEquipment(installation({ equipment: [vessel] }), 0, rules, 'purple-book');
    expect(cases[0]!.durationLimit).toBeUndefined();
    expect(cases[1]!.durationLimit?.value).toBe(1800);
    expect(cases[2]!.durationLimit?.value).toBe(1800);
  });

  it('process vessel: 5e-6 / 5e-6 / 1e-4', () => {
    expect(frequencies({ type: 'process-vessel', volume: si.cubicMetres(5), ...overrides })).toEqual({
      instantaneous: 5e-6,
      'ten-minute': 5e-6,
      'continuous-10mm': 1e-4,
    });
  });

  it('atmospheric tanks by containment: single 5e-6/5e-6/1e-4; double 1.25e-8 to air, inner tank into the shell 5e-8/5e-8/1e-4; full and membrane 1e-8', () => {
    const tank = (containment: 'single' | 'double' | 'full' | 'membrane'): Equipment => ({
      type: 'atmospheric-tank',
      volume: si.cubicMetres(1000),
      containment,
      ...overrides,
    });
    expect(frequencies(tank('single'))).toEqual({
      instantaneous: 5e-6,
      'ten-minute': 5e-6,
      'continuous-10mm': 1e-4,
    });
    const double = locCasesForEquipment(
      installation({ equipment: [tank('double')] }),
      0,
      rules,
      'purple-book',
    );
    expect(double.map((c) => [c.locId, c.frequency, c.into])).toEqual([
      ['instantaneous', 1.25e-8, 'atmosphere'],
      ['inner-instantaneous', 5e-8, 'outer-shell'],
      ['inner-ten-minute', 5e-8, 'outer-shell'],
      ['inner-continuous-10mm', 1e-4, 'outer-shell'],
    ]);
    expect(frequencies(tank('full'))).toEqual({ instantaneous: 1e-8 });
    expect(frequencies(tank('membrane'))).toEqual({ instantaneous: 1e-8 });
  });

  it('pipes per metre × length by diameter band: < 75 mm 1e-6/5e-6, 75–150 mm 3e-7/2e-6, > 150 mm 1e-7/5e-7', () => {
    const pipe = (diameterMm: number, length = 120): Equipment => ({
      type: 'pipe',
      length: si.metres(length),
      diameter: si.metres(diameterMm / 1000),
      ...overrides,
    });
    const f50 = frequencies(pipe(50));
    expect(f50.rupture).toBeCloseTo(120 * 1e-6, 15);
    expect(f50.leak).toBeCloseTo(120 * 5e-6, 15);
    // 75 ≤ DN ≤ 150 is the middle band at both ends.
    for (const dn of [75, 100, 150]) {
      const f = frequencies(pipe(dn, 10));
      expect(f.rupture).toBeCloseTo(10 * 3e-7, 15);
      expect(f.leak).toBeCloseTo(10 * 2e-6, 15);
    }
    const f200 = frequencies(pipe(200, 10));
    expect(f200.rupture).toBeCloseTo(10 * 1e-7, 15);
    expect(f200.leak).toBeCloseTo(10 * 5e-7, 15);

    const cases = locCasesForEquipment(installation({ equipment: [pipe(50)] }), 0, rules, 'purple-book');
    expect(cases[0]!.frequencyOrigin).toMatchObject({
      basis: 'per-metre-year',
      baseFrequency: 1e-6,
      scale: 120,
    });
  });

  it('pipe holes: full bore through the line; leak 10 % of the diameter, at most 50 mm', () => {
    const holes = (diameter: number) =>
      locCasesForEquipment(
        installation({
          equipment: [{ type: 'pipe', length: si.metres(1), diameter: si.metres(diameter), ...overrides }],
        }),
        0,
        rules,
        'purple-book',
      ).map((c) => c.hole);
    const [rupture, leak] = holes(0.2);
    expect(rupture).toMatchObject({ kind: 'full-bore', diameter: 0.2, throughLine: true });
    expect(leak!.diameter).toBeCloseTo(0.02, 12);
    expect(leak!.throughLine).toBe(false);
    expect(holes(0.8)[1]!.diameter).toBe(0.05);
  });

  it('pumps: standard 1e-4 catastrophic / 5e-4 leak; canned 1e-5 / 5e-5', () => {
    const pump = (canned: boolean): Equipment => ({
      type: 'pump',
      connectionDiameter: si.metres(0.1),
      canned,
      ...overrides,
    });
    expect(frequencies(pump(false))).toEqual({ catastrophic: 1e-4, leak: 5e-4 });
    expect(frequencies(pump(true))).toEqual({ catastrophic: 1e-5, leak: 5e-5 });
  });

  it('heat exchangers: shell side 5e-5/5e-5/1e-3; tube side 10 tubes 1e-5, 1 tube 1e-3, leak 1e-2', () => {
    const hx = (side: 'shell' | 'tubes'): Equipment => ({
      type: 'heat-exchanger',
      side,
      volume: si.cubicMetres(2),
      ...overrides,
    });
    expect(frequencies(hx('shell'))).toEqual({
      instantaneous: 5e-5,
      'ten-minute': 5e-5,
      'continuous-10mm': 1e-3,
    });
    expect(frequencies(hx('tubes'))).toEqual({
      'rupture-10-tubes': 1e-5,
      'rupture-1-tube': 1e-3,
      leak: 1e-2,
    });
    // n tubes open at both ends: flow area 2n·πd²/4, so the equivalent diameter is d·√(2n).
    const tubes = locCasesForEquipment(installation({ equipment: [hx('tubes')] }), 0, rules, 'purple-book');
    expect(tubes[0]!.hole!.diameter).toBeCloseTo(DEFAULT_HEAT_EXCHANGER_TUBE_DIAMETER * Math.sqrt(20), 12);
  });

  it('loading arms and hoses per hour of use: arm 3e-8/h rupture, 3e-7/h leak; hose 4e-6/h, 4e-5/h', () => {
    const arm = frequencies({
      type: 'loading-arm',
      diameter: si.metres(0.1),
      hoursPerYear: 500,
      ...overrides,
    });
    expect(arm.rupture).toBeCloseTo(500 * 3e-8, 15);
    expect(arm.leak).toBeCloseTo(500 * 3e-7, 15);
    const hose = frequencies({
      type: 'loading-hose',
      diameter: si.metres(0.05),
      hoursPerYear: 200,
      ...overrides,
    });
    expect(hose.rupture).toBeCloseTo(200 * 4e-6, 15);
    expect(hose.leak).toBeCloseTo(200 * 4e-5, 15);
  });

  it('road tankers per year present (hoursPerYear/8760): pressurised 5e-7 / 5e-7, atmospheric 1e-5 / 5e-7', () => {
    const tanker = (pressurised: boolean): Equipment => ({
      type: 'road-tanker',
      volume: si.cubicMetres(40),
      pressurised,
      hoursPerYear: 876,
      ...overrides,
    });
    const p = frequencies(tanker(true));
    expect(p.instantaneous).toBeCloseTo(0.1 * 5e-7, 15);
    expect(p['full-bore']).toBeCloseTo(0.1 * 5e-7, 15);
    const a = frequencies(tanker(false));
    expect(a.instantaneous).toBeCloseTo(0.1 * 1e-5, 15);
    expect(a['full-bore']).toBeCloseTo(0.1 * 5e-7, 15);
  });
});

describe('overrides and disabled LOCs (spec/project-format.md "Equipment")', () => {
  it('an override replaces the catalogue value and is traced with its reason and the value it replaced', () => {
    const eq: Equipment = {
      ...vessel,
      frequencies: { instantaneous: si.perYear(1e-7) },
      disabled: [],
      reason: 'vendor data',
    };
    const [inst] = locCasesForEquipment(installation({ equipment: [eq] }), 0, rules, 'purple-book');
    expect(inst!.frequency).toBe(1e-7);
    expect(inst!.frequencyOrigin).toMatchObject({
      kind: 'override',
      baseFrequency: 1e-7,
      reason: 'vendor data',
      replaced: { frequency: 5e-7, confidence: 'likely' },
    });
  });

  it('a pipe override stays per metre and is multiplied by the length', () => {
    const eq: Equipment = {
      type: 'pipe',
      length: si.metres(50),
      diameter: si.metres(0.05),
      frequencies: { leak: si.perYear(1e-6) },
      disabled: [],
    };
    const leak = locCasesForEquipment(installation({ equipment: [eq] }), 0, rules, 'purple-book')[1]!;
    expect(leak.frequency).toBeCloseTo(50 * 1e-6, 15);
    expect(leak.frequencyOrigin.reason).toBe('no reason given in the project');
  });

  it('disabled LOCs are dropped; a zero frequency gives no case', () => {
    const eq: Equipment = {
      ...vessel,
      frequencies: { 'ten-minute': si.perYear(0) },
      disabled: ['instantaneous'],
    };
    const cases = locCasesForEquipment(installation({ equipment: [eq] }), 0, rules, 'purple-book');
    expect(cases.map((c) => c.locId)).toEqual(['continuous-10mm']);
    const idle: Equipment = { type: 'loading-arm', diameter: si.metres(0.1), hoursPerYear: 0, ...overrides };
    expect(locCasesForEquipment(installation({ equipment: [idle] }), 0, rules, 'purple-book')).toEqual([]);
  });

  it('an override key the catalogue does not have is refused, naming it and the valid ids', () => {
    const eq: Equipment = { ...vessel, frequencies: { rupture: si.perYear(1e-6) }, disabled: [] };
    expect(() => locCasesForEquipment(installation({ equipment: [eq] }), 0, rules, 'purple-book')).toThrow(
      /no LOC 'rupture'.*instantaneous, ten-minute, continuous-10mm/,
    );
  });

  it('scenario ids are installation/equipment/LOC, the item id when given, else E<n>', () => {
    const inst = installation({ equipment: [vessel, { ...vessel, id: 'V-2' }] });
    const ids = locCasesForInstallation(inst, rules, 'purple-book').map((c) => c.scenarioId);
    expect(ids).toEqual([
      'T101/E1/instantaneous',
      'T101/E1/ten-minute',
      'T101/E1/continuous-10mm',
      'T101/V-2/instantaneous',
      'T101/V-2/ten-minute',
      'T101/V-2/continuous-10mm',
    ]);
    expect(() => locCasesForEquipment(inst, 2, rules, 'purple-book')).toThrow(/equipmentIndex 2/);
  });
});

describe('hole-size catalogue (spec/standards.md A §3, B §3.3)', () => {
  const userVessel: Equipment = {
    type: 'pressure-vessel',
    volume: si.cubicMetres(25),
    frequencies: { small: si.perYear(1e-4), medium: si.perYear(2e-5), rupture: si.perYear(1e-6) },
    disabled: [],
    reason: 'AQ/T 3046 study',
  };

  it('one case per class given a frequency: 5 / 25 mm holes, a vessel rupture is instantaneous', () => {
    const inst = installation({ equipment: [userVessel], detection: 'B', isolation: 'B' });
    const cases = locCasesForEquipment(inst, 0, rules, 'hole-size');
    expect(cases.map((c) => [c.locId, c.release, c.hole?.diameter, c.frequency])).toEqual([
      ['small', 'continuous', 0.005, 1e-4],
      ['medium', 'continuous', 0.025, 2e-5],
      ['rupture', 'instantaneous', undefined, 1e-6],
    ]);
    expect(cases[0]!.frequencyOrigin).toMatchObject({ kind: 'user', reason: 'AQ/T 3046 study' });
  });

  it('durations from API RP 581 Table 4.7: detection B / isolation B → 40 min (≤ 6.4 mm), 30 min (≤ 25 mm), 20 min (≤ 102 mm)', () => {
    const pipe: Equipment = {
      type: 'pipe',
      length: si.metres(10),
      diameter: si.metres(0.3),
      frequencies: {
        small: si.perYear(1e-6),
        medium: si.perYear(1e-6),
        large: si.perYear(1e-6),
        rupture: si.perYear(1e-7),
      },
      disabled: [],
    };
    const inst = installation({ equipment: [pipe], detection: 'B', isolation: 'B' });
    const cases = locCasesForEquipment(inst, 0, rules, 'hole-size');
    expect(cases.map((c) => c.durationLimit?.value)).toEqual([2400, 1800, 1200, 1800]);
    // A pipe rupture is full bore, > 102 mm: no table duration, the contents and the 30 min cap limit it.
    expect(cases[3]!.hole).toMatchObject({ kind: 'full-bore', diameter: 0.3 });
    expect(cases[3]!.durationLimit?.basis).toMatch(/no API 581 duration/);
    // Per metre, as the Purple Book basis of pipes.
    expect(cases[0]!.frequency).toBeCloseTo(10 * 1e-6, 15);
  });

  it('detection A / isolation A → 20 / 10 / 5 min; C / C → 60 / 40 / 20 min', () => {
    const eq: Equipment = {
      type: 'process-vessel',
      volume: si.cubicMetres(5),
      frequencies: { small: si.perYear(1e-5), medium: si.perYear(1e-5), large: si.perYear(1e-5) },
      disabled: [],
    };
    const limits = (d: 'A' | 'C', i: 'A' | 'C') =>
      locCasesForEquipment(
        installation({ equipment: [eq], detection: d, isolation: i }),
        0,
        rules,
        'hole-size',
      ).map((c) => c.durationLimit?.value);
    expect(limits('A', 'A')).toEqual([1200, 600, 300]);
    expect(limits('C', 'C')).toEqual([3600, 2400, 1200]);
  });

  it('a class hole not smaller than the line becomes its full bore; without grades the 30 min cap applies', () => {
    const pipe: Equipment = {
      type: 'pipe',
      length: si.metres(1),
      diameter: si.metres(0.08),
      frequencies: { large: si.perYear(1e-6) },
      disabled: [],
    };
    const [large] = locCasesForEquipment(installation({ equipment: [pipe] }), 0, rules, 'hole-size');
    expect(large!.hole).toMatchObject({ kind: 'full-bore', diameter: 0.08, throughLine: true });
    expect(large!.durationLimit?.value).toBe(1800);
    expect(large!.durationLimit?.basis).toMatch(/no detection\/isolation grades/);
  });

  it('disabled hole classes are dropped', () => {
    const eq: Equipment = { ...userVessel, disabled: ['small'] };
    const ids = locCasesForEquipment(installation({ equipment: [eq] }), 0, rules, 'hole-size').map(
      (c) => c.locId,
    );
    expect(ids).toEqual(['medium', 'rupture']);
  });
});
