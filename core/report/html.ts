/**
 * The assessment report as one self-contained HTML document (inline CSS and SVG, no scripts, no network),
 * in zh-CN or en, laid out for A4 print. Pure: the caller writes the text to a file.
 */
import type { Reason } from '../classification/index.ts';
import type { Installation, Project, UserDefinedScenario } from '../project/types.ts';
import { locCasesForInstallation } from '../qra/loc/index.ts';
import { ruleSetLabel, TARGET_CATEGORIES, type RuleSet } from '../rules/types.ts';
import { fnChartSvg, windRoseSvg } from './charts.ts';
import type { Html } from './format.ts';
import { fill, fixed, html, join, perYear, sci, sig } from './format.ts';
import { reasonTemplate, STRINGS, type Strings } from './i18n.ts';
import { usedRuleValues } from './rules-used.ts';
import { CONTOUR_COLOURS, siteMapSvg, type SiteMapLevel } from './site-map.ts';
import { REPORT_STYLE } from './style.ts';
import type { ReportInput, ReportLang, ReportPlan, ReportScenario } from './types.ts';

const CELSIUS_OFFSET = 273.15;

/** A classification reason in the report's language. */
export function reasonText(lang: ReportLang, reason: Reason): string {
  const params: Record<string, string | number> = { ...reason.params };
  if (lang === 'zh-CN' && typeof params.reference === 'string')
    params.reference = params.reference === 'plant boundary' ? '厂界' : '装置';
  return fill(reasonTemplate(lang, reason.key), params);
}

/** One line describing a user-defined scenario's outcomes and zones. */
function describeUserScenario(s: UserDefinedScenario, t: Strings): string {
  const outcomes = s.outcomes.map((o) => {
    const zones = o.zones
      ? fill(t.scenario.circular, {
          zones: o.zones
            .map((z) => fill(t.scenario.zoneCircle, { r: sig(z.radius), l: sig(z.lethality) }))
            .join('; '),
        })
      : fill(t.scenario.downwind, {
          zones: o.downwind
            .map((z) =>
              fill(t.scenario.zoneRect, {
                length: sig(z.length),
                halfWidth: sig(z.halfWidth),
                l: sig(z.lethality),
              }),
            )
            .join('; '),
        });
    return `${fill(t.scenario.outcome, { p: `P = ${sig(o.probability)}`, effect: t.effect[o.effect] })}: ${zones}`;
  });
  return `${t.scenario.userDefined} — ${outcomes.join(' | ')}`;
}

/**
 * The loss-of-containment cases of an installation's equipment, from the same catalogue call the engine
 * makes (core/qra/loc), each with its frequency and where that frequency comes from.
 */
export function equipmentScenarioRows(
  inst: Installation,
  project: Project,
  rules: RuleSet,
): ReportScenario[] {
  if (inst.equipment.length === 0) return [];
  return locCasesForInstallation(inst, rules, project.settings.locCatalogue).map((c) => {
    const o = c.frequencyOrigin;
    const notes = [
      o.note,
      o.reason,
      o.replaced
        ? `${sci(o.replaced.frequency)} (${o.replaced.source}, ${o.replaced.confidence})`
        : undefined,
    ].filter((x): x is string => x !== undefined && x !== '');
    return {
      id: c.scenarioId,
      installation: c.installationId,
      equipment: c.equipmentLabel,
      description: c.hole ? `${c.description} (${c.hole.description})` : c.description,
      frequency: c.frequency,
      frequencySource: {
        kind: o.kind,
        source:
          o.scale === 1 ? o.source : `${o.source}: ${sci(o.baseFrequency)} ${o.basis} ${o.scaleDescription}`,
        ...(o.confidence ? { confidence: o.confidence } : {}),
        ...(notes.length ? { note: notes.join('; ') } : {}),
      },
    };
  });
}

/**
 * Every scenario of the project, installation by installation: the LOC cases of its equipment, then its
 * user-defined scenarios (frequency entered in the project).
 */
