/**
 * The rule-set values an assessment used, each with its source and confidence (core/rules/types.ts
 * `Sourced`), worded for the report.
 */
import type { Classification } from '../classification/index.ts';
import type { Project, UserEffect } from '../project/types.ts';
import type { Confidence, Provenance, RuleSet } from '../rules/types.ts';
import { INSTALLATION_STATUSES, TARGET_CATEGORIES } from '../rules/types.ts';
import { fill, perYear, sig } from './format.ts';
import type { Strings } from './i18n.ts';

export interface RuleValueRow {
  item: string;
  value: string;
  source: string;
  confidence: Confidence;
  note?: string;
}

function row(item: string, value: string, p: Provenance): RuleValueRow {
  return { item, value, source: p.source, confidence: p.confidence, ...(p.note ? { note: p.note } : {}) };
}

/**
 * Every rule value the assessment of `project` read: the GB 36894 thresholds (all of them give an external
 * safety distance), the F-N lines, the contour levels, the method test and GB 18218 values of the
 * classification, the societal-risk factors of the effects present, and the weather defaults the project
 * fell back on.
 */
export function usedRuleValues(
  project: Project,
  classification: Classification,
  rules: RuleSet,
  t: Strings,
): RuleValueRow[] {
  const rows: RuleValueRow[] = [];
  for (const status of INSTALLATION_STATUSES)
    for (const category of TARGET_CATEGORIES) {
      const v = rules.individualRisk[category][status];
      rows.push(
        row(
          fill(t.rules.irThreshold, { category: t.category[category], status: t.status[status] }),
          perYear(v.value),
          v,
        ),
      );
    }
  const sr = rules.societalRisk;
  const lineText = (c: number, a: number) => fill(t.rules.fnLine, { c: sig(c), a: sig(a) });
  rows.push(
    row(
      t.rules.fnUnacceptable,
      lineText(sr.unacceptable.constant, sr.unacceptable.exponent),
      sr.unacceptable,
    ),
  );
  rows.push(
    row(t.rules.fnAcceptable, lineText(sr.acceptable.constant, sr.acceptable.exponent), sr.acceptable),
  );
  rows.push(row(t.rules.minimumN, sig(sr.minimumN.value), sr.minimumN));
  for (const l of rules.contours.levels) rows.push(row(t.rules.contourLevel, perYear(l.value), l));

  const ms = rules.methodSelection;
  rows.push(row(t.rules.qraThreshold, sig(ms.qraThreshold.value), ms.qraThreshold));
  rows.push(row(t.rules.sumScope, t.sumScope[ms.sumScope.value], ms.sumScope));
  rows.push(row(t.rules.wholeEnterprise, ms.wholeEnterprise.value ? t.yes : t.no, ms.wholeEnterprise));
  const mh = rules.majorHazard;
  rows.push(row(t.rules.identification, sig(mh.identificationThreshold.value), mh.identificationThreshold));
  rows.push(
    row(
      fill(t.rules.alpha, { people: classification.alpha.people }),
      sig(classification.alpha.value),
      classification.alpha.provenance,
    ),
  );
  const seen = new Set<string>();
  for (const u of classification.units)
    for (const s of u.substances) {
      if (seen.has(s.substance)) continue;
      seen.add(s.substance);
      if (s.criticalQuantity !== undefined && s.criticalQuantitySource)
        rows.push(
          row(
            fill(t.rules.criticalQuantity, { substance: s.substance }),
            `${sig(s.criticalQuantity / 1000)} t`,
            s.criticalQuantitySource,
          ),
        );
      rows.push(row(fill(t.rules.beta, { substance: s.substance }), sig(s.beta), s.betaSource));
    }
  if (classification.units.some((u) => u.majorHazard))
    for (const g of mh.grades)
      rows.push(row(fill(t.rules.grade, { grade: t.grade[g.grade] }), sig(g.minR.value), g.minR));

  const v = rules.vulnerability;
  const effects = new Set<UserEffect>(
    project.installations.flatMap((i) => i.scenarios.flatMap((s) => s.outcomes.map((o) => o.effect))),
  );
  const presence = (
    effect: 'toxic' | 'heat' | 'flash-fire',
    f: { indoor: typeof v.toxic.indoor; outdoor: typeof v.toxic.outdoor },
  ) => {
    if (!effects.has(effect)) return;
    rows.push(
      row(
        fill(t.rules.presence, { effect: t.effect[effect], where: t.rules.indoors }),
        sig(f.indoor.value),
        f.indoor,
      ),
    );
    rows.push(
      row(
        fill(t.rules.presence, { effect: t.effect[effect], where: t.rules.outdoors }),
        sig(f.outdoor.value),
        f.outdoor,
      ),
    );
  };
  presence('toxic', v.toxic);
  presence('heat', v.heat);
  presence('flash-fire', v.flashFire);
  if (project.installations.some((i) => i.equipment.length > 0)) {
    rows.push(
      row(t.rules.thermal, `${sig(v.thermalCertainDeathFlux.value / 1000)} kW/m²`, v.thermalCertainDeathFlux),
    );
    rows.push(row(t.rules.thermalCap, `${sig(v.thermalExposureCap.value)} s`, v.thermalExposureCap));
    rows.push(row(t.rules.toxicCap, `${sig(v.toxicExposureCap.value)} s`, v.toxicExposureCap));
    rows.push(
      row(
        t.rules.explosionDeath,
        `${sig(v.explosionCertainDeath.value / 1000)} kPa`,
        v.explosionCertainDeath,
      ),
    );
    rows.push(
      row(t.rules.explosionNone, `${sig(v.explosionNoEffect.value / 1000)} kPa`, v.explosionNoEffect),
    );
    rows.push(
      row(t.rules.explosionIndoor, sig(v.explosionIndoorIntermediate.value), v.explosionIndoorIntermediate),
    );
  }

  const w = rules.weather;
  const defaulted = new Set(project.weather.defaulted);
  if (defaulted.has('classes'))
    for (const c of w.classes) {
      rows.push(row(fill(t.rules.weatherSpeed, { id: c.id }), `${sig(c.windSpeed.value)} m/s`, c.windSpeed));
      rows.push(row(fill(t.rules.weatherProb, { id: c.id }), sig(c.probability.value), c.probability));
    }
  if (defaulted.has('dayFraction'))
    rows.push(row(t.rules.dayFraction, sig(w.dayFraction.value), w.dayFraction));
  if (defaulted.has('windRose')) rows.push(row(t.rules.sectors, sig(w.sectors.value), w.sectors));
  if (defaulted.has('ambient')) {
    rows.push(row(t.rules.ambientT, `${sig(w.ambientTemperature.value - 273.15)} °C`, w.ambientTemperature));
    rows.push(row(t.rules.ambientP, `${sig(w.ambientPressure.value / 1000)} kPa`, w.ambientPressure));
    rows.push(row(t.rules.humidity, `${sig(w.relativeHumidity.value * 100)} %`, w.relativeHumidity));
  }
  return rows;
}
