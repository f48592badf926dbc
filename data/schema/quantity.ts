import { z } from 'zod';
import {
  describeDimension,
  parseQuantity,
  QuantityError,
  type Dimension,
  type SiTypeOf,
} from '../../core/units/parse.ts';

/** Bounds on a quantity's SI value; `min`/`max` inclusive, `gt`/`lt` exclusive. */
export interface QuantityBounds {
  min?: number;
  max?: number;
  gt?: number;
  lt?: number;
}

function describeBounds(b: QuantityBounds): string {
  const parts: string[] = [];
  if (b.gt !== undefined) parts.push(`> ${b.gt}`);
  if (b.min !== undefined) parts.push(`≥ ${b.min}`);
  if (b.lt !== undefined) parts.push(`< ${b.lt}`);
  if (b.max !== undefined) parts.push(`≤ ${b.max}`);
  return parts.join(' and ');
}

/**
 * A zod schema for a quantity: an SI number or a unit string (parsed with mathjs), converted to SI,
 * branded with its unit type (core/units) and checked against bounds. Errors name what was expected and
 * the valid range; zod adds the field path.
 * @param dimension physical dimension (DIMENSIONS in core/units/parse.ts)
 * @param bounds valid range of the SI value
 */
export function quantity<D extends Dimension>(
  dimension: D,
  bounds: QuantityBounds = {},
): z.ZodType<SiTypeOf[D], number | string> {
  const range = describeBounds(bounds);
  const schema = z
    .union([z.number(), z.string()], {
      error: (iss) => `${iss.input === undefined ? REQUIRED : ''}expected ${describeDimension(dimension)}`,
    })
    .transform((input, ctx) => {
      let value: number;
      try {
        value = parseQuantity(input, dimension);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: e instanceof QuantityError ? e.message : String(e) });
        return z.NEVER;
      }
      const out =
        (bounds.min !== undefined && value < bounds.min) ||
        (bounds.max !== undefined && value > bounds.max) ||
        (bounds.gt !== undefined && value <= bounds.gt) ||
        (bounds.lt !== undefined && value >= bounds.lt);
      if (out) {
        ctx.addIssue({
          code: 'custom',
          message: `out of range: ${value} ${unitLabel(dimension)} given, valid range ${range}`,
        });
        return z.NEVER;
      }
      return value;
    });
  // The value is the SI number; the brand records in the type system which unit it is in.
  return schema as unknown as z.ZodType<SiTypeOf[D], number | string>;
}

function unitLabel(dimension: Dimension): string {
  return dimension === 'dimensionless' ? '' : (describeDimension(dimension).split(' ')[3] ?? '');
}

const REQUIRED = 'required: ';

/** zod 4 keeps the offending input on an issue only with `reportInput`; its message says "received undefined". */
function isMissing(issue: z.core.$ZodIssue): boolean {
  return (
    issue.code === 'invalid_type' &&
    ('input' in issue ? issue.input === undefined : /received undefined$/.test(issue.message))
  );
}

/** Formats the first zod issue as one line: `field 'a.b': message`. */
export function formatIssue(error: z.ZodError, prefix = ''): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => [path, k].filter(Boolean).join('.'));
    return `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `'${k}'`).join(', ')}`;
  }
  if (issue.message.startsWith(REQUIRED) || isMissing(issue)) {
    return `field '${path}' is required: ${issue.message.replace(REQUIRED, '').replace(/^Invalid input: /, '')}`;
  }
  return path ? `field '${path}': ${issue.message.replace(/^Invalid input: /, '')}` : issue.message;
}
