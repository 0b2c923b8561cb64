import { nextVersion, type BumpCheck } from "../core/revision/bump.js";
import { CHANGE_LEVELS, type Change, type ChangeLevel } from "../core/revision/change.js";
import type { RevisionDiff } from "../core/revision/diff.js";
import type { Issue } from "../core/issues.js";
import type { Path } from "../core/questionnaire/model.js";
import { parseSemver } from "../core/revision/semver.js";
import { formatIssuesGithub, formatIssuesText, githubCommand } from "./issues.js";
import { safeForTerminal, type Style } from "./style.js";

export type DiffFormat = "text" | "json" | "markdown" | "github";

/** A diff with what every rendering needs: the bump check, the files, and positions in NEW. */
export interface DiffView {
  readonly diff: RevisionDiff;
  readonly check: BumpCheck;
  /** Whether `--check` was given: the check's issues are then printed and decide the exit code. */
  readonly checking: boolean;
  readonly newFile: string;
  /** Line and column in NEW of a path. */
  readonly position: (path: Path) => { line: number; column: number };
  /** The diff's own issues and, when checking, the check's, located in NEW. */
  readonly issues: readonly Issue[];
}

const count = (n: number, what: string) => `${n} ${what}`;

/** `310 changes: 33 breaking, 137 minor, 140 patch`, or `no changes`. */
export function changeSummary(changes: readonly Change[]): string {
  if (changes.length === 0) return "no changes";
  const parts = CHANGE_LEVELS.map((l) => [l, changes.filter((c) => c.level === l).length] as const).filter(([, n]) => n > 0);
  return `${count(changes.length, changes.length === 1 ? "change" : "changes")}: ${parts.map(([l, n]) => count(n, l)).join(", ")}`;
}

/** The verdict on the version number, in one sentence, and whether it holds. */
function bumpVerdict(view: Pick<DiffView, "diff" | "check">): { ok: boolean; text: string } {
  const { diff, check } = view;
  const from = diff.old.version;
  const to = diff.new.version;
  if (check.bump === undefined || check.bump === "downgrade") return { ok: false, text: check.issues[0]?.message ?? `cannot compare ${from} and ${to}` };
  if (check.required === undefined) return { ok: true, text: `nothing changed${check.bump === "none" ? "" : `; ${from} → ${to} is a ${check.bump} bump`}` };
  const needs = bumpWord(check.required, from);
  if (check.ok) {
    return {
      ok: true,
      text:
        check.bump === needs
          ? `${from} → ${to} is a ${check.bump} bump, as ${check.required} changes need`
          : `${from} → ${to} is a ${check.bump} bump; the changes need no more than a ${needs} bump`,
    };
  }
  const offending = diff.changes.filter((c) => c.level === check.required).length;
  const got = check.bump === "none" ? `the version stayed ${to}` : `${from} → ${to} is only a ${check.bump} bump`;
  return {
    ok: false,
    text: `${got}, but ${count(offending, check.required)} change${offending === 1 ? "" : "s"} need${offending === 1 ? "s" : ""} a ${needs} bump: version ${nextVersion(from, check.required)} or later`,
  };
}

function bumpWord(level: ChangeLevel, from: string): string {
  if (level === "breaking") return parseSemver(from)?.major === 0 ? "minor" : "major";
  return level;
}

/** Changes of one class, one row per subject with its changes joined, in the diff's order. */
function rows(changes: readonly Change[], level: ChangeLevel): { subject: string; text: string }[] {
  const out = new Map<string, string[]>();
  for (const c of changes) if (c.level === level) out.set(c.subject, [...(out.get(c.subject) ?? []), c.message]);
  return [...out].map(([subject, messages]) => ({ subject, text: messages.join("; ") }));
}

const TITLES: Record<ChangeLevel, string> = { breaking: "Breaking", minor: "Minor", patch: "Patch" };

