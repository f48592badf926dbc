import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract.ts';
import { api } from '../api/index.ts';

export function AboutScreen() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.getAppInfo().then(setInfo, (e: Error) => setError(e.message));
  }, []);

  return (
    <section className="screen">
      <h1>{t('about.title')}</h1>
      {error && <p className="error">{t('common.error', { message: error })}</p>}
      {!info && !error && <p className="muted">{t('common.loading')}</p>}
      {info && (
        <dl className="facts" data-testid="app-info">
          <dt>{t('about.version')}</dt>
          <dd>{info.version}</dd>
          <dt>{t('about.mode')}</dt>
          <dd>{info.mode === 'electron' ? t('about.modeElectron') : t('about.modeWeb')}</dd>
          <dt>{t('about.runtime')}</dt>
          <dd>
            {[
              `Node ${info.versions.node}`,
              info.versions.electron && `Electron ${info.versions.electron}`,
              info.versions.chrome && `Chromium ${info.versions.chrome}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </dd>
          <dt>{t('about.standards')}</dt>
          <dd>{t('about.standardsList')}</dd>
        </dl>
      )}
    </section>
  );
}
