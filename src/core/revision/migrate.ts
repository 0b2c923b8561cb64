import { carryAnswers, oldAnswer, type Carried, type Failure } from "./carry-answers.js";
import { listWords } from "./change.js";
import { relevance } from "../questionnaire/conditions.js";
import { error, type Issue } from "../issues.js";
import {
  questionIndex,
  type Question,
  type Questionnaire,
  type QuestionnaireRef,
  type Response,
  type ResponseStatus,
  type UnmappedAnswer,
  type UnmappedReason,
} from "../questionnaire/model.js";
import { checkResponse } from "../answers/response-rules.js";
import { mapRevisions, type RevisionMap } from "./revision-map.js";
import { mostSimilar } from "./similar.js";

/** A questionnaire revision with its digest (a `LoadedQuestionnaire` is one). */
export interface Revision {
  readonly questionnaire: Questionnaire;
  readonly digest: string;
}

/** What became of one answer to the older revision. */
export interface AnswerFate {
  /** The question's id in the older revision. */
  readonly question: string;
  readonly fate: "carried" | "unmapped";
  /** The new questions the answer was carried to (several for a split). */
  readonly to: readonly string[];
  readonly reason?: UnmappedReason;
  /** For an unmapped answer: the new question it most likely belongs to. */
  readonly target?: string;
}

/** The account of one migration: every old answer's fate, counted, and what the respondent should look at. */
export interface MigrationReport {
  readonly from: QuestionnaireRef;
  readonly to: QuestionnaireRef;
  /** One per answer of the old response, in the old revision's order. */
  readonly answers: readonly AnswerFate[];
  /** Old answers carried to at least one new question. `carried + unmapped` = the number of old answers. */
  readonly carried: number;
  /** Old answers that went to `unmapped` whole. */
  readonly unmapped: number;
  /** New questions whose carried answer is marked `confirm`. */
  readonly toConfirm: readonly string[];
  /** New questions answered but not applicable given the other answers (listed in `irrelevant`). */
  readonly irrelevant: readonly string[];
  readonly status: { readonly from: ResponseStatus; readonly to: ResponseStatus; readonly why?: string };
  /** Other things the migration changed, in words (e.g. the language). */
  readonly notes: readonly string[];
  /** Problems that leave the migrated response invalid (the agency is not in the new revision). */
  readonly issues: readonly Issue[];
}

export interface MigrationResult {
  readonly response: Response;
  readonly report: MigrationReport;
}

/**
 * Carries `response`, given to revision `from`, to revision `to` (the next one: `to`'s `was` names
 * `from`'s ids). Renamed and moved questions carry as they are, options through `recode`; a split copies
 * the answer to each part and marks it `confirm`; a merge combines the answers (see `combineAnswers`).
 * Answers that cannot be carried go to `unmapped` with the reason and the likely new question, so
 * nothing is lost. The result answers `to`, passes `checkResponse` without issues (unless the agency
 * is gone, see `report.issues`), and is `complete` only if it still is. Pure: `now` (ISO 8601) stamps the result, to the second.
 */
export function migrateResponse(from: Revision, to: Revision, response: Response, now: string): MigrationResult {
  const oldQ = from.questionnaire;
  const newQ = to.questionnaire;
  const map = mapRevisions(oldQ, newQ);
  const agency = response.agency;
  const carried = carryAnswers(oldQ, newQ, map, response);
  const { fates, unmapped } = fatesOf(oldQ, newQ, map, response, carried);
  const answers = carried.answers;

  const notes: string[] = [];
  const issues: Issue[] = [];
  if (!newQ.agencies.some((a) => a.id === agency)) {
    issues.push(error("UNKNOWN_AGENCY", `agency \`${agency}\` is not one of ${newQ.id} ${newQ.version}'s agencies, so none of its answers can be carried`, ["agency"]));
  }
  let language = response.language;
  if (!newQ.languages.includes(language)) {
    language = newQ.languages[0] ?? language;
    notes.push(`${newQ.id} ${newQ.version} is not available in ${response.language}: the response's language is now ${language}`);
  }
  const asked = questionIndex(newQ);
  const relevant = relevance(newQ, agency, answers);
  const irrelevant = Object.keys(answers).filter((id) => asked.get(id)?.for.includes(agency) && !relevant.get(id));
  const at = now.replace(/\.\d{3}Z$/, "Z");
  const draft: Response = {
    questionnaire: { id: newQ.id, version: newQ.version, digest: to.digest },
    country: response.country,
    agency,
    ...(response.respondent !== undefined ? { respondent: response.respondent } : {}),
    language,
    status: response.status,
    updated: at,
    answers,
    ...(irrelevant.length ? { irrelevant } : {}),
    ...(unmapped.length ? { unmapped } : {}),
    migrated: [...(response.migrated ?? []), { from: response.questionnaire, at }],
  };
  const toConfirm = Object.keys(answers).filter((id) => answers[id]?.confirm !== undefined);
  const status = settleStatus(draft, newQ, to.digest, toConfirm);
  const carriedCount = fates.filter((f) => f.fate === "carried").length;
  return {
    response: { ...draft, status: status.to },
    report: {
      from: response.questionnaire,
      to: draft.questionnaire,
      answers: fates,
      carried: carriedCount,
      unmapped: fates.length - carriedCount,
      toConfirm,
      irrelevant,
      status,
      notes,
      issues,
    },
  };
}

