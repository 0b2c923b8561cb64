import type { MigrationReport } from "../core/revision/migrate.js";
import { safeForTerminal, type Style } from "./style.js";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One migration step for a terminal: the counts, then what was set aside, what to confirm, and the status. */
export function formatMigrationText(report: MigrationReport, style: Style): string[] {
  const total = report.carried + report.unmapped;
  const lines = [
    `  ${report.from.id} ${report.from.version} → ${report.to.version}: ${plural(total, "answer")}, ${style.green(`${report.carried} carried`)}, ${report.unmapped ? style.yellow(`${report.unmapped} unmapped`) : "0 unmapped"}`,
  ];
  const unmapped = report.answers.filter((a) => a.fate === "unmapped");
  if (unmapped.length) lines.push(`    unmapped: ${unmapped.map((a) => `${a.question} (${a.reason ?? "?"}${a.target ? ` → ${a.target}` : ""})`).join(", ")}`);
  if (report.toConfirm.length) lines.push(`    to confirm: ${report.toConfirm.join(", ")}`);
  if (report.irrelevant.length) lines.push(`    no longer apply (kept, not scored): ${report.irrelevant.join(", ")}`);
  if (report.status.from !== report.status.to) lines.push(`    status: ${report.status.from} → ${report.status.to}${report.status.why ? ` (${report.status.why})` : ""}`);
  for (const note of report.notes) lines.push(`    ${safeForTerminal(note)}`);
  return lines;
}