export function projectScenarioRows(project: Project, rules: RuleSet, lang: ReportLang): ReportScenario[] {
  const t = STRINGS[lang];
  return project.installations.flatMap((inst) => [
    ...equipmentScenarioRows(inst, project, rules),
    ...inst.scenarios.map((s) => ({
      id: s.id,
      installation: inst.id,
      description: describeUserScenario(s, t),
      frequency: s.frequency,
      frequencySource: { kind: 'user' as const, source: t.scenario.userSource },
    })),
  ]);
}

function table(headers: readonly string[], rows: readonly Html[], cls = ''): Html {
  return html`<table class="${cls}">
    <thead>
      <tr>
        ${headers.map((h) => html`<th>${h}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

function verdictBadge(ok: boolean, t: Strings): Html {
  return html`<span class="${ok ? 'ok' : 'fail'}">${ok ? t.compliant : t.nonCompliant}</span>`;
}

function confidenceMark(c: 'sure' | 'likely' | 'unsure', t: Strings): Html {
  return html`<span class="conf conf-${c}">${t.confidence[c]}</span>`;
}

function equipmentSize(e: Installation['equipment'][number]): string {
  switch (e.type) {
    case 'pressure-vessel':
    case 'process-vessel':
    case 'atmospheric-tank':
    case 'heat-exchanger':
      return `${sig(e.volume)} m³${'fill' in e && e.fill !== undefined ? `, ${fixed(e.fill * 100)} %` : ''}`;
    case 'pipe':
      return `${sig(e.length)} m × DN ${fixed(e.diameter * 1000)} mm`;
    case 'pump':
      return `DN ${fixed(e.connectionDiameter * 1000)} mm`;
    case 'loading-arm':
    case 'loading-hose':
      return `DN ${fixed(e.diameter * 1000)} mm, ${sig(e.hoursPerYear)} h/a`;
    case 'road-tanker':
      return `${sig(e.volume)} m³, ${sig(e.hoursPerYear)} h/a`;
  }
}

function location(
  a: { polygon?: readonly (readonly [number, number])[]; position?: readonly [number, number] },
  t: Strings,
): string {
  if (a.position) return fill(t.field.pointAt, { x: fixed(a.position[0]), y: fixed(a.position[1]) });
  const p = a.polygon!;
  const cx = p.reduce((s, q) => s + q[0], 0) / p.length;
  const cy = p.reduce((s, q) => s + q[1], 0) / p.length;
  return fill(t.field.polygonAt, { n: p.length, x: fixed(cx), y: fixed(cy) });
}

/**
 * The report of one assessment as HTML text: project and site, the method and why, the inputs (installations,
 * equipment, scenarios with their frequency sources, weather and wind rose, population), the rule-set values
 * used with their sources and confidence, the site map with the criteria contours, the external safety
 * distances, the targets, the F-N chart, the verdict per installation, traceability and the limitations.
 */
export function buildReportHtml(input: ReportInput): string {
  const { lang, project, result, classification, rules } = input;
  const t = STRINGS[lang];
  const scenarios = input.scenarios ?? projectScenarioRows(project, rules, lang);
  const ruleRows = usedRuleValues(project, classification, rules, t);
  const label = ruleSetLabel(rules);
  const ok = result.verdict === 'compliant';

  const criteria = [
    ...new Set(
      TARGET_CATEGORIES.flatMap((c) => [
        rules.individualRisk[c].existing.value,
        rules.individualRisk[c].new.value,
      ]),
    ),
  ].sort((a, b) => b - a);
  const mapLevels: SiteMapLevel[] = criteria.map((level, i) => ({
    level,
    colour: CONTOUR_COLOURS[i % CONTOUR_COLOURS.length]!,
  }));

  let n = 0;
  const section = (title: string, body: Html, cls = '') => {
    n += 1;
    return html`<section class="${cls}">
      <h2><span class="num">${n}</span>${title}</h2>
      ${body}
    </section>`;
  };

  // 1. Project and site
  const site = project.site;
  const boundary = site.boundary;
  const bw = boundary ? Math.max(...boundary.map((p) => p[0])) - Math.min(...boundary.map((p) => p[0])) : 0;
  const bh = boundary ? Math.max(...boundary.map((p) => p[1])) - Math.min(...boundary.map((p) => p[1])) : 0;
  const kv = (k: string, v: string | Html) =>
    html`<tr>
      <th>${k}</th>
      <td>${v}</td>
    </tr>`;
  const projectSection = section(
    t.sec.project,
    html`<table class="kv">
      <tbody>
        ${kv(t.field.projectName, project.name)}
        ${kv(t.field.origin, site.origin ? `${sig(site.origin.lon, 7)}° E, ${sig(site.origin.lat, 7)}° N` : t.notGiven)}
        ${kv(t.field.rotation, `${sig(site.rotation)}°`)}
        ${kv(t.field.boundary, boundary ? fill(t.field.boundaryGiven, { points: boundary.length, width: fixed(bw), height: fixed(bh) }) : t.notGiven)}
        ${kv(t.field.residents, site.residentsWithin500m !== undefined ? String(site.residentsWithin500m) : t.notGiven)}
        ${kv(t.field.counts, fill(t.field.countsValue, { installations: project.installations.length, scenarios: scenarios.length, targets: project.targets.length, areas: project.population.length }))}
        ${kv(t.field.cellSize, `${sig(project.settings.cellSize)} m`)}
        ${kv(t.field.newRule, project.settings.newInstallationRule === 'total' ? t.field.newRuleTotal : t.field.newRuleIncrement)}
      </tbody>
    </table>`,
  );

  // 2. Method
  const unitRows = classification.units.map(
    (u) =>
      html`<tr>
        <td>${u.id}</td>
        <td>${u.installations.join(', ')}</td>
        <td class="num">${sig(u.sumQOverQ)}</td>
        <td>${u.majorHazard ? t.yes : t.no}</td>
        <td class="num">${sig(u.R)}</td>
        <td>${u.grade ? t.grade[u.grade] : '—'}</td>
        <td>${t.method[u.method]}</td>
      </tr>`,
  );
  const unitReasons = classification.units.map(
    (u) =>
      html`<li>
        <b>${u.id}</b>
        <ul>
          ${u.reasons.map((r) => html`<li>${reasonText(lang, r)}</li>`)}
        </ul>
      </li>`,
  );
  const methodSection = section(
    t.sec.method,
    html`<p class="lead">${t.field.enterpriseMethod}: <b>${t.method[classification.method]}</b></p>
      <p>${t.methodWhy}</p>
      <table class="kv">
        <tbody>
          ${kv(t.field.alpha, `${sig(classification.alpha.value)} — ${classification.alpha.people} (${classification.alpha.estimated ? t.field.alphaEstimated : t.field.alphaEntered})`)}
          ${classification.majorHazardGrade ? kv(t.field.worstGrade, `${t.grade[classification.majorHazardGrade.grade]} (${classification.majorHazardGrade.unit}, R = ${sig(classification.majorHazardGrade.R)})`) : html``}
        </tbody>
      </table>
      <h3>${t.sub.units}</h3>
      ${table([t.col.unit, t.col.installations, t.col.sumQ, t.col.majorHazard, t.col.R, t.col.grade, t.col.method], unitRows)}
      <h3>${t.sub.reasons}</h3>
      <ul class="reasons">
        ${classification.reasons.map((r) => html`<li>${reasonText(lang, r)}</li>`)}${unitReasons}
      </ul>`,
  );

  // 3. Inputs
  const instRows = project.installations.map(
    (i) =>
      html`<tr>
        <td>${i.id}</td>
        <td>${i.name}</td>
        <td>${t.kind[i.kind]}</td>
        <td>${t.status[i.status]}</td>
        <td>${i.unit}</td>
        <td>${i.substance}</td>
        <td class="num">${sig(i.inventory / 1000)} t</td>
        <td>${t.phase[i.phase]}</td>
        <td class="num">${sig(i.temperature - CELSIUS_OFFSET)} °C / ${sig(i.pressure / 1e6)} MPa</td>
        <td>${i.detection ?? '—'} / ${i.isolation ?? '—'}</td>
      </tr>`,
  );
  const equipment = project.installations.flatMap((i) =>
    i.equipment.map((e) => {
      const overrides = Object.entries(e.frequencies).map(([k, f]) => `${k}: ${perYear(f)}`);
      if (e.disabled.length) overrides.push(`− ${e.disabled.join(', ')}`);
      return html`<tr>
        <td>${i.id}</td>
        <td>${e.id ?? '—'}</td>
        <td>${t.equipmentType[e.type]}</td>
        <td>${equipmentSize(e)}</td>
        <td>${overrides.length ? `${overrides.join('; ')}${e.reason ? ` (${e.reason})` : ''}` : '—'}</td>
      </tr>`;
    }),
  );
  const withEquipment = scenarios.some((s) => s.equipment !== undefined);
  const scenarioRows = scenarios.map(
    (s) =>
      html`<tr>
        <td>${s.installation}</td>
        ${withEquipment ? html`<td class="nowrap">${s.equipment ?? '—'}</td>` : html``}
        <td>${s.id}</td>
        <td class="desc">${s.description}</td>
        <td class="num nowrap">${perYear(s.frequency)}</td>
        <td class="src">
          ${s.frequencySource.kind === 'user' ? '' : `${t.freqKind[s.frequencySource.kind]}: `}${s.frequencySource.source}${s.frequencySource.note ? ` — ${s.frequencySource.note}` : ''}
          ${s.frequencySource.confidence ? confidenceMark(s.frequencySource.confidence, t) : html``}
        </td>
      </tr>`,
  );
  const w = project.weather;
  const weatherRows = w.classes.map(
    (c) =>
      html`<tr>
        <td>${c.id}</td>
        <td>${c.stability}</td>
        <td class="num">${sig(c.windSpeed)} m/s</td>
        <td class="num">${sig(c.probability)}</td>
      </tr>`,
  );
  const roses = distinctRoses(w.classes);
  const roseLabels =
    lang === 'zh-CN'
      ? { north: '北', east: '东', south: '南', west: '西' }
      : { north: 'N', east: 'E', south: 'S', west: 'W' };
  const roseFigures = roses.map(
    (r) =>
      html`<figure class="rose">
        ${windRoseSvg(r.rose, roseLabels)}
        <figcaption>
          ${fill(t.windRose.caption, { cls: roses.length === 1 ? t.windRose.allClasses : fill(t.windRose.classes, { id: r.ids.join(', ') }) })}
        </figcaption>
      </figure>`,
  );
  const areaRow = (a: Project['population'][number], category: string) =>
    html`<tr>
      <td>${a.id}</td>
      <td>${a.name}</td>
      <td>${category}</td>
      <td>${location(a, t)}</td>
      <td class="num">${sig(a.population.day)} / ${sig(a.population.night)}</td>
      <td class="num">${sig(a.indoorFraction.day)} / ${sig(a.indoorFraction.night)}</td>
    </tr>`;
  const popRows = [
    ...project.targets.map((a) => areaRow(a, t.category[a.category])),
    ...project.population.map((a) => areaRow(a, '—')),
  ];
  const defaultedNote = w.defaulted.length
    ? html`<p class="warn">
        ${fill(t.limits.weatherDefaulted, { list: w.defaulted.map((d) => t.defaulted[d]).join(lang === 'zh-CN' ? '、' : ', ') })}
      </p>`
    : html``;
  const inputsSection = section(
    t.sec.inputs,
    html`<h3>${t.sub.installations}</h3>
      ${table([t.col.id, t.col.name, t.col.kind, t.col.status, t.col.unit, t.col.substance, t.col.inventory, t.col.phase, t.col.conditions, t.col.detection], instRows, 'small')}
      ${
        equipment.length
          ? html`<h3>${t.sub.equipment}</h3>
              ${table([t.col.installation, t.col.id, t.col.type, t.col.size, t.col.overrides], equipment, 'small')}`
          : html``
      }
      <h3>${t.sub.scenarios}</h3>
      ${table(
        [
          t.col.installation,
          ...(withEquipment ? [t.col.equipment] : []),
          t.col.scenario,
          t.col.description,
          t.col.frequency,
          t.col.source,
        ],
        scenarioRows,
        'small',
      )}
      <div class="keep">
        <h3>${t.sub.weather}</h3>
        <table class="kv">
          <tbody>
            ${kv(t.field.ambient, fill(t.field.ambientValue, { t: sig(w.ambient.temperature - CELSIUS_OFFSET), p: sig(w.ambient.pressure / 1000, 4), rh: sig(w.ambient.relativeHumidity * 100) }))}
            ${kv(t.field.dayFraction, sig(w.dayFraction))} ${kv(t.field.sectors, String(w.sectors))}
          </tbody>
        </table>
        ${defaultedNote}
        <div class="weather">
          ${table([t.col.id, t.col.stability, t.col.windSpeed, t.col.probability], weatherRows)}
          <div class="roses">${roseFigures}</div>
        </div>
      </div>
      <h3>${t.sub.population}</h3>
      ${table([t.col.id, t.col.name, t.col.category, t.col.location, t.col.population, t.col.indoor], popRows, 'small')}`,
    'page-break',
  );

  // 4. Rule set
  const rulesSection = section(
    t.sec.rules,
    html`<p>${fill(t.rules.intro, { label, title: rules.title })}</p>
      ${table(
        [t.col.item, t.col.value, t.col.source, t.col.confidence],
        ruleRows.map(
          (r) =>
            html`<tr>
              <td>${r.item}</td>
              <td class="num nowrap">${r.value}</td>
              <td class="src">${r.source}${r.note ? html`<br /><i>${r.note}</i>` : html``}</td>
              <td>${confidenceMark(r.confidence, t)}</td>
            </tr>`,
        ),
        'small',
      )}`,
    'page-break',
  );

  // 5. Map
  const legendItems = [
    ...mapLevels
      .filter((l) => result.contours.some((c) => c.level === l.level && c.multiPolygon.length > 0))
      .map(
        (l) =>
          html`<span class="li"
            ><svg viewBox="0 0 24 10" class="sw">
              <line x1="0" y1="5" x2="24" y2="5" style="stroke:${l.colour};stroke-width:2.5" /></svg
            >${fill(t.map.contour, { level: perYear(l.level) })}</span
          >`,
      ),
    html`<span class="li"
      ><svg viewBox="0 0 24 10" class="sw"><line x1="0" y1="5" x2="24" y2="5" class="boundary" /></svg
      >${t.map.boundary}</span
    >`,
    html`<span class="li"
      ><svg viewBox="0 0 24 10" class="sw">
        <rect x="4" y="1" width="16" height="8" class="installation" /></svg
      >${t.map.installation}</span
    >`,
    html`<span class="li"
      ><svg viewBox="0 0 24 10" class="sw">
        <rect x="4" y="1" width="16" height="8" class="target target-ok" /></svg
      >${t.map.targetOk}</span
    >`,
    html`<span class="li"
      ><svg viewBox="0 0 24 10" class="sw">
        <rect x="4" y="1" width="16" height="8" class="target target-fail" /></svg
      >${t.map.targetFail}</span
    >`,
    ...(project.population.length
      ? [
          html`<span class="li"
            ><svg viewBox="0 0 24 10" class="sw">
              <rect x="4" y="1" width="16" height="8" class="population" /></svg
            >${t.map.population}</span
          >`,
        ]
      : []),
  ];
  const reachRows = result.contours.map(
    (c) =>
      html`<tr>
        <td class="num">${perYear(c.level)}</td>
        <td class="num">${c.multiPolygon.length ? `${fixed(c.maxDistance)} m` : '—'}</td>
      </tr>`,
  );
  const mapSection = section(
    t.sec.map,
    html`<figure class="map">
      ${siteMapSvg(project, result, mapLevels, { north: t.map.north })}
      <figcaption>
        <div class="legend-row"><b>${t.map.legend}:</b> ${legendItems}</div>
        ${t.map.caption}
      </figcaption>
    </figure>`,
    'page-break',
  );

  // 6. External safety distance
  const esdRows = result.externalSafetyDistance.map(
    (d) =>
      html`<tr>
        <td>${t.status[d.installationStatus]}</td>
        <td>${t.category[d.targetClass]}</td>
        <td class="num">${perYear(d.threshold)}</td>
        <td class="num"><b>${fixed(d.distance)} m</b></td>
      </tr>`,
  );
  const distanceSection = section(
    t.sec.distance,
    html`<p>${t.distance.intro}</p>
      ${table([t.col.status, t.col.targetClass, t.col.threshold, t.col.distance], esdRows)}
      <h3>${t.distance.reachTitle}</h3>
      ${table([t.col.level, t.col.reach], reachRows, 'narrow')}`,
  );

  // 7. Targets
  const targetRows = result.targets.map((x) => {
    const checks = x.checks.map(
      (c) =>
        `${t.status[c.status]} (${c.basis === 'total' ? t.targets.basisTotal : t.targets.basisIncrement}): ${sci(c.individualRisk)} / ${sci(c.threshold)}`,
    );
    const top = x.contributors.slice(0, 3).map((c) =>
      fill(t.contributor, {
        installation: c.installation,
        scenario: c.scenario,
        outcome: c.outcome,
        share: fixed(c.share * 100),
      }),
    );
    return html`<tr class="${x.complies ? '' : 'row-fail'}">
      <td>${x.id}</td>
      <td>${x.name}</td>
      <td>${t.category[x.category]}</td>
      <td class="num nowrap">${perYear(x.individualRisk)}</td>
      <td class="num nowrap">${perYear(x.threshold)}</td>
      <td class="num">${sig(x.ratio, 2)}</td>
      <td>${verdictBadge(x.complies, t)}</td>
      <td class="src">
        ${top.join('; ') || '—'}${checks.length > 1 ? html`<br /><i>${t.targets.checks}: ${checks.join('; ')}</i>` : html``}
      </td>
    </tr>`;
  });
  const targetsSection = section(
    t.sec.targets,
    html`<p>${t.targets.intro}</p>
      ${table([t.col.id, t.col.name, t.col.category, t.col.risk, t.col.threshold, t.col.ratio, t.col.verdict, t.col.contributors], targetRows, 'small')}`,
  );

  // 8. Societal risk
  const sr = result.societalRisk;
  const minimumN = rules.societalRisk.minimumN.value;
  const societalSection = section(
    t.sec.societal,
    html`<table class="kv">
        <tbody>
          ${kv(t.field.region, html`<span class="${sr.verdict === 'unacceptable' ? 'fail' : sr.verdict === 'alarp' ? 'warn-badge' : 'ok'}">${t.region[sr.verdict]}</span>`)}
          ${kv(t.field.pll, `${perYear(sr.pll)}`)}
          ${kv(t.field.worstRatio, `${sig(sr.worstRatioToUnacceptable, 3)}${sr.worstN !== null ? ` (${t.field.worstN} ${sig(sr.worstN, 3)})` : ''}`)}
          ${kv(t.field.worstRatioAcceptable, sig(sr.worstRatioToAcceptable, 3))}
        </tbody>
      </table>
      <figure class="fn">
        ${fnChartSvg(sr.fn, rules.societalRisk.unacceptable, rules.societalRisk.acceptable, minimumN, {
          axisN: t.fn.axisN,
          axisF: t.fn.axisF,
          unacceptable: t.fn.unacceptable,
          acceptable: t.fn.acceptable,
          curve: t.fn.curve,
          regions: t.region,
        })}
        <figcaption>
          ${t.fn.caption}${sr.fn.length === 0 ? html` <b>${fill(t.fn.noCurve, { n: sig(minimumN) })}</b>` : html``}
        </figcaption>
      </figure>`,
    'page-break',
  );

  // 9. Installations
  const instVerdictRows = result.installations.map((i) => {
    const why = i.violations.map((v) =>
      v.kind === 'target' ? fill(t.violation.target, { target: v.target ?? '' }) : t.violation.societal,
    );
    const factor =
      i.verdict === 'compliant'
        ? '—'
        : i.requiredRiskReduction === null
          ? t.violation.cannot
          : `× ${sig(i.requiredRiskReduction, 3)}`;
    return html`<tr class="${i.verdict === 'compliant' ? '' : 'row-fail'}">
      <td>${i.id}</td>
      <td>${t.status[i.status]}</td>
      <td>${verdictBadge(i.verdict === 'compliant', t)}</td>
      <td>${why.join('; ') || '—'}</td>
      <td class="${i.verdict !== 'compliant' && i.requiredRiskReduction !== null ? 'num' : ''}">${factor}</td>
    </tr>`;
  });
  const installationsSection = section(
    t.sec.installations,
    html`<p>${t.installations.intro}</p>
      ${table([t.col.installation, t.col.status, t.col.verdict, t.col.violations, t.col.reduction], instVerdictRows)}`,
  );

  // 10. Rectification or relocation (when a plan is given)
  const planSection = input.plan ? section(t.sec.plan, planBody(input.plan, lang, t)) : html``;

  // 11. Traceability
  const g = result.grid;
  const traceSection = section(
    t.sec.trace,
    html`<table class="kv">
      <tbody>
        ${kv(t.field.engine, `SafeDist ${input.engineVersion}`)}
        ${kv(t.field.ruleSet, `${label} — ${rules.title}`)}
        ${kv(t.field.inputHash, html`<code>${input.inputHash}</code>`)}
        ${kv(t.field.events, String(result.events))}
        ${kv(t.field.grid, fill(t.field.gridValue, { nx: g.nx, ny: g.ny, cell: sig(g.cellSize), x0: fixed(g.x0), y0: fixed(g.y0) }))}
      </tbody>
    </table>`,
  );

  // 12. Limitations
  const limits: string[] = [];
  const hasUser = project.installations.some((i) => i.scenarios.length > 0);
  if (hasUser) limits.push(t.limits.userScenarios);
  if (
    project.installations.some((i) =>
      i.scenarios.some((s) => s.outcomes.some((o) => o.effect === 'explosion')),
    )
  )
    limits.push(t.limits.userExplosion);
  limits.push(fill(t.limits.windSector, { n: w.sectors }));
  limits.push(fill(t.limits.grid, { cell: sig(project.settings.cellSize) }));
  limits.push(t.limits.population);
  limits.push(t.limits.distance);
  const unsure = ruleRows.filter((r) => r.confidence === 'unsure').map((r) => `${r.item} (${r.value})`);
  if (unsure.length) limits.push(fill(t.limits.unsure, { list: unsure.join('; ') }));
  const likely = ruleRows.filter((r) => r.confidence === 'likely').length;
  if (likely) limits.push(fill(t.limits.likely, { count: likely }));
  if (w.defaulted.length)
    limits.push(
      fill(t.limits.weatherDefaulted, {
        list: w.defaulted.map((d) => t.defaulted[d]).join(lang === 'zh-CN' ? '、' : ', '),
      }),
    );
  if (classification.alpha.estimated)
    limits.push(fill(t.limits.alphaEstimated, { people: classification.alpha.people }));
  const limitsSection = section(
    t.sec.limitations,
    html`<p>${t.limits.intro}</p>
      <ol class="limits">
        ${limits.map((l) => html`<li>${l}</li>`)}
      </ol>`,
  );

  const failing = result.targets.filter((x) => !x.complies).length;
  const header = html`<header class="cover">
    <div class="doc-title">${t.docTitle}</div>
    <h1>${project.name}</h1>
    <div class="subtitle">${t.subtitle}</div>
    <div class="verdict-box ${ok ? 'verdict-ok' : 'verdict-fail'}">
      <div class="verdict-label">${t.overallVerdict}</div>
      <div class="verdict-value">${ok ? t.compliant : t.nonCompliant}</div>
      <div class="verdict-detail">
        ${t.sec.targets}: ${result.targets.length - failing}/${result.targets.length} ${t.compliant} ·
        ${t.sec.societal}: ${t.region[sr.verdict]}
      </div>
    </div>
    <div class="meta">
      SafeDist ${input.engineVersion} · ${label}${input.issued ? ` · ${t.issued} ${input.issued}` : ''}<br /><code
        >${input.inputHash}</code
      >
    </div>
  </header>`;

  const body = join([
    projectSection,
    methodSection,
    inputsSection,
    rulesSection,
    mapSection,
    distanceSection,
    targetsSection,
    societalSection,
    installationsSection,
    planSection,
    traceSection,
    limitsSection,
  ]);

  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="generator" content="SafeDist ${escapeAttr(input.engineVersion)}" />
<title>${escapeAttr(`${t.docTitle} — ${project.name}`)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<main class="report">
${header.text}
${body.text}
<footer class="doc-footer">${escapeAttr(fill(t.footer, { version: input.engineVersion, ruleSet: label, hash: input.inputHash }))}</footer>
</main>
</body>
</html>
`;
}

/**
 * The plan section: per non-compliant installation the recommendation, the ranked measures in the user's
 * terms with their margins, the distances needed from each failing target, the measures not considered;
 * then the verdict with every recommended measure and the variant projects written.
 */
function planBody(input: ReportPlan, lang: ReportLang, t: Strings): Html {
  const { plan, variants } = input;
  const p = t.plan;
  const margin = (m: number) => (Number.isFinite(m) ? `× ${sig(m, 3)}` : '∞');
  const blocks = plan.installations.map((i) => {
    const name = html`<h3>${i.id} ${i.name}</h3>`;
    if (!i.ownMeasureNeeded)
      return html`${name}
        <p>${p.noOwnMeasure}</p>`;
    const measureRows = i.measures.map(
      (m, k) =>
        html`<tr>
          <td class="num">${String(k + 1)}</td>
          <td>${m.text[lang]}</td>
          <td class="num nowrap">${margin(m.check.margin)}</td>
        </tr>`,
    );
    const relocationRows = i.relocation.map(
      (r) =>
        html`<tr>
          <td>${r.target}</td>
          <td class="num">${fixed(r.currentDistance)} m</td>
          <td class="num">
            ${r.compliesAlone ? p.compliesAlone : r.requiredDistance === null ? p.beyond : `${fixed(r.requiredDistance)} m`}
          </td>
        </tr>`,
    );
    return html`${name}
      <p>
        ${p.recommendation}: <b>${i.recommendation === 'rectify' ? p.rectify : p.relocate}</b>
        (${i.judgedWith === 'alone' ? p.alone : p.context})
      </p>
      ${measureRows.length ? table([p.rank, p.measure, p.margin], measureRows, 'small') : html`<p>${p.noMeasure}</p>`}
      ${
        relocationRows.length
          ? html`<p>${p.relocation}</p>
              ${table([p.target, p.now, p.needed], relocationRows, 'narrow')}`
          : html``
      }
      ${
        i.notApplicable.length
          ? html`<p>${p.notApplicable}:</p>
              <ul>
                ${i.notApplicable.map((n) => html`<li>${n.measure}: ${n.reason[lang]}</li>`)}
              </ul>`
          : html``
      }`;
  });
  const variantRows = variants.map((v) => {
    const measure = plan.installations.find((i) => i.id === v.installation)?.measures[v.rank - 1];
    return html`<tr>
      <td>${v.file ?? '—'}</td>
      <td>${v.installation}</td>
      <td>${measure ? measure.text[lang] : '—'}</td>
      <td>${v.verdict === 'not-modelled' ? p.notModelled : verdictBadge(v.verdict === 'compliant', t)}</td>
    </tr>`;
  });
  if (plan.installations.length === 0)
    return html`<p>${p.intro}</p>
      <p>${p.none}</p>`;
  return html`<p>${p.intro}</p>
    ${blocks}
    <p class="lead">${p.combined}: ${verdictBadge(plan.combined.verdict === 'compliant', t)}</p>
    <h3>${p.variants}</h3>
    ${variantRows.length ? table([p.file, t.col.installation, p.measure, t.col.verdict], variantRows, 'small') : html`<p>${p.noVariants}</p>`}`;
}

function escapeAttr(s: string): string {
  return html`${s}`.text;
}

function distinctRoses(classes: Project['weather']['classes']): { rose: readonly number[]; ids: string[] }[] {
  const out: { rose: readonly number[]; ids: string[] }[] = [];
  for (const c of classes) {
    const same = out.find(
      (r) => r.rose.length === c.windRose.length && r.rose.every((p, i) => p === c.windRose[i]),
    );
    if (same) same.ids.push(c.id);
    else out.push({ rose: c.windRose, ids: [c.id] });
  }
  return out;
}
