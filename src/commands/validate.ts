import { error, type Issue } from "../core/issues.js";
import { checkConsensus, type Consensus } from "../core/gap-report/consensus.js";
import type { Response } from "../core/questionnaire/model.js";
import { checkResponse } from "../core/answers/response-rules.js";
import { wasRefsKnown } from "../core/revision/rules.js";
import { UsageError } from "../errors.js";
import { consensusFrom, loadDocument, locate, questionnaireFrom, responseFrom } from "../io/revisions/load.js";
import { previousRevision, RevisionStore } from "../io/revisions/store.js";
import { checkSchema } from "../io/schema/check.js";
import { expandPaths } from "../io/walk.js";
import type { Source } from "../io/yaml/source.js";
import { EXIT, type Context } from "../context.js";
import { countIssues, formatIssuesGithub, formatIssuesJson, formatIssuesText, type IssueFormat } from "../render/issues.js";

export interface ValidateOptions {
  readonly paths: readonly string[];
  readonly questionnaire?: string | undefined;
  readonly format: IssueFormat;
  readonly strict: boolean;
}

type Doc<T> = { readonly value: T; readonly doc: Source };

/** What validate read: the issues so far, the responses and decisions to check against their revisions, and whether a file was unreadable. */
interface Read {
  readonly issues: Issue[];
  readonly responses: Doc<Response>[];
  readonly decisions: Doc<Consensus>[];
  unreadable: boolean;
}

/** Checks every file and prints its issues; exit 3 when a file cannot be read, 1 on errors (or warnings with --strict). */
export function validate(opts: ValidateOptions, ctx: Context): number {
  const cwd = ctx.io.cwd;
  const { files, missing } = expandPaths(opts.paths, undefined, undefined, cwd);
  if (files.length === 0 && missing.length === 0) throw new UsageError(`no .yaml, .yml or .json files in ${opts.paths.join(", ")}`);
  const store = new RevisionStore(cwd);
  const given = opts.questionnaire ? store.open(opts.questionnaire) : undefined;
  const read: Read = {
    issues: missing.map((m) => ({ ...error("FILE_NOT_FOUND", "no such file or folder; check the path"), location: { file: m } })),
    responses: [],
    decisions: [],
    unreadable: missing.length > 0,
  };
  for (const file of files) readFile(file, read, store);

  const revisionOf = (ref: { id: string; version: string }) => given ?? store.answered(ref);
  for (const r of read.responses) {
    const revision = revisionOf(r.value.questionnaire);
    read.issues.push(...locate(revision ? checkResponse(revision.questionnaire, revision.digest, r.value) : [notFound("answers", r.value.questionnaire)], r.doc));
  }
  for (const d of read.decisions) {
    const revision = revisionOf(d.value.questionnaire);
    read.issues.push(...locate(revision ? checkConsensus(revision.questionnaire, revision.digest, d.value) : [notFound("decides on", d.value.questionnaire)], d.doc));
  }

  print(read.issues, files.length + missing.length, opts.format, ctx);
  if (read.unreadable) return EXIT.file;
  const { errors, warnings } = countIssues(read.issues);
  return errors > 0 || (opts.strict && warnings > 0) ? EXIT.invalid : EXIT.ok;
}

function notFound(verb: string, ref: { id: string; version: string }): Issue {
  return error("QUESTIONNAIRE_NOT_FOUND", `${verb} ${ref.id}@${ref.version}, which is neither bundled nor among the files given; pass its file too, or --questionnaire`, [
    "questionnaire",
  ]);
}

/** Reads one file, checks what it can on its own, and keeps responses and decisions for the checks against their revision. */
function readFile(file: string, read: Read, store: RevisionStore): void {
  const doc = loadDocument(file, undefined, store.cwd);
  if (!doc.ok) {
    read.issues.push(...doc.issues);
    read.unreadable ||= doc.unreadable;
    return;
  }
  if (doc.kind === "questionnaire") {
    const loaded = questionnaireFrom(doc.source);
    read.issues.push(...loaded.issues);
    if (!loaded.value) return;
    store.remember(loaded.value);
    // `was` names ids of the revision before this one in the same folder (only read when some question declares one).
    const previous = loaded.value.questionnaire.questions.some((x) => x.was.length > 0) ? previousRevision(loaded.value, store) : undefined;
    if (previous) read.issues.push(...locate(wasRefsKnown(previous.questionnaire, loaded.value.questionnaire), doc.source));
    if (!loaded.issues.some((i) => i.severity === "error")) store.add(loaded.value);
  } else if (doc.kind === "response") {
    const loaded = responseFrom(doc.source);
    read.issues.push(...loaded.issues);
    if (loaded.value) read.responses.push({ value: loaded.value, doc: doc.source });
  } else if (doc.kind === "consensus") {
    const loaded = consensusFrom(doc.source);
    read.issues.push(...loaded.issues);
    if (loaded.value) read.decisions.push({ value: loaded.value, doc: doc.source });
  } else if (doc.kind === "gap-report") {
    read.issues.push(...locate(checkSchema("gap-report", doc.source.data), doc.source));
  }
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
