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

/** A field of an installation in the project JSON that a change writes, with its value (SI numbers). */
export interface ChangedField {
  /** Path below the installation object, e.g. ['equipment', 2, 'bund']. */
  path: readonly (string | number)[];
  value: unknown;
}

/**
 * The fields of the project JSON (spec/project-format.md) that a change writes, so that a variant can be
 * written into the document the user typed with every other field kept: `safedist plan --out` (cli/plan.ts)
 * and the app's plan panel (renderer/src/plan) both write these. A move writes the position; the caller
 * shifts an outline by (dx, dy) in the form its document keeps it. `remove` writes no field.
 */
export function changedFields(c: Change): ChangedField[] {
  switch (c.kind) {
    case 'inventory':
    case 'pressure':
    case 'temperature':
      return [{ path: [c.kind], value: c.to }];
    case 'detection-isolation':
      return [
        { path: ['detection'], value: c.to.detection },
        { path: ['isolation'], value: c.to.isolation },
      ];
    case 'bund':
      return [{ path: ['equipment', c.equipment, 'bund'], value: { area: c.to.area, height: c.to.height } }];
    case 'containment':
      return [{ path: ['equipment', c.equipment, 'containment'], value: c.to }];
    case 'canned-pump':
      return [{ path: ['equipment', c.equipment, 'canned'], value: true }];
    case 'pipe-length':
      return [{ path: ['equipment', c.equipment, 'length'], value: c.to }];
    case 'move':
      return [{ path: ['position'], value: { x: c.to[0], y: c.to[1] } }];
    case 'remove':
      return [];
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
