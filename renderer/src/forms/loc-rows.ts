/**
 * The loss-of-containment cases of one equipment item as the installation form lists them: each case the
 * rule set's catalogue gives the item, its catalogue frequency with source and confidence, the project's
 * override or "disabled" mark, and the case the engine will compute (locCasesForEquipment of core/qra/loc,
 * the same function the engine calls, so the list cannot disagree with the assessment).
 */
import { locCasesForEquipment, type LocCase, type LocRules } from '../../../core/qra/loc/index.ts';
import type { Equipment, Installation, LocCatalogueChoice } from '../../../core/project/types.ts';
import { HOLE_CLASS_IDS, type Confidence, type FrequencyBasis } from '../../../core/rules/types.ts';
import type { PerYear } from '../../../core/units/index.ts';
import { checkQuantity, type Issue, type QuantitySpec } from './quantity.ts';

/**
 * An override frequency, in the catalogue's basis (per year, per metre-year, per hour): a number ≥ 0, as the
 * project schema reads `frequencies` (data/project/schema.ts).
 */
// A plain number: the catalogue basis is per metre-year for pipes and per hour of use for loading arms,
// hoses and road tankers, so a unit such as "/h" cannot be converted to it (data/project/schema.ts refuses it).
export const OVERRIDE_FREQUENCY: QuantitySpec = { dimension: 'dimensionless', min: 0 };

/**
 * An equipment item as the document holds it; its `frequencies`, `disable` and `reason` are read
 * (spec/project-format.md "Equipment").
 */
export type LocOverridesDoc = Readonly<Record<string, unknown>>;

export interface LocRow {
  locId: string;
  /** The catalogue value the item draws, in its basis; null for hole-size classes (the project gives them). */
  catalogue: {
    frequency: number;
    basis: FrequencyBasis;
    source: string;
    confidence: Confidence;
    note?: string;
  } | null;
  /** The case as the catalogue gives it (description, release, hole); null for hole-size classes. */
  catalogueCase: LocCase | null;
  /** The override as typed, its value in the basis when readable, or why it cannot be read. */
  override: { text: unknown; value?: number; issue?: Issue } | null;
  disabled: boolean;
  /** The case the engine computes, with its frequency per year and origin; null when disabled or zero. */
  used: LocCase | null;
}

/**
 * One row per LOC the item can have: the catalogue's LOCs for the Purple Book choice, the four hole classes
 * (small, medium, large, rupture) for the hole-size catalogue.
 * @param installation the installation in SI without any LOC overrides (as prepared by data/)
 * @param equipmentIndex 0-based index into `installation.equipment`
 * @param item the item's override fields as typed in the document
 * @throws RangeError from locCasesForEquipment for an index out of range
 */
export function locRows(
  installation: Installation,
  equipmentIndex: number,
  rules: LocRules,
  choice: LocCatalogueChoice,
  item: LocOverridesDoc,
): LocRow[] {
  const equipment = installation.equipment[equipmentIndex];
  if (equipment === undefined) {
    throw new RangeError(
      `equipmentIndex ${equipmentIndex}: installation '${installation.id}' has ${installation.equipment.length} equipment item(s)`,
    );
  }
  const plain: Equipment = { ...equipment, frequencies: {}, disabled: [] };
  const base =
    choice === 'purple-book'
      ? locCasesForEquipment(withItem(installation, equipmentIndex, plain), equipmentIndex, rules, choice)
      : [];
  const ids = choice === 'purple-book' ? base.map((c) => c.locId) : [...HOLE_CLASS_IDS];

  const overrides = new Map<string, NonNullable<LocRow['override']>>();
  for (const id of ids) {
    const text =
      item.frequencies !== null && typeof item.frequencies === 'object'
        ? (item.frequencies as Record<string, unknown>)[id]
        : undefined;
    if (text === undefined) continue;
    const { si, issue } = checkQuantity(text, OVERRIDE_FREQUENCY);
    overrides.set(id, { text, ...(si !== undefined ? { value: si } : {}), ...(issue ? { issue } : {}) });
  }
  const disabled = new Set(
    (Array.isArray(item.disable) ? (item.disable as unknown[]) : []).filter(
      (id): id is string => typeof id === 'string' && ids.includes(id),
    ),
  );
  const frequencies: Record<string, PerYear> = {};
  for (const [id, o] of overrides)
    if (o.value !== undefined && !o.issue) frequencies[id] = o.value as PerYear;
  const reason = typeof item.reason === 'string' && item.reason.trim() !== '' ? item.reason : undefined;
  const overridden: Equipment = {
    ...equipment,
    frequencies,
    disabled: [...disabled],
    ...(reason !== undefined ? { reason } : {}),
  };
  const used = locCasesForEquipment(
    withItem(installation, equipmentIndex, overridden),
    equipmentIndex,
    rules,
    choice,
  );

  return ids.map((locId) => {
    const catalogueCase = base.find((c) => c.locId === locId) ?? null;
    const origin = catalogueCase?.frequencyOrigin;
    return {
      locId,
      catalogue:
        origin && origin.confidence !== undefined
          ? {
              frequency: origin.baseFrequency,
              basis: origin.basis,
              source: origin.source,
              confidence: origin.confidence,
              ...(origin.note !== undefined ? { note: origin.note } : {}),
            }
          : null,
      catalogueCase,
      override: overrides.get(locId) ?? null,
      disabled: disabled.has(locId),
      used: used.find((c) => c.locId === locId) ?? null,
    };
  });
}

/**
 * Override and disable keys of an item that name none of its cases (left from another equipment type, or a
 * typo in the file), each once, in the order the item gives them: data/project/checks.ts refuses them.
 */
export function staleOverrideKeys(item: LocOverridesDoc, known: ReadonlySet<string>): string[] {
  const frequencies = item.frequencies;
  const keys = [
    ...(frequencies !== null && typeof frequencies === 'object' ? Object.keys(frequencies) : []),
    ...(Array.isArray(item.disable) ? (item.disable as unknown[]).map(String) : []),
  ];
  return keys.filter((key, i) => !known.has(key) && keys.indexOf(key) === i);
}

function withItem(installation: Installation, index: number, item: Equipment): Installation {
  return { ...installation, equipment: installation.equipment.map((e, k) => (k === index ? item : e)) };
}
