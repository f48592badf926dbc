import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DXF_UNITS, readDxf, type DxfDrawing, type DxfPlacement, type DxfUnit } from './dxf-backdrop.ts';

/** A DXF site plan shown behind the objects: the drawing, how it is placed, how strongly it is drawn. */
export interface DxfBackdrop {
  fileName: string;
  drawing: DxfDrawing;
  placement: DxfPlacement;
  opacity: number;
}

const UNITS = Object.keys(DXF_UNITS) as DxfUnit[];

/**
 * Loads a DXF site plan as a backdrop and places it: the drawing unit (from the file's $INSUNITS when it says,
 * else metres) and the drawing point that is the site origin. Like the image backdrop, it lives only in this
 * editing session.
 */
export function DxfPanel(props: { dxf: DxfBackdrop | null; onDxf(dxf: DxfBackdrop | null): void }) {
  const { t } = useTranslation();
  const { dxf, onDxf } = props;
  const [problem, setProblem] = useState<string | null>(null);
  // The base as typed; back on this tab, the placement in force.
  const [base, setBase] = useState<[string, string]>(() =>
    dxf ? [String(dxf.placement.base[0]), String(dxf.placement.base[1])] : ['0', '0'],
  );

  async function load(file: File) {
    try {
      const drawing = readDxf(await file.text());
      setProblem(null);
      setBase(['0', '0']);
      onDxf({
        fileName: file.name,
        drawing,
        placement: { unit: drawing.declaredUnit ?? 'm', base: [0, 0] },
        opacity: 0.8,
      });
    } catch (error) {
      setProblem(t('dxf.failed', { fileName: file.name, message: (error as Error).message }));
    }
  }

  const baseValues = base.map((text) => (text.trim() === '' ? Number.NaN : Number(text)));
  const baseBad = baseValues.map((v) => !Number.isFinite(v));
  const setBaseText = (axis: 0 | 1, text: string) => {
    const next: [string, string] = axis === 0 ? [text, base[1]] : [base[0], text];
    setBase(next);
    const values = next.map(Number);
    if (dxf && next.every((s) => s.trim() !== '') && values.every(Number.isFinite))
      onDxf({ ...dxf, placement: { ...dxf.placement, base: [values[0] as number, values[1] as number] } });
  };
  const skipped = dxf
    ? Object.entries(dxf.drawing.skipped)
        .map(([type, n]) => `${type} ${n}`)
        .join(', ')
    : '';

  return (
    <fieldset className="se-section" data-testid="dxf-panel">
      <legend>{t('dxf.title')}</legend>
      <div className="se-row-actions">
        <label className="se-file">
          {t('dxf.choose')}
          <input
            type="file"
            accept=".dxf,image/vnd.dxf,application/dxf"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void load(file);
              event.target.value = '';
            }}
            data-testid="dxf-file"
          />
        </label>
        {dxf && (
          <button type="button" className="secondary" onClick={() => onDxf(null)}>
            {t('dxf.remove')}
          </button>
        )}
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {!dxf && !problem && <p className="muted small">{t('dxf.none')}</p>}
      {dxf && (
        <>
          <p className="small" data-testid="dxf-summary">
            {t('dxf.summary', {
              fileName: dxf.fileName,
              count: dxf.drawing.paths.length,
              layers: dxf.drawing.layers.join(', '),
            })}
            {skipped && <span className="muted"> {t('dxf.skipped', { list: skipped })}</span>}
          </p>
          <label className="se-inline">
            {t('dxf.unit')}
            <select
              value={dxf.placement.unit}
              onChange={(event) =>
                onDxf({ ...dxf, placement: { ...dxf.placement, unit: event.target.value as DxfUnit } })
              }
              data-testid="dxf-unit"
            >
              {UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {t(`dxfUnit.${unit}`)}
                </option>
              ))}
            </select>
          </label>
          <p className="muted small">
            {dxf.drawing.declaredUnit
              ? t('dxf.declared', { unit: t(`dxfUnit.${dxf.drawing.declaredUnit}`) })
              : t('dxf.undeclared')}
          </p>
          <p className="muted small">{t('dxf.baseHint')}</p>
          <div className="se-grid">
            {([0, 1] as const).map((axis) => (
              <div key={axis} className={baseBad[axis] ? 'se-field invalid' : 'se-field'}>
                <label>
                  {axis === 0 ? t('dxf.baseX') : t('dxf.baseY')}
                  <input
                    value={base[axis]}
                    onChange={(event) => setBaseText(axis, event.target.value)}
                    inputMode="decimal"
                    data-testid={`dxf-base-${axis === 0 ? 'x' : 'y'}`}
                  />
                </label>
                {baseBad[axis] && <span className="se-message">{t('dxf.baseInvalid')}</span>}
              </div>
            ))}
          </div>
          <label className="se-inline">
            {t('backdrop.opacity')}
            <input
              type="range"
              min={0.1}
              max={1}
              step={0.05}
              value={dxf.opacity}
              onChange={(event) => onDxf({ ...dxf, opacity: Number(event.target.value) })}
            />
          </label>
        </>
      )}
    </fieldset>
  );
}
