import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GAS_CONSTANT, type Kelvin } from '../../core/units/index.ts';
import {
  findSubstance,
  flammableLiquidClass,
  isValidCas,
  loadSubstanceLibrary,
  parseSubstanceLibrary,
  SubstanceLibraryError,
  type SubstanceLibraryFiles,
} from './library.ts';

const library = loadSubstanceLibrary();
const get = (id: string) => {
  const s = library.substances.find((x) => x.id === id);
  if (!s) throw new Error(`test setup: no substance '${id}'`);
  return s;
};

describe('built-in library: every row passes the schema', () => {
  it('loads 77 rows (the 74 shared rows and 3 Purple Book probit rows), at least 40', () => {
    expect(library.substances.length).toBeGreaterThanOrEqual(40);
    expect(library.substances.length).toBe(77);
  });

  it('has unique ids and unique CAS numbers apart from declared variants, which share their parent CAS', () => {
    const ids = library.substances.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const primaries = library.substances.filter((s) => s.variantOf === undefined);
    expect(new Set(primaries.map((s) => s.cas)).size).toBe(primaries.length);
    const variants = library.substances.filter((s) => s.variantOf !== undefined);
    expect(variants.map((s) => `${s.id}→${s.variantOf}`).sort()).toEqual([
      'ammonium-nitrate-sensitized→ammonium-nitrate',
      'lng→methane',
    ]);
    for (const v of variants) expect(v.cas).toBe(get(v.variantOf!).cas);
  });

  it('gives every value present a source whose keys are defined, and every CAS a valid check digit', () => {
    for (const s of library.substances) {
      expect(isValidCas(s.cas), s.id).toBe(true);
      for (const source of Object.values(s.valueSources)) {
        for (const key of source.keys) expect(library.sourceKeys.has(key), `${s.id}: ${key}`).toBe(true);
      }
    }
  });

  it('contains the substances the brief requires, LPG, natural gas, gasoline, hydrogen, ammonia and chlorine among them', () => {
    for (const id of ['lpg', 'methane', 'lng', 'gasoline', 'diesel', 'hydrogen', 'ammonia', 'chlorine']) {
      expect(findSubstance(id, library)?.id).toBe(id);
    }
  });

  it('marks mixtures and pseudo-components with their representative composition', () => {
    for (const id of ['lpg', 'gasoline', 'diesel', 'methane', 'lng'])
      expect(get(id).composition, id).toBeTruthy();
    expect(get('lpg').composition).toContain('50/50 mol propane/n-butane');
    expect(get('chlorine').composition).toBeUndefined();
  });
});

