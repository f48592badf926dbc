import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextId, type WeatherDoc } from '../project-state/document.ts';
import { useProjectState } from '../project-state/ProjectStateContext.tsx';
import { getIn, setIn, type Path } from '../project-state/paths.ts';
import { issueText, QuantityField, SelectField, Section, TextField, usePathIssue } from './fields.tsx';
import { checkQuantity, formatSi } from './quantity.ts';
import {
  PROBABILITY,
  REQUIRED_PROBABILITY,
  STABILITY_CLASSES,
  SUM_TOLERANCE,
  WEATHER_SPECS,
} from './specs.ts';
import { sumOf } from './validate.ts';
import { marginalRose, resizeRose } from './wind-rose.ts';
import { WindRoseChart } from './WindRose.tsx';

const SECTOR_CHOICES = [4, 8, 12, 16, 36];

/** Ambient conditions, weather classes (stability, wind speed, share of time) and the wind rose. */
export function WeatherForm() {
  const { t } = useTranslation();
  const { doc, edit } = useProjectState();
  const weather = getIn(doc, ['weather']) as WeatherDoc | undefined;
  if (!weather) {
    return (
      <div className="se-form" data-testid="weather-form">
        <p className="muted">{t('field.weatherDefault')}</p>
        <button
          type="button"
          onClick={() =>
            edit((d) =>
              setIn(d, ['weather'], {
                classes: [{ id: 'D5', stability: 'D', windSpeed: 5, probability: 1 }],
                windRose: { sectors: 12, probabilities: Array.from({ length: 12 }, () => 1 / 12) },
              }),
            )
          }
        >
          {t('field.weatherCreate')}
        </button>
      </div>
    );
  }
  return (
    <div className="se-form" data-testid="weather-form">
      <Section title={t('section.ambient')}>
        <div className="se-grid">
          <QuantityField
            path={['weather', 'ambient', 'temperature']}
            spec={WEATHER_SPECS.ambientTemperature}
            label={t('field.ambientTemperature')}
          />
          <QuantityField
            path={['weather', 'ambient', 'pressure']}
            spec={WEATHER_SPECS.ambientPressure}
            label={t('field.ambientPressure')}
          />
          <QuantityField
            path={['weather', 'ambient', 'relativeHumidity']}
            spec={PROBABILITY}
            label={t('field.relativeHumidity')}
          />
          <QuantityField
            path={['weather', 'dayFraction']}
            spec={PROBABILITY}
            label={t('field.dayFraction')}
          />
        </div>
      </Section>
      <WeatherClasses classes={weather.classes ?? []} />
      <WindRoseEditor weather={weather} />
    </div>
  );
}

function WeatherClasses({ classes }: { classes: NonNullable<WeatherDoc['classes']> }) {
  const { t } = useTranslation();
  const { edit } = useProjectState();
  const sumIssue = usePathIssue(['weather', 'classes']);
  const values = classes.map((c) => checkQuantity(c.probability, REQUIRED_PROBABILITY).si);
  const known = values.every((v) => v !== undefined);
  return (
    <Section
      title={t('section.classes')}
      actions={
        <button
          type="button"
          className="secondary"
          onClick={() =>
            edit((d) =>
              setIn(d, ['weather', 'classes', classes.length], {
                id: nextId(
                  'W',
                  classes.map((c) => c.id),
                ),
                stability: 'D',
                windSpeed: '',
                probability: '',
              }),
            )
          }
        >
          {t('field.addClass')}
        </button>
      }
    >
      {classes.map((_, i) => (
        <div className="se-grid se-class" key={i}>
          <TextField path={['weather', 'classes', i, 'id']} label={t('field.id')} required />
          <SelectField
            path={['weather', 'classes', i, 'stability']}
            label={t('field.stability')}
            options={STABILITY_CLASSES}
            labels="stabilityClass"
          />
          <QuantityField
            path={['weather', 'classes', i, 'windSpeed']}
            spec={WEATHER_SPECS.windSpeed}
            label={t('field.windSpeed')}
          />
          <QuantityField
            path={['weather', 'classes', i, 'probability']}
            spec={WEATHER_SPECS.probability}
            label={t('field.probability')}
          />
          <button
            type="button"
            className="link danger"
            disabled={classes.length === 1}
            onClick={() => edit((d) => setIn(d, ['weather', 'classes', i], undefined))}
          >
            {t('field.remove')}
          </button>
        </div>
      ))}
      <SumLine
        sum={known ? sumOf(values as number[]) : undefined}
        issueText={sumIssue ? issueText(t, sumIssue) : undefined}
        testId="classes-sum"
      />
    </Section>
  );
}

