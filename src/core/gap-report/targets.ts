/** National targets: the level each question's gap is measured to. */
import type { Question, Questionnaire } from "../questionnaire/model.js";

/** Targets a country sets (a `kind: targets` file): a default, per area, per question. */
export interface Targets {
  readonly target?: number;
  readonly areas?: Readonly<Record<string, number>>;
  readonly questions?: Readonly<Record<string, number>>;
}

/**
 * A function giving each question's target: the targets file's entry for the question, else for its
 * area, else `--target`, else the file's default, else the question's own `target`, else the
 * questionnaire's. A target above the top of the scale is the top.
 */
export function targetFor(q: Questionnaire, cli: number | undefined, targets: Targets | undefined): (question: Question, top: number) => number {
  return (question, top) => {
    const t = targets?.questions?.[question.id] ?? targets?.areas?.[question.areaId] ?? cli ?? targets?.target ?? question.target ?? q.target;
    return Math.min(t, top);
  };
}
