import { describe, expect, it } from 'vitest';
import { si } from '../units/index.ts';
import {
  ellipticLflEnvelope,
  flashFireLethality,
  flashFireLethalityAt,
  flashFireLethalityProfile,
  lflEnvelope,
  lflEnvelopeArea,
  lflHalfWidthAt,
} from './flash-fire.ts';

describe('flash fire: the LFL rule (Purple Book Fig. 5.3; AQ/T 3046 §10.4.1)', () => {
  it('is 1 at or above the LFL and 0 below', () => {
    expect(flashFireLethality(0.021, 0.021)).toBe(1);
    expect(flashFireLethality(0.05, 0.021)).toBe(1);
    expect(flashFireLethality(0.0209, 0.021)).toBe(0);
    expect(() => flashFireLethality(0.01, 0)).toThrow(RangeError);
  });

  const envelope = lflEnvelope(Float64Array.from([-5, 0, 50, 100]), Float64Array.from([0, 8, 10, 0]));

  it('interpolates the half-width linearly between stations and is 0 outside', () => {
    expect(lflHalfWidthAt(envelope, 25)).toBeCloseTo(9, 12);
    expect(lflHalfWidthAt(envelope, 75)).toBeCloseTo(5, 12);
    expect(lflHalfWidthAt(envelope, 101)).toBe(0);
    expect(lflHalfWidthAt(envelope, -6)).toBe(0);
  });

  it('is lethal inside the envelope only, symmetric across the wind', () => {
    expect(flashFireLethalityAt(envelope, 25, 8.9)).toBe(1);
    expect(flashFireLethalityAt(envelope, 25, -8.9)).toBe(1);
    expect(flashFireLethalityAt(envelope, 25, 9.1)).toBe(0);
    expect(flashFireLethalityAt(envelope, 120, 0)).toBe(0);
  });

  it('gives the area of the piecewise-linear contour', () => {
    // Trapezoids of full width 2w: 5·8 + 50·18 + 50·10 = 1440 m².
    expect(lflEnvelopeArea(envelope)).toBeCloseTo(1440, 9);
  });

  it('an elliptical envelope has area close to π·a·b', () => {
    const e = ellipticLflEnvelope(si.metres(10), si.metres(90), si.metres(15), 401);
    expect(lflEnvelopeArea(e) / (Math.PI * 50 * 15)).toBeCloseTo(1, 3);
    expect(lflHalfWidthAt(e, 40)).toBeCloseTo(15, 6);
  });

  it('radial profile: 1 to the LFL distance downwind, 0 beyond; upwind only to the upwind extent', () => {
    const distances = Float64Array.from([1, 20, 99, 101]);
    const down = new Float64Array(4);
    const up = new Float64Array(4);
    flashFireLethalityProfile(envelope, 0, distances, down);
    flashFireLethalityProfile(envelope, Math.PI, distances, up);
    expect(Array.from(down)).toEqual([1, 1, 1, 0]);
    expect(Array.from(up)).toEqual([1, 0, 0, 0]);
  });

  it('rejects stations that do not increase', () => {
    expect(() => lflEnvelope(Float64Array.from([0, 0]), Float64Array.from([1, 1]))).toThrow(/increase/);
  });
});
