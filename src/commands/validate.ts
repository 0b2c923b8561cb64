import { error, type Issue } from "../core/issues.js";
import { UsageError } from "../errors.js";
import { RevisionStore } from "../io/revisions/store.js";
import { validateFiles } from "../io/validation.js";
import { expandPaths } from "../io/walk.js";
import { EXIT, type Context } from "../context.js";
import { countIssues, formatIssuesGithub, formatIssuesJson, formatIssuesText, type IssueFormat } from "../render/issues.js";

export interface ValidateOptions {
  readonly paths: readonly string[];
  readonly questionnaire?: string | undefined;
  readonly format: IssueFormat;
  readonly strict: boolean;
}

/** Checks every file and prints its issues; exit 3 when a file cannot be read, 1 on errors (or warnings with --strict). */
export function validate(opts: ValidateOptions, ctx: Context): number {
  const cwd = ctx.io.cwd;
  const { files, missing } = expandPaths(opts.paths, undefined, undefined, cwd);
  if (files.length === 0 && missing.length === 0) throw new UsageError(`no .yaml, .yml or .json files in ${opts.paths.join(", ")}`);
  const store = new RevisionStore(cwd);
  const given = opts.questionnaire ? store.open(opts.questionnaire) : undefined;
  const checked = validateFiles(files, store, given);
  const issues = [...missing.map((m) => ({ ...error("FILE_NOT_FOUND", "no such file or folder; check the path"), location: { file: m } })), ...checked.issues];
  print(issues, files.length + missing.length, opts.format, ctx);
  if (checked.unreadable || missing.length > 0) return EXIT.file;
  const { errors, warnings } = countIssues(issues);
  return errors > 0 || (opts.strict && warnings > 0) ? EXIT.invalid : EXIT.ok;
}

function print(issues: readonly Issue[], checked: number, format: IssueFormat, ctx: Context): void {
  if (format === "json") {
    ctx.out(formatIssuesJson(issues));
    return;
  }
  const lines = format === "github" ? formatIssuesGithub(issues) : formatIssuesText(issues, ctx.style);
  for (const line of lines) ctx.out(line);
  const { errors, text } = countIssues(issues);
  const s = ctx.style;
  const summary = `${checked} file${checked === 1 ? "" : "s"} checked: ${text}`;
  if (lines.length) ctx.out();
  ctx.out(errors > 0 ? s.red(`✖ ${summary}`) : issues.length ? s.yellow(`⚠ ${summary}`) : s.green(`✔ ${summary}`));
}
