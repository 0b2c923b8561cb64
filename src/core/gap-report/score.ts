/** Scores: a level is worth level / 5 × 100 % (the SPAR rule); a scored yes counts as its declared level, a no as level 1, an ordinal option as its level. */
import type { MatrixCell, QuestionResult } from "./model.js";
import { DOMAINS, isScored, levelsOf, PHASES, type AnswerValue, type Domain, type Phase, type Question, type Questionnaire } from "../questionnaire/model.js";

/** Rounds a percentage or share to one decimal, the precision every figure of the report carries. */
export const round1 = (x: number): number => Math.round(x * 10) / 10;

/** The lowest and highest level of the scale `question` is scored on (1 and 5 for yes-no and ordinal choices). */
export function scaleBounds(q: Questionnaire, question: Question): { bottom: number; top: number } {
  const levels = question.type === "level" ? (levelsOf(q, question) ?? []).map((l) => l.value) : [];
  return levels.length ? { bottom: Math.min(...levels), top: Math.max(...levels) } : { bottom: 1, top: 5 };
}

/**
 * The score (0–100) of `value` and the level its gap is measured from, or undefined when the value is
 * not scored. A level scores level / top × 100 %; a yes counts as the question's `yesLevel` (3 unless
 * declared: a capability that exists is not yet proven or sustained) and a no as the bottom level, so a no
 * scores as a level-1 answer does; an ordinal option counts as its level.
 */
export function scoreOf(q: Questionnaire, question: Question, value: AnswerValue | null): { score: number; level: number } | undefined {
  if (!isScored(question) || value === null) return undefined;
  const { bottom, top } = scaleBounds(q, question);
  const at = (level: number) => ({ score: (level / top) * 100, level });
  if (question.type === "level") return typeof value === "number" ? at(value) : undefined;
  if (question.type === "yes-no") return value === "yes" ? at(question.yesLevel) : value === "no" ? at(bottom) : undefined;
  const level = question.options?.find((o) => o.value === value)?.level;
  return level === undefined ? undefined : at(level);
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

/**
 * The questions that bear on domain `d`, each weighted by 1 / the number of its domains, so a question on
 * one domain weighs in it as much as a question on all four weighs in the four together and the domain's
 * own questions decide its score.
 */
function inDomain(qs: readonly QuestionResult[], d: Domain): QuestionResult[] {
  return qs.filter((x) => x.domains.includes(d)).map((x) => ({ ...x, weight: x.weight / x.domains.length }));
}

/** Scores by domain: a question counts towards each domain it lists with 1 / the number of its domains of its weight. */
export function byDomain(qs: readonly QuestionResult[]): { id: Domain; score: number | null; scored: number }[] {
  return DOMAINS.map((d) => ({ id: d, ...scoreQuestions(inDomain(qs, d)) }));
}

/** Scores by phase. */
export function byPhase(qs: readonly QuestionResult[]): { id: Phase; score: number | null; scored: number }[] {
  return PHASES.map((p) => ({ id: p, ...scoreQuestions(qs.filter((x) => x.phase === p)) }));
}

/** The domain × phase matrix, row by row (C, B, R, N) in phase order, domains weighted as in `byDomain`. */
export function domainPhaseMatrix(qs: readonly QuestionResult[]): MatrixCell[] {
  return DOMAINS.flatMap((domain) => PHASES.map((phase) => ({ domain, phase, ...scoreQuestions(inDomain(qs, domain).filter((x) => x.phase === phase)) })));
}
