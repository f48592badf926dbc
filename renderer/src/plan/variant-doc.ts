/**
 * The project document of a plan variant: a measure of one installation, and the other non-compliant
 * installations' chosen measures (`plan.combined.changes`), made to the document the user wrote — every other
 * field (unit strings included) kept as typed. The fields written are core/plan changedFields, as in the
 * files of `safedist plan --out`: quantities are SI numbers (kg, Pa absolute, K, m), which the project format
 * reads as such.
 */
import { changedFields, type Change, type Measure, type ProjectPlan } from '../../../core/plan/index.ts';
import type { InstallationDoc, ProjectDoc } from '../project-state/document.ts';
import { setIn } from '../project-state/paths.ts';

function applyOne(inst: InstallationDoc, c: Exclude<Change, { kind: 'remove' }>): InstallationDoc {
  const edited = changedFields(c).reduce((acc, f) => setIn(acc, f.path, f.value), inst);
  // The outline is a list of numbers (m) in the document; it moves with the position.
  return c.kind === 'move' && edited.outline
    ? { ...edited, outline: edited.outline.map(([x, y]) => [x + c.dx, y + c.dy] as [number, number]) }
    : edited;
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