describe('published values (spot checks against spec/standards.md and validation/public-cases.md)', () => {
  // Purple Book CPR 18E Table 5.2, Pr = a + b·ln(Cⁿ·t), C in mg/m³, t in min: standards.md Part A §4.5 and,
  // for HCl, Part B §3.6 (the Purple Book value −37.3/3.69/1 replaces Part A's unsourced −6.7/1/1).
  const PURPLE_BOOK_PROBITS: [string, number, number, number][] = [
    ['ammonia', -15.6, 1, 2],
    ['chlorine', -6.35, 0.5, 2.75],
    ['hydrogen-sulfide', -11.5, 1, 1.9],
    ['hydrogen-cyanide', -9.8, 1, 2.4],
    ['hydrogen-fluoride', -8.4, 1, 1.5],
    ['hydrogen-chloride', -37.3, 3.69, 1],
    ['phosgene', -10.6, 2, 1],
    ['sulfur-dioxide', -19.2, 1, 2.4],
    ['carbon-monoxide', -7.4, 1, 1],
    ['acrylonitrile', -8.6, 1, 1.3],
    ['bromine', -12.4, 1, 2],
    ['nitrogen-dioxide', -18.6, 1, 3.7],
    ['ethylene-oxide', -6.8, 1, 1],
    ['acrolein', -4.1, 1, 1],
    ['methyl-bromide', -7.3, 1, 1.1],
    ['methyl-isocyanate', -1.2, 1, 0.7],
    ['phosphine', -6.8, 1, 2],
    ['allyl-alcohol', -11.7, 1, 2],
    ['tetraethyl-lead', -9.8, 1, 2],
    ['parathion', -6.6, 1, 2],
  ];

  it.each(PURPLE_BOOK_PROBITS)(
    '%s probit a, b, n = Purple Book Table 5.2 (standards.md A §4.5, B §3.6)',
    (id, a, b, n) => {
      expect(get(id).toxicProbit).toEqual({ a, b, n, units: 'mg/m3-min' });
      expect(get(id).valueSources.toxicProbit?.keys).toEqual(['PB52']);
    },
  );

  it('holds a probit for exactly the substances of that table', () => {
    const withProbit = library.substances.filter((s) => s.toxicProbit).map((s) => s.id);
    expect(withProbit.sort()).toEqual(PURPLE_BOOK_PROBITS.map(([id]) => id).sort());
  });

  // GB 18218-2018 Table 1 critical quantities Q in t, standards.md §5.4 (row number in brackets).
  const GB18218_TABLE1: [string, number, number][] = [
    ['ammonia', 1, 10],
    ['nitrogen-dioxide', 3, 1],
    ['sulfur-dioxide', 4, 20],
    ['fluorine', 5, 1],
    ['phosgene', 6, 0.3],
    ['ethylene-oxide', 7, 10],
    ['formaldehyde', 8, 5],
    ['phosphine', 9, 1],
    ['hydrogen-sulfide', 10, 5],
    ['hydrogen-chloride', 11, 20],
    ['chlorine', 12, 5],
    ['carbon-monoxide', 13, 20],
    ['arsine', 14, 1],
    ['methyl-bromide', 17, 10],
    ['acrolein', 19, 20],
    ['hydrogen-fluoride', 20, 1],
    ['epichlorohydrin', 21, 20],
    ['hydrogen-cyanide', 25, 1],
    ['sulfur-trioxide', 26, 75],
    ['bromine', 28, 20],
    ['methyl-isocyanate', 30, 0.75],
    ['tnt', 35, 5],
    ['ammonium-nitrate-sensitized', 43, 5],
    ['ammonium-nitrate', 44, 50],
    ['butadiene-1-3', 47, 5],
    ['dimethyl-ether', 48, 50],
    ['methane', 49, 50],
    ['vinyl-chloride', 50, 50],
    ['hydrogen', 51, 5],
    ['lpg', 52, 50],
    ['monomethylamine', 53, 5],
    ['acetylene', 54, 1],
    ['ethylene', 55, 50],
    ['oxygen', 56, 200],
    ['benzene', 57, 50],
    ['styrene', 58, 500],
    ['acetone', 59, 500],
    ['acrylonitrile', 60, 50],
    ['carbon-disulfide', 61, 50],
    ['cyclohexane', 62, 500],
    ['propylene-oxide', 63, 10],
    ['toluene', 64, 500],
    ['methanol', 65, 500],
    ['gasoline', 66, 200],
    ['ethanol', 67, 500],
    ['diethyl-ether', 68, 10],
    ['ethyl-acetate', 69, 500],
    ['n-hexane', 70, 500],
  ];

  it.each(GB18218_TABLE1)('%s: GB 18218 Table 1 row %i, Q = %s t (standards.md §5.4)', (id, row, qTonnes) => {
    const gb = get(id).gb18218;
    expect(gb?.table1Row).toBe(row);
    expect(gb?.criticalQuantity).toBeCloseTo(qTonnes * 1000, 9);
  });

  // GB 18218-2018 Table 2, standards.md §5.3: W2 flammable gas 10 t; W5.1 10 t; W5.3 1000 t; W5.4 5000 t.
  it.each([
    ['ethane', 'W2', 10],
    ['propylene', 'W2', 10],
    ['chloromethane', 'W2', 10],
    ['isoprene', 'W5.1', 10],
    ['acetaldehyde', 'W5.1', 10],
    ['n-heptane', 'W5.3', 1000],
    ['p-xylene', 'W5.4', 5000],
  ] as const)('%s: GB 18218 Table 2 category %s, Q = %s t (standards.md §5.3)', (id, category, qTonnes) => {
    expect(get(id).gb18218?.category).toBe(category);
    expect(get(id).gb18218?.criticalQuantity).toBeCloseTo(qTonnes * 1000, 9);
    expect(get(id).gb18218?.table1Row).toBeUndefined();
  });

  // YB (2005) Table 6.5, Babrauskas: quoted in spec/models.md §5.1 and case FIRE-BURN-BABRAUSKAS.
  it('carries the Babrauskas burning rates of FIRE-BURN-BABRAUSKAS (gasoline, LNG, benzene, methanol)', () => {
    expect(get('gasoline').poolBurningRate).toEqual({ maxBurningRate: 0.055, kBeta: 2.1 });
    expect(get('lng').poolBurningRate).toEqual({ maxBurningRate: 0.078, kBeta: 1.1 });
    expect(get('benzene').poolBurningRate).toEqual({ maxBurningRate: 0.085, kBeta: 2.7 });
    expect(get('methanol').poolBurningRate).toEqual({ maxBurningRate: 0.015, kBeta: undefined });
  });

  it('agrees with the heats of combustion used in EXP-TNT-MASS (H2 1.20e8 J/kg) and EXP-RMP-1PSI (propane 46 333 kJ/kg)', () => {
    // Case inputs from HyRAM and EPA RMP guidance; the library LHV is from ATcT Hf, so agreement to 0.1 % is a check.
    expect(Math.abs(get('hydrogen').heatOfCombustion! / 1.2e8 - 1)).toBeLessThan(1e-3);
    expect(Math.abs(get('propane').heatOfCombustion! / 46.333e6 - 1)).toBeLessThan(1e-3);
  });
});