/** The diff for a terminal: a headline, the verdict on the version, then the changes by class. */
export function formatDiffText(view: DiffView, style: Style): string[] {
  const { diff } = view;
  const lines = [style.bold(`${diff.new.id} ${diff.old.version} → ${diff.new.version}: ${changeSummary(diff.changes)}`)];
  const verdict = bumpVerdict(view);
  if (verdict.text) lines.push(verdict.ok ? style.green(`✔ ${verdict.text}`) : style.red(`✖ ${verdict.text}`));
  for (const level of CHANGE_LEVELS) {
    const r = rows(diff.changes, level);
    if (r.length === 0) continue;
    const n = diff.changes.filter((c) => c.level === level).length;
    const width = Math.min(16, Math.max(...r.map((x) => x.subject.length)));
    lines.push("", style.bold(`${TITLES[level]} (${n})`));
    for (const x of r) lines.push(`  ${(level === "breaking" ? style.red : level === "minor" ? style.yellow : style.dim)(x.subject.padEnd(width))}  ${safeForTerminal(x.text)}`);
  }
  if (view.issues.length) lines.push("", ...formatIssuesText(view.issues, style));
  return lines;
}

const md = (s: string) => s.replace(/[\\`*_[\]<>|#]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : `\\${c}`));

/** The diff as Markdown fit to post as a pull-request comment: breaking changes open, the rest folded. */
export function formatDiffMarkdown(view: DiffView): string {
  const { diff } = view;
  const verdict = bumpVerdict(view);
  const out = [
    `### ${md(diff.new.id)} ${diff.old.version} → ${diff.new.version}`,
    "",
    `${changeSummary(diff.changes)}.${verdict.text ? ` ${verdict.ok ? "✅" : "❌"} ${md(verdict.text)}.` : ""}`,
  ];
  if (view.issues.length) {
    out.push("", ...view.issues.map((i) => `- ❗ **${i.code}**${i.location && "line" in i.location && i.location.line ? ` (line ${i.location.line})` : ""}: ${md(i.message)}`));
  }
  for (const level of CHANGE_LEVELS) {
    const r = rows(diff.changes, level);
    if (r.length === 0) continue;
    const n = diff.changes.filter((c) => c.level === level).length;
    const table = ["| | change |", "|---|---|", ...r.map((x) => `| \`${x.subject.replace(/`/g, "'")}\` | ${md(x.text)} |`)];
    if (level === "breaking") out.push("", `#### ${TITLES[level]} (${n})`, "", ...table);
    else out.push("", `<details><summary><b>${TITLES[level]} (${n})</b></summary>`, "", ...table, "", "</details>");
  }
  return `${out.join("\n")}\n`;
}

/**
 * GitHub Actions workflow commands: an error per issue (with `--check`, per change the version does
 * not admit), a warning per other breaking change and a notice per minor one, each at its line in NEW;
 * then a plain summary line.
 */
export function formatDiffGithub(view: DiffView): string[] {
  const { diff } = view;
  const lines = formatIssuesGithub(view.issues);
  const flagged = new Set(view.checking ? view.check.offending : []);
  for (const c of diff.changes) {
    if (c.level === "patch" || flagged.has(c)) continue;
    const { line, column } = view.position(c.path);
    const text = `${c.subject}: ${c.message}`;
    const command = c.level === "breaking" ? "warning" : "notice";
    lines.push(githubCommand(command, { file: view.newFile, line, col: column, title: `${c.level} change (${c.kind})` }, text));
  }
  const verdict = bumpVerdict(view);
  lines.push(`${diff.new.id} ${diff.old.version} → ${diff.new.version}: ${changeSummary(diff.changes)}${verdict.text ? `; ${verdict.ok ? "✔" : "✖"} ${verdict.text}` : ""}`);
  return lines;
}

/** The diff as JSON: versions, the verdict, the counts, and every change with its line and column in NEW. */
export function formatDiffJson(view: DiffView): string {
  const { diff, check } = view;
  const counts = Object.fromEntries(CHANGE_LEVELS.map((l) => [l, diff.changes.filter((c) => c.level === l).length]));
  return JSON.stringify(
    {
      id: diff.new.id,
      old: diff.old.version,
      new: diff.new.version,
      bump: check.bump ?? null,
      required: check.required ?? null,
      ok: check.ok,
      counts,
      changes: diff.changes.map((c) => ({ ...c, path: undefined, file: view.newFile, ...view.position(c.path) })),
      issues: view.issues.map((i) => ({ code: i.code, severity: i.severity, message: i.message, ...(i.location ?? {}) })),
    },
    null,
    2,
  );
}
