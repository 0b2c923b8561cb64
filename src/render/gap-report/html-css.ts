/** The HTML report's style sheet: system fonts only, readable on screen, paginated cleanly in print. */
export const REPORT_CSS = `
:root { --ink: #1d2430; --muted: #5f6b7a; --line: #d9dee5; --warn: #b35c00; --accent: #1f5f99; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 22px 0 8px; }
.sub, .note, .muted { color: var(--muted); }
.note { font-size: 13px; }
code { font: 12.5px/1.3 ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; }
a { color: var(--accent); }
.notice { border: 1px solid #e8c27a; background: #fff8e8; padding: 6px 14px; margin: 16px 0; border-radius: 4px; }
.notice p { margin: 6px 0; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; }
.card { flex: 1 1 170px; border: 1px solid var(--line); border-left: 6px solid var(--line); border-radius: 4px; padding: 10px 14px; }
.card-label { color: var(--muted); font-size: 13px; }
.card-value { font-size: 26px; font-weight: 600; }
.card-note { color: var(--muted); font-size: 12px; }
.chart { max-width: 100%; height: auto; display: block; margin: 8px 0; }
.chart text { font-family: inherit; fill: var(--ink); }
.chart .label { font-size: 12.5px; }
.chart .axis { font-size: 11px; fill: var(--muted); }
.chart .value { font-size: 12px; font-weight: 600; }
.chart .cellv { font-size: 11px; }
.chart .none { font-size: 12px; fill: var(--muted); font-style: italic; }
.chart .grid { stroke: #eceff3; stroke-width: 1; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 13.5px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #f4f6f9; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.date { white-space: nowrap; }
.tag { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; background: #e4ecf5; color: var(--accent); white-space: nowrap; vertical-align: middle; }
.tag.warn { background: #fbe6cf; color: var(--warn); }
.band-high .tag.band { background: #f6d5d1; color: #9b2c1f; }
.band-medium .tag.band { background: #fbe6cf; color: var(--warn); }
.refs, .range { color: var(--muted); font-size: 12px; margin-top: 2px; }
.rule, .role { color: var(--muted); font-size: 12px; }
.disagreement { border: 1px solid var(--line); border-radius: 4px; padding: 4px 14px 12px; margin: 14px 0; }
.side-by-side { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 10px; }
.answer { border: 1px solid var(--line); border-radius: 4px; padding: 8px 10px; background: #fbfcfd; }
.answer .who { font-weight: 600; font-size: 13px; }
.answer .what { font-size: 15px; margin: 2px 0; }
.answer.role-stands { border-color: #7aa7d6; background: #f1f6fc; }
.comment { margin-top: 4px; font-size: 13px; white-space: normal; overflow-wrap: anywhere; }
.evidence { margin-top: 2px; font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
.decision .just { font-size: 13px; color: var(--muted); margin-top: 2px; }
ul.sources { margin: 0; padding-left: 16px; }
ul.sources li { margin: 2px 0; }
ul.sources .who { font-weight: 600; }
ul.sources li.role-irrelevant, ul.sources li.role-not-asked { color: var(--muted); }
tr.outcome-out-of-scope td { color: var(--muted); }
tr.status-missing td, tr.status-older-revision td { color: var(--warn); }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; }
  section#detail, section#method { break-before: page; page-break-before: always; }
  .disagreement, tr, .card, .chart { break-inside: avoid; page-break-inside: avoid; }
  .notice, .card, .answer, .tag, th, .chart rect { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  @page { margin: 16mm 14mm; }
}
`;
