import type { Equipment, Installation, Point, Project } from '../project/types.ts';
import type { Containment, SystemGrade } from '../rules/types.ts';
import { si, type Kelvin, type Kilograms, type Metres, type Pascals } from '../units/index.ts';

/** One edit of an installation that a measure makes; quantities SI (kg, Pa absolute, K, m). */
export type Change =
  | { kind: 'inventory'; from: Kilograms; to: Kilograms }
  | { kind: 'pressure'; from: Pascals; to: Pascals }
  | { kind: 'temperature'; from: Kelvin; to: Kelvin }
  | {
      kind: 'detection-isolation';
      /** Why: the best grades (A/A), or a gas detector with an automatic shut-off (B/A, API 581 Table 4.5). */
      purpose: 'best-grades' | 'gas-detector-shutoff';
      from: { detection?: SystemGrade; isolation?: SystemGrade };
      to: { detection: SystemGrade; isolation: SystemGrade };
    }
  | {
      kind: 'bund';
      equipment: number;
      label: string;
      from?: { area: number; height: number };
      to: { area: number; height: number };
    }
  | { kind: 'containment'; equipment: number; label: string; from: Containment; to: Containment }
  | { kind: 'canned-pump'; equipment: number; label: string }
  | { kind: 'pipe-length'; equipment: number; label: string; from: Metres; to: Metres }
  | { kind: 'move'; dx: number; dy: number; to: Point }
  | { kind: 'remove' };

/** The label of the e-th equipment item (0-based): its id, or `E<n>` as the LOC scenario ids name it. */
export function equipmentLabel(inst: Installation, e: number): string {
  return inst.equipment[e]?.id ?? `E${e + 1}`;
}

function withEquipment(inst: Installation, e: number, edit: (eq: Equipment) => Equipment): Installation {
  return { ...inst, equipment: inst.equipment.map((eq, k) => (k === e ? edit(eq) : eq)) };
}

function applyOne(inst: Installation, c: Exclude<Change, { kind: 'remove' }>): Installation {
  switch (c.kind) {
    case 'inventory':
      return { ...inst, inventory: c.to };
    case 'pressure':
      return { ...inst, pressure: c.to };
    case 'temperature':
      return { ...inst, temperature: c.to };
    case 'detection-isolation':
      return { ...inst, detection: c.to.detection, isolation: c.to.isolation };
    case 'bund':
      return withEquipment(inst, c.equipment, (eq) =>
        eq.type === 'atmospheric-tank'
          ? { ...eq, bund: { area: si.squareMetres(c.to.area), height: si.metres(c.to.height) } }
          : eq,
      );
    case 'containment':
      return withEquipment(inst, c.equipment, (eq) =>
        eq.type === 'atmospheric-tank' ? { ...eq, containment: c.to } : eq,
      );
    case 'canned-pump':
      return withEquipment(inst, c.equipment, (eq) => (eq.type === 'pump' ? { ...eq, canned: true } : eq));
    case 'pipe-length':
      return withEquipment(inst, c.equipment, (eq) => (eq.type === 'pipe' ? { ...eq, length: c.to } : eq));
    case 'move': {
      const shift = (p: Point): Point => [si.metres(p[0] + c.dx), si.metres(p[1] + c.dy)];
      return {
        ...inst,
        position: shift(inst.position),
        ...(inst.outline ? { outline: inst.outline.map(shift) } : {}),
      };
    }
  }
}

/**
 * The project with `changes` made to installation `index` (removed by a `remove` change); every other
 * installation keeps its object, so the variant differs from the project only where the measure says.
 */
export function applyChanges(project: Project, index: number, changes: readonly Change[]): Project {
  const inst = project.installations[index];
  if (!inst) throw new RangeError(`installation index ${index}: no such installation`);
  if (changes.some((c) => c.kind === 'remove'))
    return { ...project, installations: project.installations.filter((_, k) => k !== index) };
  const changed = changes.reduce((acc, c) => applyOne(acc, c as Exclude<Change, { kind: 'remove' }>), inst);
  return { ...project, installations: project.installations.map((x, k) => (k === index ? changed : x)) };
}
