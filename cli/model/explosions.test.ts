import { describe, expect, it } from 'vitest';
import { kingeryBulmash } from '../../core/explosion/kingery-bulmash.ts';
import { UsageError, type CliIo } from '../io.ts';
import { modelCommand } from './command.ts';

/** A CliIo that serves `stdin` and records what the command prints. */
function fakeIo(stdin: string): CliIo & { out: string[] } {
  const out: string[] = [];
  return {
    out,
    stdout: (text) => void out.push(text),
    stderr: (text) => void out.push(text),
    readStdin: () => Promise.resolve(stdin),
    readFile: () => Promise.reject(new Error('no files in this test')),
  };
}

/** Runs `safedist model <name>` on a JSON object and returns the printed result. */
async function run(name: string, input: object): Promise<Record<string, number>> {
  const io = fakeIo(JSON.stringify(input));
  expect(await modelCommand([name], io)).toBe(0);
  return JSON.parse(io.out.join('')) as Record<string, number>;
}

/** The one-line usage error `safedist model <name>` gives (exit code 2). */
async function usageError(name: string, input: object): Promise<string> {
  const error: unknown = await modelCommand([name], fakeIo(JSON.stringify(input))).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  return (error as UsageError).message;
}

const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('safedist model multi-energy (spec/model-cli.md)', () => {
  it('takes a volume, defaults strength 7, P0 101325 Pa, c0 340 m/s and gives the contract outputs', async () => {
    const out = await run('multi-energy', { distance: '100 m', volume: '1000 m^3' });
    const length = Math.cbrt(3.5e9 / 101325);
    expect(out.energy).toBe(3.5e9);
    expect(rel(out.scaledDistance!, 100 / length)).toBeLessThan(1e-12);
    // MSB B06-105 Tabell 4.2/4.3, strength 7: P' = 0.47·r'^-1.46 for 0.96 < r' ≤ 3.21, t' = 0.32·r'^0.15.
    const r = 100 / length;
    expect(r > 0.96 && r <= 3.21).toBe(true);
    expect(rel(out.overpressure!, 0.47 * r ** -1.46 * 101325)).toBeLessThan(1e-12);
    expect(rel(out.duration!, (0.32 * r ** 0.15 * length) / 340)).toBeLessThan(1e-12);
    expect(rel(out.impulse!, (out.overpressure! * out.duration!) / 2)).toBeLessThan(1e-12);
  });

  it('takes an energy with units, a strength and ambient conditions', async () => {
    const out = await run('multi-energy', {
      distance: 30,
      energy: '350 MJ',
      strength: 4,
      ambientPressure: '0.9 bar',
      soundSpeed: '330 m/s',
    });
    const length = Math.cbrt(3.5e8 / 90000);
    expect(rel(out.scaledDistance!, 30 / length)).toBeLessThan(1e-12);
    expect(rel(out.overpressure!, 0.064 * (30 / length) ** -0.97 * 90000)).toBeLessThan(1e-12);
    expect(rel(out.duration!, (1.3 * length) / 330)).toBeLessThan(1e-12);
  });

  it('names the field and the valid range on bad input', async () => {
    expect(await usageError('multi-energy', { distance: 100, volume: 1000, strength: 11 })).toMatch(
      /field 'strength'.*integer 1–10/,
    );
    expect(await usageError('multi-energy', { distance: 100, volume: 1000, strength: 6.5 })).toMatch(
      /field 'strength'/,
    );
    expect(await usageError('multi-energy', { distance: 100 })).toMatch(/field 'energy' is required.*volume/);
    expect(await usageError('multi-energy', { distance: 100, energy: 1e9, volume: 10 })).toMatch(
      /field 'energy'.*not both/,
    );
    expect(await usageError('multi-energy', { distance: 1, energy: '1 GJ' })).toMatch(
      /field 'distance'.*valid range .* 2\.145–\d+ m/,
    );
    expect(await usageError('multi-energy', { distance: -5, volume: 10 })).toMatch(/field 'distance'.*> 0/);
    expect(await usageError('multi-energy', { distance: 50, volume: 10, soundSpeed: 0 })).toMatch(
      /'soundSpeed'/,
    );
    expect(await usageError('multi-energy', { distance: 50, volume: 10, colour: 'red' })).toMatch(
      /unknown field 'colour'/,
    );
  });
});

describe('safedist model tnt-equivalent and blast-tnt', () => {
  it('tnt-equivalent: W = η·M·ΔHc/E_TNT with the defaults 0.03 and 4.68 MJ/kg [EXP-TNT-MASS]', async () => {
    const out = await run('tnt-equivalent', { mass: '1000 kg', heatOfCombustion: '46.33 MJ/kg' });
    expect(rel(out.tntMass!, (0.03 * 1000 * 46.33e6) / 4.68e6)).toBeLessThan(1e-12);
  });

  it('blast-tnt: reproduces the Kingery-Bulmash table for 1000 kg at Z = 3 within 1 % [EXP-KB]', async () => {
    const out = await run('blast-tnt', { tntMass: '1 t', distance: '30 m' });
    expect(rel(out.overpressure!, 115.7e3)).toBeLessThan(0.01);
    expect(out.overpressure).toBe(kingeryBulmash(3).overpressure);
  });

  it('names the field on bad input', async () => {
    expect(await usageError('tnt-equivalent', { mass: 1000 })).toMatch(
      /field 'heatOfCombustion' is required/,
    );
    expect(await usageError('tnt-equivalent', { mass: 1000, heatOfCombustion: 4.6e7, yield: 1.5 })).toMatch(
      /field 'yield'.*valid range/,
    );
    expect(await usageError('tnt-equivalent', { mass: '-3 kg', heatOfCombustion: 4.6e7 })).toMatch(
      /field 'mass'.*> 0/,
    );
    expect(await usageError('blast-tnt', { tntMass: 1000, distance: 1 })).toMatch(
      /field 'distance'.*Kingery-Bulmash.*valid range/,
    );
    expect(await usageError('blast-tnt', { tntMass: 1000, distance: 50, curve: 'brode' })).toMatch(
      /field 'curve'/,
    );
    expect(await usageError('blast-tnt', { tntMass: 0, distance: 50 })).toMatch(/field 'tntMass'/);
  });
});
