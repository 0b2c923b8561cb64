import { checkBump } from "../core/revision/bump.js";
import { diffRevisions } from "../core/revision/diff.js";
import { UsageError } from "../errors.js";
import { openQuestionnaire } from "../io/revisions/bundled.js";
import { locate, type LoadedQuestionnaire } from "../io/revisions/load.js";
import { EXIT, type Context } from "../context.js";
import { formatDiffGithub, formatDiffJson, formatDiffMarkdown, formatDiffText, type DiffFormat, type DiffView } from "../render/diff.js";

export interface DiffOptions {
  readonly old: string;
  readonly new: string;
  readonly check: boolean;
  readonly format: DiffFormat;
}

/** The diff of two loaded revisions with its bump check, its issues located in NEW. */
export function diffView(oldRev: LoadedQuestionnaire, newRev: LoadedQuestionnaire, checking: boolean): DiffView {
  const d = diffRevisions(oldRev.questionnaire, newRev.questionnaire);
  const check = checkBump(d);
  return {
    diff: d,
    check,
    checking,
    newFile: newRev.file,
    position: (path) => newRev.source.position(path),
    issues: locate([...d.issues, ...(checking ? check.issues : [])], newRev.source),
  };
}

/**
 * Prints what changed from revision OLD to NEW. Exit 1 with `--check` when the version bump does not
 * admit a change, or NEW's `was`/`recode` name what OLD does not have.
 */
export function diff(opts: DiffOptions, ctx: Context): number {
  const oldRev = openQuestionnaire(opts.old);
  const newRev = openQuestionnaire(opts.new);
  if (oldRev.questionnaire.id !== newRev.questionnaire.id) {
    throw new UsageError(`${opts.old} is ${oldRev.questionnaire.id} and ${opts.new} is ${newRev.questionnaire.id}: naq diff compares two revisions of one questionnaire`);
  }
  const view = diffView(oldRev, newRev, opts.check);
  const { diff: d, check } = view;
  switch (opts.format) {
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
  return check.ok && !d.issues.some((i) => i.severity === "error") ? EXIT.ok : EXIT.invalid;
}
