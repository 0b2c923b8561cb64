/**
 * The gap report as one self-contained HTML file: inline CSS and SVG, no script, no external font or
 * image, and a Content-Security-Policy that forbids loading anything. Every untrusted text is escaped.
 */
import type { GapReport, QuestionResult } from "../../core/gap-report/model.js";
import { referencesText } from "../../core/questionnaire/references.js";
import { PHASES } from "../../core/questionnaire/model.js";
import { BAND_WORDS, day, methodLines, names, pct, plural, priorityRule, RULE_WORDS, STATUS_WORDS, type Names } from "./words.js";
import { TOP_PRIORITIES } from "./markdown.js";
import { areaScoresChart, coverageChart, domainPhaseChart, esc, heat } from "./svg.js";
import { REPORT_CSS } from "./html-css.js";

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** One of naq's own messages, whose `quoted` parts (commands, file names) are set as code; escaped. */
const message = (s: string) =>
  s
    .split("`")
    .map((part, i) => (i % 2 ? `<code>${esc(part)}</code>` : esc(part)))
    .join("");

/** Escaped text with line breaks kept. */
const multiline = (s: string) => esc(s).replace(/\r?\n/g, "<br>");

/** The gap report as a complete HTML document. */
export function renderHtml(report: GapReport): string {
  const n = names(report);
  const byId = new Map(report.questions.map((x) => [x.id, x]));
  const title = `National CBRN gap report — ${report.country}`;
  const body = [
    `<header><h1>${esc(title)}</h1><p class="sub">${esc(report.questionnaire.title)} · <code>${esc(report.questionnaire.id)} ${esc(report.questionnaire.version)}</code> · data as of ${esc(day(report.asOf))} · target level ${report.target}</p></header>`,
    ...notices(report, n),
    ...summary(report),
    `<section id="areas"><h2>Scores by area</h2>${areaScoresChart(report)}</section>`,
    `<section id="matrix"><h2>Scores by domain and phase</h2>${domainPhaseChart(report)}<p class="note">Each cell is the weighted mean score of the questions of that domain and phase; grey cells have no scored question.</p></section>`,
    ...risks(report),
    ...priorities(report, byId, n),
    ...disagreements(report, byId, n),
    ...coverage(report),
    ...areasInDetail(report, n),
    ...method(report, n),
  ];
  return [
    "<!DOCTYPE html>",
    `<html lang="${esc(report.language)}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="naq">',
    `<title>${esc(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    "</head>",
    "<body><main>",
    ...body,
    "</main></body>",
    "</html>",
    "",
  ].join("\n");
}

/** Files carried from an older revision, files not merged, agencies that did not answer; nothing when there are none. */
function notices(report: GapReport, n: Names): string[] {
  const notices: string[] = [];
  for (const f of report.inputs.filter((i) => i.migratedFrom !== undefined))
    notices.push(
      `<p><strong>Carried from ${esc(f.migratedFrom ?? "")}: <code>${esc(f.file)}</code></strong> (${esc(n.agency(f.agency))}): its answers were carried to ${esc(report.questionnaire.version)} through the revision's declared mappings.</p>`,
    );
  for (const e of report.excluded) notices.push(`<p><strong>Not merged: <code>${esc(e.file)}</code></strong> (${esc(n.agency(e.agency))}) ${message(e.reason)}.</p>`);
  if (report.missing.length) notices.push(`<p><strong>Not answered:</strong> ${report.missing.map((id) => esc(n.agency(id))).join(", ")}.</p>`);
  return notices.length ? [`<aside class="notice" id="notices">${notices.join("")}</aside>`] : [];
}

function summary(report: GapReport): string[] {
  const s = report.summary;
  const resolved = s.disagreements - s.unresolved;
  const inProgress = report.agencies.filter((a) => a.status === "in-progress").length;
  return [
    `<section id="summary"><h2>Summary</h2><div class="cards">`,
    card("Overall score", pct(s.overall), heat(s.overall)),
    card("Answers received", pct(s.answerRate), heat(s.answerRate), `questions with an answer: ${pct(s.coverage)}`),
    card("Agencies merged", `${s.answered} of ${s.agencies}`, undefined, inProgress ? `${inProgress} in progress` : ""),
    card("Disagreements", String(s.disagreements), undefined, resolved ? `${resolved} settled by the workshop` : s.unresolved ? "unresolved" : ""),
    card("Questions with a gap", String(s.priorities), undefined, `${s.scored} of ${s.questions} scored`),
    `</div></section>`,
  ];
}

function priorities(report: GapReport, byId: ReadonlyMap<string, QuestionResult>, n: Names): string[] {
  const body = [`<section id="priorities"><h2>Priorities</h2>`];
  if (report.priorities.length === 0) return [...body, `<p>No question falls short of the target.</p>`, `</section>`];
  const shown = report.priorities.slice(0, TOP_PRIORITIES);
  body.push(
    `<p class="note">${esc(priorityRule(report))}${shown.length < report.priorities.length ? ` The top ${shown.length} of ${report.priorities.length}; every gap is listed under <a href="#detail">Areas in detail</a>.` : ""}</p>`,
  );
  body.push(
    `<table class="priorities"><thead><tr><th>#</th><th>Band</th><th>Question</th><th>Level</th><th>Target</th><th>Gap</th><th>Weight</th><th>Criticality</th><th>Priority</th><th>Lead agency</th></tr></thead><tbody>`,
  );
  for (const p of shown) {
    const x = byId.get(p.question);
    const flag = x?.disagreement && !x.disagreement.resolved ? ` <span class="tag warn">disputed</span>` : x?.decision ? ` <span class="tag">workshop</span>` : "";
    body.push(
      `<tr class="band-${p.band}"><td class="num">${p.rank}</td><td><span class="tag band">${BAND_WORDS[p.band]}</span></td><td><a href="#q-${esc(p.question)}"><code>${esc(p.question)}</code></a> ${esc(x?.text ?? "")}${flag}</td><td class="num">${p.level}</td><td class="num">${p.target}</td><td class="num">${p.gap}</td><td class="num">${p.weight}</td><td class="num">${p.criticality.toFixed(2)}</td><td class="num"><strong>${p.priority}</strong></td><td>${p.lead ? esc(n.agency(p.lead)) : ""}</td></tr>`,
    );
  }
  body.push(`</tbody></table>`, `</section>`);
  return body;
}

function disagreements(report: GapReport, byId: ReadonlyMap<string, QuestionResult>, n: Names): string[] {
  const body = [`<section id="disagreements"><h2>Disagreements</h2>`];
  if (report.disagreements.length === 0) return [...body, `<p>The agencies' answers never differ by two levels or more, nor mix yes and no.</p>`, `</section>`];
  const s = report.summary;
  body.push(
    `<p class="note">${plural(s.disagreements, "question")} where answers differ by two levels or more, or mix yes and no; ${s.unresolved} unresolved. Every agency's answer and comment, side by side:</p>`,
  );
  for (const id of report.disagreements) {
    const x = byId.get(id);
    if (x) body.push(disagreementBlock(x, n));
  }
  body.push(`</section>`);
  return body;
}

function coverage(report: GapReport): string[] {
  const body = [
    `<section id="coverage"><h2>Coverage by agency and area</h2>${coverageChart(report)}<p class="note">Share of the questions that apply to each agency, given its own answers, that it answered; "don't know" is not an answer. Blank cells: the agency is asked nothing in that area. The last row: all the answers expected from all agencies.</p>`,
    `<table class="agencies"><thead><tr><th>Agency</th><th>Status</th><th>Answered</th><th>Respondent</th><th>Updated</th><th>File</th></tr></thead><tbody>`,
  ];
  for (const a of report.agencies) {
    body.push(
      `<tr class="status-${esc(a.status)}"><td>${esc(a.name)}</td><td>${esc(STATUS_WORDS[a.status])}</td><td class="num">${a.status === "older-revision" ? "—" : `${a.answered} of ${a.relevant}`}</td><td>${esc(a.respondent ?? "")}</td><td class="date">${esc(day(a.updated))}</td><td>${a.file ? `<code>${esc(a.file)}</code>` : ""}</td></tr>`,
    );
  }
  body.push(`</tbody></table></section>`);
  return body;
}

function areasInDetail(report: GapReport, n: Names): string[] {
  const body = [`<section id="detail"><h2>Areas in detail</h2>`];
  for (const a of report.areas) {
    body.push(
      `<section class="area" id="area-${esc(a.id)}"><h3>${esc(a.id)} · ${esc(a.title)}</h3><p class="note">Score <strong>${esc(pct(a.score))}</strong> · questions with an answer ${esc(pct(a.coverage))} · answers received ${esc(pct(a.answerRate))} · ${a.scored} of ${plural(a.questions, "question")} in scope scored · ${plural(a.disagreements, "disagreement")}</p>`,
    );
    body.push(
      `<table class="detail"><thead><tr><th>Question</th><th>Consolidated</th><th>Score</th><th>Gap × weight × criticality</th><th>Answers by agency</th></tr></thead><tbody>`,
    );
    for (const x of report.questions.filter((q) => q.area === a.id)) body.push(detailRow(x, n));
    body.push(`</tbody></table></section>`);
  }
  body.push(`</section>`);
  return body;
}

/** How the figures are computed, the files merged and the answers that could not be carried. */
function method(report: GapReport, n: Names): string[] {
  const body = [`<section id="method"><h2>How the figures are computed</h2><ul>`];
  body.push(...methodLines(report).map((line) => `<li>${esc(line)}</li>`));
  body.push(`</ul><h3>Files merged</h3><ul class="files">`);
  for (const f of report.inputs)
    body.push(
      `<li><code>${esc(f.file)}</code> — ${esc(n.agency(f.agency))}, ${esc(STATUS_WORDS[f.status])}, ${f.answers} answers, updated ${esc(day(f.updated))}${f.migratedFrom ? `, carried from ${esc(f.migratedFrom)}` : ""}</li>`,
    );
  if (report.consensus)
    body.push(
      `<li><code>${esc(report.consensus.file)}</code> — ${plural(report.consensus.decisions, "workshop decision")}${report.consensus.workshop ? `, ${esc(report.consensus.workshop)}` : ""}${report.consensus.date ? `, ${esc(report.consensus.date)}` : ""}</li>`,
    );
  body.push(`</ul>`, ...notCarried(report, n), `</section>`);
  return body;
}

function notCarried(report: GapReport, n: Names): string[] {
  const entries = report.inputs.flatMap((f) => (f.notCarried ?? []).map((u) => ({ f, u })));
  if (!entries.length) return [];
  return [
    `<h3>Answers not carried from an older revision</h3><p>Kept as given; the agency should answer the question they most likely belong to now.</p><table class="not-carried"><thead><tr><th>Agency</th><th>Old question</th><th>Answer</th><th>Comment</th><th>Why</th><th>Question now</th></tr></thead><tbody>`,
    ...entries.map(
      ({ f, u }) =>
        `<tr><td>${esc(n.agency(f.agency))}</td><td>${esc(u.question)} (${esc(u.version)})</td><td>${esc(u.value)}</td><td>${esc(u.comment ?? "")}</td><td>${esc(u.note)}</td><td>${esc(u.target ?? "—")}</td></tr>`,
    ),
    `</tbody></table>`,
  ];
}

/** The country's rated scenarios, which set the questions' criticality. */
function risks(report: GapReport): string[] {
  if (report.risks.length === 0) return [];
  return [
    `<section id="risks"><h2>National risk ratings</h2><p class="note">The scenarios of the national risk assessment as the country rated them; they make the questions of their domains critical.</p><table class="risks"><thead><tr><th>Scenario</th><th>Rating</th><th>Domains</th><th>Phases</th></tr></thead><tbody>`,
    ...report.risks.map(
      (r) =>
        `<tr><td><code>${esc(r.question)}</code> ${esc(r.text)}</td><td>${r.display === null ? `<span class="muted">not rated</span>` : esc(r.display)}</td><td>${esc(r.domains.join(", "))}</td><td>${esc(r.phases.length === PHASES.length ? "all" : r.phases.join(", "))}</td></tr>`,
    ),
    `</tbody></table></section>`,
  ];
}

/** What the detail says of a question besides its answer: the agencies' range, a lead above all others, its references. */
function facts(x: QuestionResult, n: Names): string {
  const out: string[] = [];
  if (x.range && x.range.low !== x.range.high) out.push(`<div class="range">agencies' levels ${x.range.low}–${x.range.high}</div>`);
  if (x.leadHighest && x.lead) out.push(`<div class="tag warn">${esc(n.agency(x.lead))}, the lead, rated itself above every other agency</div>`);
  if (x.references.length) out.push(`<div class="refs">${esc(referencesText(x.references))}</div>`);
  return out.join("");
}

/** The evidence of one answer, or the mark of a level 4–5 claim made without any. */
function evidence(src: QuestionResult["sources"][number]): string {
  if (src.unsupported) return `<div class="evidence tag warn">no evidence for a level 4–5 claim</div>`;
  return src.evidence ? `<div class="evidence">Evidence: ${multiline(src.evidence)}</div>` : "";
}

function card(label: string, value: string, colour?: string, note = ""): string {
  const swatch = colour ? ` style="border-left-color:${colour}"` : "";
  return `<div class="card"${swatch}><div class="card-label">${esc(label)}</div><div class="card-value">${esc(value)}</div>${note ? `<div class="card-note">${esc(note)}</div>` : ""}</div>`;
}

function consolidated(x: QuestionResult, n: Names): string {
  if (x.decision)
    return `<div class="decision"><strong>${esc(x.decision.display)}</strong> <span class="tag">workshop decision</span><div class="just">${multiline(x.decision.justification)}</div></div>`;
  if (x.display === null) return `<span class="muted">${esc(n.outcome(x.outcome))}</span>`;
  const rule = x.rule ? ` <span class="rule">${esc(RULE_WORDS[x.rule])}</span>` : "";
  const outcome = x.outcome === "scored" || x.outcome === "answered" ? "" : ` <span class="muted">(${esc(n.outcome(x.outcome))})</span>`;
  return `<strong>${esc(x.display)}</strong>${rule}${outcome}`;
}

function disagreementBlock(x: QuestionResult, n: Names): string {
  const state = x.disagreement?.resolved ? `<span class="tag">settled by the workshop</span>` : `<span class="tag warn">unresolved</span>`;
  const cards = x.sources
    .map(
      (src) =>
        `<div class="answer role-${esc(src.role)}"><div class="who">${esc(n.agency(src.agency))}</div><div class="what">${esc(src.display)}</div><div class="role">${esc(n.role(src.role))}</div>${src.comment ? `<div class="comment">${multiline(src.comment)}</div>` : ""}${evidence(src)}</div>`,
    )
    .join("");
  return `<article class="disagreement" id="d-${esc(x.id)}"><h3><code>${esc(x.id)}</code> ${esc(x.text)} ${state}</h3><p>Consolidated: ${consolidated(x, n)}</p><div class="side-by-side">${cards}</div></article>`;
}

function detailRow(x: QuestionResult, n: Names): string {
  const flag = x.disagreement ? ` <span class="tag${x.disagreement.resolved ? "" : " warn"}">disagreement</span>` : "";
  const answers = x.sources.length
    ? `<ul class="sources">${x.sources
        .map(
          (src) =>
            `<li class="role-${esc(src.role)}"><span class="who">${esc(n.agency(src.agency))}</span>: ${esc(src.display)} <span class="role">(${esc(n.role(src.role))})</span>${src.comment ? `<div class="comment">${multiline(src.comment)}</div>` : ""}${evidence(src)}</li>`,
        )
        .join("")}</ul>`
    : `<span class="muted">no answers</span>`;
  const gap =
    x.gap !== null && x.gap > 0 && x.band
      ? `${x.gap} × ${x.weight} × ${x.criticality.toFixed(2)} = <strong>${x.priority}</strong> <span class="tag band">${BAND_WORDS[x.band]}</span>`
      : x.gap === 0
        ? "—"
        : "";
  return `<tr id="q-${esc(x.id)}" class="outcome-${esc(x.outcome)}"><td><code>${esc(x.id)}</code> ${esc(x.text)}${flag}${facts(x, n)}</td><td>${consolidated(x, n)}</td><td class="num">${esc(x.score === null ? "" : pct(x.score))}</td><td class="num">${gap}</td><td>${answers}</td></tr>`;
}