describe('internal consistency (analytic checks)', () => {
  const IUPAC_2007: Record<string, number> = {
    H: 1.00794,
    C: 12.0107,
    N: 14.0067,
    O: 15.9994,
    S: 32.065,
    Cl: 35.453,
    F: 18.9984032,
    Br: 79.904,
    P: 30.973762,
    As: 74.9216,
    Pb: 207.2,
  };
  const formulaMass = (formula: string) =>
    [...formula.matchAll(/([A-Z][a-z]?)(\d*)/g)].reduce(
      (m, [, el, count]) => m + IUPAC_2007[el!]! * (count ? Number(count) : 1),
      0,
    ) / 1000;

  it('molar mass = formula × IUPAC 2007 atomic weights for every pure substance (1e-5)', () => {
    const pure = library.substances.filter((s) => /^([A-Z][a-z]?\d*)+$/.test(s.formula));
    expect(pure.length).toBeGreaterThan(60);
    for (const s of pure)
      expect(Math.abs(s.molarMass! / formulaMass(s.formula) - 1), s.id).toBeLessThan(1e-5);
  });

  it('γ = cp/(cp − R/M) for the ideal gas at 298.15 K (to the 4 printed digits)', () => {
    for (const s of library.substances.filter((x) => x.gamma !== undefined)) {
      const cv = s.gasHeatCapacity! - GAS_CONSTANT / s.molarMass!;
      expect(Math.abs(s.gasHeatCapacity! / cv - s.gamma!), s.id).toBeLessThan(1.5e-3);
    }
  });

  it('Antoine gives P(Tb) within 5 % of 101 325 Pa (sources file §2), except acetylene whose Tb sublimes', () => {
    for (const s of library.substances.filter(
      (x) => x.antoine && x.normalBoilingPoint && x.id !== 'acetylene',
    )) {
      const { a, b, c } = s.antoine!;
      const p = 10 ** (a - b / (s.normalBoilingPoint! + c));
      expect(Math.abs(p / 101325 - 1), s.id).toBeLessThan(0.05);
    }
  });

  it('orders the limits: LFL < UFL, Tb < Tc, Antoine Tmin < Tmax', () => {
    for (const s of library.substances) {
      if (s.lowerFlammabilityLimit !== undefined)
        expect(s.lowerFlammabilityLimit).toBeLessThan(s.upperFlammabilityLimit!);
      if (s.criticalTemperature !== undefined)
        expect(s.normalBoilingPoint!).toBeLessThan(s.criticalTemperature);
      if (s.antoine) expect(s.antoine.tMin).toBeLessThan(s.antoine.tMax);
    }
  });

  it('builds LPG as the 50/50 mol propane/n-butane mixture it says it is', () => {
    const [lpg, c3, c4] = [get('lpg'), get('propane'), get('n-butane')];
    expect(lpg.molarMass!).toBeCloseTo((c3.molarMass! + c4.molarMass!) / 2, 6);
    // Le Chatelier on the IEC limits: 1/LFL = Σ yᵢ/LFLᵢ.
    const leChatelier = 1 / (0.5 / c3.lowerFlammabilityLimit! + 0.5 / c4.lowerFlammabilityLimit!);
    expect(lpg.lowerFlammabilityLimit!).toBeCloseTo(leChatelier, 4);
    // The bubble point lies between the pure boiling points.
    expect(lpg.normalBoilingPoint!).toBeGreaterThan(c3.normalBoilingPoint!);
    expect(lpg.normalBoilingPoint!).toBeLessThan(c4.normalBoilingPoint!);
  });

  it('gives LNG the data of methane (LNG is modelled as pure methane)', () => {
    const physical = (id: string) => {
      const {
        id: _id,
        nameZh: _zh,
        nameEn: _en,
        aliases: _al,
        variantOf: _v,
        composition: _c,
        notes: _n,
        sources: _s,
        valueSources: _vs,
        ...rest
      } = get(id);
      return rest;
    };
    expect(physical('lng')).toEqual(physical('methane'));
  });

  it('states the liquid-density temperature: Tb for liquefied gases, 20 °C for liquids', () => {
    expect(get('chlorine').liquidDensityTemperature).toBe(get('chlorine').normalBoilingPoint);
    expect(get('benzene').liquidDensityTemperature).toBe(293.15);
    expect(get('gasoline').liquidDensityTemperature).toBeUndefined();
  });
});