function SumLine({
  sum,
  issueText: message,
  testId,
}: {
  sum: number | undefined;
  issueText: string | undefined;
  testId: string;
}) {
  const { t } = useTranslation();
  if (sum === undefined) return null;
  const ok = Math.abs(sum - 1) <= SUM_TOLERANCE;
  return (
    <p className={ok ? 'se-sum ok' : 'se-sum bad'} data-testid={testId} role="status">
      {ok ? t('field.sumOk', { sum: formatSi(sum) }) : (message ?? t('field.sum', { sum: formatSi(sum) }))}
    </p>
  );
}

function WindRoseEditor({ weather }: { weather: WeatherDoc }) {
  const { t } = useTranslation();
  const { edit } = useProjectState();
  const [chosen, setChosen] = useState<string | null>(null);
  const rose = weather.windRose;
  if (!rose) {
    return (
      <Section title={t('section.windRose')}>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            edit((d) =>
              setIn(d, ['weather', 'windRose'], {
                sectors: 12,
                probabilities: Array.from({ length: 12 }, () => 1 / 12),
              }),
            )
          }
        >
          {t('field.weatherCreate')}
        </button>
      </Section>
    );
  }
  const classes = weather.classes ?? [];
  const perClass = rose.probabilities === undefined && rose.byClass !== undefined;
  const byClass = rose.byClass ?? {};
  // Per class: the classes of the table first, then any rose naming no class (flagged by the checks).
  const roseIds = perClass
    ? [...new Set([...classes.map((c) => c.id), ...Object.keys(byClass)])].filter((id) => id !== '')
    : [];
  const current = perClass
    ? chosen !== null && roseIds.includes(chosen)
      ? chosen
      : (roseIds[0] ?? null)
    : null;
  const rosePath: Path = perClass
    ? ['weather', 'windRose', 'byClass', current ?? '']
    : ['weather', 'windRose', 'probabilities'];
  const probabilities =
    (perClass ? (current !== null ? byClass[current] : undefined) : rose.probabilities) ?? [];
  const sectors = checkQuantity(rose.sectors, WEATHER_SPECS.sectors).si;
  const n = sectors ?? probabilities.length;
  const numbers = (list: readonly unknown[]) => list.map((p) => checkQuantity(p, REQUIRED_PROBABILITY).si);
  const classShares = classes.map((c) => ({
    id: c.id,
    probability: checkQuantity(c.probability, REQUIRED_PROBABILITY).si,
  }));

  /** A new sector count keeps every rose's length in step (new sectors start at 0, extra ones are dropped). */
  const setSectors = (count: number) =>
    edit((d) => {
      const next = setIn(d, ['weather', 'windRose', 'sectors'], count);
      const current = getIn(next, ['weather', 'windRose']) as NonNullable<WeatherDoc['windRose']>;
      if (current.probabilities)
        return setIn(
          next,
          ['weather', 'windRose', 'probabilities'],
          resizeRose(current.probabilities, count),
        );
      return setIn(
        next,
        ['weather', 'windRose', 'byClass'],
        Object.fromEntries(
          Object.entries(current.byClass ?? {}).map(([id, v]) => [id, resizeRose(v, count)]),
        ),
      );
    });

  /** One rose for all classes ⇄ one per class: copies the rose to every class, or merges them (marginalRose). */
  const switchMode = (toPerClass: boolean) =>
    edit((d) => {
      const {
        probabilities: _p,
        byClass: _b,
        ...rest
      } = getIn(d, ['weather', 'windRose']) as NonNullable<WeatherDoc['windRose']>;
      if (toPerClass) {
        const copy = rose.probabilities ?? [];
        return setIn(d, ['weather', 'windRose'], {
          ...rest,
          byClass: Object.fromEntries(classes.map((c) => [c.id, [...copy]])),
        });
      }
      const values = Object.fromEntries(Object.entries(byClass).map(([id, v]) => [id, numbers(v)]));
      const complete =
        classShares.every((c) => c.probability !== undefined) &&
        Object.values(values).every((v) => v.every((x) => x !== undefined));
      const merged = complete
        ? marginalRose(
            values as Record<string, number[]>,
            classShares as { id: string; probability: number }[],
          )
        : null;
      return setIn(d, ['weather', 'windRose'], {
        ...rest,
        // Shares or roses still incomplete: the rose on show is kept, and the sum check says what to fix.
        probabilities: merged ?? [...probabilities],
      });
    });

  const modeSelect = (
    <label className="se-inline">
      {t('field.roseMode')}
      <select
        value={perClass ? 'per-class' : 'single'}
        onChange={(event) => switchMode(event.target.value === 'per-class')}
        data-testid="rose-mode"
      >
        <option value="single">{t('field.roseSingle')}</option>
        <option value="per-class">{t('field.rosePerClass')}</option>
      </select>
    </label>
  );

  return (
    <Section title={t('section.windRose')}>
      <p className="muted small">{t('field.roseNote')}</p>
      <div className="se-grid">
        {modeSelect}
        <label className="se-inline">
          {t('field.sectors')}
          <select
            value={String(n)}
            onChange={(event) => setSectors(Number(event.target.value))}
            data-testid="rose-sectors"
          >
            {[...new Set([...SECTOR_CHOICES, n])]
              .sort((a, b) => a - b)
              .map((count) => (
                <option key={count} value={count}>
                  {count}
                </option>
              ))}
          </select>
        </label>
      </div>
      {perClass && (
        <div className="se-tabs se-rose-classes" role="tablist" data-testid="rose-classes">
          {roseIds.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={id === current}
              className={id === current ? 'active' : undefined}
              onClick={() => setChosen(id)}
            >
              {id}
            </button>
          ))}
        </div>
      )}
      {perClass && current !== null && byClass[current] === undefined ? (
        <p className="se-message">
          {t('issue.roseMissing', { id: current })}{' '}
          <button
            type="button"
            className="link"
            onClick={() =>
              edit((d) =>
                setIn(
                  d,
                  rosePath,
                  resizeRose([], n).map(() => 1 / n),
                ),
              )
            }
          >
            {t('field.roseCreateUniform')}
          </button>
        </p>
      ) : (
        <RoseTable path={rosePath} probabilities={probabilities} />
      )}
    </Section>
  );
}

