import { describe, expect, it } from 'vitest';
import type { Change, Measure, ProjectPlan } from '../../../core/plan/index.ts';
import { si } from '../../../core/units/index.ts';
import type { ProjectDoc } from '../project-state/document.ts';
import { applyChangesToDoc, variantDoc } from './variant-doc.ts';

/**
 * A variant is written into the document the user wrote: the changed fields get the measure's SI numbers
 * (kg, Pa absolute, K, m — the project format reads plain numbers as SI), every other field keeps what the user
 * typed ("50 t", "7.3 bar"), as the files of `safedist plan --out` do (docs/plan.md "Variant projects").
 */
const DOC: ProjectDoc = {
  format: 'safedist-project',
  version: 1,
  name: 'Plant',
  installations: [
    {
      id: 'CL-01',
      name: 'chlorine',
      kind: 'storage',
      status: 'existing',
      position: { x: '-250 m', y: 100 },
      outline: [
        [-260, 90],
        [-240, 90],
        [-240, 110],
        [-260, 110],
      ],
      substance: 'chlorine',
      inventory: '50 t',
      temperature: '15 degC',
      pressure: '7.3 bar',
      phase: 'liquefied-gas',
      equipment: [
        { id: 'V-101', type: 'pressure-vessel', volume: '40 m^3', fill: 0.8 },
        { id: 'L-101', type: 'pipe', length: '80 m', diameter: '50 mm' },
        { id: 'P-101', type: 'pump', connectionDiameter: '50 mm', canned: false },
        {
          id: 'T-101',
          type: 'atmospheric-tank',
          volume: '5000 m^3',
          containment: 'single',
          bund: { area: '4000 m^2', height: '1.5 m' },
        },
      ],
      detection: 'C',
      isolation: 'B',
    },
    {
      id: 'NH3-01',
      name: 'ammonia',
      kind: 'storage',
      status: 'new',
      position: { x: 0, y: 0 },
      substance: 'ammonia',
      inventory: '45 t',
      temperature: '15 degC',
      pressure: '7.3 bar',
      phase: 'liquefied-gas',
    },
  ],
  targets: [],
};

const CL = DOC.installations[0]!;
const changed = (changes: Change[]) => applyChangesToDoc(DOC, 'CL-01', changes).installations[0]!;

describe('applyChangesToDoc', () => {
  it('inventory, pressure and temperature become SI numbers; the other quantities stay as typed', () => {
    const inst = changed([
      { kind: 'inventory', from: si.kilograms(50_000), to: si.kilograms(11_000) },
      { kind: 'pressure', from: si.pascals(7.3e5), to: si.pascals(4e5) },
      { kind: 'temperature', from: si.kelvin(288.15), to: si.kelvin(278.15) },
    ]);
    expect([inst.inventory, inst.pressure, inst.temperature]).toEqual([11_000, 4e5, 278.15]);
    expect(inst.equipment).toBe(CL.equipment);
    expect(inst.position).toBe(CL.position);
    expect(DOC.installations[0]!.inventory).toBe('50 t');
  });

  it('grades, bund, containment, canned pump and pipe length edit only their item', () => {
    const inst = changed([
      {
        kind: 'detection-isolation',
        purpose: 'gas-detector-shutoff',
        from: {},
        to: { detection: 'B', isolation: 'A' },
      },
      { kind: 'pipe-length', equipment: 1, label: 'L-101', from: si.metres(80), to: si.metres(24) },
      { kind: 'canned-pump', equipment: 2, label: 'P-101' },
      { kind: 'bund', equipment: 3, label: 'T-101', to: { area: 3100, height: 2.2 } },
      { kind: 'containment', equipment: 3, label: 'T-101', from: 'single', to: 'full' },
    ]);
    expect([inst.detection, inst.isolation]).toEqual(['B', 'A']);
    expect(inst.equipment).toEqual([
      CL.equipment![0],
      { id: 'L-101', type: 'pipe', length: 24, diameter: '50 mm' },
      { id: 'P-101', type: 'pump', connectionDiameter: '50 mm', canned: true },
      {
        id: 'T-101',
        type: 'atmospheric-tank',
        volume: '5000 m^3',
        containment: 'full',
        bund: { area: 3100, height: 2.2 },
      },
    ]);
    expect(inst.equipment![0]).toBe(CL.equipment![0]);
  });

  it('a move sets the position and shifts the outline by the same displacement', () => {
    const inst = changed([{ kind: 'move', dx: 210, dy: -95, to: [si.metres(-40), si.metres(5)] }]);
    expect(inst.position).toEqual({ x: -40, y: 5 });
    expect(inst.outline).toEqual([
      [-50, -5],
      [-30, -5],
      [-30, 15],
      [-50, 15],
    ]);
  });

  it('a removal deletes the installation and keeps the others', () => {
    const doc = applyChangesToDoc(DOC, 'CL-01', [{ kind: 'remove' }]);
    expect(doc.installations).toEqual([DOC.installations[1]]);
  });

  it('names the field when the installation is not in the document', () => {
    expect(() => applyChangesToDoc(DOC, 'X-9', [{ kind: 'remove' }])).toThrow(/installations: .*'X-9'/);
  });
});

describe('variantDoc', () => {
  const measure = (changes: Change[]): Measure => ({
    id: 'm',
    changes,
    text: { en: 'm', 'zh-CN': 'm' },
    check: { complies: true, margin: 1.2 },
    rank: [changes.length, 0, 0],
  });

  it("applies the selected measure over the installation's chosen one, keeps the others' chosen measures, and names the variant", () => {
    const plan: ProjectPlan = {
      verdict: 'non-compliant',
      installations: [],
      combined: {
        changes: {
          'CL-01': [{ kind: 'remove' }],
          'NH3-01': [{ kind: 'inventory', from: si.kilograms(45_000), to: si.kilograms(20_000) }],
        },
        verdict: 'compliant',
      },
    };
    const own: Change[] = [{ kind: 'inventory', from: si.kilograms(45_000), to: si.kilograms(30_000) }];
    const doc = variantDoc(DOC, plan, 'NH3-01', measure(own), 'Plant — plan');
    expect(doc.name).toBe('Plant — plan');
    expect(doc.installations.map((i) => [i.id, i.inventory])).toEqual([['NH3-01', 30_000]]);
    expect(DOC.name).toBe('Plant');
  });
});
