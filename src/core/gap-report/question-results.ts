/** Each question of the gap report: its consolidated answer, scope, outcome, score, gap and sources. */
import { conditionRefs, evaluate } from "../questionnaire/conditions.js";
import type { ConsensusDecision } from "./consensus.js";
import { consolidate, type AgencyAnswer } from "./consolidate.js";
import { displayValue } from "../answers/display.js";
import type { Outcome, QuestionResult, SourceAnswer, SourceRole } from "./model.js";
import { localize, type Answer, type AnswerValue, type Question, type Questionnaire, type Response } from "../questionnaire/model.js";
import { gapOf } from "./priorities.js";
import { round1, scoreOf } from "./score.js";

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
  readonly target: number;
  /** In the questionnaire's agency order, which is the order of each question's sources. */
  readonly respondents: readonly AnsweringAgency[];
  readonly decisions: ReadonlyMap<string, ConsensusDecision>;
}

/** The result of every question, in questionnaire order, and the unrounded score of each scored one. */
export function questionResults(input: QuestionResultsInput): { questions: QuestionResult[]; rawScores: Map<string, number> } {
  const q = input.questionnaire;
  const national: Record<string, Answer | undefined> = {};
  const inScope = new Set<string>();
  const rawScores = new Map<string, number>();
  const questions = q.questions.map((question) => {
    const given = answersTo(question, input.respondents);
    const decision = input.decisions.get(question.id);
    const c = consolidate(question, given, decision?.value);
    const scope = inNationalScope(question, national, inScope);
    if (scope) {
      inScope.add(question.id);
      if (c.value !== null) national[question.id] = { value: c.value };
    }
    const outcome = outcomeOf(question, c.value, scope, q);
    const scored = outcome === "scored" ? scoreOf(q, question, c.value) : undefined;
    const gap = scored ? gapOf(scored.level, input.target) : null;
    if (scored) rawScores.set(question.id, scored.score);
    const show = wordsOnce(q, question, input.language);
    const result: QuestionResult = {
      id: question.id,
      area: question.areaId,
      text: localize(question.text, input.language, q.languages[0] ?? "en"),
      type: question.type,
      domains: question.domains,
      phase: question.phase,
      weight: question.weight,
      lead: question.lead ?? null,
      outcome,
      value: c.value,
      display: c.value === null ? null : show(c.value),
      rule: c.rule,
      score: scored ? round1(scored.score) : null,
      level: scored ? scored.level : null,
      gap,
      priority: gap === null ? null : gap * question.weight,
      disagreement: scope ? c.disagreement : null,
      decision: decision ? { value: decision.value, display: show(decision.value), justification: decision.justification } : null,
      sources: given.map((g, i) => source(g, show(g.answer.value), c.roles[i] ?? "considered")),
    };
    return result;
  });
  return { questions, rawScores };
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

/** One agency's answer as the report lists it, with only the fields it has. */
function source(g: AgencyAnswer, display: string, role: SourceRole): SourceAnswer {
  const out: { -readonly [K in keyof SourceAnswer]: SourceAnswer[K] } = { agency: g.agency, value: g.answer.value, display, role };
  if (g.answer.comment !== undefined) out.comment = g.answer.comment;
  if (g.answer.evidence !== undefined) out.evidence = g.answer.evidence;
  return out;
}

/** Whether the question's condition holds on the consolidated answers of the questions in scope before it. */
function inNationalScope(question: Question, national: Readonly<Record<string, Answer | undefined>>, inScope: ReadonlySet<string>): boolean {
  if (!question.when) return true;
  const visible: Record<string, Answer | undefined> = {};
  for (const ref of conditionRefs(question.when)) visible[ref] = inScope.has(ref) ? national[ref] : undefined;
  return evaluate(question.when, visible);
}

function outcomeOf(question: Question, value: AnswerValue | null, scope: boolean, q: Questionnaire): Outcome {
  if (!scope) return "out-of-scope";
  if (value === null) return "unanswered";
  if (value === "dont-know") return "dont-know";
  if (value === "not-applicable") return "not-applicable";
  return scoreOf(q, question, value) ? "scored" : "answered";
}
