/** The gap report's terminal summary: overall score, area bars, top priorities, disagreements, coverage. */
import type { GapReport } from "../../core/gap-report/model.js";
import { names, pct, plural, day, STATUS_WORDS } from "./words.js";
import { safeForTerminal, type Style } from "../style.js";

const BAR = 24;

/** A bar of `width` cells filled in proportion to `score` (0–100). */
export function bar(score: number | null, width = BAR): string {
  if (score === null) return "·".repeat(width);
  const filled = Math.round((score / 100) * width);
  return "█".repeat(filled) + "░".repeat(width - filled);
}

/** Colours a score by how far it is from the top: red below 40 %, yellow below 70 %, green above. */
export function tint(style: Style, score: number | null, text: string): string {
  if (score === null) return style.dim(text);
  return score < 40 ? style.red(text) : score < 70 ? style.yellow(text) : style.green(text);
}

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
const safe = (s: string) => safeForTerminal(s).replace(/\s+/g, " ");

/** The summary lines printed after every merge; `top` priorities are listed. */
export function renderTerminal(report: GapReport, style: Style, top = 10): string[] {
  const s = report.summary;
  const n = names(report);
  const out: string[] = [];
  out.push(style.bold(`Gap report · ${safe(report.country)} · ${safe(report.questionnaire.id)} ${safe(report.questionnaire.version)} · data as of ${day(report.asOf)}`));
  out.push(`${plural(s.answered, "agency", "agencies")} of ${s.agencies} merged · ${plural(s.questions, "question")} in scope, ${s.scored} scored · target level ${report.target}`);
  out.push("");
  out.push(`Overall score  ${tint(style, s.overall, style.bold(pct(s.overall)))}    questions with an answer ${pct(s.coverage)}    answers received ${pct(s.answerRate)}`);
  out.push("");
  const width = Math.min(40, Math.max(...report.areas.map((a) => a.title.length), 10));
  out.push(style.dim(`  ${"".padEnd(4)} ${"".padEnd(width)}  ${"score".padEnd(BAR + 8)}  questions  answers`));
  for (const a of report.areas) {
    out.push(
      `  ${safe(a.id).padEnd(4)} ${safe(clip(a.title, width)).padEnd(width)}  ${tint(style, a.score, bar(a.score))} ${pct(a.score).padStart(7)}  ${pct(a.coverage).padStart(9)}  ${pct(a.answerRate).padStart(7)}`,
    );
  }
  out.push(`  ${"".padEnd(4)} ${"by domain".padEnd(width)}  ${report.domains.map((d) => `${d.id} ${tint(style, d.score, pct(d.score))}`).join("   ")}`);
  out.push("");
  if (report.priorities.length) {
    const shown = Math.min(top, report.priorities.length);
    out.push(style.bold(shown === 1 ? "Top priority" : `Top ${shown} priorities`) + style.dim("  (band: gap to target × weight × criticality)"));
    const byId = new Map(report.questions.map((x) => [x.id, x]));
    const listed = report.priorities.slice(0, top);
    const w = Math.max(...listed.map((p) => String(p.priority).length));
    for (const p of listed) {
      const x = byId.get(p.question);
      const lead = p.lead ? style.dim(`  lead: ${safe(p.lead)}`) : "";
      const band = p.band === "high" ? style.red("high  ") : p.band === "medium" ? style.yellow("medium") : "low   ";
      out.push(
        `  ${String(p.rank).padStart(2)}. ${band} ${safe(p.question).padEnd(7)} level ${p.level}→${p.target}, ${p.gap} × ${p.weight} × ${p.criticality.toFixed(2)} = ${style.bold(String(p.priority).padStart(w))}  ${safe(clip(x?.text ?? "", 64))}${lead}`,
      );
    }
  } else {
    out.push("No gaps against the target.");
  }
  out.push("");
  const resolved = s.disagreements - s.unresolved;
  const disagreeLine = `Disagreements: ${s.disagreements}${resolved ? ` (${resolved} settled by the workshop)` : ""}`;
  out.push(s.unresolved ? style.yellow(disagreeLine) : disagreeLine);
  if (s.disagreements) out.push(style.dim(`  ${report.disagreements.map(safe).join(", ")}`));
  const unfinished = report.agencies.filter((a) => a.status === "in-progress");
  if (unfinished.length) out.push(`In progress: ${unfinished.map((a) => `${safe(a.id)} (${pct(a.share)} answered)`).join(", ")}`);
  if (report.missing.length) out.push(style.yellow(`Not answered: ${report.missing.map((id) => `${safe(id)} (${safe(n.agency(id))})`).join(", ")}`));
  for (const f of report.inputs.filter((i) => i.migratedFrom !== undefined)) {
    const lost = f.notCarried?.length ?? 0;
    out.push(
      `Carried from ${safe(f.migratedFrom ?? "")}: ${safe(f.file)} (${safe(f.agency)})${lost ? `; ${lost} answer${lost > 1 ? "s" : ""} could not be carried and ${lost > 1 ? "are" : "is"} listed in the reports` : ""}`,
    );
  }
  for (const e of report.excluded) out.push(style.yellow(`Not merged: ${safe(e.file)} (${safe(e.agency)}, ${STATUS_WORDS["older-revision"].split(",")[0]} ${safe(e.version)})`));
  if (report.consensus) out.push(`Workshop decisions applied: ${report.consensus.decisions} from ${safe(report.consensus.file)}`);
  return out;
}
