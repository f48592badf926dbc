import { describe, expect, it } from 'vitest';
import { labelWidth, nonOverlappingLabels } from './label-layout.ts';

describe('map labels', () => {
  it('estimates CJK characters at 1 em and Latin at 0.6 em', () => {
    expect(labelWidth('液氯', 10)).toBe(20);
    expect(labelWidth('CL-01', 10)).toBeCloseTo(30, 12);
  });

  it('keeps the first of two labels that would overlap and every label that stands clear', () => {
    const at = (id: string, x: number, y: number) => ({ id, x, y, text: '液氯储罐', fontSize: 12 });
    // Each label is 48 px × 15 px; B starts 20 px right of A on the same line, C is 40 px below A.
    const kept = nonOverlappingLabels([at('A', 0, 100), at('B', 20, 100), at('C', 0, 140)]);
    expect([...kept]).toEqual(['A', 'C']);
  });

  it('leaves out a label that would cover a reserved one (the name of a protection target)', () => {
    const target = { id: 'S1', x: 0, y: 100, text: '镇中心小学', fontSize: 12 };
    const tank = { id: 'T1', x: 30, y: 105, text: 'T1', fontSize: 12 };
    const clear = { id: 'T2', x: 0, y: 160, text: 'T2', fontSize: 12 };
    expect([...nonOverlappingLabels([tank, clear], [target])]).toEqual(['T2']);
  });
});
