import { useTranslation } from 'react-i18next';
import { nextId, type EquipmentDoc, type OutcomeDoc, type ScenarioDoc } from '../project-state/document.ts';
import { useProjectState } from '../project-state/ProjectStateContext.tsx';
import { getIn, setIn, type Path } from '../project-state/paths.ts';
import { VertexFields } from './AreaForm.tsx';
import { BoolField, QuantityField, SelectField, Section, TextField } from './fields.tsx';
import {
  COORDINATE,
  EFFECTS,
  EQUIPMENT_FIELDS,
  EQUIPMENT_TYPES,
  INSTALLATION_QUANTITIES,
  INSTALLATION_STATUSES,
  isEquipmentType,
  KINDS,
  PHASES,
  REQUIRED_PROBABILITY,
  SCENARIO_FREQUENCY,
  SYSTEM_GRADES,
  ZONE_LENGTH,
  type FieldDef,
} from './specs.ts';
import { LocCases, usePreparedInstallation } from './LocCases.tsx';
import { SubstancePicker } from './SubstancePicker.tsx';

/** Everything about one installation: identity, substance, conditions, position, equipment, scenarios. */
export function InstallationForm({ index }: { index: number }) {
  const { t } = useTranslation();
  const at: Path = ['installations', index];
  return (
    <div className="se-form" data-testid="installation-form">
      <Section title={t('section.general')}>
        <div className="se-grid">
          <TextField path={[...at, 'id']} label={t('field.id')} required />
          <TextField path={[...at, 'name']} label={t('field.name')} required />
          <SelectField path={[...at, 'kind']} label={t('field.kind')} options={KINDS} labels="kind" />
          <SelectField
            path={[...at, 'status']}
            label={t('field.status')}
            options={INSTALLATION_STATUSES}
            labels="status"
          />
        </div>
        <TextField path={[...at, 'unit']} label={t('field.unit')} />
      </Section>
      <Section title={t('section.substance')}>
        <SubstancePicker path={[...at, 'substance']} />
      </Section>
      <Section title={t('section.conditions')}>
        <div className="se-grid">
          <QuantityField
            path={[...at, 'inventory']}
            spec={INSTALLATION_QUANTITIES.inventory}
            label={t('field.inventory')}
            testId="field-inventory"
          />
          <SelectField path={[...at, 'phase']} label={t('field.phase')} options={PHASES} labels="phase" />
          <QuantityField
            path={[...at, 'temperature']}
            spec={INSTALLATION_QUANTITIES.temperature}
            label={t('field.temperature')}
            testId="field-temperature"
          />
          <QuantityField
            path={[...at, 'pressure']}
            spec={INSTALLATION_QUANTITIES.pressure}
            label={t('field.pressure')}
            testId="field-pressure"
          />
        </div>
      </Section>
      <Section title={t('section.position')}>
        <div className="se-grid">
          <QuantityField path={[...at, 'position', 'x']} spec={COORDINATE} label={t('field.x')} />
          <QuantityField path={[...at, 'position', 'y']} spec={COORDINATE} label={t('field.y')} />
        </div>
        <Outline at={at} />
      </Section>
      <EquipmentList at={at} index={index} />
      <Section title={t('section.safety')}>
        <SelectField
          path={[...at, 'detection']}
          label={t('field.detection')}
          options={SYSTEM_GRADES}
          labels="detectionGrade"
          empty={t('field.gradeNone')}
        />
        <SelectField
          path={[...at, 'isolation']}
          label={t('field.isolation')}
          options={SYSTEM_GRADES}
          labels="isolationGrade"
          empty={t('field.gradeNone')}
        />
      </Section>
      <ScenarioList at={at} />
    </div>
  );
}

/** The installation's outline, when drawn: its vertices as site coordinates (the position stays apart). */
function Outline({ at }: { at: Path }) {
  const { t } = useTranslation();
  const { doc } = useProjectState();
  const outline = getIn(doc, [...at, 'outline']) as unknown[] | undefined;
  if (!Array.isArray(outline)) return null;
  return (
    <>
      <p className="muted small">
        {t('field.outline')} · {t('editor.vertices', { count: outline.length })}
      </p>
      <div className="se-grid" data-testid="outline-table">
        {outline.map((_, v) => (
          <VertexFields key={v} path={[...at, 'outline', v]} n={v + 1} />
        ))}
      </div>
    </>
  );
}

