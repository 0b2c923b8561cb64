import { resolve } from "node:path";
import { error, type Issue } from "../core/issues.js";
import { checkConsensus, type Consensus } from "../core/gap-report/consensus.js";
import type { Response } from "../core/questionnaire/model.js";
import { checkResponse } from "../core/answers/response-rules.js";
import { wasRefsKnown } from "../core/revision/rules.js";
import { UsageError } from "../errors.js";
import { bundledFile, openQuestionnaire } from "../io/revisions/bundled.js";
import { consensusFrom, loadDocument, loadQuestionnaireFile, locate, questionnaireFrom, responseFrom, type LoadedQuestionnaire } from "../io/revisions/load.js";
import { previousRevision, type RevisionCache } from "../io/revisions/store.js";
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

/** Checks every file and prints its issues; exit 3 when a file cannot be read, 1 on errors (or warnings with --strict). */
export function validate(opts: ValidateOptions, ctx: Context): number {
  const { files, missing } = expandPaths(opts.paths);
  const issues: Issue[] = missing.map((m) => ({ ...error("FILE_NOT_FOUND", "no such file or folder; check the path"), location: { file: m } }));
  if (files.length === 0 && missing.length === 0) throw new UsageError(`no .yaml, .yml or .json files in ${opts.paths.join(", ")}`);
  let unreadable = missing.length > 0;

  const given = opts.questionnaire ? openQuestionnaire(opts.questionnaire) : undefined;
  const revisions = new Map<string, LoadedQuestionnaire>();
  const responses: { response: Response; doc: Source }[] = [];
  const decisions: { consensus: Consensus; doc: Source }[] = [];
  const cache: RevisionCache = new Map();

  for (const file of files) {
    const doc = loadDocument(file);
    if (!doc.ok) {
      issues.push(...doc.issues);
      unreadable ||= doc.unreadable;
      continue;
    }
    if (doc.kind === "questionnaire") {
      const loaded = questionnaireFrom(doc.source);
      issues.push(...loaded.issues);
      if (loaded.value) {
        cache.set(resolve(file), loaded.value);
        // `was` names ids of the revision before this one in the same folder (only read when some question declares one).
        const previous = loaded.value.questionnaire.questions.some((x) => x.was.length > 0) ? previousRevision(loaded.value, cache) : undefined;
        if (previous) issues.push(...locate(wasRefsKnown(previous.questionnaire, loaded.value.questionnaire), doc.source));
      }
      if (loaded.value && !loaded.issues.some((i) => i.severity === "error")) {
        revisions.set(`${loaded.value.questionnaire.id}@${loaded.value.questionnaire.version}`, loaded.value);
      }
    } else if (doc.kind === "response") {
      const loaded = responseFrom(doc.source);
      issues.push(...loaded.issues);
      if (loaded.value) responses.push({ response: loaded.value, doc: doc.source });
    } else if (doc.kind === "consensus") {
      const loaded = consensusFrom(doc.source);
      issues.push(...loaded.issues);
      if (loaded.value) decisions.push({ consensus: loaded.value, doc: doc.source });
    } else if (doc.kind === "gap-report") {
      issues.push(...locate(checkSchema("gap-report", doc.source.data), doc.source));
    }
  }

  const bundledCache = new Map<string, LoadedQuestionnaire | undefined>();
  const revisionOf = (ref: { id: string; version: string }): LoadedQuestionnaire | undefined => {
    const key = `${ref.id}@${ref.version}`;
    const found = given ?? revisions.get(key);
    if (found) return found;
    if (!bundledCache.has(key)) {
      const file = bundledFile(ref.id, ref.version);
      bundledCache.set(key, file ? loadQuestionnaireFile(file).value : undefined);
    }
    return bundledCache.get(key);
  };
  for (const r of responses) {
    const key = `${r.response.questionnaire.id}@${r.response.questionnaire.version}`;
    const revision = revisionOf(r.response.questionnaire);
    if (!revision) {
      issues.push(
        ...locate(
          [error("QUESTIONNAIRE_NOT_FOUND", `answers ${key}, which is neither bundled nor among the files given; pass its file too, or --questionnaire`, ["questionnaire"])],
          r.doc,
        ),
      );
      continue;
    }
    issues.push(...locate(checkResponse(revision.questionnaire, revision.digest, r.response), r.doc));
  }
  for (const d of decisions) {
    const ref = d.consensus.questionnaire;
    const revision = revisionOf(ref);
    if (!revision) {
      issues.push(
        ...locate(
          [
            error("QUESTIONNAIRE_NOT_FOUND", `decides on ${ref.id}@${ref.version}, which is neither bundled nor among the files given; pass its file too, or --questionnaire`, [
              "questionnaire",
            ]),
          ],
          d.doc,
        ),
      );
      continue;
    }
    issues.push(...locate(checkConsensus(revision.questionnaire, revision.digest, d.consensus), d.doc));
  }

  print(issues, files.length + missing.length, opts.format, ctx);
  if (unreadable) return EXIT.file;
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
