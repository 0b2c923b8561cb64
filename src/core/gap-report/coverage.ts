/** Coverage: how much of what applies has been answered, per agency and area and nationally. */
import type { AreaCoverage, Outcome, QuestionResult } from "./model.js";
import type { Answer, Questionnaire } from "../questionnaire/model.js";
import { round1 } from "./score.js";

/** `part` of `whole` as a percentage with one decimal, or null when there is nothing to cover. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? round1((part / whole) * 100) : null;
}

export interface AgencyCoverage {
  readonly areas: readonly AreaCoverage[];
  readonly relevant: number;
  readonly answered: number;
  readonly share: number | null;
}

/**
 * An agency's coverage per area: of the questions that apply to it given its own answers
 * (`relevant`), how many it answered with anything but "don't know". "Not applicable" is an answer.
 */
export function agencyCoverage(q: Questionnaire, relevant: ReadonlyMap<string, boolean>, answers: Readonly<Record<string, Answer>>): AgencyCoverage {
  let allRelevant = 0;
  let allAnswered = 0;
  const areas = q.areas.map((area) => {
    let r = 0;
    let a = 0;
    for (const id of area.questionIds) {
      if (!relevant.get(id)) continue;
      r++;
      const value = answers[id]?.value;
      if (value !== undefined && value !== "dont-know") a++;
    }
    allRelevant += r;
    allAnswered += a;
    return { area: area.id, relevant: r, answered: a, share: share(a, r) };
  });
  return { areas, relevant: allRelevant, answered: allAnswered, share: share(allAnswered, allRelevant) };
}

const COVERED: readonly Outcome[] = ["scored", "answered", "not-applicable"];

/** National coverage of `questions`: in-scope questions with a usable consolidated answer. */
export function nationalCoverage(questions: readonly QuestionResult[]): { questions: number; covered: number; coverage: number | null } {
  const inScope = questions.filter((x) => x.outcome !== "out-of-scope");
  const covered = inScope.filter((x) => COVERED.includes(x.outcome)).length;
  return { questions: inScope.length, covered, coverage: share(covered, inScope.length) };
}
