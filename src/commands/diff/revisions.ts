import { appendFileSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { error, type Issue } from "../../core/issues.js";
import { UsageError, WriteError } from "../../errors.js";
import { writeFileAtomic } from "../../io/files.js";
import { planOutputs } from "../../io/outputs.js";
import { revisionPairs, RevisionStore } from "../../io/revisions/store.js";
import { validateFiles } from "../../io/validation.js";
import { expandPaths } from "../../io/walk.js";
import { EXIT, type Context } from "../../context.js";
import { formatDiffGithub, formatDiffMarkdown, formatDiffText, type DiffView } from "../../render/diff.js";
import { countIssues, formatIssuesGithub, formatIssuesText } from "../../render/issues.js";
import { diffView, passes } from "./view.js";

export type RevisionsFormat = "text" | "github" | "markdown";

export interface CheckRevisionsOptions {
  /** Folders (or files) holding questionnaire revisions, `<id>/<version>.yaml`. */
  readonly paths: readonly string[];
  /** text or github: the issues and every pair's diff on stdout; markdown: the pairs' diffs on stdout, the rest on stderr. */
  readonly format: RevisionsFormat;
  /** Fail on warnings as well as errors. */
  readonly strict: boolean;
  /** Also write every pair's diff as Markdown to this file (a pull-request comment). */
  readonly markdown?: string | undefined;
  readonly force: boolean;
}

/**
 * Checks the questionnaire revisions under `opts.paths` as CI does: validates every revision file, then
 * checks each revision against the one before it (same folder, same id, by semantic version) as `naq diff --check`
 * does. Under GitHub Actions the pairs' Markdown also goes to the job summary. Returns 1 when a check fails, 3 when a file cannot be read.
 */
export function checkRevisions(opts: CheckRevisionsOptions, ctx: Context): number {
  const cwd = ctx.io.cwd;
  const shown = (file: string) => {
    const rel = relative(cwd, file);
    return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
  };
  const { files, missing } = expandPaths(opts.paths.map((p) => resolve(cwd, p)));
  // The Markdown file is checked by the one output policy before anything is read or written.
  const markdownFile = opts.markdown === undefined ? undefined : planOutputs([{ file: opts.markdown }], { cwd, inputs: files, force: opts.force })[0]?.path;
  const say = opts.format === "markdown" ? (line = "") => ctx.err(line) : (line = "") => ctx.out(line);
  const style = opts.format === "markdown" ? ctx.errStyle : ctx.style;

  const store = new RevisionStore(cwd);
  // Every file under the folders is checked as `naq validate` checks it; the revisions among them are then compared in pairs.
  const checked = validateFiles(files, store);
  const issues = [...missing.map((m) => ({ ...error("FILE_NOT_FOUND", "no such file or folder; check the path"), location: { file: m } })), ...checked.issues].map((i) =>
    relocated(i, shown),
  );
  if (checked.revisionFiles === 0 && missing.length === 0 && checked.issues.length === 0) throw new UsageError(`no questionnaire revisions in ${opts.paths.join(", ")}`);
  for (const line of opts.format === "github" ? formatIssuesGithub(issues) : formatIssuesText(issues, style)) say(line);
  const counted = countIssues(issues);
  const summary = `${files.length + missing.length} file${files.length + missing.length === 1 ? "" : "s"} checked: ${counted.text}`;
  say(counted.errors > 0 ? style.red(`✖ ${summary}`) : issues.length ? style.yellow(`⚠ ${summary}`) : style.green(`✔ ${summary}`));
  const failed = counted.errors > 0 || (opts.strict && counted.warnings > 0) ? ["naq validate"] : [];

  const pairs = revisionPairs(
    checked.revisions.map((r) => r.file),
    store,
  );
  const markdown: string[] = [];
  for (const p of pairs) {
    const view = shownView(diffView(p.old, p.new, true), shown);
    say();
    say(`naq diff --check ${shown(p.old.file)} ${shown(p.new.file)}`);
    for (const line of opts.format === "github" ? formatDiffGithub(view) : formatDiffText(view, style)) say(line);
    if (!passes(view)) failed.push(`naq diff ${p.old.questionnaire.id} ${p.old.questionnaire.version} → ${p.new.questionnaire.version}`);
    markdown.push(formatDiffMarkdown(shownView(diffView(p.old, p.new, false), shown)));
  }
  const report = markdown.join("\n");
  if (opts.format === "markdown") ctx.io.stdout.write(report);
  if (markdownFile !== undefined) writeFileAtomic(markdownFile, report);
  const summaryFile = ctx.io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile && report) appendSummary(summaryFile, `${report}\n`);

  const revisions = new Set(pairs.flatMap((p) => [p.old.file, p.new.file])).size;
  say();
  say(`${pairs.length} pair${pairs.length === 1 ? "" : "s"} of revisions compared (${revisions} revisions in sequence).`);
  if (failed.length) say(style.red(`✖ failed: ${failed.join(", ")}`));
  else say(style.green("✔ every revision is valid and every version bump admits its changes"));
  if (checked.unreadable || missing.length > 0) return EXIT.file;
  return failed.length ? EXIT.invalid : EXIT.ok;
}

function relocated(issue: Issue, shown: (file: string) => string): Issue {
  return issue.location ? { ...issue, location: { ...issue.location, file: shown(issue.location.file) } } : issue;
}

/** `view` with its file names as the user would write them (annotations need paths relative to the workspace). */
function shownView(view: DiffView, shown: (file: string) => string): DiffView {
  return { ...view, newFile: shown(view.newFile), issues: view.issues.map((i) => relocated(i, shown)) };
}

/** Appends `text` to the GitHub job summary file. */
function appendSummary(file: string, text: string): void {
  try {
    appendFileSync(file, text);
  } catch (e) {
    throw new WriteError(file, `appending to the job summary: ${e instanceof Error ? e.message : String(e)}`);
  }
}
