/** The report's only style sheet, inline (the CSP allows inline style, nothing else). Print-first, A4. */
export const REPORT_CSS = `
@page { size: A4; margin: 14mm 13mm 16mm; }
:root { --ink: #1b2430; --muted: #5d6b7c; --line: #d9dee5; --soft: #f3f5f8; --accent: #2f5bd3; --bad: #c2352b; --warn: #b7791f; --good: #2f855a; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font: 10pt/1.45 Arial, Helvetica, "Liberation Sans", "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 186mm; margin: 0 auto; padding: 0 0 8mm; }
header.report-head { border-bottom: 3px solid var(--accent); padding: 4mm 0 3mm; margin-bottom: 5mm; display: flex; justify-content: space-between; gap: 8mm; align-items: flex-end; }
.brand { font-size: 8pt; letter-spacing: .12em; text-transform: uppercase; color: var(--accent); font-weight: 700; }
h1 { font-size: 19pt; line-height: 1.2; margin: 1mm 0 1.5mm; word-break: break-word; }
.meta { color: var(--muted); font-size: 8.5pt; }
.meta b { color: var(--ink); font-weight: 600; }
.head-side { text-align: right; font-size: 8.5pt; color: var(--muted); white-space: nowrap; }
.pill { display: inline-block; white-space: nowrap; padding: .5mm 2.5mm; border-radius: 10px; font-size: 8pt; font-weight: 600; background: var(--soft); border: 1px solid var(--line); color: var(--ink); }
.pill.bad { background: #fdecea; border-color: #f3b8b2; color: var(--bad); }
.pill.warn { background: #fdf5e6; border-color: #efd29b; color: var(--warn); }
.pill.good { background: #e8f5ee; border-color: #a9d8bd; color: var(--good); }
.figures { display: grid; grid-template-columns: repeat(6, 1fr); gap: 2.5mm; margin: 0 0 5mm; }
.figure { border: 1px solid var(--line); border-radius: 6px; padding: 2.5mm 3mm; background: var(--soft); }
.figure .v { font-size: 15pt; font-weight: 700; line-height: 1.1; }
.figure .l { font-size: 7.5pt; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
.figure.bad .v { color: var(--bad); } .figure.warn .v { color: var(--warn); } .figure.good .v { color: var(--good); }
section { margin: 0 0 6mm; }
h2 { font-size: 12.5pt; margin: 0 0 2.5mm; padding-bottom: 1mm; border-bottom: 1px solid var(--line); break-after: avoid; }
h3 { font-size: 10.5pt; margin: 3mm 0 1.5mm; break-after: avoid; word-break: break-word; }
p { margin: 0 0 2mm; }
.summary p { font-size: 10.5pt; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; margin: 1mm 0 3mm; }
th { text-align: left; font-weight: 600; color: var(--muted); font-size: 7.5pt; text-transform: uppercase; letter-spacing: .04em; border-bottom: 1.5px solid var(--line); padding: 1.2mm 2mm; }
td { border-bottom: 1px solid var(--line); padding: 1.2mm 2mm; vertical-align: top; overflow-wrap: anywhere; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.when { white-space: nowrap; color: var(--muted); font-variant-numeric: tabular-nums; }
.mono, code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace; }
code { font-size: 8pt; background: var(--soft); padding: 0 1mm; border-radius: 3px; }
pre { font-size: 7.5pt; line-height: 1.35; background: #f6f8fa; border: 1px solid var(--line); border-left: 3px solid var(--bad); border-radius: 4px; padding: 2mm 3mm; white-space: pre-wrap; word-break: break-all; margin: 1mm 0 3mm; break-inside: avoid; }
.kind { display: inline-block; white-space: nowrap; font-size: 7pt; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.kind.first_failure, .kind.failure { color: var(--bad); } .kind.retry, .kind.anomaly { color: var(--warn); } .kind.action { color: var(--accent); } .kind.status { color: var(--good); }
.chart-card { border: 1px solid var(--line); border-radius: 6px; padding: 2mm 3mm 1mm; margin: 0 0 3mm; break-inside: avoid; }
.chart-card h3 { margin-top: 0; }
svg.chart { display: block; font: 7pt Arial, Helvetica, "Liberation Sans", sans-serif; }
svg.chart .grid line { stroke: #e6e9ee; stroke-width: 1; }
svg.chart .grid text, svg.chart .x-axis text { fill: var(--muted); }
svg.chart .x-axis line { stroke: #9aa5b1; }
svg.chart .band { fill: #cfdcfb; stroke: none; }
svg.chart .median { fill: none; stroke: var(--accent); stroke-width: 1.4; }
svg.chart .observed { fill: none; stroke: #39424e; stroke-width: 1.1; }
svg.chart .pt { fill: #6b7a8c; }
svg.chart .pt-failed { fill: var(--bad); }
.legend { font-size: 7.5pt; color: var(--muted); margin: 0 0 1mm; }
.legend i { display: inline-block; width: 9px; height: 9px; border-radius: 2px; margin: 0 1mm 0 3mm; vertical-align: -1px; }
.generated { border: 1px dashed #8e7cc3; background: #f6f3fd; border-radius: 6px; padding: 2.5mm 3.5mm; margin: 0 0 3mm; break-inside: avoid; }
.generated .tag { font-size: 7pt; font-weight: 700; letter-spacing: .06em; text-transform: uppercase; color: #6a4fb3; }
.generated .answer { white-space: pre-wrap; }
.evidence { border: 1px solid var(--line); border-radius: 6px; padding: 2.5mm 3.5mm; margin: 0 0 3mm; break-inside: avoid; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .6mm 4mm; margin: 1mm 0 2mm; font-size: 8.5pt; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; word-break: break-word; }
.empty { color: var(--muted); font-style: italic; }
.downstream { color: var(--muted); font-size: 8pt; }
footer.report-foot { margin-top: 8mm; padding-top: 2mm; border-top: 1px solid var(--line); font-size: 7.5pt; color: var(--muted); }
`;
