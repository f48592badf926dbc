import { useTranslation } from 'react-i18next';

/** An honest placeholder for a screen that is not built yet: it says so and shows no numbers. */
export function NotYetAvailable({ screen }: { screen: 'nav.site' | 'nav.results' }) {
  const { t } = useTranslation();
  return (
    <section className="screen" data-testid="not-yet-available">
      <h1>{t('pending.title', { screen: t(screen) })}</h1>
      <p>{t('pending.body')}</p>
    </section>
  );
}
