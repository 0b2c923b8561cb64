/** The full gap report as Markdown, readable on a code host. Untrusted text is escaped so it stays text. */
import type { GapReport, QuestionResult } from "../../core/gap-report/model.js";
import { PHASES } from "../../core/questionnaire/model.js";
import { referencesText } from "../../core/questionnaire/references.js";
import { BAND_WORDS, DOMAIN_NAMES, day, methodLines, names, pct, pct0, plural, priorityRule, RULE_WORDS, STATUS_WORDS, type Names } from "./words.js";
import { safeForTerminal } from "../style.js";
import { bar } from "./terminal.js";

/** How many priorities the Markdown and HTML reports list (all of them are in the XLSX and JSON). */
export const TOP_PRIORITIES = 20;

/**
 * Escapes text for Markdown: HTML special characters become entities, Markdown syntax is backslashed, and
 * control characters and bidi overrides go as on a terminal (the file is often read with `cat`).
 */
export function md(text: string): string {
  return (
    safeForTerminal(text.replace(/\r\n?/g, "\n"))
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      // Inline syntax only: every call site puts the text after other content on its line.
      .replace(/([\\`*_[\]|~])/g, "\\$1")
      .replace(/\n/g, " ")
  );
}

/** Escapes text for a table cell, keeping line breaks as `<br>`. */
function cell(text: string | undefined | null): string {
  if (text === undefined || text === null || text === "") return "";
  return text
    .split(/\r\n?|\n/)
    .map((line) => md(line))
    .join("<br>");
}

/** One of naq's own messages, whose `quoted` parts (commands, file names) stay code spans; the rest escaped. */
function message(text: string): string {
  return text
    .split("`")
    .map((part, i) => (i % 2 ? `\`${part.replace(/`/g, "")}\`` : md(part)))
    .join("");
}

const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
const header = (cells: readonly string[], align: readonly ("l" | "r")[] = []) => [row(cells), row(cells.map((_, i) => (align[i] === "r" ? "--:" : "---")))];

/** The gap report as a Markdown document. */
export function renderMarkdown(report: GapReport): string {
  const n = names(report);
  const byId = new Map(report.questions.map((x) => [x.id, x]));
  return [
    ...heading(report, n),
    ...summary(report),
    ...areaScores(report),
    ...domainPhaseScores(report),
    ...risks(report),
    ...priorities(report, byId, n),
    ...disagreements(report, byId, n),
    ...coverage(report),
    ...areasInDetail(report, n),
    ...filesMerged(report),
    ...notCarried(report, n),
    ...method(report),
  ].join("\n");
}

/** The title, the revision and the notices: files carried from an older revision, not merged, agencies that did not answer. */
function heading(report: GapReport, n: Names): string[] {
  const out = [`# National CBRN gap report — ${md(report.country)}`, ""];
  out.push(
    `*${md(report.questionnaire.title)}* (\`${report.questionnaire.id}\` ${md(report.questionnaire.version)}) · data as of ${day(report.asOf)} · target level ${report.target} · texts in \`${md(report.language)}\``,
    "",
  );
  const notices: string[] = [];
  for (const f of report.inputs.filter((i) => i.migratedFrom !== undefined))
    notices.push(
      `> **Carried from ${md(f.migratedFrom ?? "")}: ${md(f.file)}** (${md(n.agency(f.agency))}): its answers were carried to ${md(report.questionnaire.version)} through the revision's declared mappings.`,
    );
  for (const e of report.excluded) notices.push(`> **Not merged: ${md(e.file)}** (${md(n.agency(e.agency))}) ${message(e.reason)}.`);
  if (report.missing.length) notices.push(`> **Not answered:** ${report.missing.map((id) => `${md(n.agency(id))} (\`${md(id)}\`)`).join(", ")}.`);
  if (notices.length) out.push(notices.join("\n>\n"), "");
  return out;
}

function summary(report: GapReport): string[] {
  const s = report.summary;
  const inProgress = report.agencies.filter((a) => a.status === "in-progress").length;
  const resolved = s.disagreements - s.unresolved;
  return [
    "## Summary",
    "",
    ...header(["", ""]),
    row(["Overall score", `**${pct(s.overall)}**`]),
    row(["Questions with an answer", pct(s.coverage)]),
    row(["Answers received", `${pct(s.answerRate)} of those expected from all agencies`]),
    row(["Agencies merged", `${s.answered} of ${s.agencies}${inProgress ? ` (${inProgress} in progress)` : ""}`]),
    row(["Questions in scope", `${s.questions} (${s.scored} scored)`]),
    row(["Disagreements", `${s.disagreements}${resolved ? ` (${resolved} settled by the workshop)` : ""}`]),
    row(["Questions with a gap", String(s.priorities)]),
    ...(report.consensus
      ? [row(["Workshop decisions", `${report.consensus.decisions} (${md(report.consensus.file)}${report.consensus.date ? `, ${md(report.consensus.date)}` : ""})`])]
      : []),
    "",
  ];
}

function areaScores(report: GapReport): string[] {
  const out = ["## Scores by area", ""];
  out.push(...header(["Area", "", "Score", "", "Questions with an answer", "Answers received", "Scored", "Disagreements"], ["l", "l", "r", "l", "r", "r", "r", "r"]));
  for (const a of report.areas)
    out.push(row([md(a.id), md(a.title), pct(a.score), `\`${bar(a.score, 20)}\``, pct(a.coverage), pct(a.answerRate), `${a.scored} of ${a.questions}`, String(a.disagreements)]));
  out.push("");
  return out;
}

