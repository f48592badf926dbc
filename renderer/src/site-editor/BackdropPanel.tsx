import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { XY } from '../project-state/document.ts';
import { checkQuantity, formatSi } from '../forms/quantity.ts';
import { COORDINATE } from '../forms/specs.ts';
import { issueText } from '../forms/fields.tsx';
import { similarityFromTwoPoints, type Affine } from './geometry.ts';
import type { Backdrop } from './SiteMap.tsx';

/** Where an image first goes: 1 m per pixel with its top-left corner at the site origin. */
export const UNREFERENCED: Affine = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };

/**
 * A site-plan image as a backdrop, georeferenced by two points: the user clicks two points on the image
 * (Georeference tool) and types their site coordinates here (unit-aware: "120 m", "0.3 km"). The image and
 * its placement live only in this session; the project file does not hold images.
 */
export function BackdropPanel(props: {
  backdrop: Backdrop | null;
  onBackdrop(backdrop: Backdrop | null): void;
  picks: readonly XY[];
}) {
  const { t } = useTranslation();
  const [coords, setCoords] = useState<string[]>(['', '', '', '']);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const { backdrop, onBackdrop, picks } = props;

  function load(file: File) {
    const url = URL.createObjectURL(file);
    const image = new Image();
    image.onload = () => {
      if (backdrop) URL.revokeObjectURL(backdrop.url);
      onBackdrop({
        url,
        width: image.naturalWidth,
        height: image.naturalHeight,
        matrix: UNREFERENCED,
        opacity: 0.6,
      });
      setResult(null);
    };
    image.src = url;
  }

  const checks = coords.map((text) => checkQuantity(text, COORDINATE));
  const ready = picks.length === 2 && checks.every((c) => c.si !== undefined && !c.issue);

  function apply() {
    if (!backdrop || !ready) return;
    const [x1, y1, x2, y2] = checks.map((c) => c.si as number) as [number, number, number, number];
    try {
      // The map's world is [x, −y]: north up on screen, like the image's rows running down.
      const matrix = similarityFromTwoPoints(picks[0] as XY, picks[1] as XY, [x1, -y1], [x2, -y2]);
      onBackdrop({ ...backdrop, matrix });
      const scale = Math.hypot(matrix.a, matrix.b);
      const rotation = (Math.atan2(matrix.b, matrix.a) * 180) / Math.PI;
      setResult({
        ok: true,
        text: t('backdrop.applied', { scale: formatSi(scale), rotation: formatSi(rotation) }),
      });
    } catch (error) {
      setResult({ ok: false, text: t('backdrop.failed', { message: (error as Error).message }) });
    }
  }

  return (
    <div className="se-form" data-testid="backdrop-panel">
      <fieldset className="se-section">
        <legend>{t('backdrop.title')}</legend>
        <div className="se-row-actions">
          <label className="se-file">
            {t('backdrop.choose')}
            <input
              type="file"
              accept="image/*"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) load(file);
              }}
              data-testid="backdrop-file"
            />
          </label>
          {backdrop && (
            <button type="button" className="secondary" onClick={() => onBackdrop(null)}>
              {t('backdrop.remove')}
            </button>
          )}
        </div>
        {!backdrop && <p className="muted">{t('backdrop.none')}</p>}
        <p className="muted small">{t('backdrop.notSaved')}</p>
        {backdrop && (
          <>
            <label className="se-inline">
              {t('backdrop.opacity')}
              <input
                type="range"
                min={0.1}
                max={1}
                step={0.05}
                value={backdrop.opacity}
                onChange={(event) => onBackdrop({ ...backdrop, opacity: Number(event.target.value) })}
              />
            </label>
            <p className="muted small">{t('tool.georefHint')}</p>
            {[0, 1].map((n) => {
              const pick = picks[n];
              return (
                <div key={n} className="se-item">
                  <strong>{t('backdrop.point', { n: n + 1 })}</strong>{' '}
                  <span className="muted">
                    {pick ? t('backdrop.pixel', { u: pick[0], v: pick[1] }) : t('backdrop.notPicked')}
                  </span>
                  <div className="se-grid">
                    {[0, 1].map((axis) => {
                      const i = n * 2 + axis;
                      const check = checks[i];
                      return (
                        <div
                          key={axis}
                          className={check?.issue && coords[i] !== '' ? 'se-field invalid' : 'se-field'}
                        >
                          <label>
                            {axis === 0 ? t('backdrop.siteX') : t('backdrop.siteY')}
                            <input
                              value={coords[i]}
                              onChange={(event) =>
                                setCoords((c) => c.map((v, j) => (j === i ? event.target.value : v)))
                              }
                            />
                          </label>
                          {check?.issue && coords[i] !== '' && (
                            <span className="se-message">{issueText(t, check.issue)}</span>
                          )}
                        </div>
                      );
                    })}
                  </div>
                </div>
              );
            })}
            <button type="button" onClick={apply} disabled={!ready}>
              {t('backdrop.apply')}
            </button>
            <p className={result && !result.ok ? 'error' : 'muted'}>
              {result?.text ?? (backdrop.matrix === UNREFERENCED ? t('backdrop.unreferenced') : '')}
            </p>
          </>
        )}
      </fieldset>
    </div>
  );
}
