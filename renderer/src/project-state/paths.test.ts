import { describe, expect, it } from 'vitest';
import { getIn, pathKey, setIn } from './paths.ts';

describe('immutable path updates', () => {
  const doc = { a: { b: [1, 2, 3], keep: { x: 1 } }, unknownField: 'kept' };

  it('writes a copy and leaves the original and untouched branches as they were', () => {
    const next = setIn(doc, ['a', 'b', 1], 20);
    expect(next.a.b).toEqual([1, 20, 3]);
    expect(doc.a.b).toEqual([1, 2, 3]);
    expect(next.a.keep).toBe(doc.a.keep);
    expect(next.unknownField).toBe('kept');
  });

  it('creates missing objects and arrays along the path', () => {
    expect(setIn({}, ['weather', 'windRose', 'probabilities', 0], 0.5)).toEqual({
      weather: { windRose: { probabilities: [0.5] } },
    });
  });

  it('removes a key or an array element when given undefined', () => {
    expect(setIn(doc, ['a', 'keep'], undefined).a).toEqual({ b: [1, 2, 3] });
    expect(setIn(doc, ['a', 'b', 0], undefined).a.b).toEqual([2, 3]);
  });

  it('reads through missing steps as undefined', () => {
    expect(getIn(doc, ['a', 'b', 2])).toBe(3);
    expect(getIn(doc, ['a', 'nope', 'deeper'])).toBeUndefined();
    expect(pathKey(['installations', 0, 'inventory'])).toBe('installations.0.inventory');
  });
});