/** One control for a field definition of forms/specs.ts. */
function DefField({ def, at }: { def: FieldDef; at: Path }) {
  const { t } = useTranslation();
  const path = [...at, ...def.name.split('.')];
  const label = t(`field.${def.name.replace('.', '_')}`);
  if (def.kind === 'quantity') return <QuantityField path={path} spec={def.spec} label={label} />;
  if (def.kind === 'bool') return <BoolField path={path} label={label} required={def.required} />;
  return <SelectField path={path} label={label} options={def.options} labels={def.name} />;
}

function EquipmentList({ at, index }: { at: Path; index: number }) {
  const { t } = useTranslation();
  const { doc, edit } = useProjectState();
  const prepared = usePreparedInstallation(index);
  const listPath = [...at, 'equipment'];
  const items = (getIn(doc, listPath) as EquipmentDoc[] | undefined) ?? [];
  const add = () =>
    edit((d) =>
      setIn(d, listPath, [
        ...((getIn(d, listPath) as EquipmentDoc[] | undefined) ?? []),
        { type: 'pressure-vessel' },
      ]),
    );
  return (
    <Section
      title={t('section.equipment')}
      actions={
        <button type="button" className="secondary" onClick={add}>
          {t('field.addEquipment')}
        </button>
      }
    >
      {items.map((item, e) => {
        const itemPath = [...listPath, e];
        const changeType = (type: string) =>
          // Only the fields the new type has survive; the tag and the LOC overrides stay.
          edit((d) => {
            const old = getIn(d, itemPath) as EquipmentDoc;
            const names = isEquipmentType(type)
              ? EQUIPMENT_FIELDS[type].map((f) => f.name.split('.')[0])
              : [];
            const kept = Object.fromEntries(
              Object.entries(old).filter(
                ([key]) => names.includes(key) || ['id', 'frequencies', 'disable', 'reason'].includes(key),
              ),
            );
            return setIn(d, itemPath, { ...kept, type });
          });
        return (
          <div className="se-item" key={e}>
            <div className="se-grid">
              <label className="se-inline">
                {t('field.equipmentType')}
                <select value={item.type} onChange={(event) => changeType(event.target.value)}>
                  {EQUIPMENT_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`equipmentType.${type}`)}
                    </option>
                  ))}
                </select>
              </label>
              <TextField path={[...itemPath, 'id']} label={t('field.equipmentId')} />
              {isEquipmentType(item.type) &&
                EQUIPMENT_FIELDS[item.type].map((def) => <DefField key={def.name} def={def} at={itemPath} />)}
            </div>
            <LocCases itemPath={itemPath} equipmentIndex={e} prepared={prepared} />
            <button
              type="button"
              className="link danger"
              onClick={() => edit((d) => setIn(d, itemPath, undefined))}
            >
              {t('field.remove')}
            </button>
          </div>
        );
      })}
    </Section>
  );
}

