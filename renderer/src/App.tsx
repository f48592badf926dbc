import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Route, Routes } from 'react-router';
import { LANGUAGES, setLanguage, type Language } from './i18n/index.ts';
import { ProjectCommandsProvider } from './project/commands.tsx';
import { ProjectProvider } from './project/ProjectContext.tsx';
import { ProjectStateProvider } from './project-state/ProjectStateContext.tsx';
import { AssessmentProvider } from './results/AssessmentContext.tsx';
import { ResultsScreen } from './results/ResultsScreen.tsx';
import { AboutScreen } from './screens/AboutScreen.tsx';
import { RuleSetsScreen } from './screens/RuleSetsScreen.tsx';
import { DropZone, RecoveryBanner, ShortcutsDialog, StatusBar, useAppShortcuts } from './screens/shell.tsx';
import { SiteEditorScreen } from './site-editor/SiteEditorScreen.tsx';
import { StartScreen } from './screens/StartScreen.tsx';
import { SubstancesScreen } from './screens/SubstancesScreen.tsx';

const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

/** The screens, in the order of the work: set up a site, run it, then the reference screens. */
const NAV = [
  { to: '/', key: 'nav.start' },
  { to: '/site', key: 'nav.site' },
  { to: '/results', key: 'nav.results' },
  { to: '/rules', key: 'nav.rules' },
  { to: '/substances', key: 'nav.substances' },
  { to: '/about', key: 'nav.about' },
] as const;

export function App() {
  return (
    <ProjectProvider>
      <ProjectStateProvider>
        <AssessmentProvider>
          <ProjectCommandsProvider>
            <Shell />
          </ProjectCommandsProvider>
        </AssessmentProvider>
      </ProjectStateProvider>
    </ProjectProvider>
  );
}

/** The window: navigation, the recovery offer, the current screen and the status bar; shortcuts and drops. */
function Shell() {
  const { t, i18n } = useTranslation();
  const [help, setHelp] = useState(false);
  useAppShortcuts(() => setHelp(true));
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label="main">
          {NAV.map(({ to, key }) => (
            <NavLink key={to} to={to} end={to === '/'}>
              {t(key)}
            </NavLink>
          ))}
        </nav>
        <label className="language">
          {t('nav.language')}
          <select
            value={i18n.resolvedLanguage}
            onChange={(event) => void setLanguage(event.target.value as Language)}
            data-testid="language"
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {LANGUAGE_NAMES[language]}
              </option>
            ))}
          </select>
        </label>
      </header>
      <RecoveryBanner />
      <main>
        <Routes>
          <Route path="/" element={<StartScreen />} />
          <Route path="/site" element={<SiteEditorScreen />} />
          <Route path="/results" element={<ResultsScreen />} />
          <Route path="/rules" element={<RuleSetsScreen />} />
          <Route path="/substances" element={<SubstancesScreen />} />
          <Route path="/about" element={<AboutScreen />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
      <StatusBar onHelp={() => setHelp(true)} />
      <DropZone />
      {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
    </div>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="screen">
      <h1>{t('notFound.title')}</h1>
      <Link to="/">{t('notFound.back')}</Link>
    </section>
  );
}
