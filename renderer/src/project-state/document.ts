/**
 * The project JSON document (spec/project-format.md, version 1) as the editor holds it: exactly what the file
 * says, including what the user typed. Quantities stay as typed ("20 t", "6 barg") or as SI numbers, and an
 * invalid entry is kept as its text so nothing the user typed is lost; validation (forms/validate.ts) reports
 * it beside the field and data/ rejects it when the project is computed. Fields the editor does not know are
 * carried along untouched by the immutable updates (paths.ts).
 */
import { parseQuantity } from '../../../core/units/parse.ts';
import {
  PROJECT_FORMAT,
  PROJECT_VERSION,
  summariseProject,
  type ProjectProblem,
} from '../project/project-file.ts';

/** A number in SI or a unit string, as the project format accepts; any other text is an invalid entry kept. */
export type QuantityValue = number | string;
/** A point of the site plane `[x east, y north]`, m. */
export type XY = [number, number];

export interface PositionDoc {
  x: QuantityValue;
  y: QuantityValue;
}

export interface EquipmentDoc {
  type: string;
  id?: string;
  [field: string]: unknown;
}

export interface ZoneDoc {
  radius?: QuantityValue;
  length?: QuantityValue;
  halfWidth?: QuantityValue;
  lethality: QuantityValue;
}

export interface OutcomeDoc {
  probability: QuantityValue;
  effect: string;
  zones?: ZoneDoc[];
  downwind?: ZoneDoc[];
}

export interface ScenarioDoc {
  id: string;
  type: 'user-defined';
  frequency: QuantityValue;
  outcomes: OutcomeDoc[];
}

export interface InstallationDoc {
  id: string;
  name: string;
  kind: string;
  status: string;
  unit?: string;
  position: PositionDoc;
  outline?: XY[];
  substance: string;
  inventory: QuantityValue;
  temperature: QuantityValue;
  pressure: QuantityValue;
  phase: string;
  equipment?: EquipmentDoc[];
  detection?: string;
  isolation?: string;
  scenarios?: ScenarioDoc[];
}

export interface AreaDoc {
  id: string;
  name?: string;
  polygon?: XY[];
  position?: PositionDoc;
  population: { day: QuantityValue; night: QuantityValue };
  indoorFraction?: { day?: QuantityValue; night?: QuantityValue };
}

export interface TargetDoc extends AreaDoc {
  category: string;
}

export interface WeatherClassDoc {
  id: string;
  stability: string;
  windSpeed: QuantityValue;
  probability: QuantityValue;
}

export interface WeatherDoc {
  ambient?: { temperature?: QuantityValue; relativeHumidity?: QuantityValue; pressure?: QuantityValue };
  dayFraction?: QuantityValue;
  classes?: WeatherClassDoc[];
  windRose?: {
    sectors: QuantityValue;
    probabilities?: QuantityValue[];
    byClass?: Record<string, QuantityValue[]>;
  };
}

export interface ProjectDoc {
  format: typeof PROJECT_FORMAT;
  version: typeof PROJECT_VERSION;
  name: string;
  site?: {
    origin?: { lon: number; lat: number };
    rotationDeg?: number;
    boundary?: XY[];
    residentsWithin500m?: number;
  };
  weather?: WeatherDoc;
  installations: InstallationDoc[];
  targets?: TargetDoc[];
  population?: AreaDoc[];
  probes?: { id: string; x: QuantityValue; y: QuantityValue }[];
  settings?: Record<string, unknown>;
}

/** The collections drawn on the map. */
export type Collection = 'installations' | 'targets' | 'population';

/**
 * Reads a project text into a document, or says why it cannot be edited (the Start screen's checks:
 * JSON, format, version, arrays).
 */
export function parseProjectText(text: string): { doc: ProjectDoc } | { problem: ProjectProblem } {
  const summary = summariseProject(text);
  if ('problem' in summary) return summary;
  const doc = JSON.parse(text) as ProjectDoc;
  return { doc: { ...doc, installations: doc.installations ?? [] } };
}

/** The document as a file: two-space JSON with a final newline, like the examples. */
export function serialiseProject(doc: ProjectDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A new, empty project. */
export function newProject(name: string): ProjectDoc {
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name,
    installations: [],
    targets: [],
    population: [],
  };
}

/** A site coordinate as a number of metres, or NaN when the entry is not a length (then it is not drawn). */
export function coordinate(value: QuantityValue | undefined): number {
  if (value === undefined) return Number.NaN;
  try {
    return parseQuantity(value, 'length');
  } catch {
    return Number.NaN;
  }
}

/** The smallest `prefix + n` (n ≥ 1) not already used as an id. */
export function nextId(prefix: string, used: Iterable<string>): string {
  const taken = new Set(used);
  let n = 1;
  while (taken.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}
