import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type SubstanceDetail, type SubstanceSummary } from '../../../shared/contract.ts';
import { api } from '../api/index.ts';

/** Wait this long after the last keystroke before searching. */
const SEARCH_DELAY_MS = 150;

type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; value: T };

export function SubstancesScreen() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Loaded<SubstanceSummary[]>>({ state: 'loading' });
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api.searchSubstances({ query }).then(
        (value) => current && setResults({ state: 'done', value }),
        (error: Error) => current && setResults({ state: 'error', message: error.message }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <section className="screen substances">
      <h1>{t('substances.title')}</h1>
      <label className="search">
        {t('substances.search')}
        <input
          type="search"
          value={query}
          maxLength={LIMITS.searchQueryLength}
          placeholder={t('substances.searchPlaceholder')}
          onChange={(event) => setQuery(event.target.value)}
          data-testid="substance-search"
        />
      </label>
      <div className="split">
        <div className="list">
          {results.state === 'loading' && <p className="muted">{t('common.loading')}</p>}
          {results.state === 'error' && (
            <p className="error">{t('common.error', { message: results.message })}</p>
          )}
          {results.state === 'done' && (
            <>
              <p className="muted" data-testid="substance-count">
                {results.value.length === 0
                  ? t('substances.noMatch')
                  : t('substances.count', { count: results.value.length })}
              </p>
              <table>
                <thead>
                  <tr>
                    <th>{t('substances.nameZh')}</th>
                    <th>{t('substances.nameEn')}</th>
                    <th>{t('substances.cas')}</th>
                    <th>{t('substances.formula')}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.value.map((substance) => (
                    <tr
                      key={substance.id}
                      className={substance.id === selected ? 'selected' : undefined}
                      onClick={() => setSelected(substance.id)}
                    >
                      <td>
                        {/* The row's click handler selects; the button makes the row reachable by keyboard. */}
                        <button type="button" className="link">
                          {substance.nameZh}
                        </button>
                      </td>
                      <td>{substance.nameEn}</td>
                      <td>{substance.cas}</td>
                      <td>{substance.formula}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
        <div className="detail">
          {selected ? <SubstanceCard id={selected} /> : <p className="muted">{t('substances.select')}</p>}
        </div>
      </div>
    </section>
  );
}

function SubstanceCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState<Loaded<SubstanceDetail>>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    api.getSubstance({ id }).then(
      (value) => current && setDetail({ state: 'done', value }),
      (error: Error) => current && setDetail({ state: 'error', message: error.message }),
    );
    return () => {
      current = false;
    };
  }, [id]);

  if (detail.state === 'loading') return <p className="muted">{t('common.loading')}</p>;
  if (detail.state === 'error')
    return <p className="error">{t('common.error', { message: detail.message })}</p>;
  const substance = detail.value;
  return (
    <article data-testid="substance-detail">
      <h2>
        {substance.nameZh} · {substance.nameEn}
      </h2>
      <dl className="facts">
        <dt>{t('substances.id')}</dt>
        <dd>{substance.id}</dd>
        <dt>{t('substances.cas')}</dt>
        <dd>{substance.cas}</dd>
        <dt>{t('substances.formula')}</dt>
        <dd>{substance.formula}</dd>
        <dt>{t('substances.hazards')}</dt>
        <dd>{substance.hazards.join(', ')}</dd>
        {substance.aliases.length > 0 && (
          <>
            <dt>{t('substances.aliases')}</dt>
            <dd>{substance.aliases.join('; ')}</dd>
          </>
        )}
        {substance.gb18218CriticalQuantity !== undefined && (
          <>
            <dt>{t('substances.gb18218')}</dt>
            {/* GB 18218 states critical quantities in tonnes; the API gives kg. */}
            <dd>{formatValue(substance.gb18218CriticalQuantity / 1000)} t</dd>
          </>
        )}
      </dl>
      <table>
        <thead>
          <tr>
            <th>{t('substances.property')}</th>
            <th>{t('substances.value')}</th>
            <th>{t('substances.unit')}</th>
            <th>{t('substances.sources')}</th>
          </tr>
        </thead>
        <tbody>
          {substance.properties.map((property) => (
            <tr key={property.key}>
              <td>{t(`substanceProperty.${property.key}`)}</td>
              <td className="number">{formatValue(property.value)}</td>
              <td>{property.unit}</td>
              <td>{property.sources.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('substances.sources')}</h3>
      <ul className="sources">
        {substance.sources.map(({ key, source }) => (
          <li key={key}>
            <strong>{key}</strong> {source}
          </li>
        ))}
      </ul>
      {substance.notes && (
        <p className="muted">
          <strong>{t('substances.notes')}:</strong> {substance.notes}
        </p>
      )}
    </article>
  );
}

/** Library values as stored, to at most 6 significant digits, without trailing zeros. */
function formatValue(value: number): string {
  return Number(value.toPrecision(6)).toString();
}