function ScenarioList({ at }: { at: Path }) {
  const { t } = useTranslation();
  const { doc, edit } = useProjectState();
  const listPath = [...at, 'scenarios'];
  const scenarios = (getIn(doc, listPath) as ScenarioDoc[] | undefined) ?? [];
  const add = () =>
    edit((d) => {
      const list = (getIn(d, listPath) as ScenarioDoc[] | undefined) ?? [];
      const scenario: ScenarioDoc = {
        id: nextId(
          'U',
          list.map((s) => s.id),
        ),
        type: 'user-defined',
        frequency: '',
        outcomes: [{ probability: 1, effect: 'generic', zones: [{ radius: '', lethality: '' }] }],
      };
      return setIn(d, listPath, [...list, scenario]);
    });
  return (
    <Section
      title={t('section.scenarios')}
      actions={
        <button type="button" className="secondary" onClick={add}>
          {t('field.addScenario')}
        </button>
      }
    >
      {scenarios.map((scenario, s) => {
        const scPath = [...listPath, s];
        return (
          <div className="se-item" key={s}>
            <div className="se-grid">
              <TextField path={[...scPath, 'id']} label={t('field.id')} required />
              <QuantityField
                path={[...scPath, 'frequency']}
                spec={SCENARIO_FREQUENCY}
                label={t('field.frequency')}
              />
            </div>
            {scenario.outcomes.map((outcome, o) => (
              <OutcomeEditor key={o} path={[...scPath, 'outcomes', o]} outcome={outcome} />
            ))}
            <div className="se-row-actions">
              <button
                type="button"
                className="link"
                onClick={() =>
                  edit((d) =>
                    setIn(d, [...scPath, 'outcomes', scenario.outcomes.length], {
                      probability: '',
                      effect: 'generic',
                      zones: [{ radius: '', lethality: '' }],
                    }),
                  )
                }
              >
                {t('field.addOutcome')}
              </button>
              <button
                type="button"
                className="link danger"
                onClick={() => edit((d) => setIn(d, scPath, undefined))}
              >
                {t('field.remove')}
              </button>
            </div>
          </div>
        );
      })}
    </Section>
  );
}

function OutcomeEditor({ path, outcome }: { path: Path; outcome: OutcomeDoc }) {
  const { t } = useTranslation();
  const { edit } = useProjectState();
  const circular = outcome.downwind === undefined;
  const list = circular ? 'zones' : 'downwind';
  const zones = (circular ? outcome.zones : outcome.downwind) ?? [];
  const switchShape = (toCircular: boolean) =>
    edit((d) => {
      const { zones: _zones, downwind: _downwind, ...rest } = getIn(d, path) as OutcomeDoc;
      const next: OutcomeDoc = toCircular
        ? { ...rest, zones: [{ radius: '', lethality: '' }] }
        : { ...rest, downwind: [{ length: '', halfWidth: '', lethality: '' }] };
      return setIn(d, path, next);
    });
  return (
    <div className="se-outcome">
      <div className="se-grid">
        <QuantityField
          path={[...path, 'probability']}
          spec={REQUIRED_PROBABILITY}
          label={t('field.probability')}
        />
        <SelectField path={[...path, 'effect']} label={t('field.effect')} options={EFFECTS} labels="effect" />
        <label className="se-inline">
          {t('field.zoneKind')}
          <select
            value={circular ? 'circular' : 'downwind'}
            onChange={(event) => switchShape(event.target.value === 'circular')}
          >
            <option value="circular">{t('field.zoneCircular')}</option>
            <option value="downwind">{t('field.zoneDownwind')}</option>
          </select>
        </label>
      </div>
      {zones.map((_, z) => {
        const zPath = [...path, list, z];
        return (
          <div className="se-grid se-zone" key={z}>
            {circular ? (
              <QuantityField path={[...zPath, 'radius']} spec={ZONE_LENGTH} label={t('field.radius')} />
            ) : (
              <>
                <QuantityField path={[...zPath, 'length']} spec={ZONE_LENGTH} label={t('field.length')} />
                <QuantityField
                  path={[...zPath, 'halfWidth']}
                  spec={ZONE_LENGTH}
                  label={t('field.halfWidth')}
                />
              </>
            )}
            <QuantityField
              path={[...zPath, 'lethality']}
              spec={REQUIRED_PROBABILITY}
              label={t('field.lethality')}
            />
            <button
              type="button"
              className="link danger"
              disabled={zones.length === 1}
              onClick={() => edit((d) => setIn(d, zPath, undefined))}
            >
              {t('field.remove')}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="link"
        onClick={() =>
          edit((d) =>
            setIn(
              d,
              [...path, list, zones.length],
              circular ? { radius: '', lethality: '' } : { length: '', halfWidth: '', lethality: '' },
            ),
          )
        }
      >
        {t('field.addZone')}
      </button>
    </div>
  );
}
