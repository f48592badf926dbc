import { useTranslation } from 'react-i18next';
import type { AreaDoc } from '../project-state/document.ts';
import { useProjectState } from '../project-state/ProjectStateContext.tsx';
import { getIn, type Path } from '../project-state/paths.ts';
import { SelectField, Section, TextField, QuantityField, usePathIssue, issueText } from './fields.tsx';
import { COORDINATE, PEOPLE, PROBABILITY, TARGET_CATEGORIES } from './specs.ts';

/**
 * A protection target (with its GB 36894 class) or a population area counted for societal risk: who is
 * there by day and night and how many of them indoors. The extent is drawn on the map.
 */
export function AreaForm({ collection, index }: { collection: 'targets' | 'population'; index: number }) {
  const { t } = useTranslation();
  const { doc } = useProjectState();
  const at: Path = [collection, index];
  const area = getIn(doc, at) as AreaDoc | undefined;
  const geometryIssue = usePathIssue([...at, 'polygon']);
  if (!area) return null;
  return (
    <div className="se-form" data-testid={collection === 'targets' ? 'target-form' : 'population-form'}>
      <Section title={t('section.general')}>
        <div className="se-grid">
          <TextField path={[...at, 'id']} label={t('field.id')} required />
          <TextField path={[...at, 'name']} label={t('field.name')} />
        </div>
        {collection === 'targets' && (
          <SelectField
            path={[...at, 'category']}
            label={t('field.category')}
            options={TARGET_CATEGORIES}
            labels="category"
            testId="field-category"
          />
        )}
      </Section>
      <Section title={t('section.people')}>
        <div className="se-grid">
          <QuantityField
            path={[...at, 'population', 'day']}
            spec={PEOPLE}
            label={t('field.populationDay')}
            testId="field-population-day"
          />
          <QuantityField
            path={[...at, 'population', 'night']}
            spec={PEOPLE}
            label={t('field.populationNight')}
            testId="field-population-night"
          />
          <QuantityField
            path={[...at, 'indoorFraction', 'day']}
            spec={PROBABILITY}
            label={t('field.indoorDay')}
          />
          <QuantityField
            path={[...at, 'indoorFraction', 'night']}
            spec={PROBABILITY}
            label={t('field.indoorNight')}
          />
        </div>
      </Section>
      <Section title={t('section.geometry')}>
        {area.polygon ? (
          <>
            <p className="muted small">{t('editor.vertices', { count: area.polygon.length })}</p>
            <div className="se-grid" data-testid="vertex-table">
              {area.polygon.map((_, v) => (
                <VertexFields key={v} path={[...at, 'polygon', v]} n={v + 1} />
              ))}
            </div>
          </>
        ) : area.position ? (
          <div className="se-grid">
            <QuantityField path={[...at, 'position', 'x']} spec={COORDINATE} label={t('field.x')} />
            <QuantityField path={[...at, 'position', 'y']} spec={COORDINATE} label={t('field.y')} />
          </div>
        ) : null}
        {geometryIssue && <p className="se-message">{issueText(t, geometryIssue)}</p>}
      </Section>
    </div>
  );
}

/** One polygon vertex typed as site coordinates (unit-aware, like any length: "350 m", "0.35 km"). */
export function VertexFields({ path, n }: { path: Path; n: number }) {
  const { t } = useTranslation();
  return (
    <>
      <QuantityField path={[...path, 0]} spec={COORDINATE} label={t('field.vertexX', { n })} />
      <QuantityField path={[...path, 1]} spec={COORDINATE} label={t('field.vertexY', { n })} />
    </>
  );
}
