/** Each question of the gap report: its consolidated answer, scope, outcome, score, gap and sources. */
import { conditionRefs, evaluateKnown, profileQuestions } from "../questionnaire/conditions.js";
import type { ConsensusDecision } from "./consensus.js";
import { consolidate, type AgencyAnswer } from "./consolidate.js";
import { criticalityOf, riskRatings, type RiskRating } from "./criticality.js";
import { displayValue } from "../answers/display.js";
import type { Outcome, QuestionResult, SourceAnswer, SourceRole } from "./model.js";
import { localize, unsupportedClaim, type Answer, type AnswerValue, type Question, type Questionnaire, type Response } from "../questionnaire/model.js";
import { bandOf, gapOf, priorityOf } from "./priorities.js";
import { round1, scaleBounds, scoreOf } from "./score.js";

/** One agency's response with what applies to it, as consolidation needs it. */
export interface AnsweringAgency {
  readonly response: Response;
  readonly relevant: ReadonlyMap<string, boolean>;
  /** Questions the response itself lists as not applying. */
  readonly marked: ReadonlySet<string>;
}

export interface QuestionResultsInput {
  readonly questionnaire: Questionnaire;
  readonly language: string;
  /** The target of each question, given the top of its scale. */
  readonly targetOf: (question: Question, top: number) => number;
  /** In the questionnaire's agency order, which is the order of each question's sources. */
  readonly respondents: readonly AnsweringAgency[];
  readonly decisions: ReadonlyMap<string, ConsensusDecision>;
}

/** The national answers to the profile questions: what every agency's conditions on the profile read at merge. */
export function nationalProfile(q: Questionnaire, responses: readonly Response[], decisions: ReadonlyMap<string, ConsensusDecision>): Record<string, Answer | undefined> {
  const out: Record<string, Answer | undefined> = {};
  for (const id of profileQuestions(q)) {
    const question = q.questions.find((x) => x.id === id);
    if (!question) continue;
    const given: AgencyAnswer[] = [];
    for (const r of responses) {
      const answer = r.answers[id];
      const asked = question.for.includes(r.agency);
      if (answer) given.push({ agency: r.agency, answer, asked, relevant: asked && !(r.irrelevant ?? []).includes(id) });
    }
    const c = consolidate(question, given, decisions.get(id)?.value);
    if (c.value !== null && c.value !== "dont-know") out[id] = { value: c.value };
  }
  return out;
}

/** The result of every question, in questionnaire order, the unrounded score of each scored one, and the rated scenarios. */
export function questionResults(input: QuestionResultsInput): { questions: QuestionResult[]; rawScores: Map<string, number>; ratings: RiskRating[] } {
  const q = input.questionnaire;
  const profile = profileQuestions(q);
  const national: Record<string, Answer | undefined> = {};
  const inScope = new Set<string>();
  const rawScores = new Map<string, number>();
  const values = new Map<string, AnswerValue | null>();
  const drafts = q.questions.map((question) => {
    const given = answersTo(question, input.respondents);
    const decision = input.decisions.get(question.id);
    const c = consolidate(question, given, decision?.value);
    const scope = nationalScope(question, national, inScope, profile);
    if (scope === "in") {
      inScope.add(question.id);
      if (c.value !== null) national[question.id] = { value: c.value };
    }
    values.set(question.id, scope === "in" ? c.value : null);
    return { question, given, decision, c, scope };
  });
  const ratings = riskRatings(q, values);
  const questions = drafts.map(({ question, given, decision, c, scope }) => {
    const { bottom, top } = scaleBounds(q, question);
    const outcome: Outcome = scope === "in" ? outcomeOf(question, c.value, q) : scope === "absent" ? "scored" : scope === "profile" ? "not-applicable" : "out-of-scope";
    const scored = scope === "absent" ? { score: (bottom / top) * 100, level: bottom } : outcome === "scored" ? scoreOf(q, question, c.value) : undefined;
    const target = input.targetOf(question, top);
    const criticality = criticalityOf(question, ratings);
    const gap = scored ? gapOf(scored.level, target) : null;
    const priority = gap === null ? null : priorityOf(gap, question.weight, criticality);
    if (scored) rawScores.set(question.id, scored.score);
    const show = wordsOnce(q, question, input.language);
    const value = scope === "in" ? c.value : null;
    const result: QuestionResult = {
      id: question.id,
      area: question.areaId,
      text: localize(question.text, input.language, q.languages[0] ?? "en"),
      type: question.type,
      kind: question.kind,
      domains: question.domains,
      phase: question.phase,
      weight: question.weight,
      lead: question.lead ?? null,
      references: question.references,
      target,
      criticality,
      outcome,
      value,
      display: value === null ? null : show(value),
      rule: scope === "in" ? c.rule : scope === "absent" ? "absent" : scope === "profile" ? "profile" : null,
      score: scored ? round1(scored.score) : null,
      level: scored ? scored.level : null,
      gap,
      priority,
      band: gap !== null && gap > 0 && priority !== null ? bandOf(priority, target) : null,
      range: scope === "in" ? c.range : null,
      leadHighest: scope === "in" && c.leadHighest,
      disagreement: scope === "in" ? c.disagreement : null,
      decision: decision ? { value: decision.value, display: show(decision.value), justification: decision.justification } : null,
      sources: given.map((g, i) => source(question, g, show(g.answer.value), c.roles[i] ?? "considered")),
    };
    return result;
  });
  return { questions, rawScores, ratings };
}

