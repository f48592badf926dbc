import { useTranslation } from 'react-i18next';
import { nextId, type WeatherDoc } from '../project-state/document.ts';
import { useProjectState } from '../project-state/ProjectStateContext.tsx';
import { getIn, setIn } from '../project-state/paths.ts';
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
  const rose = weather.windRose;
  const roseIssue = usePathIssue(['weather', 'windRose', 'probabilities']);
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
  if (!rose.probabilities) {
    return (
      <Section title={t('section.windRose')}>
        <p className="muted">{t('field.byClassKept')}</p>
      </Section>
    );
  }
  const probabilities = rose.probabilities;
  const values = probabilities.map((p) => checkQuantity(p, REQUIRED_PROBABILITY).si);
  const known = values.every((v) => v !== undefined);
  const sum = known ? sumOf(values as number[]) : undefined;
  const n = probabilities.length;
  const sectors = checkQuantity(rose.sectors, WEATHER_SPECS.sectors).si;

  /** A new sector count keeps the table's length in step (new sectors start at 0, extra ones are dropped). */
  const setSectors = (count: number) =>
    edit((d) =>
      setIn(
        setIn(d, ['weather', 'windRose', 'sectors'], count),
        ['weather', 'windRose', 'probabilities'],
        Array.from({ length: count }, (_, k) => probabilities[k] ?? 0),
      ),
    );
  const normalise = () =>
    edit((d) =>
      setIn(
        d,
        ['weather', 'windRose', 'probabilities'],
        (values as number[]).map((v) => Number((v / (sum as number)).toPrecision(6))),
      ),
    );

  return (
    <Section title={t('section.windRose')}>
      <p className="muted small">{t('field.roseNote')}</p>
      <label className="se-inline">
        {t('field.sectors')}
        <select
          value={String(sectors ?? n)}
          onChange={(event) => setSectors(Number(event.target.value))}
          data-testid="rose-sectors"
        >
          {[...new Set([...SECTOR_CHOICES, sectors ?? n])]
            .sort((a, b) => a - b)
            .map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
        </select>
      </label>
      <div className="se-rose-layout">
        <WindRoseChart values={values} />
        <div className="se-rose-table" data-testid="rose-table">
          <p className="se-rose-head muted small">{t('field.sectorHead')}</p>
          {probabilities.map((_, k) => (
            <QuantityField
              key={k}
              path={['weather', 'windRose', 'probabilities', k]}
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
    </Section>
  );
}
