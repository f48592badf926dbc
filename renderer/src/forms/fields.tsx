import { createContext, useContext, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useProjectState } from '../project-state/ProjectStateContext.tsx';
import { getIn, pathKey, type Path } from '../project-state/paths.ts';
import { checkQuantity, formatSi, siUnit, storedValue, type Issue, type QuantitySpec } from './quantity.ts';
import type { Issues } from './validate.ts';

/** The issues of the whole document (forms/validate.ts), computed once per edit by the editor screen. */
export const IssuesContext = createContext<Issues>(new Map());

const DIMENSION_KEYS = [
  'length',
  'area',
  'volume',
  'mass',
  'pressure',
  'temperature',
  'velocity',
  'frequency',
  'dimensionless',
];

/** An issue in the current language. */
export function issueText(t: TFunction, issue: Issue): string {
  const values = issue.values ?? {};
  const dimension = String(values.dimension ?? '');
  const dimensionName = t(`dimension.${DIMENSION_KEYS.includes(dimension) ? dimension : 'other'}`);
  return t(`issue.${issue.key}`, { ...values, dimensionName });
}

/** The message for a path from the document-wide checks, if any. */
export function usePathIssue(path: Path): Issue | undefined {
  return useContext(IssuesContext).get(pathKey(path));
}

/** A label, the control, and below it either the message or a note (the SI value). */
export function FieldRow(props: {
  id: string;
  label: string;
  issue?: Issue | undefined;
  note?: string | undefined;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className={props.issue ? 'se-field invalid' : 'se-field'} data-testid={props.testId}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.issue ? (
        <span className="se-message" role="alert" id={`${props.id}-message`}>
          {issueText(t, props.issue)}
        </span>
      ) : props.note ? (
        <span className="se-note" id={`${props.id}-message`}>
          {props.note}
        </span>
      ) : null}
    </div>
  );
}

const asText = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : String(value);

/**
 * The text shown in a field: while the user types, exactly what they typed (a number typed as "70 " is not
 * rewritten under the cursor); once the document holds something else (undo, redo, another edit), that.
 * The draft remembers the value it stored, which is how it knows the document has moved on.
 */
export function useDraft(value: unknown): [string, (text: string, stored: unknown) => void, () => void] {
  const [draft, setDraft] = useState<{ text: string; stored: unknown } | null>(null);
  const shown = draft && Object.is(draft.stored, value) ? draft.text : asText(value);
  return [shown, (text, stored) => setDraft({ text, stored }), () => setDraft(null)];
}

/**
 * A unit-aware input: accepts "20 t", "1.6 MPa", "-33 degC", "6 barg"; shows the SI value beside it or why the
 * text cannot be read. What was typed is kept in the document even when it is invalid.
 */
export function QuantityField(props: { path: Path; spec: QuantitySpec; label: string; testId?: string }) {
  const { t } = useTranslation();
  const { doc, setField, commit } = useProjectState();
  const id = useId();
  const value = getIn(doc, props.path);
  const [shown, setDraftText, endDraft] = useDraft(value);
  const { si, issue } = checkQuantity(value, props.spec);
  const shared = usePathIssue(props.path);
  // A plain number in a dimensionless field says nothing new in SI; anything else shows what it was read as.
  const plainNumber = props.spec.dimension === 'dimensionless' && typeof value === 'number';
  const note =
    si !== undefined && !issue && !plainNumber
      ? t('field.si', { value: formatSi(si), unit: siUnit(props.spec.dimension) })
      : undefined;
  return (
    <FieldRow id={id} label={props.label} issue={issue ?? shared} note={note} testId={props.testId}>
      <input
        id={id}
        value={shown}
        aria-invalid={Boolean(issue ?? shared)}
        aria-describedby={`${id}-message`}
        onChange={(event) => {
          const text = event.target.value;
          const stored = storedValue(text, props.spec);
          setDraftText(text, stored);
          setField(props.path, stored);
        }}
        onBlur={() => {
          endDraft();
          commit();
        }}
        spellCheck={false}
      />
    </FieldRow>
  );
}

/** A plain text field (ids, names); an optional field left empty is removed from the document. */
export function TextField(props: { path: Path; label: string; required?: boolean; testId?: string }) {
  const { doc, setField, commit } = useProjectState();
  const id = useId();
  const value = asText(getIn(doc, props.path));
  const issue = usePathIssue(props.path);
  return (
    <FieldRow id={id} label={props.label} issue={issue} testId={props.testId}>
      <input
        id={id}
        value={value}
        aria-invalid={Boolean(issue)}
        onChange={(event) =>
          setField(props.path, props.required || event.target.value !== '' ? event.target.value : undefined)
        }
        onBlur={commit}
      />
    </FieldRow>
  );
}

/** A choice from fixed values, each labelled through the i18n section `labels`. */
export function SelectField(props: {
  path: Path;
  label: string;
  options: readonly string[];
  labels: string;
  /** Text for "no value": the field may be left empty (optional) or starts empty (required). */
  empty?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { doc, setField, commit } = useProjectState();
  const id = useId();
  const value = asText(getIn(doc, props.path));
  const issue = usePathIssue(props.path);
  return (
    <FieldRow id={id} label={props.label} issue={issue} testId={props.testId}>
      <select
        id={id}
        value={value}
        aria-invalid={Boolean(issue)}
        onChange={(event) => {
          setField(props.path, event.target.value === '' ? undefined : event.target.value);
          commit();
        }}
      >
        {(props.empty !== undefined || value === '') && (
          <option value="">{props.empty ?? t('field.choose')}</option>
        )}
        {props.options.map((option) => (
          <option key={option} value={option}>
            {t(`${props.labels}.${option}`)}
          </option>
        ))}
        {value !== '' && !props.options.includes(value) && <option value={value}>{value}</option>}
      </select>
    </FieldRow>
  );
}

/** Yes/no; "not given" when optional. */
export function BoolField(props: { path: Path; label: string; required: boolean }) {
  const { t } = useTranslation();
  const { doc, setField, commit } = useProjectState();
  const id = useId();
  const value = getIn(doc, props.path);
  const issue = usePathIssue(props.path);
  return (
    <FieldRow id={id} label={props.label} issue={issue}>
      <select
        id={id}
        value={value === true ? 'yes' : value === false ? 'no' : ''}
        onChange={(event) => {
          const choice = event.target.value;
          setField(props.path, choice === 'yes' ? true : choice === 'no' ? false : undefined);
          commit();
        }}
      >
        {(value === undefined || !props.required) && <option value="">{t('field.choose')}</option>}
        <option value="yes">{t('field.yes')}</option>
        <option value="no">{t('field.no')}</option>
      </select>
    </FieldRow>
  );
}

/** A titled group of fields. */
export function Section({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <fieldset className="se-section">
      <legend>{title}</legend>
      {actions && <div className="se-section-actions">{actions}</div>}
      {children}
    </fieldset>
  );
}