function domainPhaseScores(report: GapReport): string[] {
  const out = ["## Scores by domain and phase", ""];
  out.push(...header(["Domain", ...PHASES, "all phases"], ["l", ...PHASES.map(() => "r" as const), "r"]));
  for (const d of report.domains) {
    const cells = PHASES.map((p) => pct0(report.matrix.find((c) => c.domain === d.id && c.phase === p)?.score ?? null));
    out.push(row([`${d.id} ${DOMAIN_NAMES[d.id] ?? ""}`, ...cells, `**${pct0(d.score)}**`]));
  }
  out.push(row(["**all domains**", ...PHASES.map((p) => `**${pct0(report.phases.find((x) => x.id === p)?.score ?? null)}**`), `**${pct0(report.summary.overall)}**`]), "");
  return out;
}

function priorities(report: GapReport, byId: ReadonlyMap<string, QuestionResult>, n: Names): string[] {
  const out = ["## Priorities", ""];
  if (report.priorities.length === 0) return [...out, "No question falls short of the target.", ""];
  const shown = report.priorities.slice(0, TOP_PRIORITIES);
  out.push(
    `${md(priorityRule(report))} ${shown.length < report.priorities.length ? `The top ${shown.length} of ${report.priorities.length}; every gap is listed under *Areas in detail*.` : ""}`.trim(),
    "",
  );
  out.push(
    ...header(["#", "Band", "Question", "", "Level", "Target", "Gap", "Weight", "Criticality", "Priority", "Lead agency"], ["r", "l", "l", "l", "r", "r", "r", "r", "r", "r", "l"]),
  );
  for (const p of shown) {
    const x = byId.get(p.question);
    const flag = x?.disagreement && !x.disagreement.resolved ? " ⚠ disputed" : x?.decision ? " (workshop)" : "";
    out.push(
      row([
        String(p.rank),
        BAND_WORDS[p.band],
        `[${md(p.question)}](#${anchor(p.question)})`,
        cell(x?.text) + flag,
        String(p.level),
        String(p.target),
        String(p.gap),
        String(p.weight),
        p.criticality.toFixed(2),
        `**${p.priority}**`,
        p.lead ? md(n.agency(p.lead)) : "",
      ]),
    );
  }
  out.push("");
  return out;
}

function disagreements(report: GapReport, byId: ReadonlyMap<string, QuestionResult>, n: Names): string[] {
  const out = ["## Disagreements", ""];
  if (report.disagreements.length === 0) return [...out, "The agencies' answers never differ by two levels or more, nor mix yes and no.", ""];
  const s = report.summary;
  out.push(`Questions where answers differ by two levels or more, or mix yes and no: ${plural(s.disagreements, "question")}, ${s.unresolved} unresolved.`, "");
  for (const id of report.disagreements) {
    const x = byId.get(id);
    if (x) out.push(...questionBlock(x, n, "###"));
  }
  return out;
}

function coverage(report: GapReport): string[] {
  const s = report.summary;
  const out = ["## Coverage", ""];
  out.push('Share of the questions that apply to each agency (given its own answers) that it answered; "don\'t know" is not an answer.', "");
  out.push(...header(["Agency", "Status", ...report.areas.map((a) => md(a.id)), "All"], ["l", "l", ...report.areas.map(() => "r" as const), "r"]));
  for (const a of report.agencies) {
    out.push(row([`${md(a.name)} (\`${md(a.id)}\`)`, STATUS_WORDS[a.status], ...a.areas.map((c) => (c.relevant === 0 ? "" : pct0(c.share))), `**${pct0(a.share)}**`]));
  }
  out.push(row(["**All agencies**", "", ...report.areas.map((a) => `**${pct0(a.answerRate)}**`), `**${pct0(s.answerRate)}**`]), "");
  out.push(`Questions with at least one usable answer, across agencies: ${pct(s.coverage)}.`, "");
  return out;
}

function areasInDetail(report: GapReport, n: Names): string[] {
  const out = ["## Areas in detail", ""];
  for (const a of report.areas) {
    out.push(`### ${md(a.id)} — ${md(a.title)}`, "");
    out.push(
      `Score **${pct(a.score)}** · questions with an answer ${pct(a.coverage)} · answers received ${pct(a.answerRate)} · ${a.scored} of ${plural(a.questions, "question")} in scope scored · ${plural(a.disagreements, "disagreement")}`,
      "",
    );
    for (const x of report.questions.filter((q) => q.area === a.id)) out.push(...questionBlock(x, n, "####"));
  }
  return out;
}