describe('flammableLiquidClass (Purple Book K classes by flash point)', () => {
  it('puts the boundaries at 21, 55 and 100 °C', () => {
    expect(flammableLiquidClass(294.14 as Kelvin)).toBe('K1');
    expect(flammableLiquidClass(294.15 as Kelvin)).toBe('K2');
    expect(flammableLiquidClass(328.15 as Kelvin)).toBe('K2');
    expect(flammableLiquidClass(328.16 as Kelvin)).toBe('K3');
    expect(flammableLiquidClass(373.15 as Kelvin)).toBe('K3');
    expect(flammableLiquidClass(373.16 as Kelvin)).toBe('K4');
  });

  it('classes liquids only: gasoline K1, p-xylene K2, n-dodecane K3; propane (a gas) none', () => {
    expect(get('gasoline').flammableLiquidClass).toBe('K1');
    expect(get('p-xylene').flammableLiquidClass).toBe('K2');
    expect(get('n-dodecane').flammableLiquidClass).toBe('K3');
    expect(get('propane').flammableLiquidClass).toBeUndefined();
    expect(get('gasoline').valueSources.flammableLiquidClass?.keys).toContain('DERIVED');
  });
});

describe('findSubstance', () => {
  it.each([
    ['chlorine', 'chlorine'],
    ['氯', 'chlorine'],
    ['7782-50-5', 'chlorine'],
    ['CHLORINE', 'chlorine'],
    ['  Hydrogen Sulfide ', 'hydrogen-sulfide'],
    ['硫化氢', 'hydrogen-sulfide'],
    ['液化石油气', 'lpg'],
    ['ＬＰＧ', 'lpg'],
    ['天然气', 'methane'],
    ['液氯', 'chlorine'],
    ['汽油', 'gasoline'],
    ['74-82-8', 'methane'],
    ['lng', 'lng'],
    ['6484-52-2', 'ammonium-nitrate'],
  ])('finds %j → %s', (query, id) => {
    expect(findSubstance(query, library)?.id).toBe(id);
  });

  it('returns undefined for an unknown query', () => {
    expect(findSubstance('unobtainium', library)).toBeUndefined();
    expect(findSubstance('', library)).toBeUndefined();
  });

  it('validates CAS check digits (water 7732-18-5)', () => {
    expect(isValidCas('7732-18-5')).toBe(true);
    expect(isValidCas('7732-18-4')).toBe(false);
    expect(isValidCas('7732185')).toBe(false);
  });
});