/** Every old answer's fate, in the old revision's order, and the unmapped answers of the result (earlier ones first). */
function fatesOf(oldQ: Questionnaire, newQ: Questionnaire, map: RevisionMap, response: Response, carried: Carried): { fates: AnswerFate[]; unmapped: UnmappedAnswer[] } {
  const oldIndex = questionIndex(oldQ);
  const lang = newQ.languages.find((l) => oldQ.languages.includes(l)) ?? oldQ.languages[0] ?? "en";
  const fates: AnswerFate[] = [];
  const unmapped: UnmappedAnswer[] = carryUnmapped(response.unmapped ?? [], map);
  const answeredIds = [...oldQ.questions.map((x) => x.id).filter((id) => response.answers[id] !== undefined), ...Object.keys(response.answers).filter((id) => !oldIndex.has(id))];
  for (const id of answeredIds) {
    const given = response.answers[id];
    if (!given) continue;
    const to = carried.carriedTo.get(id);
    if (to) {
      fates.push({ question: id, fate: "carried", to });
      const rest = carried.partial.get(id);
      if (rest) unmapped.push(rest);
      continue;
    }
    const why = whyUnmapped(id, oldIndex.get(id), oldQ, newQ, map, carried.failures, lang);
    unmapped.push({ ...oldAnswer(id, given), version: oldQ.version, ...why });
    fates.push({ question: id, fate: "unmapped", to: [], reason: why.reason, ...(why.target ? { target: why.target } : {}) });
  }
  return { fates, unmapped };
}

/** Migrates `response` through consecutive revisions `chain` (the first is the one it answers), one step at a time. */
export function migrateAcross(chain: readonly Revision[], response: Response, now: string): { response: Response; reports: MigrationReport[] } {
  let current = response;
  const reports: MigrationReport[] = [];
  for (let i = 1; i < chain.length; i++) {
    const from = chain[i - 1];
    const to = chain[i];
    if (!from || !to) continue;
    const step = migrateResponse(from, to, current, now);
    current = step.response;
    reports.push(step.report);
  }
  return { response: current, reports };
}

function whyUnmapped(
  id: string,
  o: Question | undefined,
  oldQ: Questionnaire,
  newQ: Questionnaire,
  map: RevisionMap,
  failures: ReadonlyMap<string, Failure>,
  lang: string,
): { reason: UnmappedReason; note: string; target?: string } {
  if (!o) return { reason: "unknown-question", note: `${id} is not a question of ${oldQ.id} ${oldQ.version}, the revision these answers were given to` };
  const failed = failures.get(id);
  if (failed) return failed;
  const parts = map.successors.get(id) ?? [];
  if (parts.length > 0) {
    // Every part was unanswerable without a recorded reason: only possible when none is asked of the agency.
    return {
      reason: "not-asked",
      note: `${listWords(parts)}, which continue${parts.length > 1 ? "" : "s"} ${id}, ${parts.length > 1 ? "are" : "is"} not asked of this agency`,
      ...(parts[0] ? { target: parts[0] } : {}),
    };
  }
  const near = mostSimilar(o, newQ.questions, lang);
  return {
    reason: "removed",
    note: `${id} was removed in ${newQ.version}${near ? `; the closest question now is ${near.id}` : ""}`,
    ...(near ? { target: near.id } : {}),
  };
}

/** Unmapped answers from earlier migrations, kept, with their likely question renamed as the new revision names it. */
function carryUnmapped(previous: readonly UnmappedAnswer[], map: RevisionMap): UnmappedAnswer[] {
  return previous.map((u) => {
    const { target, ...rest } = u;
    const next = target === undefined ? undefined : (map.successors.get(target) ?? [])[0];
    return { ...rest, ...(next !== undefined ? { target: next } : {}) };
  });
}

function settleStatus(draft: Response, q: Questionnaire, digest: string, toConfirm: readonly string[]): MigrationReport["status"] {
  if (draft.status !== "complete") return { from: draft.status, to: draft.status };
  // Answers to confirm are counted on their own below.
  const problems = checkResponse(q, digest, draft).filter((p) => p.code !== "UNCONFIRMED_ANSWER");
  if (problems.length === 0 && toConfirm.length === 0) return { from: "complete", to: "complete" };
  const why = [
    ...new Set(
      problems.map((p) =>
        p.code === "MISSING_ANSWER" ? `required questions of ${q.version} are unanswered` : p.code === "MISSING_EVIDENCE" ? "evidence is missing where it is asked for" : p.message,
      ),
    ),
    ...(toConfirm.length ? [`${toConfirm.length} carried answer${toConfirm.length > 1 ? "s need" : " needs"} confirmation`] : []),
  ];
  return { from: "complete", to: "in-progress", why: why.join("; ") };
}
