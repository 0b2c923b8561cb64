import { answerProblem } from "../answers/values.js";
import { isAskedOf, relevance } from "../questionnaire/conditions.js";
import { questionIndex, type Answer, type Question, type Questionnaire, type Response, type ResponseStatus, type UnmappedAnswer } from "../questionnaire/model.js";

/** What one fill session walks: one agency's questions, optionally limited to one area. */
export interface Scope {
  readonly agency: string;
  readonly area?: string | undefined;
}

export type Answers = Readonly<Record<string, Answer>>;

/** Where a question stands in the walk: its 1-based place among the questions that apply, in its area and overall. */
export interface Position {
  readonly question: Question;
  readonly area: { readonly n: number; readonly total: number };
  readonly overall: { readonly n: number; readonly total: number };
}

/** Whether `question` holds an answer its type accepts (a saved answer that is not valid counts as unanswered). */
export function isAnswered(q: Questionnaire, question: Question, answers: Answers): boolean {
  const a = answers[question.id];
  return a !== undefined && answerProblem(q, question, a.value) === undefined;
}

/**
 * The question to ask next: the first question in scope, in questionnaire order, that applies given
 * `answers`, has no valid answer (or is answered but calls for `attention`), and is not passed over by
 * `skip`; with its position.
 */
export function nextQuestion(
  q: Questionnaire,
  scope: Scope,
  answers: Answers,
  skip: (id: string) => boolean = () => false,
  attention: (id: string) => boolean = () => false,
): Position | undefined {
  return firstToAsk(q, scope, relevance(q, scope.agency, answers), (x) => isAnswered(q, x, answers), skip, attention);
}

/** `nextQuestion` given precomputed relevance and a test of which questions hold a valid answer. */
function firstToAsk(
  q: Questionnaire,
  scope: Scope,
  relevant: ReadonlyMap<string, boolean>,
  answered: (question: Question) => boolean,
  skip: (id: string) => boolean,
  attention: (id: string) => boolean,
): Position | undefined {
  const next = q.questions.find((x) => relevant.get(x.id) && (scope.area === undefined || x.areaId === scope.area) && !skip(x.id) && (!answered(x) || attention(x.id)));
  return next ? positionOf(q, next, relevant) : undefined;
}

/** The position of `question` among the questions that apply, given precomputed relevance. */
export function positionOf(q: Questionnaire, question: Question, relevant: ReadonlyMap<string, boolean>): Position {
  let areaN = 0;
  let areaTotal = 0;
  let n = 0;
  let total = 0;
  let seen = false;
  for (const x of q.questions) {
    if (!relevant.get(x.id)) continue;
    total++;
    if (!seen) n++;
    if (x.areaId === question.areaId) {
      areaTotal++;
      if (!seen) areaN++;
    }
    if (x.id === question.id) seen = true;
  }
  return { question, area: { n: areaN, total: areaTotal }, overall: { n, total } };
}

/** How far an agency's answers go: questions that apply, how many are answered, the required ones still open, and carried answers to confirm. */
export interface Progress {
  readonly applicable: number;
  readonly answered: number;
  readonly requiredOpen: readonly string[];
  readonly toConfirm: readonly string[];
}

/** Counts the questions that apply to `scope` and the answers they have. */
export function progressOf(q: Questionnaire, scope: Scope, answers: Answers): Progress {
  return countProgress(q, scope, answers, relevance(q, scope.agency, answers), (x) => isAnswered(q, x, answers));
}

/** `progressOf` given precomputed relevance and a test of which questions hold a valid answer. */
export function countProgress(q: Questionnaire, scope: Scope, answers: Answers, relevant: ReadonlyMap<string, boolean>, answered: (question: Question) => boolean): Progress {
  let applicable = 0;
  let count = 0;
  const requiredOpen: string[] = [];
  const toConfirm: string[] = [];
  for (const x of q.questions) {
    if (!relevant.get(x.id) || (scope.area !== undefined && x.areaId !== scope.area)) continue;
    applicable++;
    if (answered(x)) count++;
    else if (x.required) requiredOpen.push(x.id);
    if (answers[x.id]?.confirm !== undefined) toConfirm.push(x.id);
  }
  return { applicable, answered: count, requiredOpen, toConfirm };
}

/**
 * Where an agency's answers stand, in one pass over the questionnaire: `complete` when every required
 * question that applies has a valid answer and no answer that applies waits for confirmation (see
 * `pendingConfirmation`), else `in-progress`; and the answered questions asked of the agency that no
 * longer apply given the other answers, in questionnaire order.
 */
function standing(q: Questionnaire, agency: string, answers: Answers, relevant: ReadonlyMap<string, boolean>): { status: ResponseStatus; irrelevant: string[] } {
  let open = false;
  const irrelevant: string[] = [];
  for (const x of q.questions) {
    const a = answers[x.id];
    if (relevant.get(x.id)) open ||= a?.confirm !== undefined || (x.required && !isAnswered(q, x, answers));
    else if (a !== undefined && isAskedOf(x, agency)) irrelevant.push(x.id);
  }
  return { status: open ? "in-progress" : "complete", irrelevant };
}

/** The status an agency's answers give its response (see `standing`). */
export function statusOf(q: Questionnaire, agency: string, answers: Answers, relevant = relevance(q, agency, answers)): ResponseStatus {
  return standing(q, agency, answers, relevant).status;
}

/** Answered questions asked of the agency that no longer apply given the other answers, in questionnaire order. */
export function irrelevantAnswered(q: Questionnaire, agency: string, answers: Answers, relevant = relevance(q, agency, answers)): string[] {
  return standing(q, agency, answers, relevant).irrelevant;
}