/** Every agency's answer to `question`, with whether it was asked and whether the question applies to it. */
function answersTo(question: Question, respondents: readonly AnsweringAgency[]): AgencyAnswer[] {
  const given: AgencyAnswer[] = [];
  for (const r of respondents) {
    const answer = r.response.answers[question.id];
    if (!answer) continue;
    const agency = r.response.agency;
    given.push({ agency, answer, asked: question.for.includes(agency), relevant: r.relevant.get(question.id) === true && !r.marked.has(question.id) });
  }
  return given;
}

/** A function that puts values of `question` into words, each distinct value once: many agencies give the same few values. */
function wordsOnce(q: Questionnaire, question: Question, lang: string): (v: AnswerValue) => string {
  const shown = new Map<string, string>();
  return (v) => {
    const key = typeof v === "object" ? JSON.stringify(v) : `${typeof v}:${String(v)}`;
    let words = shown.get(key);
    if (words === undefined) shown.set(key, (words = displayValue(q, question, v, lang)));
    return words;
  };
}

/** One agency's answer as the report lists it, with only the fields it has; a level 4 or 5 claim without evidence is marked. */
function source(question: Question, g: AgencyAnswer, display: string, role: SourceRole): SourceAnswer {
  const out: { -readonly [K in keyof SourceAnswer]: SourceAnswer[K] } = { agency: g.agency, value: g.answer.value, display, role };
  if (g.answer.comment !== undefined) out.comment = g.answer.comment;
  if (g.answer.evidence !== undefined) out.evidence = g.answer.evidence;
  if (unsupportedClaim(question, g.answer)) out.unsupported = true;
  return out;
}

type Scope = "in" | "out" | "absent" | "profile";

/**
 * Whether the question's condition holds on the consolidated answers of the questions in scope before it.
 * While a profile question it reads is unanswered, it holds. When it does not hold, the question counts as
 * an absent control (`otherwise: gap`), is ruled out by the profile (a condition on a profile question), or
 * is out of scope.
 */
function nationalScope(question: Question, national: Readonly<Record<string, Answer | undefined>>, inScope: ReadonlySet<string>, profile: ReadonlySet<string>): Scope {
  if (!question.when) return "in";
  const refs = conditionRefs(question.when);
  const visible: Record<string, Answer | undefined> = {};
  const unknown = new Set<string>();
  for (const ref of refs) {
    visible[ref] = inScope.has(ref) ? national[ref] : undefined;
    const v = visible[ref]?.value;
    if (profile.has(ref) && (v === undefined || v === "dont-know")) unknown.add(ref);
  }
  if (evaluateKnown(question.when, visible, unknown) !== false) return "in";
  if (question.otherwise === "gap") return "absent";
  return refs.some((ref) => profile.has(ref)) ? "profile" : "out";
}

function outcomeOf(question: Question, value: AnswerValue | null, q: Questionnaire): Outcome {
  if (value === null) return "unanswered";
  if (value === "dont-know") return "dont-know";
  if (value === "not-applicable") return "not-applicable";
  return scoreOf(q, question, value) ? "scored" : "answered";
}