describe('a malformed library file gives an error naming the file, line, row and field', () => {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const read = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
  const original: SubstanceLibraryFiles = {
    substances: { name: 'substances.csv', text: read('substances.csv') },
    valueSources: { name: 'value-sources.csv', text: read('value-sources.csv') },
    sourceKeys: { name: 'source-keys.csv', text: read('source-keys.csv') },
  };
  const withSubstances = (edit: (text: string) => string): SubstanceLibraryFiles => ({
    ...original,
    substances: { ...original.substances, text: edit(original.substances.text) },
  });
  const errorOf = (files: SubstanceLibraryFiles) => {
    try {
      parseSubstanceLibrary(files);
    } catch (e) {
      expect(e).toBeInstanceOf(SubstanceLibraryError);
      return (e as Error).message;
    }
    throw new Error('expected the library to be rejected');
  };

  it('parses the shipped files', () => {
    expect(parseSubstanceLibrary(original).substances.length).toBe(77);
  });

  it('rejects a number that is not one', () => {
    const msg = errorOf(withSubstances((t) => t.replace(',7.642e+06,', ',seven,')));
    expect(msg).toBe(
      "substances.csv line 2 (id 'chlorine'), field 'critical_pressure_Pa': expected a number in Pa, got 'seven'",
    );
  });

  it('rejects a value in the wrong unit (MPa for Pa) with the valid range', () => {
    const msg = errorOf(withSubstances((t) => t.replace(',7.642e+06,', ',7.642,')));
    expect(msg).toContain(
      "line 2 (id 'chlorine'), field 'critical_pressure_Pa': out of range: 7.642 Pa given",
    );
  });

  it('rejects an unknown hazard flag', () => {
    const msg = errorOf(withSubstances((t) => t.replace('toxic_gas|oxidizer', 'toxic_gas|oxidiser')));
    expect(msg).toContain("substances.csv line 2 (id 'chlorine'), field 'hazard_flags.1'");
  });

  it('rejects a CAS number with a wrong check digit', () => {
    const msg = errorOf(withSubstances((t) => t.replace('7782-50-5', '7782-50-4')));
    expect(msg).toContain("line 2 (id 'chlorine'), field 'cas': expected a CAS number");
  });

  it('rejects LFL above UFL', () => {
    const msg = errorOf(withSubstances((t) => t.replace(',0.15,0.336,', ',0.4,0.336,')));
    expect(msg).toBe(
      "substances.csv line 3 (id 'ammonia'), field 'ufl_vol_fraction': must be above lfl_vol_fraction",
    );
  });

  it('rejects a duplicate id', () => {
    const msg = errorOf(withSubstances((t) => t.replace('\nammonia,', '\nchlorine,')));
    expect(msg).toContain("line 3 (id 'chlorine'), field 'id': duplicate id");
  });

  it('rejects a row with a missing cell', () => {
    const msg = errorOf(withSubstances((t) => t.replace(',Cl2,', ',')));
    expect(msg).toMatch(/^substances\.csv line 2: \d+ cells, the header has \d+$/);
  });

  it('rejects an unclosed quote', () => {
    const msg = errorOf(withSubstances((t) => `${t}x,"unclosed\n`));
    expect(msg).toContain('quoted cell not closed');
  });

  it('rejects a value source with an undefined key', () => {
    const msg = errorOf({
      ...original,
      valueSources: {
        ...original.valueSources,
        text: original.valueSources.text.replace('chlorine,toxicProbit,PB52', 'chlorine,toxicProbit,PB99'),
      },
    });
    expect(msg).toMatch(
      /^value-sources\.csv line \d+ \(id 'chlorine'\), field 'sources': source key 'PB99' is not defined/,
    );
  });

  it('rejects a value without a source', () => {
    const msg = errorOf({
      ...original,
      valueSources: {
        ...original.valueSources,
        text: original.valueSources.text.replace(/\nchlorine,toxicProbit,[^\n]*/, ''),
      },
    });
    expect(msg).toBe(
      "substances.csv line 2 (id 'chlorine'): toxicProbit has a value but no source in value-sources.csv",
    );
  });
});
