/**
 * The vapour-pressure correlations of the petroleum pseudo-components (gasoline, diesel) against US EPA AP-42
 * ch. 7.1 "Organic Liquid Storage Tanks" (2020 revision), key AP42 in source-keys.csv:
 * - Eq. 1-25, refined petroleum stocks: ln(P/psia) = A − B/(T/°R) with
 *   A = 15.64 − 1.854·S^0.5 − (0.8742 − 0.3280·S^0.5)·ln RVP and B = 8742 − 1042·S^0.5 − (1049 − 179.4·S^0.5)·ln RVP
 *   (RVP in psi, S the ASTM D86 distillation slope at 10 % evaporated, °F/vol%; S = 3 for motor gasoline);
 * - Table 7.1-2, properties of selected petroleum liquids: A, B and the true vapour pressure at 40–100 °F.
 * The table values below were read from two independent public transcriptions of Table 7.1-2 (substances-sources.md
 * §1.5), not from the PDF itself.
 */
import { describe, expect, it } from 'vitest';
import { loadSubstanceLibrary } from './library.ts';

const library = loadSubstanceLibrary();
const get = (id: string) => {
  const s = library.substances.find((x) => x.id === id);
  if (!s) throw new Error(`test setup: no substance '${id}'`);
  return s;
};

/** 1 psi in Pa: 0.45359237 kg · 9.80665 m/s² / (0.0254 m)², exact by definition. */
const PSI = (0.45359237 * 9.80665) / 0.0254 ** 2;
const ATMOSPHERE = 101325;
const rankine = (fahrenheit: number) => fahrenheit + 459.67;
const kelvinOfFahrenheit = (fahrenheit: number) => rankine(fahrenheit) / 1.8;

/** AP-42 ch. 7.1 Eq. 1-25: A (dimensionless) and B (°R) of a refined petroleum stock. */
function ap42Constants(rvpPsi: number, slope: number): { A: number; B: number } {
  const rootS = Math.sqrt(slope);
  const lnRvp = Math.log(rvpPsi);
  return {
    A: 15.64 - 1.854 * rootS - (0.8742 - 0.328 * rootS) * lnRvp,
    B: 8742 - 1042 * rootS - (1049 - 179.4 * rootS) * lnRvp,
  };
}

/** True vapour pressure in psia, ln P = A − B/(T/°R). */
const ap42Psia = ({ A, B }: { A: number; B: number }, fahrenheit: number) =>
  Math.exp(A - B / rankine(fahrenheit));

/** The library's form, log10(P/Pa) = a − b/(T/K + c). */
function libraryPa(id: string, kelvin: number): number {
  const { a, b, c } = get(id).antoine!;
  return 10 ** (a - b / (kelvin + c));
}

const TEMPERATURES_F = [40, 50, 60, 70, 80, 90, 100];

/** AP-42 Table 7.1-2, motor gasoline (S = 3): printed A, B (°R) and true vapour pressure (psia) at 40–100 °F. */
const TABLE_GASOLINE = [
  { rvp: 7, A: 11.833, B: 5500.6, psia: [2.3, 2.9, 3.5, 4.3, 5.2, 6.2, 7.4] },
  { rvp: 10, A: 11.724, B: 5237.3, psia: [3.4, 4.2, 5.2, 6.2, 7.4, 8.8, 10.5] },
  { rvp: 13, A: 11.644, B: 5043.6, psia: [4.7, 5.7, 6.9, 8.3, 9.9, 11.7, 13.8] },
];

/** AP-42 Table 7.1-2, distillate fuel oil No. 2: A, B (°R) and true vapour pressure (psia) at 40–100 °F. */
const TABLE_FUEL_OIL_2 = { A: 12.101, B: 8907, psia: [0.0031, 0.0045, 0.0074, 0.009, 0.012, 0.016, 0.022] };

/** GB 17930-2016 China VI gasoline, vapour-pressure maximum from November to April (the highest of the year). */
const CHINA_VI_WINTER_MAX_KPA = 85;

describe('AP-42 Eq. 1-25 against AP-42 Table 7.1-2 (gasoline, S = 3)', () => {
  it.each(TABLE_GASOLINE)('gives the printed A and B of RVP $rvp to their last printed digit', (row) => {
    const { A, B } = ap42Constants(row.rvp, 3);
    expect(Math.abs(A - row.A)).toBeLessThanOrEqual(0.0005);
    expect(Math.abs(B - row.B)).toBeLessThanOrEqual(0.05);
  });

  // The table is printed to 0.1 psia; the equation and the table are two AP-42 routes to the same TVP and differ
  // by up to 2.4 % (RVP 7 at 50 °F: 2.83 against 2.9), more than the printed precision.
  it.each(TABLE_GASOLINE)(
    'reproduces the true vapour pressures of RVP $rvp at 40–100 °F within 2.5 %',
    (row) => {
      const constants = ap42Constants(row.rvp, 3);
      TEMPERATURES_F.forEach((f, i) => {
        const printed = row.psia[i]!;
        expect(Math.abs(ap42Psia(constants, f) / printed - 1), `${f} °F`).toBeLessThan(0.025);
      });
    },
  );
});

