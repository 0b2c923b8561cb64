/** Scores: a level is worth level / 5 × 100 % (the SPAR rule), a scored yes 100 % and a no 0 %. */
import type { MatrixCell, QuestionResult } from "./model.js";
import { DOMAINS, levelsOf, PHASES, type AnswerValue, type Domain, type Phase, type Question, type Questionnaire } from "../questionnaire/model.js";

/** Rounds a percentage or share to one decimal, the precision every figure of the report carries. */
export const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Whether answers to `question` are scored at all. */
export function isScored(question: Question): boolean {
  return question.type === "level" || (question.type === "yes-no" && question.scored);
}

/**
 * The score (0–100) of `value` and the level its gap is measured from, or undefined when the value is
 * not scored. The top of the scale is 100 %; a scored yes counts as the top level, a no as the bottom.
 */
export function scoreOf(q: Questionnaire, question: Question, value: AnswerValue | null): { score: number; level: number } | undefined {
  if (!isScored(question) || value === null) return undefined;
  const levels = (levelsOf(q, question) ?? []).map((l) => l.value);
  const top = levels.length ? Math.max(...levels) : 5;
  const bottom = levels.length ? Math.min(...levels) : 1;
  if (question.type === "level") return typeof value === "number" ? { score: (value / top) * 100, level: value } : undefined;
  if (value === "yes") return { score: 100, level: top };
  if (value === "no") return { score: 0, level: bottom };
  return undefined;
}

/** The weighted mean of the scores, or null when there are none. */
export function weightedMean(items: readonly { readonly score: number; readonly weight: number }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const i of items) {
    sum += i.score * i.weight;
    weights += i.weight;
  }
  return weights > 0 ? sum / weights : null;
}

/** The plain mean, or null when there is nothing to average. */
export function mean(xs: readonly number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

type Scored = QuestionResult & { readonly score: number };
const scoredOnly = (qs: readonly QuestionResult[]): Scored[] => qs.filter((x): x is Scored => x.outcome === "scored" && x.score !== null);

/** Weighted mean score of the questions that carry a score; null when none do. */
export function scoreQuestions(qs: readonly QuestionResult[]): { score: number | null; scored: number } {
  const s = scoredOnly(qs);
  const m = weightedMean(s);
  return { score: m === null ? null : round1(m), scored: s.length };
}

/** Scores by domain: a question counts towards every domain it lists. */
export function byDomain(qs: readonly QuestionResult[]): { id: Domain; score: number | null; scored: number }[] {
  return DOMAINS.map((d) => ({ id: d, ...scoreQuestions(qs.filter((x) => x.domains.includes(d))) }));
}

/** Scores by phase. */
export function byPhase(qs: readonly QuestionResult[]): { id: Phase; score: number | null; scored: number }[] {
  return PHASES.map((p) => ({ id: p, ...scoreQuestions(qs.filter((x) => x.phase === p)) }));
}

/** The domain × phase matrix, row by row (C, B, R, N) in phase order. */
export function domainPhaseMatrix(qs: readonly QuestionResult[]): MatrixCell[] {
  return DOMAINS.flatMap((domain) => PHASES.map((phase) => ({ domain, phase, ...scoreQuestions(qs.filter((x) => x.phase === phase && x.domains.includes(domain))) })));
}
