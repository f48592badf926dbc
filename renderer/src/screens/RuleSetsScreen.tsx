import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSetSummary } from '../../../shared/contract.ts';
import { api } from '../api/index.ts';

/** The built-in rule sets. Viewing their tables and editing copies come with the rule-set editor. */
export function RuleSetsScreen() {
  const { t } = useTranslation();
  const [ruleSets, setRuleSets] = useState<RuleSetSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.listRuleSets().then(setRuleSets, (e: Error) => setError(e.message));
  }, []);

  return (
    <section className="screen">
      <h1>{t('rules.title')}</h1>
      {error && <p className="error">{t('common.error', { message: error })}</p>}
      {!ruleSets && !error && <p className="muted">{t('common.loading')}</p>}
      {ruleSets && (
        <table data-testid="rule-sets">
          <thead>
            <tr>
              <th>{t('rules.id')}</th>
              <th>{t('rules.version')}</th>
              <th>{t('rules.name')}</th>
            </tr>
          </thead>
          <tbody>
            {ruleSets.map((ruleSet) => (
              <tr key={`${ruleSet.id} v${ruleSet.version}`}>
                <td>{ruleSet.id}</td>
                <td>{ruleSet.version}</td>
                <td>{ruleSet.title}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">{t('rules.editorPending')}</p>
    </section>
  );
}