/** One rose: the polar chart beside the table of sector probabilities, with a live sum and Normalise. */
function RoseTable({ path, probabilities }: { path: Path; probabilities: readonly unknown[] }) {
  const { t } = useTranslation();
  const { edit } = useProjectState();
  const roseIssue = usePathIssue(path);
  const values = probabilities.map((p) => checkQuantity(p, REQUIRED_PROBABILITY).si);
  const known = values.every((v) => v !== undefined);
  const sum = known ? sumOf(values as number[]) : undefined;
  const n = probabilities.length;
  const normalise = () =>
    edit((d) =>
      setIn(
        d,
        path,
        (values as number[]).map((v) => Number((v / (sum as number)).toPrecision(6))),
      ),
    );
  return (
    <>
      <div className="se-rose-layout">
        <WindRoseChart values={values} />
        <div className="se-rose-table" data-testid="rose-table">
          <p className="se-rose-head muted small">{t('field.sectorHead')}</p>
          {probabilities.map((_, k) => (
            <QuantityField
              key={k}
              path={[...path, k]}
              spec={REQUIRED_PROBABILITY}
              label={`${k + 1} · ${formatSi((k * 360) / n)}°`}
            />
          ))}
        </div>
      </div>
      <div className="se-row-actions">
        <SumLine sum={sum} issueText={roseIssue ? issueText(t, roseIssue) : undefined} testId="rose-sum" />
        {sum !== undefined && sum > 0 && Math.abs(sum - 1) > SUM_TOLERANCE && (
          <button type="button" className="secondary" onClick={normalise}>
            {t('field.normalise')}
          </button>
        )}
      </div>
    </>
  );
}
