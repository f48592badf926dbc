import type { Equipment, Installation, LocCatalogueChoice } from '../../project/types.ts';
import { catalogueLocs } from '../../rules/loc.ts';
import type { FrequencyBasis, HoleClass, HoleSpec, LocDefinition, SystemGrade } from '../../rules/types.ts';
import type { Metres, PerYear, Seconds } from '../../units/index.ts';
import type { DurationLimit, FrequencyOrigin, LocCase, LocRules, ResolvedHole } from './types.ts';

/** Hours in a (non-leap) year: the Purple Book "fraction of the year present" is hoursPerYear / 8760. */
export const HOURS_PER_YEAR = 8760;

/**
 * Tube diameter assumed for heat-exchanger tube ruptures and tube leaks, m: 25 mm (1 in, the common shell-
 * and-tube size). The project format has no tube diameter; the Purple Book LOCs "rupture of 1 / 10 tubes"
 * need one. An assumption of SafeDist, not a catalogue value (docs/method-loc.md).
 */
export const DEFAULT_HEAT_EXCHANGER_TUBE_DIAMETER = 0.025 as Metres;

/**
 * Diameter of a road tanker's largest connection, m: 80 mm (DN 80, 3 in, a usual liquid-transfer
 * connection). The project format has no connection diameter; the Purple Book LOC "full bore of the
 * largest connection" needs one. An assumption of SafeDist (docs/method-loc.md).
 */
export const DEFAULT_ROAD_TANKER_CONNECTION_DIAMETER = 0.08 as Metres;

/** Diameters the project format does not carry; defaults above. */
export interface LocOptions {
  heatExchangerTubeDiameter?: Metres;
  roadTankerConnectionDiameter?: Metres;
}

/** The item's label in scenario ids: its project `id`, else `E<index + 1>`. */
export function equipmentLabel(equipment: Equipment, equipmentIndex: number): string {
  return equipment.id ?? `E${equipmentIndex + 1}`;
}

/**
 * Multiplier from a catalogue frequency basis to per year for one item (Purple Book CPR 18E ch. 3;
 * spec/standards.md A §4.1): per-year × 1; per-metre-year × pipe length (m); per-hour × hours of use per
 * year; per-year-present × hoursPerYear / 8760.
 * @throws RangeError when the basis does not fit the item (e.g. per metre for a vessel): a rule-set defect.
 */
export function frequencyScale(
  equipment: Equipment,
  basis: FrequencyBasis,
): { scale: number; description: string } {
  switch (basis) {
    case 'per-year':
      return { scale: 1, description: '× 1 (per year)' };
    case 'per-metre-year':
      if (equipment.type !== 'pipe') break;
      return { scale: equipment.length, description: `× ${equipment.length} m of pipe` };
    case 'per-hour':
      if (equipment.type !== 'loading-arm' && equipment.type !== 'loading-hose') break;
      return { scale: equipment.hoursPerYear, description: `× ${equipment.hoursPerYear} h/yr of use` };
    case 'per-year-present':
      if (equipment.type !== 'road-tanker') break;
      return {
        scale: equipment.hoursPerYear / HOURS_PER_YEAR,
        description: `× ${equipment.hoursPerYear} h/yr present / ${HOURS_PER_YEAR} h`,
      };
  }
  throw new RangeError(`frequency basis '${basis}' does not apply to equipment type '${equipment.type}'`);
}

/**
 * Diameter of the line a hole is measured on, m: pipe and loading arm/hose diameter, pump connection,
 * heat-exchanger tube (tube side), road-tanker connection; undefined for vessels, tanks and the shell side.
 */
function lineDiameter(equipment: Equipment, options: LocOptions): Metres | undefined {
  switch (equipment.type) {
    case 'pipe':
    case 'loading-arm':
    case 'loading-hose':
      return equipment.diameter;
    case 'pump':
      return equipment.connectionDiameter;
    case 'road-tanker':
      return options.roadTankerConnectionDiameter ?? DEFAULT_ROAD_TANKER_CONNECTION_DIAMETER;
    case 'heat-exchanger':
      return equipment.side === 'tubes'
        ? (options.heatExchangerTubeDiameter ?? DEFAULT_HEAT_EXCHANGER_TUBE_DIAMETER)
        : undefined;
    default:
      return undefined;
  }
}

function mm(value: number): string {
  return `${Number((value * 1000).toPrecision(6))} mm`;
}

