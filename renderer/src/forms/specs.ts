/**
 * What each field of the project format accepts (spec/project-format.md; the same bounds as the zod schema
 * of data/project/schema.ts, which the renderer may not import). The forms render from these definitions and
 * forms/validate.ts checks with them, so a field and its message cannot disagree.
 */
import {
  CONTAINMENTS,
  EQUIPMENT_TYPES,
  INSTALLATION_STATUSES,
  STABILITY_CLASSES,
  SYSTEM_GRADES,
  TARGET_CATEGORIES,
  type EquipmentType,
} from '../../../core/rules/types.ts';
import type { QuantitySpec } from './quantity.ts';

export type FieldDef =
  | { name: string; kind: 'quantity'; spec: QuantitySpec }
  | { name: string; kind: 'select'; options: readonly string[]; required: boolean }
  | { name: string; kind: 'bool'; required: boolean };

const positive = (dimension: QuantitySpec['dimension']): QuantitySpec => ({
  dimension,
  required: true,
  gt: 0,
});
export const PROBABILITY: QuantitySpec = { dimension: 'dimensionless', min: 0, max: 1, storeNumber: true };
export const REQUIRED_PROBABILITY: QuantitySpec = { ...PROBABILITY, required: true };
export const PEOPLE: QuantitySpec = { dimension: 'dimensionless', required: true, min: 0, storeNumber: true };
export const COORDINATE: QuantitySpec = { dimension: 'length', required: true };
const HOURS: QuantitySpec = {
  dimension: 'dimensionless',
  required: true,
  min: 0,
  max: 8760,
  storeNumber: true,
};

export const KINDS = ['storage', 'production'] as const;
export const PHASES = ['gas', 'liquid', 'liquefied-gas', 'refrigerated', 'solid'] as const;
export const EFFECTS = ['toxic', 'heat', 'flash-fire', 'explosion', 'generic'] as const;
export {
  CONTAINMENTS,
  EQUIPMENT_TYPES,
  INSTALLATION_STATUSES,
  STABILITY_CLASSES,
  SYSTEM_GRADES,
  TARGET_CATEGORIES,
};

/** The installation's process conditions. */
export const INSTALLATION_QUANTITIES = {
  inventory: positive('mass'),
  temperature: positive('temperature'),
  pressure: positive('pressure'),
} satisfies Record<string, QuantitySpec>;

const volume: FieldDef = { name: 'volume', kind: 'quantity', spec: positive('volume') };
const fill: FieldDef = { name: 'fill', kind: 'quantity', spec: PROBABILITY };
const diameter = (name: string): FieldDef => ({ name, kind: 'quantity', spec: positive('length') });
const hoursPerYear: FieldDef = { name: 'hoursPerYear', kind: 'quantity', spec: HOURS };

/** Type-specific fields of an equipment item (spec/project-format.md, table "Equipment"). */
export const EQUIPMENT_FIELDS: Record<EquipmentType, readonly FieldDef[]> = {
  'pressure-vessel': [volume, fill],
  'process-vessel': [volume, fill],
  'atmospheric-tank': [
    volume,
    fill,
    { name: 'containment', kind: 'select', options: CONTAINMENTS, required: true },
    { name: 'bund.area', kind: 'quantity', spec: { dimension: 'area', gt: 0 } },
    { name: 'bund.height', kind: 'quantity', spec: { dimension: 'length', min: 0 } },
  ],
  pipe: [{ name: 'length', kind: 'quantity', spec: positive('length') }, diameter('diameter')],
  pump: [diameter('connectionDiameter'), { name: 'canned', kind: 'bool', required: false }],
  'heat-exchanger': [{ name: 'side', kind: 'select', options: ['shell', 'tubes'], required: true }, volume],
  'loading-arm': [diameter('diameter'), hoursPerYear],
  'loading-hose': [diameter('diameter'), hoursPerYear],
  'road-tanker': [volume, { name: 'pressurised', kind: 'bool', required: true }, hoursPerYear],
};

export const isEquipmentType = (type: string): type is EquipmentType =>
  (EQUIPMENT_TYPES as readonly string[]).includes(type);

export const SCENARIO_FREQUENCY: QuantitySpec = { dimension: 'frequency', required: true, gt: 0 };
export const ZONE_LENGTH: QuantitySpec = { dimension: 'length', required: true, gt: 0 };

export const WEATHER_SPECS = {
  windSpeed: positive('velocity'),
  probability: REQUIRED_PROBABILITY,
  sectors: { dimension: 'dimensionless', required: true, min: 1, max: 360, integer: true, storeNumber: true },
  ambientTemperature: { dimension: 'temperature', gt: 0 },
  ambientPressure: { dimension: 'pressure', gt: 0 },
} satisfies Record<string, QuantitySpec>;

/** How far a sum of probabilities may be from 1 (the engine's tolerance for rounding in entered tables). */
export const SUM_TOLERANCE = 1e-6;
