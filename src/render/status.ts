/** The completeness matrix of `naq status`: agencies × areas, drawn from the gap report. */
import type { GapReport } from "../core/gap-report/model.js";
import { day, names, pct0, STATUS_WORDS } from "./gap-report/words.js";
import { safeForTerminal, type Style } from "./style.js";
import { tint } from "./gap-report/terminal.js";

/** The status as plain data for scripts: per agency, its status and answered share per area. */
export function statusData(report: GapReport, problems: ReadonlyMap<string, number>) {
  return {
    country: report.country,
    questionnaire: { id: report.questionnaire.id, version: report.questionnaire.version },
    asOf: report.asOf,
    areas: report.areas.map((a) => ({ id: a.id, title: a.title, answerRate: a.answerRate })),
    answerRate: report.summary.answerRate,
    agencies: report.agencies.map((a) => ({
      id: a.id,
      name: a.name,
      status: a.status,
      file: a.file,
      respondent: a.respondent,
      updated: a.updated,
      areas: Object.fromEntries(a.areas.map((c) => [c.area, { relevant: c.relevant, answered: c.answered, share: c.share }])),
      relevant: a.relevant,
      answered: a.answered,
      share: a.share,
      problems: a.file ? (problems.get(a.file) ?? 0) : 0,
    })),
    missing: report.missing,
    excluded: report.excluded,
  };
}

/** The completeness matrix as terminal lines. */
export function renderStatus(report: GapReport, problems: ReadonlyMap<string, number>, style: Style): string[] {
  const n = names(report);
  const safe = (s: string) => safeForTerminal(s);
  const out: string[] = [];
  const merged = report.agencies.filter((a) => a.status === "complete" || a.status === "in-progress").length;
  const older = report.excluded.length ? `, ${report.excluded.length} an older revision` : "";
  out.push(
    style.bold(
      `Completeness · ${safe(report.country)} · ${safe(report.questionnaire.id)} ${safe(report.questionnaire.version)} · ${merged} of ${report.agencies.length} agencies answered it${older} · as of ${day(report.asOf)}`,
    ),
  );
  out.push("");
  const idWidth = Math.max(6, ...report.agencies.map((a) => a.id.length));
  const statusWidth = 13;
  const col = 6;
  out.push(style.dim(`${"AGENCY".padEnd(idWidth)}  ${"STATUS".padEnd(statusWidth)}${report.areas.map((a) => safe(a.id).padStart(col)).join("")}${"ALL".padStart(col + 1)}`));
  for (const a of report.agencies) {
    const status = a.status === "older-revision" ? "older rev." : STATUS_WORDS[a.status];
    const statusCell =
      a.status === "complete"
        ? style.green(status.padEnd(statusWidth))
        : a.status === "in-progress"
          ? style.yellow(status.padEnd(statusWidth))
          : style.red(status.padEnd(statusWidth));
    const cells = a.areas.map((c) => (c.relevant === 0 ? style.dim("·".padStart(col)) : tint(style, c.share, pct0(c.share).padStart(col)))).join("");
    const count = a.file ? (problems.get(a.file) ?? 0) : 0;
    const problem = count ? style.red(`  ${count} error${count === 1 ? "" : "s"}: naq validate ${safe(a.file ?? "")}`) : "";
    out.push(`${safe(a.id).padEnd(idWidth)}  ${statusCell}${cells}${style.bold(tint(style, a.share, pct0(a.share).padStart(col + 1)))}${problem}`);
  }
  out.push(
    style.dim(`${"".padEnd(idWidth)}  ${"all agencies".padEnd(statusWidth)}`) +
      report.areas.map((a) => tint(style, a.answerRate, pct0(a.answerRate).padStart(col))).join("") +
      style.bold(tint(style, report.summary.answerRate, pct0(report.summary.answerRate).padStart(col + 1))),
  );
  out.push("");
  out.push(style.dim('Each cell: share of the questions that apply to the agency, given its own answers, answered with anything but "don\'t know". · = nothing asked.'));
  if (report.missing.length) out.push(style.yellow(`Not answered: ${report.missing.map((id) => `${safe(id)} (${safe(n.agency(id))})`).join(", ")}`));
  for (const e of report.excluded)
    out.push(style.yellow(`Older revision: ${safe(e.file)} (${safe(e.agency)}) answers ${safe(e.version)} and cannot be carried to this revision; \`naq validate\` says why`));
  return out;
}
