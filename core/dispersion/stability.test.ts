import { describe, expect, it } from 'vitest';
import { si } from '../units/index.ts';
import { isStabilityClass, pasquillStability, stabilityIndex } from './stability.ts';

describe('stability classes (spec/models.md §3.4)', () => {
  it('accepts A–F only, and names the field in the error', () => {
    expect(isStabilityClass('D')).toBe(true);
    expect(isStabilityClass('G')).toBe(false);
    expect(isStabilityClass('d')).toBe(false);
    expect(stabilityIndex('F')).toBe(5);
    expect(() => stabilityIndex('G', 'weather.stability')).toThrow(/weather\.stability.*A–F/);
  });

  it('reads the Pasquill/Turner table: day classes by wind and insolation', () => {
    expect(pasquillStability(si.metresPerSecond(1.5), 'strong')).toEqual(['A']);
    expect(pasquillStability(si.metresPerSecond(1.5), 'moderate')).toEqual(['A', 'B']);
    expect(pasquillStability(si.metresPerSecond(2.5), 'slight')).toEqual(['C']);
    expect(pasquillStability(si.metresPerSecond(4), 'moderate')).toEqual(['B', 'C']);
    expect(pasquillStability(si.metresPerSecond(5.5), 'moderate')).toEqual(['C', 'D']);
    expect(pasquillStability(si.metresPerSecond(8), 'strong')).toEqual(['C']);
  });

  it('reads the night columns: clear calm nights are F, windy nights neutral', () => {
    expect(pasquillStability(si.metresPerSecond(1), 'night-clear')).toEqual(['F']);
    expect(pasquillStability(si.metresPerSecond(2), 'night-overcast')).toEqual(['E']);
    expect(pasquillStability(si.metresPerSecond(3), 'night-clear')).toEqual(['E']);
    expect(pasquillStability(si.metresPerSecond(6), 'night-clear')).toEqual(['D']);
    expect(pasquillStability(si.metresPerSecond(10), 'night-overcast')).toEqual(['D']);
  });

  it('rejects a negative wind speed', () => {
    expect(() => pasquillStability(si.metresPerSecond(-1), 'strong')).toThrow(/windSpeed10/);
  });
});