describe('gasoline: AP-42 Eq. 1-25 at the China VI winter maximum RVP 85 kPa, S = 3', () => {
  const rvpPsi = (CHINA_VI_WINTER_MAX_KPA * 1000) / PSI;
  const constants = ap42Constants(rvpPsi, 3);

  it('stores a = log10(psi/Pa) + A/ln 10, b = B/(1.8·ln 10), c = 0 (to the 7 printed digits)', () => {
    const { a, b, c } = get('gasoline').antoine!;
    expect(a).toBeCloseTo(Math.log10(PSI) + constants.A / Math.LN10, 6);
    expect(b).toBeCloseTo(constants.B / (1.8 * Math.LN10), 3);
    expect(c).toBe(0);
  });

  it('lies between the Table 7.1-2 pressures of RVP 10 and RVP 13 at every tabulated temperature', () => {
    const [rvp10, rvp13] = [TABLE_GASOLINE[1]!, TABLE_GASOLINE[2]!];
    TEMPERATURES_F.forEach((f, i) => {
      const psia = libraryPa('gasoline', kelvinOfFahrenheit(f)) / PSI;
      expect(psia, `${f} °F`).toBeGreaterThan(rvp10.psia[i]!);
      expect(psia, `${f} °F`).toBeLessThan(rvp13.psia[i]!);
    });
  });

  it('is valid over the tabulated 40–100 °F', () => {
    const { tMin, tMax } = get('gasoline').antoine!;
    expect(tMin).toBeCloseTo(kelvinOfFahrenheit(40), 2);
    expect(tMax).toBeCloseTo(kelvinOfFahrenheit(100), 2);
  });

  it('has its normal boiling point where the correlation gives 101 325 Pa: T = B/(A − ln(1 atm/psi))', () => {
    const tb = get('gasoline').normalBoilingPoint!;
    expect(tb).toBeCloseTo(constants.B / (constants.A - Math.log(ATMOSPHERE / PSI)) / 1.8, 2);
    expect(Math.abs(libraryPa('gasoline', tb) / ATMOSPHERE - 1)).toBeLessThan(2e-4);
    // A bubble-point-like value of a volatile grade: above 30 °C, below the 40–200 °C boiling range's midpoint.
    expect(tb).toBeGreaterThan(303.15);
    expect(tb).toBeLessThan(393.15);
  });

  it('evaporates faster than the summer maximum (65 kPa) would: higher RVP, higher pressure at 20 °C', () => {
    const summer = ap42Constants((65 * 1000) / PSI, 3);
    expect(libraryPa('gasoline', 293.15) / PSI).toBeGreaterThan(ap42Psia(summer, 68));
  });
});

describe('diesel: AP-42 Table 7.1-2 distillate fuel oil No. 2', () => {
  it('stores the table constants A = 12.101, B = 8907 °R in the library form', () => {
    const { a, b, c } = get('diesel').antoine!;
    expect(a).toBeCloseTo(Math.log10(PSI) + TABLE_FUEL_OIL_2.A / Math.LN10, 6);
    expect(b).toBeCloseTo(TABLE_FUEL_OIL_2.B / (1.8 * Math.LN10), 3);
    expect(c).toBe(0);
  });

  // Printed to two significant figures (±1.6 % at 0.0031); the constants are a fit and miss 40 °F by 5.2 %.
  // The printed 60 °F value 0.0074 is off the constants (0.0065) and breaks the smooth series 0.0045 → 0.0090:
  // an apparent misprint, recorded in the row notes and excluded here.
  it('reproduces the tabulated pressures within 6 %, except the printed 60 °F value', () => {
    TEMPERATURES_F.forEach((f, i) => {
      const psia = libraryPa('diesel', kelvinOfFahrenheit(f)) / PSI;
      const deviation = Math.abs(psia / TABLE_FUEL_OIL_2.psia[i]! - 1);
      if (f === 60) expect(deviation).toBeGreaterThan(0.1);
      else expect(deviation, `${f} °F`).toBeLessThan(0.06);
    });
  });

  it('has its normal boiling point where the constants give 101 325 Pa, inside the 160–360 °C boiling range', () => {
    const tb = get('diesel').normalBoilingPoint!;
    expect(tb).toBeCloseTo(TABLE_FUEL_OIL_2.B / (TABLE_FUEL_OIL_2.A - Math.log(ATMOSPHERE / PSI)) / 1.8, 2);
    expect(Math.abs(libraryPa('diesel', tb) / ATMOSPHERE - 1)).toBeLessThan(2e-4);
    expect(tb).toBeGreaterThan(433.15);
    expect(tb).toBeLessThan(633.15);
  });

  it('uses the Table 7.1-2 vapour molecular weight 130 as its molar mass', () => {
    expect(get('diesel').molarMass).toBeCloseTo(0.13, 6);
  });
});

describe('sources of the petroleum correlations', () => {
  it('defines the keys AP42 (AP-42 ch. 7.1) and GB17930', () => {
    expect(library.sourceKeys.get('AP42')?.source).toMatch(/AP-42.*7\.1.*Eq\. 1-25.*Table 7\.1-2/);
    expect(library.sourceKeys.get('GB17930')?.source).toContain('GB 17930-2016');
  });

  it('cites AP42 for every value derived from it', () => {
    for (const [id, properties] of [
      ['gasoline', ['antoine', 'normalBoilingPoint']],
      ['diesel', ['antoine', 'normalBoilingPoint', 'molarMass']],
    ] as const) {
      for (const p of properties) expect(get(id).valueSources[p]?.keys, `${id}.${p}`).toContain('AP42');
      expect(get(id).sources, id).toContain('AP42');
    }
    expect(get('gasoline').valueSources.antoine?.keys).toContain('GB17930');
  });
});
