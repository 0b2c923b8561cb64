/**
 * Criticality: how much of the country's own assessed risk a question bears on, from the scenario ratings
 * the questionnaire links to domains and phases (`criticality:`). It scales the priority of a gap.
 */
import type { AnswerValue, Domain, Phase, Question, Questionnaire } from "../questionnaire/model.js";

/** One rated scenario as the report shows it. */
export interface RiskRating {
  readonly question: string;
  readonly domains: readonly Domain[];
  readonly phases: readonly Phase[];
  /** The level of the rating option (1 very low … 5 very high), or null when the scenario was not rated. */
  readonly level: number | null;
}

/** The rating level of each linked scenario, read from the national (consolidated) answers. */
export function riskRatings(q: Questionnaire, national: ReadonlyMap<string, AnswerValue | null>): RiskRating[] {
  const index = new Map(q.questions.map((x) => [x.id, x]));
  return q.criticality.map((link) => {
    const value = national.get(link.question);
    const level = index.get(link.question)?.options?.find((o) => o.value === value)?.level ?? null;
    return { question: link.question, domains: link.domains, phases: link.phases, level };
  });
}

/**
 * The criticality of `question`, from 1 to 3: 1 + 2 × the mean, over its domains, of the highest rating
 * (scaled 0 for very low to 1 for very high) among the scenarios that bear on that domain in the question's
 * phase (a cross-cutting question is borne on by every scenario of its domains). An unrated domain adds 0,
 * so with no ratings every question has criticality 1 and priorities are gap × weight.
 */
export function criticalityOf(question: Question, ratings: readonly RiskRating[]): number {
  if (question.domains.length === 0) return 1;
  let sum = 0;
  for (const d of question.domains) {
    let best = 0;
    for (const r of ratings) {
      if (r.level === null || !r.domains.includes(d)) continue;
      if (question.phase !== "cross-cutting" && !r.phases.includes(question.phase)) continue;
      best = Math.max(best, (r.level - 1) / 4);
    }
    sum += best;
  }
  return Math.round((1 + (2 * sum) / question.domains.length) * 100) / 100;
}
