import { resolve } from "node:path";
import { canonicalJson } from "../../core/canonical.js";
import { closest, error, type Issue } from "../../core/issues.js";
import { normalizeConsensus, type Consensus } from "../../core/gap-report/consensus.js";
import type { TargetsFile } from "../../core/gap-report/targets.js";
import type { Questionnaire, Response } from "../../core/questionnaire/model.js";
import { normalizeQuestionnaire, normalizeResponse } from "../../core/questionnaire/normalize.js";
import { checkQuestionnaire } from "../../core/questionnaire/rules/index.js";
import { FileError, InvalidInputError } from "../../errors.js";
import { readTextFile } from "../files.js";
import { sha256 } from "../hash.js";
import { checkSchema, type SchemaName } from "../schema/check.js";
import { parseYaml, type Source } from "../yaml/source.js";

export const KINDS = ["questionnaire", "response", "consensus", "targets", "gap-report"] as const;
export type Kind = (typeof KINDS)[number];

/** A file read and parsed, with its kind, or the issues that stopped it. */
export type Loaded = { ok: true; source: Source; kind: Kind } | { ok: false; issues: Issue[]; unreadable: boolean };

/** Gives every issue that has a path a file, line and column from `source`. */
export function locate(issues: readonly Issue[], source: Source): Issue[] {
  return issues.map((i) => {
    if (i.location) return i;
    const { line, column } = source.position(i.path ?? [], i.atKey);
    return { ...i, location: { file: source.file, line, column } };
  });
}

/** Reads and parses `file` (looked up in `cwd` when relative, named as given) and tells its `kind:`; `expect` refuses any other kind. */
export function loadDocument(file: string, expect?: Kind, cwd?: string): Loaded {
  const read = readTextFile(cwd === undefined ? file : resolve(cwd, file));
  if (!read.ok) return { ok: false, issues: [read.issue], unreadable: read.issue.code === "FILE_NOT_FOUND" || read.issue.code === "FILE_UNREADABLE" };
  const parsed = parseYaml(file, read.text);
  if (!parsed.ok) return { ok: false, issues: parsed.issues, unreadable: false };
  const source = parsed.source;
  const data = source.data;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return {
      ok: false,
      unreadable: false,
      issues: locate(
        [error("UNKNOWN_KIND", `expected a mapping that starts with \`kind: ${expect ?? "questionnaire"}\`, found ${Array.isArray(data) ? "a list" : "a single value"}`, [])],
        source,
      ),
    };
  }
  const kind = (data as Record<string, unknown>).kind;
  const wanted: readonly string[] = expect ? [expect] : KINDS;
  if (typeof kind !== "string" || !wanted.includes(kind)) {
    const guess = typeof kind === "string" ? closest(kind, wanted) : undefined;
    const message =
      kind === undefined
        ? `the file has no \`kind:\`; add \`kind: ${expect ?? "questionnaire"}\` (or ${wanted.filter((k) => k !== (expect ?? "questionnaire")).join(", ") || "nothing else"}) at the top`
        : `\`kind: ${typeof kind === "string" ? kind : JSON.stringify(kind)}\` is not ${expect ? `a ${expect}` : `one of ${wanted.join(", ")}`}${guess ? `. Did you mean \`${guess}\`?` : ""}`;
    return { ok: false, unreadable: false, issues: locate([error("UNKNOWN_KIND", message, kind === undefined ? [] : ["kind"])], source) };
  }
  return { ok: true, source, kind: kind as Kind };
}

/** SHA-256 of a revision's content, independent of formatting, comments and key order. */
export function digestOf(data: unknown): string {
  return sha256(canonicalJson(data));
}

export interface LoadedQuestionnaire {
  readonly questionnaire: Questionnaire;
  readonly digest: string;
  readonly file: string;
  readonly source: Source;
}

/** Schema-checks and normalizes parsed questionnaire data, then runs every semantic rule. */
export function questionnaireFrom(source: Source): { value?: LoadedQuestionnaire; issues: Issue[] } {
  const schemaIssues = checkSchema("questionnaire", source.data);
  if (schemaIssues.length) return { issues: locate(schemaIssues, source) };
  const questionnaire = normalizeQuestionnaire(source.data);
  const issues = locate(checkQuestionnaire(questionnaire), source);
  return { value: { questionnaire, digest: digestOf(source.data), file: source.file, source }, issues };
}

/** Schema-checks and normalizes parsed response data (not yet against its questionnaire). */
export function responseFrom(source: Source): { value?: Response; issues: Issue[] } {
  const schemaIssues = checkSchema("response", source.data);
  if (schemaIssues.length) return { issues: locate(schemaIssues, source) };
  return { value: normalizeResponse(source.data), issues: [] };
}

/** A targets file (`kind: targets`) as the model has it, or its schema issues. */
export function targetsFrom(source: Source): { value?: TargetsFile; issues: Issue[] } {
  const schemaIssues = checkSchema("targets", source.data);
  if (schemaIssues.length) return { issues: locate(schemaIssues, source) };
  const raw = source.data as { questionnaire: { id: string; version?: string }; target?: number; areas?: Record<string, number>; questions?: Record<string, number> };
  return {
    value: {
      questionnaire: raw.questionnaire.id,
      ...(raw.target !== undefined ? { target: raw.target } : {}),
      ...(raw.areas ? { areas: raw.areas } : {}),
      ...(raw.questions ? { questions: raw.questions } : {}),
    },
    issues: [],
  };
}

/** Schema-checks and normalizes parsed workshop decisions (not yet against their questionnaire). */
export function consensusFrom(source: Source): { value?: Consensus; issues: Issue[] } {
  const schemaIssues = checkSchema("consensus", source.data);
  if (schemaIssues.length) return { issues: locate(schemaIssues, source) };
  return { value: normalizeConsensus(source.data), issues: [] };
}

/** A questionnaire file read: the revision when its structure is sound (semantic issues aside), and every issue. */
export interface QuestionnaireRead {
  readonly value?: LoadedQuestionnaire;
  readonly issues: Issue[];
  readonly unreadable?: boolean;
}

/** The revision `read` holds, or the error that refuses it: a `FileError` when unreadable, an `InvalidInputError` on any error issue. */
export function usableRevision(file: string, read: QuestionnaireRead): LoadedQuestionnaire {
  if (read.unreadable) throw new FileError(read.issues[0]?.message ? `${file}: ${read.issues[0].message}` : `${file}: cannot read`);
  const errors = read.issues.filter((i) => i.severity === "error");
  if (!read.value || errors.length) throw new InvalidInputError(`the questionnaire ${file} is not valid; run \`naq validate ${file}\``, read.issues);
  return read.value;
}

/** Reads a questionnaire file (looked up in `cwd` when relative): the revision, or the issues that stop it. `unreadable` means exit 3. */
export function loadQuestionnaireFile(file: string, cwd?: string): QuestionnaireRead {
  const doc = loadDocument(file, "questionnaire", cwd);
  if (!doc.ok) return { issues: doc.issues, unreadable: doc.unreadable };
  return questionnaireFrom(doc.source);
}

/** Reads a response file (looked up in `cwd` when relative): the response, or the issues that stop it. */
export function loadResponseFile(file: string, cwd?: string): { value?: Response; source?: Source; issues: Issue[]; unreadable?: boolean } {
  const doc = loadDocument(file, "response", cwd);
  if (!doc.ok) return { issues: doc.issues, unreadable: doc.unreadable };
  return { ...responseFrom(doc.source), source: doc.source };
}

export type { SchemaName };
