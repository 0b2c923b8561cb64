import { isAskedOf, relevance } from "../questionnaire/conditions.js";
import { questionIndex, type Answer, type Question, type Questionnaire, type Response, type UnmappedAnswer } from "../questionnaire/model.js";

type Answers = Readonly<Record<string, Answer>>;

/**
 * The questions that apply to `agency` whose answer, carried from an older revision, is still marked
 * `confirm`, in questionnaire order. A response is `complete` only when there is none.
 */
export function pendingConfirmation(q: Questionnaire, agency: string, answers: Answers, relevant = relevance(q, agency, answers)): string[] {
  return q.questions.filter((x) => relevant.get(x.id) && answers[x.id]?.confirm !== undefined).map((x) => x.id);
}

/** The unmapped answers that name question `id` as the one they most likely belong to, resolved or not. */
export function unmappedFor(r: Response, id: string): UnmappedAnswer[] {
  return (r.unmapped ?? []).filter((u) => u.target === id);
}

/**
 * Whether question `id`, answered or not, should be put to the respondent again: its answer waits for
 * confirmation, or an unmapped answer that was not taken into account yet names it as its question.
 */
export function needsAttention(r: Response, id: string): boolean {
  return r.answers[id]?.confirm !== undefined || (r.unmapped ?? []).some((u) => u.target === id && u.resolved === undefined);
}

/** `r` with every open unmapped answer that names question `id` marked resolved at `now`; the entries are kept. */
export function resolveUnmapped(r: Response, id: string, now: string): Response {
  if (!r.unmapped?.some((u) => u.target === id && u.resolved === undefined)) return r;
  return { ...r, unmapped: r.unmapped.map((u) => (u.target === id && u.resolved === undefined ? { ...u, resolved: now } : u)) };
}

/**
 * Open unmapped answers that a walk for `agency` will never show next to a question: no likely
 * question, or one that is not in the revision or not asked of the agency. Shown once, up front.
 */
export function unplacedUnmapped(q: Questionnaire, agency: string, r: Response): UnmappedAnswer[] {
  const index = questionIndex(q);
  return (r.unmapped ?? []).filter((u) => {
    if (u.resolved !== undefined) return false;
    const target = u.target === undefined ? undefined : index.get(u.target);
    return target === undefined || !isAskedOf(target, agency);
  });
}

/** The older revision's ids an answer was carried from: those it was merged from, else the question's `was`, else its own id. */
export function carriedFrom(question: Question, answer: Answer): readonly string[] {
  if (answer.mergedFrom?.length) return answer.mergedFrom.map((m) => m.question);
  return question.was.length ? question.was : [question.id];
}
