/**
 * Checks the document the way the forms show it: one issue per field path (`installations.0.inventory`),
 * single-field checks from forms/specs.ts plus the cross-field rules of spec/project-format.md that a user can
 * fix in the editor (unique ids, probabilities summing to 1, one probability per wind sector, polygons of at
 * least three points, nested zones). data/project/checks.ts remains the authority when the project is
 * computed; this is the immediate feedback beside the field.
 */
import type { AreaDoc, OutcomeDoc, ProjectDoc, ZoneDoc } from '../project-state/document.ts';
import { getIn, pathKey, type Path } from '../project-state/paths.ts';
import { checkQuantity, formatSi, type Issue, type QuantitySpec } from './quantity.ts';
import {
  COORDINATE,
  EQUIPMENT_FIELDS,
  INSTALLATION_QUANTITIES,
  isEquipmentType,
  PEOPLE,
  PROBABILITY,
  REQUIRED_PROBABILITY,
  SCENARIO_FREQUENCY,
  SUM_TOLERANCE,
  WEATHER_SPECS,
  ZONE_LENGTH,
} from './specs.ts';

export type Issues = ReadonlyMap<string, Issue>;

export function validateProject(doc: ProjectDoc): Issues {
  const issues = new Map<string, Issue>();
  const add = (path: Path, issue: Issue) => {
    const key = pathKey(path);
    if (!issues.has(key)) issues.set(key, issue);
  };
  const quantity = (path: Path, spec: QuantitySpec) => {
    const { issue } = checkQuantity(getIn(doc, path), spec);
    if (issue) add(path, issue);
  };
  const required = (path: Path) => {
    const value = getIn(doc, path);
    if (typeof value !== 'string' || value.trim() === '') add(path, { key: 'required' });
  };
  const unique = (entries: { id: string; path: Path }[]) => {
    const seen = new Set<string>();
    for (const { id, path } of entries) {
      if (id.trim() === '') add(path, { key: 'required' });
      else if (seen.has(id)) add(path, { key: 'duplicateId', values: { id } });
      seen.add(id);
    }
  };

  unique(doc.installations.map((inst, i) => ({ id: inst.id ?? '', path: ['installations', i, 'id'] })));
  doc.installations.forEach((inst, i) => {
    const at = ['installations', i];
    for (const field of ['kind', 'status', 'substance', 'phase']) required([...at, field]);
    quantity([...at, 'position', 'x'], COORDINATE);
    quantity([...at, 'position', 'y'], COORDINATE);
    if (inst.outline && inst.outline.length < 3) add([...at, 'outline'], { key: 'polygonPoints' });
    (inst.outline ?? []).forEach((_, v) => {
      quantity([...at, 'outline', v, 0], COORDINATE);
      quantity([...at, 'outline', v, 1], COORDINATE);
    });
    for (const [field, spec] of Object.entries(INSTALLATION_QUANTITIES)) quantity([...at, field], spec);
    (inst.equipment ?? []).forEach((item, e) => {
      const eqAt = [...at, 'equipment', e];
      if (!isEquipmentType(item.type)) return add([...eqAt, 'type'], { key: 'required' });
      for (const def of EQUIPMENT_FIELDS[item.type]) {
        const path = [...eqAt, ...def.name.split('.')];
        if (def.kind === 'quantity') quantity(path, def.spec);
        else if (def.required && getIn(doc, path) === undefined) add(path, { key: 'required' });
      }
      const bund = item.bund as Record<string, unknown> | undefined;
      if (bund && (bund.area === undefined) !== (bund.height === undefined)) {
        add([...eqAt, 'bund', bund.area === undefined ? 'area' : 'height'], { key: 'bundIncomplete' });
      }
    });
    unique((inst.scenarios ?? []).map((s, si) => ({ id: s.id ?? '', path: [...at, 'scenarios', si, 'id'] })));
    (inst.scenarios ?? []).forEach((scenario, si) => {
      const scAt = [...at, 'scenarios', si];
      quantity([...scAt, 'frequency'], SCENARIO_FREQUENCY);
      scenario.outcomes.forEach((outcome, oi) => checkOutcome(outcome, [...scAt, 'outcomes', oi]));
    });
  });

  function checkOutcome(outcome: OutcomeDoc, at: Path) {
    quantity([...at, 'probability'], REQUIRED_PROBABILITY);
    required([...at, 'effect']);
    const circular = outcome.zones !== undefined;
    const zones: ZoneDoc[] = outcome.zones ?? outcome.downwind ?? [];
    const list = circular ? 'zones' : 'downwind';
    let previous: number | undefined;
    zones.forEach((zone, z) => {
      const zAt = [...at, list, z];
      quantity([...zAt, 'lethality'], REQUIRED_PROBABILITY);
      const extentField = circular ? 'radius' : 'length';
      quantity([...zAt, extentField], ZONE_LENGTH);
      if (!circular) quantity([...zAt, 'halfWidth'], ZONE_LENGTH);
      const extent = checkQuantity(getIn(zone, [extentField]), ZONE_LENGTH).si;
      if (
        extent !== undefined &&
        previous !== undefined &&
        (circular ? extent <= previous : extent < previous)
      ) {
        add([...zAt, extentField], { key: 'zonesIncreasing', values: { previous: formatSi(previous) } });
      }
      if (extent !== undefined) previous = extent;
    });
  }

  const areaIds: { id: string; path: Path }[] = [];
  const checkArea = (area: AreaDoc, at: Path) => {
    areaIds.push({ id: area.id ?? '', path: [...at, 'id'] });
    if (area.polygon) {
      if (area.polygon.length < 3) add([...at, 'polygon'], { key: 'polygonPoints' });
      area.polygon.forEach((_, v) => {
        quantity([...at, 'polygon', v, 0], COORDINATE);
        quantity([...at, 'polygon', v, 1], COORDINATE);
      });
    } else if (area.position) {
      quantity([...at, 'position', 'x'], COORDINATE);
      quantity([...at, 'position', 'y'], COORDINATE);
    } else add([...at, 'polygon'], { key: 'noGeometry' });
    quantity([...at, 'population', 'day'], PEOPLE);
    quantity([...at, 'population', 'night'], PEOPLE);
    quantity([...at, 'indoorFraction', 'day'], PROBABILITY);
    quantity([...at, 'indoorFraction', 'night'], PROBABILITY);
  };
  (doc.targets ?? []).forEach((target, i) => {
    checkArea(target, ['targets', i]);
    required(['targets', i, 'category']);
  });
  (doc.population ?? []).forEach((area, i) => checkArea(area, ['population', i]));
  unique(areaIds);

  const weather = doc.weather;
  if (weather) {
    quantity(['weather', 'ambient', 'temperature'], WEATHER_SPECS.ambientTemperature);
    quantity(['weather', 'ambient', 'pressure'], WEATHER_SPECS.ambientPressure);
    quantity(['weather', 'ambient', 'relativeHumidity'], PROBABILITY);
    quantity(['weather', 'dayFraction'], PROBABILITY);
    const classes = weather.classes ?? [];
    unique(classes.map((c, i) => ({ id: c.id ?? '', path: ['weather', 'classes', i, 'id'] })));
    classes.forEach((_, i) => {
      required(['weather', 'classes', i, 'stability']);
      quantity(['weather', 'classes', i, 'windSpeed'], WEATHER_SPECS.windSpeed);
      quantity(['weather', 'classes', i, 'probability'], WEATHER_SPECS.probability);
    });
    if (weather.classes)
      sumToOne(
        weather.classes.map((c) => c.probability),
        ['weather', 'classes'],
      );
    const rose = weather.windRose;
    if (rose) {
      const sectorsPath = ['weather', 'windRose', 'sectors'];
      quantity(sectorsPath, WEATHER_SPECS.sectors);
      const sectors = checkQuantity(rose.sectors, WEATHER_SPECS.sectors);
      const roses: [Path, unknown[]][] = rose.probabilities
        ? [[['weather', 'windRose', 'probabilities'], rose.probabilities]]
        : Object.entries(rose.byClass ?? {}).map(([id, values]) => [
            ['weather', 'windRose', 'byClass', id],
            values,
          ]);
      if (rose.byClass && !rose.probabilities) {
        const ids = new Set((weather.classes ?? []).map((c) => c.id));
        (weather.classes ?? []).forEach((c) => {
          if (c.id !== '' && !(c.id in (rose.byClass ?? {})))
            add(['weather', 'windRose', 'byClass', c.id], { key: 'roseMissing', values: { id: c.id } });
        });
        for (const id of Object.keys(rose.byClass))
          if (!ids.has(id))
            add(['weather', 'windRose', 'byClass', id], { key: 'roseUnknownClass', values: { id } });
      }
      for (const [path, values] of roses) {
        values.forEach((_, k) => quantity([...path, k], REQUIRED_PROBABILITY));
        if (!sectors.issue && sectors.si !== undefined && values.length !== sectors.si) {
          add(path, { key: 'sectorCount', values: { expected: sectors.si, count: values.length } });
        } else sumToOne(values, path);
      }
    }
  }

  function sumToOne(values: readonly unknown[], path: Path) {
    const parsed = values.map((v) => checkQuantity(v, REQUIRED_PROBABILITY).si);
    if (parsed.some((v) => v === undefined)) return;
    const total = sumOf(parsed as number[]);
    if (Math.abs(total - 1) > SUM_TOLERANCE)
      add(path, { key: 'sumNotOne', values: { sum: formatSi(total) } });
  }

  return issues;
}

/** Sum in order; the numbers the wind-rose editor shows live. */
export function sumOf(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
