/**
 * What `naq validate` checks in a set of files, as data: each file on its own (schema, semantic rules,
 * `was` against the revision before it), then responses and workshop decisions against the revision
 * they name. `naq validate` prints it; `naq diff --check DIR...` checks the same before comparing revisions.
 */
import { checkConsensus, type Consensus } from "../core/gap-report/consensus.js";
import { checkResponse } from "../core/answers/response-rules.js";
import { error, type Issue } from "../core/issues.js";
import type { Response } from "../core/questionnaire/model.js";
import { wasRefsKnown } from "../core/revision/rules.js";
import { consensusFrom, loadDocument, targetsFrom, locate, questionnaireFrom, responseFrom, type LoadedQuestionnaire } from "./revisions/load.js";
import { previousRevision, type RevisionStore } from "./revisions/store.js";
import { checkSchema } from "./schema/check.js";
import type { Source } from "./yaml/source.js";

type Doc<T> = { readonly value: T; readonly doc: Source };

/** Every issue the files hold; the questionnaire revisions among them (files that could not be parsed count as revisions too, being possibly broken ones); whether a file was unreadable. */
export interface Validation {
  readonly issues: readonly Issue[];
  readonly revisions: readonly LoadedQuestionnaire[];
  readonly revisionFiles: number;
  readonly unreadable: boolean;
}

interface Read {
  readonly issues: Issue[];
  readonly responses: Doc<Response>[];
  readonly decisions: Doc<Consensus>[];
  readonly revisions: LoadedQuestionnaire[];
  revisionFiles: number;
  unreadable: boolean;
}

/** Checks `files` as `naq validate` does; responses and decisions against `given`, else the revision they name (among the files, next to them, or bundled). */
export function validateFiles(files: readonly string[], store: RevisionStore, given?: LoadedQuestionnaire): Validation {
  const read: Read = { issues: [], responses: [], decisions: [], revisions: [], revisionFiles: 0, unreadable: false };
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
  return read;
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
    read.revisionFiles++;
    return;
  }
  if (doc.kind === "questionnaire") {
    read.revisionFiles++;
    const loaded = questionnaireFrom(doc.source);
    read.issues.push(...loaded.issues);
    if (!loaded.value) return;
    store.remember(loaded.value);
    read.revisions.push(loaded.value);
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
  } else if (doc.kind === "targets") {
    read.issues.push(...targetsFrom(doc.source).issues);
  } else if (doc.kind === "gap-report") {
    read.issues.push(...locate(checkSchema("gap-report", doc.source.data), doc.source));
  }
}