/** A response whose `irrelevant` list and `status` agree with its answers, stamped `now`. */
export function settle(q: Questionnaire, r: Response, now: string, relevant = relevance(q, r.agency, r.answers)): Response {
  const { status, irrelevant } = standing(q, r.agency, r.answers, relevant);
  const { irrelevant: _old, ...rest } = r;
  return { ...rest, status, updated: now, ...(irrelevant.length ? { irrelevant } : {}) };
}

/** What recording one answer changed: the new response and the questions that stopped or started applying. */
export interface Recorded {
  readonly response: Response;
  readonly nowIrrelevant: readonly string[];
  readonly nowRelevant: readonly string[];
}

/**
 * Records `answer` to question `id` and re-evaluates every condition. Answers to questions that stop
 * applying are kept and listed in `irrelevant`, never deleted. Empty comment and evidence are dropped;
 * `mergedFrom` is kept; a `confirm` mark is not (recording the answer is confirming it).
 */
export function recordAnswer(q: Questionnaire, r: Response, id: string, answer: Answer, now: string): Recorded {
  const before = relevance(q, r.agency, r.answers);
  const answers = withAnswer(r.answers, id, cleanAnswer(answer));
  const after = relevance(q, r.agency, answers);
  const response = settle(q, { ...r, answers }, now, after);
  const nowIrrelevant: string[] = [];
  const nowRelevant: string[] = [];
  for (const x of q.questions) {
    const was = before.get(x.id) ?? false;
    if (was !== (after.get(x.id) ?? false)) (was ? nowIrrelevant : nowRelevant).push(x.id);
  }
  return { response, nowIrrelevant, nowRelevant };
}

/** `answer` as fill records it: comment and evidence trimmed, empty ones and an empty `mergedFrom` dropped, no `confirm` mark. */
export function cleanAnswer(answer: Answer): Answer {
  return {
    value: answer.value,
    ...(answer.comment?.trim() ? { comment: answer.comment.trim() } : {}),
    ...(answer.evidence?.trim() ? { evidence: answer.evidence.trim() } : {}),
    ...(answer.mergedFrom?.length ? { mergedFrom: answer.mergedFrom } : {}),
  };
}

/** A new, empty response of `agency` in `country` to revision `q`. */
export function newResponse(q: Questionnaire, digest: string, who: { country: string; agency: string; language: string; respondent?: string | undefined }, now: string): Response {
  return settle(
    q,
    {
      questionnaire: { id: q.id, version: q.version, digest },
      country: who.country,
      agency: who.agency,
      ...(who.respondent ? { respondent: who.respondent } : {}),
      language: who.language,
      status: "in-progress",
      updated: now,
      answers: {},
    },
    now,
  );
}

export type ReviewState = "answered" | "unanswered" | "invalid" | "irrelevant";

export interface ReviewItem {
  readonly question: Question;
  readonly answer?: Answer;
  readonly state: ReviewState;
  /** The answer was carried from an older revision and waits for confirmation. */
  readonly toConfirm?: boolean;
  /** Old answers that could not be carried, not yet taken into account, that name this question. */
  readonly openUnmapped?: number;
}

export interface ReviewArea {
  readonly areaId: string;
  readonly items: readonly ReviewItem[];
}

/**
 * Every question in scope that applies, and every answered one that no longer does, grouped by area in
 * questionnaire order, with what waits for confirmation or has old `unmapped` answers: what the review lists.
 */
export function reviewOf(
  q: Questionnaire,
  scope: Scope,
  answers: Answers,
  unmapped: readonly UnmappedAnswer[] = [],
  relevant: ReadonlyMap<string, boolean> = relevance(q, scope.agency, answers),
): ReviewArea[] {
  const index = questionIndex(q);
  const out: ReviewArea[] = [];
  for (const area of q.areas) {
    if (scope.area !== undefined && area.id !== scope.area) continue;
    const items: ReviewItem[] = [];
    for (const id of area.questionIds) {
      const question = index.get(id);
      if (!question || !isAskedOf(question, scope.agency)) continue;
      const answer = answers[id];
      const open = unmapped.filter((u) => u.target === id && u.resolved === undefined).length;
      const marks = { ...(answer?.confirm !== undefined ? { toConfirm: true } : {}), ...(open ? { openUnmapped: open } : {}) };
      if (!relevant.get(id)) {
        if (answer) items.push({ question, answer, state: "irrelevant", ...marks });
        continue;
      }
      const state: ReviewState = answer === undefined ? "unanswered" : isAnswered(q, question, answers) ? "answered" : "invalid";
      items.push({ question, state, ...(answer ? { answer } : {}), ...marks });
    }
    if (items.length) out.push({ areaId: area.id, items });
  }
  return out;
}

/** Saved answers that their question does not accept (a hand-edited file): asked again, kept until replaced. */
export function invalidSaved(q: Questionnaire, answers: Answers): { id: string; problem: string }[] {
  const index = questionIndex(q);
  const out: { id: string; problem: string }[] = [];
  for (const [id, a] of Object.entries(answers)) {
    const question = index.get(id);
    const problem = question && answerProblem(q, question, a.value);
    if (problem) out.push({ id, problem });
  }
  return out;
}

/**
 * A copy of `answers` with `id` set to `answer`. Answer ids make dictionary-mode objects, which an
 * object spread copies about twice as slowly as this loop; fill copies once per answer.
 */
function withAnswer(answers: Answers, id: string, answer: Answer): Answers {
  const out = copyAnswers(answers);
  out[id] = answer;
  return out;
}

/** A shallow copy of `answers` (see `withAnswer` for why not a spread). */
export function copyAnswers(answers: Answers): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const key of Object.keys(answers)) out[key] = answers[key] as Answer;
  return out;
}