function filesMerged(report: GapReport): string[] {
  const out = ["## Files merged", ""];
  out.push(...header(["File", "Agency", "Status", "Language", "Updated", "Answers"], ["l", "l", "l", "l", "l", "r"]));
  for (const f of report.inputs)
    out.push(
      row([
        `\`${md(f.file)}\``,
        md(f.agency),
        STATUS_WORDS[f.status] + (f.migratedFrom ? ` (carried from ${md(f.migratedFrom)})` : ""),
        md(f.language),
        day(f.updated),
        String(f.answers),
      ]),
    );
  out.push("");
  return out;
}

function notCarried(report: GapReport, n: Names): string[] {
  const entries = report.inputs.flatMap((f) => (f.notCarried ?? []).map((u) => ({ f, u })));
  if (!entries.length) return [];
  const out = ["### Answers not carried from an older revision", ""];
  out.push("Kept as given; the agency should answer the question they most likely belong to now.", "");
  out.push(...header(["Agency", "Old question", "Answer", "Comment", "Why", "Question now"], ["l", "l", "l", "l", "l", "l"]));
  for (const { f, u } of entries)
    out.push(row([md(n.agency(f.agency)), `${md(u.question)} (${md(u.version)})`, md(u.value), md(u.comment ?? ""), md(u.note), u.target ? md(u.target) : "—"]));
  out.push("");
  return out;
}

function method(report: GapReport): string[] {
  return ["## How the figures are computed", "", ...methodLines(report).map((line) => `- ${md(line)}`), ""];
}

/** The country's rated scenarios, which set the questions' criticality. */
function risks(report: GapReport): string[] {
  if (report.risks.length === 0) return [];
  const out = ["## National risk ratings", "", "The scenarios of the national risk assessment as the country rated them; they make the questions of their domains critical.", ""];
  out.push(...header(["Question", "Scenario", "Rating", "Domains", "Phases"]));
  for (const r of report.risks)
    out.push(
      row([md(r.question), cell(r.text), r.display === null ? "not rated" : md(r.display), r.domains.join(", "), r.phases.length === PHASES.length ? "all" : r.phases.join(", ")]),
    );
  out.push("");
  return out;
}

/** The anchor a code host gives a `####` heading that starts with a question id. */
function anchor(id: string): string {
  return `q-${id.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
}

function questionBlock(x: QuestionResult, n: Names, level: string): string[] {
  const out: string[] = [];
  // Only the detailed entry carries the anchor that the priorities table links to.
  const target = level === "####" ? `<a id="${anchor(x.id)}"></a>` : "";
  out.push(`${level} ${target}${md(x.id)} · ${md(x.text)}`, "");
  const facts: string[] = [];
  if (x.decision) facts.push(`**Workshop decision: ${md(x.decision.display)}** — ${md(x.decision.justification)}`);
  else if (x.display !== null) facts.push(`Consolidated: **${md(x.display)}**${x.rule ? ` (${RULE_WORDS[x.rule]})` : ""}`);
  else facts.push("No answer.");
  if (x.outcome !== "scored" && x.outcome !== "answered") facts.push(n.outcome(x.outcome));
  if (x.score !== null) facts.push(`score ${pct(x.score)}`);
  if (x.gap !== null && x.gap > 0 && x.band)
    facts.push(`gap ${x.gap} to target ${x.target} × weight ${x.weight} × criticality ${x.criticality.toFixed(2)} = priority ${x.priority} (${BAND_WORDS[x.band]})`);
  if (x.range && x.range.low !== x.range.high) facts.push(`agencies' levels ${x.range.low}–${x.range.high}`);
  if (x.leadHighest && x.lead) facts.push(`⚠ ${md(n.agency(x.lead))}, the lead, rated itself above every other agency`);
  if (x.disagreement)
    facts.push(`⚠ disagreement: ${md(String(x.disagreement.low))} to ${md(String(x.disagreement.high))}${x.disagreement.resolved ? ", settled by the workshop" : ""}`);
  if (x.lead) facts.push(`lead: ${md(n.agency(x.lead))}`);
  out.push(facts.join(" · "), "");
  if (x.references.length) out.push(`References: ${md(referencesText(x.references))}`, "");
  if (x.sources.length) {
    out.push(...header(["Agency", "Answer", "Used as", "Comment", "Evidence"]));
    for (const src of x.sources)
      out.push(row([md(n.agency(src.agency)), cell(src.display), n.role(src.role), cell(src.comment), src.unsupported ? "⚠ none for a level 4–5 claim" : cell(src.evidence)]));
    out.push("");
  }
  return out;
}