/**
 * The hole of a catalogue LOC for one item. Leak: min(fraction·D, max) (PB: 10 % of the diameter, at most
 * 50 mm); full bore: D; n tube ruptures: both ends of each tube open, equivalent diameter d_tube·√(2n).
 */
function resolveHole(spec: HoleSpec, equipment: Equipment, options: LocOptions): ResolvedHole {
  if (spec.kind === 'fixed') {
    return {
      kind: 'fixed',
      diameter: spec.diameter,
      throughLine: false,
      description: `${mm(spec.diameter)} hole`,
    };
  }
  const line = lineDiameter(equipment, options);
  if (line === undefined) {
    throw new RangeError(
      `a '${spec.kind}' hole needs a line diameter, which equipment type '${equipment.type}' does not have`,
    );
  }
  switch (spec.kind) {
    case 'fraction-of-diameter': {
      const diameter = Math.min(spec.fraction * line, spec.maxDiameter) as Metres;
      return {
        kind: 'fraction-of-diameter',
        diameter,
        throughLine: false,
        description: `${spec.fraction * 100} % of ${mm(line)}, at most ${mm(spec.maxDiameter)}: ${mm(diameter)}`,
      };
    }
    case 'full-bore':
      return {
        kind: 'full-bore',
        diameter: line,
        throughLine: true,
        description: `full bore of ${mm(line)}`,
      };
    case 'tube-ruptures':
      return {
        kind: 'tube-ruptures',
        diameter: (line * Math.sqrt(2 * spec.count)) as Metres,
        throughLine: true,
        description: `${spec.count} tube(s) of ${mm(line)} open at both ends: equivalent ${mm(line * Math.sqrt(2 * spec.count))}`,
      };
  }
}

function purpleBookDurationLimit(rules: LocRules): DurationLimit {
  const max = rules.locCatalogue.maxContinuousDuration;
  return {
    value: max.value,
    basis: `maximum continuous duration ${max.value} s (${max.source}; ${max.confidence})`,
  };
}

/**
 * Maximum leak duration of API RP 581 Table 4.7 for a hole and the installation's detection/isolation grades
 * (spec/standards.md B §3.3). Holes above the largest band (> 102 mm, ruptures) have no table duration: they
 * are limited by the contents, and at most by the rule set's maximum continuous duration. Without grades
 * the rule set's maximum continuous duration applies, and the basis says so.
 */
export function holeSizeDurationLimit(
  holeDiameter: Metres,
  detection: SystemGrade | undefined,
  isolation: SystemGrade | undefined,
  rules: LocRules,
): DurationLimit {
  const fallback = purpleBookDurationLimit(rules);
  const bands = rules.holeSizeCatalogue.durationBands;
  const band = bands.value.findIndex((upper) => holeDiameter <= upper);
  if (band < 0) {
    return {
      value: fallback.value,
      basis: `hole above ${mm(bands.value[bands.value.length - 1] ?? 0)}: no API 581 duration, limited by the contents and the ${fallback.basis}`,
    };
  }
  if (detection === undefined || isolation === undefined) {
    return {
      value: fallback.value,
      basis: `no detection/isolation grades given for the API 581 Table 4.7 duration: ${fallback.basis}`,
    };
  }
  const row = rules.holeSizeCatalogue.durations.find(
    (r) => r.detection === detection && r.isolation === isolation,
  );
  const value = row?.durations.value[band];
  if (row === undefined || value === undefined) {
    return {
      value: fallback.value,
      basis: `no API 581 Table 4.7 row for detection ${detection} / isolation ${isolation}: ${fallback.basis}`,
    };
  }
  return {
    value,
    basis: `API RP 581 Table 4.7, detection ${detection} / isolation ${isolation}, hole ≤ ${mm(bands.value[band] ?? 0)}: ${value} s (${row.durations.source}; ${row.durations.confidence})`,
  };
}

function caseFrequency(
  equipment: Equipment,
  basis: FrequencyBasis,
  origin: Omit<FrequencyOrigin, 'basis' | 'scale' | 'scaleDescription'>,
): { frequency: PerYear; frequencyOrigin: FrequencyOrigin } {
  const { scale, description } = frequencyScale(equipment, basis);
  return {
    frequency: (origin.baseFrequency * scale) as PerYear,
    frequencyOrigin: { ...origin, basis, scale, scaleDescription: description },
  };
}

