import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../data/schema/quantity.ts';
import { dispersionModels } from './dispersion.ts';

/** Parses a JSON input as `safedist model <name>` does and runs the model. */
function runModel(name: string, json: object): Record<string, unknown> {
  const model = dispersionModels.find((m) => m.name === name);
  if (!model) throw new Error(`no model ${name}`);
  const parsed = model.input.safeParse(json);
  if (!parsed.success) throw new Error(formatIssue(parsed.error));
  return model.run(parsed.data) as Record<string, unknown>;
}
const num = (v: unknown) => v as number;
const rel = (a: unknown, b: number) => Math.abs(num(a) / b - 1);

describe('dispersion CLI adapters (spec/model-cli.md)', () => {
  it('lists the four contract names', () => {
    expect(dispersionModels.map((m) => m.name)).toEqual([
      'gaussian-plume',
      'gaussian-puff',
      'britter-mcquaid-plume',
      'britter-mcquaid-puff',
    ]);
  });

  it('gaussian-plume: CCPS99 p.97 inputs with unit strings [DSP-CCPS-PLUME]', () => {
    // validation/public-cases.md: σy 19.518 m, σz 6.9565 m, C 1.1722e-4 kg/m³; tolerance 0.1 %.
    const out = runModel('gaussian-plume', {
      releaseRate: '100 g/s',
      windSpeed: '2 m/s',
      x: '0.5 km',
      stability: 'F',
    });
    expect(rel(out.sigmaY, 19.518)).toBeLessThan(1e-3);
    expect(rel(out.sigmaZ, 6.9565)).toBeLessThan(1e-3);
    expect(rel(out.concentration, 1.1722e-4)).toBeLessThan(1e-3);
    expect(out.warnings).toEqual([]);
  });

  it('gaussian-plume: defaults are class D, rural, ground level, centreline', () => {
    const d = runModel('gaussian-plume', { releaseRate: 1, windSpeed: 3, x: 1000 });
    const explicit = runModel('gaussian-plume', {
      releaseRate: 1,
      windSpeed: 3,
      x: 1000,
      stability: 'D',
      terrain: 'rural',
      y: 0,
      z: 0,
      releaseHeight: 0,
    });
    expect(d).toEqual(explicit);
  });

  it('gaussian-plume: σ overrides replace the Briggs values (Q/(π·u·σy·σz) at ground level)', () => {
    const out = runModel('gaussian-plume', { releaseRate: 2, windSpeed: 4, x: 50, sigmaY: 10, sigmaZ: 5 });
    expect(num(out.concentration)).toBeCloseTo(2 / (Math.PI * 4 * 10 * 5), 15);
    expect(out.sigmaSource).toEqual({ y: 'input', z: 'input' });
    expect(out.warnings).toEqual([]);
  });

  it('gaussian-plume: flags x below the 100 m validity of the Briggs fits', () => {
    const out = runModel('gaussian-plume', { releaseRate: 1, windSpeed: 3, x: 50 });
    expect((out.warnings as string[])[0]).toMatch(/100 m/);
  });

  it('gaussian-plume: rejects stability "G", naming the field and the valid classes', () => {
    expect(() =>
      runModel('gaussian-plume', { releaseRate: 1, windSpeed: 3, x: 100, stability: 'G' }),
    ).toThrow(/field 'stability'.*A, B, C, D, E or F/);
    expect(() =>
      runModel('gaussian-plume', { releaseRate: 1, windSpeed: 3, x: 100, terrain: 'desert' }),
    ).toThrow(/field 'terrain'/);
    expect(() => runModel('gaussian-plume', { releaseRate: 1, windSpeed: 3 })).toThrow(
      /field 'x' is required/,
    );
    expect(() => runModel('gaussian-plume', { releaseRate: 1, windSpeed: 3, x: 100, height: 2 })).toThrow(
      /unknown field 'height'/,
    );
  });

  it('gaussian-puff: CCPS99 p.101, 1 kg, F, 2 m/s, 500 m at 250 s [DSP-CCPS-PUFF]', () => {
    // validation/public-cases.md: σy 5.04793, σz 2.21484 m, C 2.25005e-3 kg/m³; tolerance 1e-4 relative.
    const out = runModel('gaussian-puff', { mass: 1, windSpeed: 2, x: 500, t: '250 s', stability: 'F' });
    expect(rel(out.sigmaX, 5.04793)).toBeLessThan(1e-4);
    expect(rel(out.sigmaY, 5.04793)).toBeLessThan(1e-4);
    expect(rel(out.sigmaZ, 2.21484)).toBeLessThan(1e-4);
    expect(rel(out.concentration, 2.25005e-3)).toBeLessThan(1e-4);
    expect(() => runModel('gaussian-puff', { mass: 1, windSpeed: 2, x: 500, t: 0 })).toThrow(/field 't'/);
  });

  it('britter-mcquaid-plume: CCPS99 p.122 LNG example with temperature correction [DG-BMQ-PLUME]', () => {
    // validation/public-cases.md case_a: D 2.25889 m, α −0.41709, Cm/C0(367 m) 0.0507177, 5 % at 371.4 m; 0.5 %.
    const out = runModel('britter-mcquaid-plume', {
      volumeRate: (0.23 * 425.6) / 1.76,
      sourceDensity: 1.76,
      ambientDensity: 1.18431,
      windSpeed: 10.9,
      x: 367,
      targetConcentration: '5 %',
      sourceTemperature: 111.15,
      ambientTemperature: '24.85 degC',
    });
    expect(rel(out.sourceDimension, 2.25889)).toBeLessThan(5e-3);
    expect(rel(out.alpha, -0.41709)).toBeLessThan(5e-3);
    expect(rel(out.concentrationRatio, 0.0507177)).toBeLessThan(5e-3);
    expect(rel(out.distanceToTarget, 371.4)).toBeLessThan(5e-3);
    expect(out.warnings).toEqual([]);
  });

  it('britter-mcquaid-plume: x and target are optional; a far target is flagged as extrapolated', () => {
    const base = { volumeRate: 55.6, sourceDensity: 1.76, ambientDensity: 1.18431, windSpeed: 10.9 };
    const bare = runModel('britter-mcquaid-plume', base);
    expect(bare.concentrationRatio).toBeUndefined();
    expect(bare.distanceToTarget).toBeUndefined();
    const far = runModel('britter-mcquaid-plume', { ...base, targetConcentration: 1e-4 });
    expect((far.warnings as string[]).join()).toMatch(/extrapolation/);
  });

  it('britter-mcquaid-plume: errors name the field', () => {
    const base = { volumeRate: 55.6, sourceDensity: 1.76, ambientDensity: 1.18431, windSpeed: 10.9 };
    expect(() => runModel('britter-mcquaid-plume', { ...base, sourceDensity: 1.0 })).toThrow(
      /field 'sourceDensity'/,
    );
    expect(() => runModel('britter-mcquaid-plume', { ...base, sourceTemperature: 111 })).toThrow(
      /field 'ambientTemperature'/,
    );
    expect(() => runModel('britter-mcquaid-plume', { ...base, targetConcentration: 1.5 })).toThrow(
      /field 'targetConcentration'/,
    );
  });

  it('britter-mcquaid-puff: concentration = initialConcentration × Cm/C0; near field 3.24/(3.24 + s²)', () => {
    const input = { initialVolume: 1000, cloudDensity: 2.5, ambientDensity: 1.2, windSpeed: 3, x: 10 };
    const out = runModel('britter-mcquaid-puff', input);
    expect(num(out.concentrationRatio)).toBeCloseTo(3.24 / 4.24, 12);
    expect(out.concentration).toBe(out.concentrationRatio);
    const scaled = runModel('britter-mcquaid-puff', { ...input, initialConcentration: 0.5 });
    expect(num(scaled.concentration)).toBeCloseTo(0.5 * num(out.concentrationRatio), 15);
    expect(() => runModel('britter-mcquaid-puff', { ...input, cloudDensity: 1 })).toThrow(
      /field 'cloudDensity'/,
    );
    expect(() => runModel('britter-mcquaid-puff', { ...input, x: undefined })).toThrow(
      /field 'x' is required/,
    );
  });
});
