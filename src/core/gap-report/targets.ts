/** National targets: the level each question's gap is measured to. */
import { closest, error, type Issue } from "../issues.js";
import type { Question, Questionnaire } from "../questionnaire/model.js";

/** Targets a country sets (a `kind: targets` file): a default, per area, per question. */
export interface Targets {
  readonly target?: number;
  readonly areas?: Readonly<Record<string, number>>;
  readonly questions?: Readonly<Record<string, number>>;
}

/** A targets file as read: the questionnaire it is set on, and the targets. */
export interface TargetsFile extends Targets {
  readonly questionnaire: string;
}

/** Issues with a targets file against the revision merged: another questionnaire, unknown areas or questions. */
export function checkTargets(q: Questionnaire, t: TargetsFile): Issue[] {
  const out: Issue[] = [];
  if (t.questionnaire !== q.id)
    out.push(error("MIXED_QUESTIONNAIRES", `the targets are set on questionnaire \`${t.questionnaire}\`, but the responses answer \`${q.id}\``, ["questionnaire", "id"]));
  const areas = new Set(q.areas.map((a) => a.id));
  const questions = new Set(q.questions.map((x) => x.id));
  for (const id of Object.keys(t.areas ?? {}))
    if (!areas.has(id)) out.push(error("UNKNOWN_QUESTION", `area ${id} is not an area of ${q.id} ${q.version}${hint(id, areas)}`, ["areas", id], true));
  for (const id of Object.keys(t.questions ?? {}))
    if (!questions.has(id)) out.push(error("UNKNOWN_QUESTION", `${id} is not a question of ${q.id} ${q.version}${hint(id, questions)}`, ["questions", id], true));
  return out;
}

const hint = (id: string, known: Iterable<string>): string => {
  const near = closest(id, known);
  return near ? `; did you mean ${near}?` : "";
};

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