function purpleBookCases(
  installation: Installation,
  equipmentIndex: number,
  equipment: Equipment,
  rules: LocRules,
  options: LocOptions,
): LocCase[] {
  const definitions = catalogueLocs(rules.locCatalogue, equipment);
  checkKeys(
    equipment,
    definitions.map((d) => d.id),
  );
  const label = equipmentLabel(equipment, equipmentIndex);
  return definitions
    .filter((def) => !equipment.disabled.includes(def.id))
    .map((def): LocCase => {
      const override = equipment.frequencies[def.id];
      const catalogueOrigin = {
        source: def.frequency.source,
        confidence: def.frequency.confidence,
        ...(def.frequency.note === undefined ? {} : { note: def.frequency.note }),
      };
      const { frequency, frequencyOrigin } = caseFrequency(
        equipment,
        def.frequencyBasis,
        override === undefined
          ? { kind: 'catalogue', baseFrequency: def.frequency.value, ...catalogueOrigin }
          : {
              kind: 'override',
              baseFrequency: override,
              source: 'project override',
              reason: equipment.reason ?? 'no reason given in the project',
              replaced: {
                frequency: def.frequency.value,
                source: def.frequency.source,
                confidence: def.frequency.confidence,
              },
            },
      );
      return {
        installationId: installation.id,
        equipmentIndex,
        equipmentLabel: label,
        equipmentType: equipment.type,
        locId: def.id,
        scenarioId: `${installation.id}/${label}/${def.id}`,
        description: def.description,
        catalogue: 'purple-book',
        release: def.release,
        ...fixedDuration(def),
        ...(def.hole === undefined ? {} : { hole: resolveHole(def.hole, equipment, options) }),
        ...(def.release === 'instantaneous' ? {} : { durationLimit: purpleBookDurationLimit(rules) }),
        into: def.into,
        frequency,
        frequencyOrigin,
      };
    });
}

function fixedDuration(def: LocDefinition): { fixedDuration?: Seconds } {
  if (def.release !== 'fixed-duration') return {};
  if (def.duration === undefined) {
    throw new RangeError(`LOC '${def.id}': a fixed-duration release needs a duration in the rule set`);
  }
  return { fixedDuration: def.duration };
}

/** Vessels, tanks, heat-exchanger shells and road tankers rupture as a whole; lines rupture full bore. */
function rupturesAsWhole(equipment: Equipment): boolean {
  return !(
    equipment.type === 'pipe' ||
    equipment.type === 'pump' ||
    equipment.type === 'loading-arm' ||
    equipment.type === 'loading-hose' ||
    (equipment.type === 'heat-exchanger' && equipment.side === 'tubes')
  );
}

function holeClassHole(cls: HoleClass, equipment: Equipment, options: LocOptions): ResolvedHole {
  const line = lineDiameter(equipment, options);
  if (cls.diameter === undefined) {
    if (line === undefined) throw new RangeError(`hole class '${cls.id}' needs a line diameter`);
    return {
      kind: 'full-bore',
      diameter: line,
      throughLine: true,
      description: `rupture: full bore of ${mm(line)}`,
    };
  }
  const provenance = `${cls.diameter.source}; ${cls.diameter.confidence}`;
  if (line !== undefined && cls.diameter.value >= line) {
    return {
      kind: 'full-bore',
      diameter: line,
      throughLine: true,
      description: `${cls.id} hole ${mm(cls.diameter.value)} (${provenance}) not smaller than the line: full bore of ${mm(line)}`,
    };
  }
  return {
    kind: 'hole-class',
    diameter: cls.diameter.value,
    throughLine: false,
    description: `${cls.id} hole ${mm(cls.diameter.value)} (${provenance})`,
  };
}

