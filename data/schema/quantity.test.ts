import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatIssue, quantity } from './quantity.ts';

const schema = z.strictObject({ holeDiameter: quantity('length', { gt: 0 }), stability: z.enum(['A', 'B']) });

function message(input: unknown): string {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a failure');
  return formatIssue(r.error);
}

describe('quantity schema', () => {
  it('converts unit strings to SI (1 inch = 0.0254 m exactly)', () => {
    expect(schema.parse({ holeDiameter: '1 inch', stability: 'A' }).holeDiameter).toBeCloseTo(0.0254, 12);
  });
  it('names the field and the valid range for an out-of-range value', () => {
    expect(message({ holeDiameter: -1, stability: 'A' })).toBe(
      "field 'holeDiameter': out of range: -1 m given, valid range > 0",
    );
  });
  it('names an unknown field', () => {
    expect(message({ holeDiameter: 1, stability: 'A', colour: 'red' })).toBe("unknown field 'colour'");
  });
  it('names a missing field', () => {
    expect(message({ stability: 'A' })).toMatch(/^field 'holeDiameter' is required/);
  });
  it('says a field of the wrong type is of the wrong type, not missing', () => {
    expect(message({ holeDiameter: 1, stability: 5 })).toBe(
      'field \'stability\': Invalid option: expected one of "A"|"B"',
    );
    const flags = z.strictObject({ canned: z.boolean() });
    const r = flags.safeParse({ canned: 'yes' });
    expect(r.success ? '' : formatIssue(r.error)).toBe("field 'canned': expected boolean, received string");
  });
  it('names the field for a wrong dimension', () => {
    expect(message({ holeDiameter: '3 bar', stability: 'A' })).toMatch(
      /^field 'holeDiameter': expected a number in m/,
    );
  });
});
