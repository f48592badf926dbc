/**
 * The report's stylesheet, inlined into the document: a CJK-capable system font stack (no web fonts), A4
 * print rules (page size and margins, page breaks between the main sections, table rows that do not split,
 * repeated table headers) and the colours of the charts.
 */
export const REPORT_STYLE = `
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
@page { @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #666; } }
:root {
  --ink: #1b1f24; --muted: #5b6470; --rule: #c9ced6; --head: #eef1f5; --accent: #123d6a;
  --ok: #1a7f37; --ok-bg: #e3f4e8; --fail: #b42318; --fail-bg: #fde8e6; --warn: #9a6700; --warn-bg: #fff4d6;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; color: var(--ink); background: #fff;
  font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
    "WenQuanYi Micro Hei", "Segoe UI", "Helvetica Neue", Arial, SimSun, sans-serif;
  font-size: 10pt; line-height: 1.5;
}
.report { max-width: 180mm; margin: 0 auto; padding: 10mm 0; }
@media print { .report { max-width: none; padding: 0; } }
header.cover { border-bottom: 2px solid var(--accent); padding-bottom: 6mm; margin-bottom: 6mm; }
.doc-title { color: var(--accent); font-size: 11pt; letter-spacing: 0.04em; font-weight: 600; }
h1 { font-size: 20pt; margin: 2mm 0 1mm; line-height: 1.25; }
.subtitle { color: var(--muted); font-size: 10pt; }
.verdict-box { margin: 5mm 0 3mm; padding: 3mm 5mm; border-radius: 2mm; border: 1px solid; break-inside: avoid; }
.verdict-ok { background: var(--ok-bg); border-color: var(--ok); }
.verdict-fail { background: var(--fail-bg); border-color: var(--fail); }
.verdict-label { font-size: 9pt; color: var(--muted); }
.verdict-value { font-size: 16pt; font-weight: 700; }
.verdict-ok .verdict-value { color: var(--ok); }
.verdict-fail .verdict-value { color: var(--fail); }
.verdict-detail { font-size: 9pt; }
.meta { font-size: 8.5pt; color: var(--muted); }
code { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", Consolas, monospace; font-size: 8pt; word-break: break-all; }
section { margin-bottom: 6mm; }
section.page-break { break-before: page; }
h2 { font-size: 14pt; color: var(--accent); border-bottom: 1px solid var(--rule); padding-bottom: 1mm; margin: 0 0 3mm;
  break-after: avoid; }
h2 .num { display: inline-block; min-width: 8mm; }
h3 { font-size: 11pt; margin: 4mm 0 2mm; break-after: avoid; }
p { margin: 0 0 2mm; }
p.lead { font-size: 11pt; }
table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; font-size: 9pt; }
table.small { font-size: 8pt; }
table.narrow { width: auto; min-width: 60mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid var(--rule); padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; }
thead th { background: var(--head); font-weight: 600; }
table.kv { width: auto; min-width: 120mm; }
table.kv th { background: var(--head); font-weight: 600; width: 62mm; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.nowrap, .nowrap { white-space: nowrap; }
td.src { font-size: 7.5pt; color: #333; word-break: break-word; }
td.desc { word-break: break-word; }
td:first-child { white-space: nowrap; }
tr.row-fail td { background: #fff7f6; }
.ok, .fail, .warn-badge { display: inline-block; padding: 0 1.5mm; border-radius: 1mm; font-weight: 600; white-space: nowrap; }
.ok { color: var(--ok); background: var(--ok-bg); }
.fail { color: var(--fail); background: var(--fail-bg); }
.warn-badge { color: var(--warn); background: var(--warn-bg); }
.warn { background: var(--warn-bg); border-left: 3px solid var(--warn); padding: 1.5mm 3mm; }
.conf { font-size: 7.5pt; padding: 0 1mm; border-radius: 1mm; white-space: nowrap; }
.conf-sure { background: var(--ok-bg); color: var(--ok); }
.conf-likely { background: #e8eef8; color: #2b4c7e; }
.conf-unsure { background: var(--warn-bg); color: var(--warn); font-weight: 700; }
ul.reasons, ol.limits { margin: 0 0 3mm; padding-left: 6mm; }
ul.reasons li, ol.limits li { margin-bottom: 1mm; break-inside: avoid; }
figure { margin: 0 0 4mm; break-inside: avoid; }
figcaption { font-size: 8.5pt; color: var(--muted); margin-top: 1.5mm; }
.keep { break-inside: avoid; }
.weather { display: flex; gap: 6mm; align-items: flex-start; flex-wrap: wrap; }
.weather table { width: auto; }
.roses { display: flex; gap: 4mm; flex-wrap: wrap; }
figure.rose { width: 58mm; }
figure.map svg { width: 100%; height: auto; max-height: 215mm; }
figure.fn svg { width: 100%; max-width: 165mm; height: auto; }
svg.chart { display: block; font-family: inherit; }
.legend-row { display: flex; flex-wrap: wrap; gap: 1mm 4mm; align-items: center; margin-bottom: 1mm; color: var(--ink); }
.li { display: inline-flex; align-items: center; gap: 1mm; white-space: nowrap; }
.legend-row svg.sw { width: 7mm; height: 3mm; flex: none; }
.doc-footer { margin-top: 8mm; padding-top: 2mm; border-top: 1px solid var(--rule); font-size: 7.5pt; color: var(--muted); word-break: break-all; }

/* charts */
.frame { fill: none; stroke: #444; stroke-width: 1; }
.grid-major { stroke: #b8bec7; stroke-width: 0.6; }
.grid-minor { stroke: #e3e6ea; stroke-width: 0.5; }
.tick, .map-tick, .rose-tick { font-size: 10px; fill: #444; }
.rose-tick, .map-tick { paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.axis-label { font-size: 12px; fill: #222; }
.region-label { font-size: 11px; fill: #333; font-weight: 600; }
.fn-unacceptable { fill: #f8d3cf; }
.fn-alarp { fill: #fdf0c4; }
.fn-acceptable { fill: #d9f0de; }
.fn-line-unacceptable { stroke: #b42318; stroke-width: 2; }
.fn-line-acceptable { stroke: #1a7f37; stroke-width: 2; stroke-dasharray: 7 4; }
.fn-curve { fill: none; stroke: #0b3d91; stroke-width: 2.2; }
.legend text { font-size: 11px; fill: #222; }
.legend-box { fill: #fff; fill-opacity: 0.9; stroke: #999; stroke-width: 0.6; }
.rose-ring { fill: none; stroke: #c9ced6; stroke-width: 0.7; }
.rose-axis { stroke: #c9ced6; stroke-width: 0.7; }
.rose-wedge { fill: #2b6cb0; fill-opacity: 0.75; stroke: #123d6a; stroke-width: 0.6; }
.rose-compass { font-size: 12px; font-weight: 700; fill: #222; }
.map-bg { fill: #fbfbf9; }
.map-grid { stroke: #e4e6e9; stroke-width: 0.6; }
.contour { stroke-width: 1.8; fill-opacity: 0.07; }
.boundary { fill: none; stroke: #222; stroke-width: 1.6; stroke-dasharray: 9 3 2 3; }
.installation { fill: #6b7280; fill-opacity: 0.75; stroke: #111; stroke-width: 1; }
.installation-centre { fill: #111; }
.target { stroke-width: 1.4; fill-opacity: 0.4; }
.target-ok { fill: #2ea043; stroke: #1a7f37; }
.target-fail { fill: #e5534b; stroke: #b42318; }
.population { fill: #8c959f; fill-opacity: 0.15; stroke: #57606a; stroke-width: 1; stroke-dasharray: 4 2; }
.map-label { font-size: 11px; font-weight: 600; fill: #111; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.scale-bg { fill: #fff; fill-opacity: 0.85; stroke: #bbb; stroke-width: 0.5; }
.bar-dark { fill: #222; stroke: #222; stroke-width: 0.6; }
.bar-light { fill: #fff; stroke: #222; stroke-width: 0.6; }
.arrow-dark { fill: #222; }
.arrow-light { fill: #fff; stroke: #222; stroke-width: 0.8; }
.north-label { font-size: 12px; font-weight: 700; fill: #222; }
`;
