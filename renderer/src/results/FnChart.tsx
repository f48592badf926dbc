import { scaleLog } from 'd3';
import { useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../../../core/qra/assess.ts';
import type { RuleSet } from '../../../core/rules/types.ts';
import { formatRisk } from './risk-field.ts';

const W = 620;
const H = 430;
const M = { left: 74, right: 20, top: 18, bottom: 56 };

/**
 * The F-N chart on log-log axes: the curve as a falling step function, the GB 36894-2018 unacceptable and
 * acceptable lines F = C/Nᵃ (constants from the rule set) and the three regions shaded between them.
 */
export function FnChart({ result, rules }: { result: AssessmentResult; rules: RuleSet }) {
  const { t } = useTranslation();
  const curve = result.societalRisk.fn.filter((p) => p.n > 0 && p.f > 0);
  const nMax = Math.max(1000, ...curve.map((p) => p.n * 3));
  const fMin = Math.min(1e-9, ...curve.map((p) => p.f / 3));
  const x = scaleLog()
    .domain([1, 10 ** Math.ceil(Math.log10(nMax))])
    .range([M.left, W - M.right]);
  const y = scaleLog()
    .domain([10 ** Math.floor(Math.log10(fMin)), 1e-1])
    .range([H - M.bottom, M.top]);
  const [n0, n1] = x.domain() as [number, number];
  const [f0, f1] = y.domain() as [number, number];
  const clampY = (f: number) => y(Math.min(Math.max(f, f0), f1));
  const line = (c: number, a: number) => (n: number) => c / n ** a;
  const { unacceptable, acceptable } = rules.societalRisk;
  const u = line(unacceptable.constant, unacceptable.exponent);
  const a = line(acceptable.constant, acceptable.exponent);
  const ns = Array.from({ length: 41 }, (_, i) => n0 * (n1 / n0) ** (i / 40));
  const poly = (top: (n: number) => number, bottom: (n: number) => number) =>
    [...ns.map((n) => [x(n), clampY(top(n))]), ...ns.reverse().map((n) => [x(n), clampY(bottom(n))])]
      .map(([px, py], i) => `${i ? 'L' : 'M'}${px!.toFixed(1)},${py!.toFixed(1)}`)
      .join('') + 'Z';
  ns.reverse();
  const linePath = (f: (n: number) => number) =>
    ns.map((n, i) => `${i ? 'L' : 'M'}${x(n).toFixed(1)},${clampY(f(n)).toFixed(1)}`).join('');
  // F(N) = f_i for n_{i-1} < N ≤ n_i (PB eq. 6.6): horizontal at f_i from the previous N to n_i, then down.
  const steps = curve
    .map((p, i) => {
      const from = i === 0 ? n0 : curve[i - 1]!.n;
      return `${i ? 'L' : 'M'}${x(Math.max(from, n0)).toFixed(1)},${clampY(p.f).toFixed(1)}L${x(p.n).toFixed(1)},${clampY(p.f).toFixed(1)}`;
    })
    .join('');
  const last = curve.at(-1);
  const decadesN = [];
  for (let d = Math.log10(n0); d <= Math.log10(n1); d++) decadesN.push(10 ** d);
  const decadesF = [];
  for (let d = Math.log10(f0); d <= Math.log10(f1) + 1e-9; d++) decadesF.push(10 ** d);
  const region = result.societalRisk.verdict;
  return (
    <figure className="rs-fn" data-testid="fn-chart">
      <figcaption>{t('results.fn.title')}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('results.fn.title')}>
        <defs>
          <clipPath id="rs-fn-clip">
            <rect x={M.left} y={M.top} width={W - M.left - M.right} height={H - M.top - M.bottom} />
          </clipPath>
        </defs>
        <g clipPath="url(#rs-fn-clip)">
          <path d={poly(() => f1, u)} fill="#f4c7c3" data-region="unacceptable" />
          <path d={poly(u, a)} fill="#fbe7b5" data-region="alarp" />
          <path d={poly(a, () => f0)} fill="#cfe8cf" data-region="acceptable" />
          <path d={linePath(u)} stroke="#b71c1c" strokeWidth={2} fill="none" />
          <path d={linePath(a)} stroke="#2e7d32" strokeWidth={2} fill="none" strokeDasharray="7 4" />
          {curve.length > 0 && (
            <path
              d={`${steps}L${x(last!.n).toFixed(1)},${H}`}
              stroke="#0d2a4d"
              strokeWidth={2.4}
              fill="none"
              data-testid="fn-curve"
            />
          )}
        </g>
        {decadesN.map((n) => (
          <g key={`n${n}`}>
            <line x1={x(n)} x2={x(n)} y1={M.top} y2={H - M.bottom} stroke="#000" strokeOpacity={0.12} />
            <text x={x(n)} y={H - M.bottom + 17} textAnchor="middle" fontSize={12}>
              {n >= 1000 ? formatRisk(n, 1).replace('1.0×', '').replace('1×', '') : n}
            </text>
          </g>
        ))}
        {decadesF.map((f) => (
          <g key={`f${f}`}>
            <line x1={M.left} x2={W - M.right} y1={y(f)} y2={y(f)} stroke="#000" strokeOpacity={0.12} />
            <text x={M.left - 6} y={y(f) + 4} textAnchor="end" fontSize={12}>
              {formatRisk(f, 1).replace(/^1×/, '')}
            </text>
          </g>
        ))}
        <rect
          x={M.left}
          y={M.top}
          width={W - M.left - M.right}
          height={H - M.top - M.bottom}
          fill="none"
          stroke="#5a6675"
        />
        <text x={(M.left + W - M.right) / 2} y={H - 14} textAnchor="middle" fontSize={13}>
          {t('results.fn.axisN')}
        </text>
        <text
          transform={`translate(18,${(M.top + H - M.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={13}
        >
          {t('results.fn.axisF')}
        </text>
        <text x={M.left + 10} y={M.top + 18} fontSize={12.5} fill="#8e1b1b">
          {t('results.fn.regions.unacceptable')}
        </text>
        <text x={W - M.right - 10} y={H - M.bottom - 10} textAnchor="end" fontSize={12.5} fill="#1b5e20">
          {t('results.fn.regions.acceptable')}
        </text>
        <text x={x(10)} y={(clampY(u(10)) + clampY(a(10))) / 2 + 4} fontSize={12.5} fill="#7a5a00">
          {t('results.fn.regions.alarp')}
        </text>
        <g transform={`translate(${W - M.right - 170},${M.top + 10})`}>
          <rect x={-6} y={-12} width={170} height={62} fill="#fff" fillOpacity={0.9} stroke="#d8dee6" />
          <path d="M0,0H24" stroke="#0d2a4d" strokeWidth={2.4} />
          <text x={30} y={4} fontSize={12}>
            {t('results.fn.curve')}
          </text>
          <path d="M0,18H24" stroke="#b71c1c" strokeWidth={2} />
          <text x={30} y={22} fontSize={12}>
            {t('results.fn.unacceptable')}
          </text>
          <path d="M0,36H24" stroke="#2e7d32" strokeWidth={2} strokeDasharray="7 4" />
          <text x={30} y={40} fontSize={12}>
            {t('results.fn.acceptable')}
          </text>
        </g>
      </svg>
      <p data-testid="fn-verdict">
        {t('results.fn.verdict', { region: t(`results.fn.regions.${region}`) })}；
        {t('results.fn.pll', { pll: formatRisk(result.societalRisk.pll) })}
        {curve.length === 0 && <span className="muted">（{t('results.fn.empty')}）</span>}
      </p>
    </figure>
  );
}
