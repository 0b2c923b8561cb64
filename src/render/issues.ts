import type { Issue } from "../core/issues.js";
import { safeForTerminal, type Style } from "./style.js";

export type IssueFormat = "text" | "json" | "github";

// File names, and values that messages quote, come from users: no control character, and no line break,
// which would let a value forge an issue line of its own.
const name = (s: string) => safeForTerminal(s).replace(/\n/g, "\uFFFD");
const oneLine = (s: string) => safeForTerminal(s).replace(/\r?\n/g, " \u23CE ");

const where = (i: Issue): string => {
  const l = i.location;
  if (!l) return "";
  if ("sheet" in l) return `${name(l.file)}:${name(l.sheet)}!${l.cell}`;
  return `${name(l.file)}${l.line !== undefined ? `:${l.line}:${l.column ?? 1}` : ""}`;
};

const order = (a: Issue, b: Issue): number => {
  const fa = a.location?.file ?? "";
  const fb = b.location?.file ?? "";
  if (fa !== fb) return fa < fb ? -1 : 1;
  const la = a.location && "line" in a.location ? (a.location.line ?? 0) : 0;
  const lb = b.location && "line" in b.location ? (b.location.line ?? 0) : 0;
  if (la !== lb) return la - lb;
  const ca = a.location && "column" in a.location ? (a.location.column ?? 0) : 0;
  const cb = b.location && "column" in b.location ? (b.location.column ?? 0) : 0;
  return ca - cb;
};

/** `file:line:col  severity  CODE  message` lines, grouped by file with a blank line between files. */
export function formatIssuesText(issues: readonly Issue[], style: Style): string[] {
  const lines: string[] = [];
  let lastFile: string | undefined;
  for (const i of [...issues].sort(order)) {
    const file = i.location?.file ?? "";
    if (lastFile !== undefined && file !== lastFile) lines.push("");
    lastFile = file;
    const sev = i.severity === "error" ? style.red("error  ") : style.yellow("warning");
    lines.push(`${style.bold(where(i))}  ${sev}  ${style.dim(i.code)}  ${oneLine(i.message)}`);
  }
  return lines;
}

/** The issues as a JSON array, one object per issue with its location flattened. */
export function formatIssuesJson(issues: readonly Issue[]): string {
  return JSON.stringify(
    [...issues].sort(order).map((i) => ({ code: i.code, severity: i.severity, message: i.message, ...(i.location ?? {}) })),
    null,
    2,
  );
}

const escapeData = (s: string) => safeForTerminal(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/**
 * One GitHub Actions workflow command (`::error file=…,line=…::message`), its properties and message
 * escaped as the runner expects and stripped of control characters from untrusted text.
 */
export function githubCommand(command: "error" | "warning" | "notice", props: Readonly<Record<string, string | number | undefined>>, message: string): string {
  const list = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === "number" ? v : escapeProperty(v as string)}`);
  return `::${command} ${list.join(",")}::${escapeData(message)}`;
}

/** GitHub Actions workflow commands that annotate the file and line of each issue. */
export function formatIssuesGithub(issues: readonly Issue[]): string[] {
  return [...issues].sort(order).map((i) => {
    const l = i.location;
    const at = l && "line" in l && l.line !== undefined ? { line: l.line, col: l.column ?? 1 } : {};
    const msg = l && "sheet" in l ? `${l.sheet}!${l.cell}: ${i.message}` : i.message;
    return githubCommand(i.severity, { file: l?.file, ...at, title: i.code }, msg);
  });
}

/** "N errors, M warnings" with correct plurals. */
export function countIssues(issues: readonly Issue[]): { errors: number; warnings: number; text: string } {
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  const text = `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
  return { errors, warnings, text };
}
