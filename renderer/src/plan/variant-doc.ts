/**
 * The project document of a plan variant: a measure of one installation, and the other non-compliant
 * installations' chosen measures (`plan.combined.changes`), made to the document the user wrote — every other
 * field (unit strings included) kept as typed. The same edits as core/plan applyChanges and as the files of
 * `safedist plan --out` (cli/plan.ts applyChangesToJson, which the renderer may not import): quantities written
 * are SI numbers (kg, Pa absolute, K, m), which the project format reads as such.
 */
import type { Change, Measure, ProjectPlan } from '../../../core/plan/index.ts';
import type { EquipmentDoc, InstallationDoc, ProjectDoc } from '../project-state/document.ts';

function withEquipment(
  inst: InstallationDoc,
  e: number,
  edit: (eq: EquipmentDoc) => EquipmentDoc,
): InstallationDoc {
  return { ...inst, equipment: (inst.equipment ?? []).map((eq, k) => (k === e ? edit(eq) : eq)) };
}

function applyOne(inst: InstallationDoc, c: Exclude<Change, { kind: 'remove' }>): InstallationDoc {
  switch (c.kind) {
    case 'inventory':
    case 'pressure':
    case 'temperature':
      return { ...inst, [c.kind]: c.to };
    case 'detection-isolation':
      return { ...inst, detection: c.to.detection, isolation: c.to.isolation };
    case 'bund':
      return withEquipment(inst, c.equipment, (eq) => ({
        ...eq,
        bund: { area: c.to.area, height: c.to.height },
      }));
    case 'containment':
      return withEquipment(inst, c.equipment, (eq) => ({ ...eq, containment: c.to }));
    case 'canned-pump':
      return withEquipment(inst, c.equipment, (eq) => ({ ...eq, canned: true }));
    case 'pipe-length':
      return withEquipment(inst, c.equipment, (eq) => ({ ...eq, length: c.to }));
    case 'move':
      // The outline is a list of numbers (m) in the document; it moves with the position.
      return {
        ...inst,
        position: { x: c.to[0], y: c.to[1] },
        ...(inst.outline
          ? { outline: inst.outline.map(([x, y]) => [x + c.dx, y + c.dy] as [number, number]) }
          : {}),
      };
  }
}

/** The document with `changes` made to the installation of id `id` (deleted by a `remove` change). */
export function applyChangesToDoc(doc: ProjectDoc, id: string, changes: readonly Change[]): ProjectDoc {
  const index = doc.installations.findIndex((i) => i.id === id);
  if (index < 0) throw new RangeError(`installations: no installation '${id}' in the project`);
  if (changes.some((c) => c.kind === 'remove'))
    return { ...doc, installations: doc.installations.filter((_, k) => k !== index) };
  const changed = changes.reduce(
    (inst, c) => applyOne(inst, c as Exclude<Change, { kind: 'remove' }>),
    doc.installations[index]!,
  );
  return { ...doc, installations: doc.installations.map((x, k) => (k === index ? changed : x)) };
}

/**
 * The variant document for `measure` of installation `installationId`, as core/plan variantProject builds the
 * engine's project: that measure, and the other non-compliant installations' chosen measures; named `name`.
 */
export function variantDoc(
  doc: ProjectDoc,
  plan: ProjectPlan,
  installationId: string,
  measure: Measure,
  name: string,
): ProjectDoc {
  const changes = { ...plan.combined.changes, [installationId]: measure.changes };
  const edited = Object.entries(changes).reduce(
    (d, [id, c]) => (d.installations.some((i) => i.id === id) ? applyChangesToDoc(d, id, c) : d),
    doc,
  );
  return { ...edited, name };
}
