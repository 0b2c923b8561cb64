import { statSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "../../errors.js";
import { openQuestionnaire } from "../../io/revisions/bundled.js";
import { EXIT, type Context } from "../../context.js";
import { formatDiffGithub, formatDiffJson, formatDiffMarkdown, formatDiffText, type DiffFormat } from "../../render/diff.js";
import { checkRevisions } from "./revisions.js";
import { diffView, passes } from "./view.js";

export interface DiffOptions {
  /** OLD and NEW; with `check`, also folders (or any number of files) of revisions, each checked against the one before it. */
  readonly revisions: readonly string[];
  readonly check: boolean;
  /** text when not given; github under GitHub Actions when checking folders. */
  readonly format?: DiffFormat | undefined;
  /** Checking folders: fail on warnings as well as errors. */
  readonly strict: boolean;
  /** Checking folders: write every pair's diff as Markdown to this file. */
  readonly markdown?: string | undefined;
  readonly force: boolean;
}

/**
 * Prints what changed from revision OLD to NEW. Exit 1 with `--check` when the version bump does not
 * admit a change, or NEW's `was`/`recode` name what OLD does not have. With `--check` and folders,
 * checks every revision in them (see `checkRevisions`).
 */
export function diff(opts: DiffOptions, ctx: Context): number {
  if (opts.check && checksFolders(opts, ctx.io.cwd)) {
    const format = opts.format ?? (ctx.io.env.GITHUB_ACTIONS === "true" ? "github" : "text");
    if (format === "json") throw new UsageError("checking folders of revisions prints text, github or markdown, not json");
    return checkRevisions({ paths: opts.revisions, format, strict: opts.strict, markdown: opts.markdown, force: opts.force }, ctx);
  }
  const [oldRef, newRef, ...more] = opts.revisions;
  if (oldRef === undefined || newRef === undefined || more.length > 0) {
    throw new UsageError(`naq diff compares two revisions, OLD and NEW (${opts.revisions.length} given); to check folders of revisions, add --check`);
  }
  if (opts.strict || opts.markdown !== undefined) throw new UsageError("--strict and --markdown go with --check over folders of revisions");
  const oldRev = openQuestionnaire(oldRef, ctx.io.cwd);
  const newRev = openQuestionnaire(newRef, ctx.io.cwd);
  if (oldRev.questionnaire.id !== newRev.questionnaire.id) {
    throw new UsageError(`${oldRef} is ${oldRev.questionnaire.id} and ${newRef} is ${newRev.questionnaire.id}: naq diff compares two revisions of one questionnaire`);
  }
  const view = diffView(oldRev, newRev, opts.check);
  switch (opts.format ?? "text") {
    case "json":
      ctx.out(formatDiffJson(view));
      break;
    case "markdown":
      ctx.io.stdout.write(formatDiffMarkdown(view));
      break;
    case "github":
      for (const line of formatDiffGithub(view)) ctx.out(line);
      break;
    case "text":
      for (const line of formatDiffText(view, ctx.style)) ctx.out(line);
  }
  if (!opts.check) return EXIT.ok;
  return passes(view) ? EXIT.ok : EXIT.invalid;
}

/** Whether `--check` is over folders of revisions rather than one OLD and NEW: a folder is given, files other than two, or a folder-only option. */
function checksFolders(opts: DiffOptions, cwd: string): boolean {
  if (opts.revisions.length !== 2 || opts.strict || opts.markdown !== undefined) return true;
  return opts.revisions.some((p) => {
    try {
      return statSync(resolve(cwd, p)).isDirectory();
    } catch {
      return false;
    }
  });
}