function holeSizeCases(
  installation: Installation,
  equipmentIndex: number,
  equipment: Equipment,
  rules: LocRules,
  options: LocOptions,
): LocCase[] {
  const classes = rules.holeSizeCatalogue.classes;
  checkKeys(
    equipment,
    classes.map((c) => c.id),
  );
  // User frequencies are in the Purple Book basis of the item's type (per metre-year for pipes, per hour for
  // loading arms and hoses, per year present for road tankers), as core/project LocOverrides states.
  const basis = catalogueLocs(rules.locCatalogue, equipment)[0]?.frequencyBasis ?? 'per-year';
  const label = equipmentLabel(equipment, equipmentIndex);
  return classes
    .filter((cls) => equipment.frequencies[cls.id] !== undefined && !equipment.disabled.includes(cls.id))
    .map((cls): LocCase => {
      const { frequency, frequencyOrigin } = caseFrequency(equipment, basis, {
        kind: 'user',
        baseFrequency: equipment.frequencies[cls.id]!,
        source: 'project (hole-size catalogue)',
        ...(equipment.reason === undefined ? {} : { reason: equipment.reason }),
      });
      const identity = {
        installationId: installation.id,
        equipmentIndex,
        equipmentLabel: label,
        equipmentType: equipment.type,
        locId: cls.id,
        scenarioId: `${installation.id}/${label}/${cls.id}`,
        catalogue: 'hole-size' as const,
        into: 'atmosphere' as const,
        frequency,
        frequencyOrigin,
      };
      if (cls.id === 'rupture' && rupturesAsWhole(equipment)) {
        return {
          ...identity,
          description: 'rupture: instantaneous release of the complete inventory',
          release: 'instantaneous',
        };
      }
      const hole = holeClassHole(cls, equipment, options);
      return {
        ...identity,
        description: `continuous release, ${hole.description}`,
        release: 'continuous',
        hole,
        durationLimit: holeSizeDurationLimit(
          hole.diameter,
          installation.detection,
          installation.isolation,
          rules,
        ),
      };
    });
}

function checkKeys(equipment: Equipment, known: readonly string[]): void {
  for (const key of [...Object.keys(equipment.frequencies), ...equipment.disabled]) {
    if (!known.includes(key)) {
      throw new RangeError(
        `equipment '${equipment.id ?? equipment.type}': no LOC '${key}' to override or disable (expected one of ${known.join(', ')})`,
      );
    }
  }
}

/**
 * The loss-of-containment cases one equipment item draws, with frequencies per year.
 *
 * - `purple-book` (spec/standards.md A §4.1, Purple Book CPR 18E ch. 3; the rule set's `locCatalogue`):
 *   vessels instantaneous / 10-minute / continuous 10 mm, atmospheric tanks per containment, pipes per
 *   metre by diameter band (full-bore rupture; leak 10 % of the diameter, at most 50 mm), pumps standard or
 *   canned, heat exchangers by side, loading arms and hoses per hour of use, road tankers per year present.
 *   Frequency = catalogue value × length (pipes) × hours (per hour) × hoursPerYear/8760 (per year present).
 *   `frequencies[locId]` replaces the catalogue value (same basis, same scaling) and is traced as an
 *   override with the item's `reason`; `disabled` ids are dropped.
 * - `hole-size` (AQ/T 3046 / API RP 581 classes; the rule set's `holeSizeCatalogue`): one case per class
 *   the item gives a frequency for (`frequencies.small|medium|large|rupture`, same basis as above).
 *   Holes of 5 / 25 / 100 mm, never wider than the line (then full bore); `rupture` is full bore for lines
 *   and the instantaneous loss of the whole contents for vessels, tanks, heat-exchanger shells and road
 *   tankers. Durations from API RP 581 Table 4.7 by the installation's detection/isolation grades.
 *
 * Cases whose frequency is 0 (an override of 0, no hours of use) are left out: they add no risk.
 * @param equipmentIndex 0-based index into `installation.equipment`
 * @throws RangeError for an index out of range, or an override/disable key the catalogue does not have
 */
export function locCasesForEquipment(
  installation: Installation,
  equipmentIndex: number,
  rules: LocRules,
  catalogueChoice: LocCatalogueChoice,
  options: LocOptions = {},
): LocCase[] {
  const equipment = installation.equipment[equipmentIndex];
  if (equipment === undefined) {
    throw new RangeError(
      `equipmentIndex ${equipmentIndex}: installation '${installation.id}' has ${installation.equipment.length} equipment item(s)`,
    );
  }
  const cases =
    catalogueChoice === 'purple-book'
      ? purpleBookCases(installation, equipmentIndex, equipment, rules, options)
      : holeSizeCases(installation, equipmentIndex, equipment, rules, options);
  return cases.filter((c) => c.frequency > 0);
}

/** Every LOC case of an installation's equipment, item by item (see `locCasesForEquipment`). */
export function locCasesForInstallation(
  installation: Installation,
  rules: LocRules,
  catalogueChoice: LocCatalogueChoice,
  options: LocOptions = {},
): LocCase[] {
  return installation.equipment.flatMap((_, i) =>
    locCasesForEquipment(installation, i, rules, catalogueChoice, options),
  );
}
