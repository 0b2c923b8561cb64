import type { Answer, AnswerValue, Condition, Path, Question, Questionnaire } from "./model.js";

/** A leaf of a condition with its path, for rules that check what each leaf names. */
export interface ConditionLeaf {
  readonly question: string;
  readonly values: readonly (string | number | boolean)[];
  readonly bound?: "atLeast" | "atMost";
  readonly path: Path;
}

/** Every leaf of `condition`, each with its path below `base`. */
export function conditionLeaves(condition: Condition, base: Path): ConditionLeaf[] {
  const out: ConditionLeaf[] = [];
  const walk = (c: Condition, path: Path): void => {
    if ("all" in c) c.all.forEach((s, i) => walk(s, [...path, "all", i]));
    else if ("any" in c) c.any.forEach((s, i) => walk(s, [...path, "any", i]));
    else if ("not" in c) walk(c.not, [...path, "not"]);
    else if ("is" in c) out.push({ question: c.question, values: [c.is], path });
    else if ("in" in c) out.push({ question: c.question, values: c.in, path });
    else if ("atLeast" in c) out.push({ question: c.question, values: [c.atLeast], bound: "atLeast", path });
    else out.push({ question: c.question, values: [c.atMost], bound: "atMost", path });
  };
  walk(condition, base);
  return out;
}

/** Ids of the questions a condition depends on. */
export function conditionRefs(condition: Condition): string[] {
  return [...new Set(conditionLeaves(condition, []).map((l) => l.question))];
}

const isSpecial = (v: AnswerValue | undefined): boolean => v === "dont-know" || v === "not-applicable";

function matches(value: AnswerValue, wanted: string | number | boolean): boolean {
  if (Array.isArray(value)) return value.includes(String(wanted));
  if (typeof wanted === "boolean") return value === (wanted ? "yes" : "no");
  return value === wanted || String(value) === String(wanted);
}

/**
 * Whether `condition` holds for `answers`. A condition on a question that is unanswered, answered
 * "don't know" or "not applicable" does not hold (its `not` does).
 */
export function evaluate(condition: Condition, answers: Readonly<Record<string, Answer | undefined>>): boolean {
  if ("all" in condition) return condition.all.every((c) => evaluate(c, answers));
  if ("any" in condition) return condition.any.some((c) => evaluate(c, answers));
  if ("not" in condition) return !evaluate(condition.not, answers);
  const value = answers[condition.question]?.value;
  if (value === undefined || isSpecial(value)) return false;
  if ("is" in condition) return matches(value, condition.is);
  if ("in" in condition) return condition.in.some((w) => matches(value, w));
  if (typeof value !== "number") return false;
  if ("atLeast" in condition) return value >= condition.atLeast;
  return value <= condition.atMost;
}

/** Whether `agency` is asked `question` at all (its `for`). */
export function isAskedOf(question: Question, agency: string): boolean {
  return question.for.includes(agency);
}

/**
 * Whether a question is relevant for an agency given its answers: asked of the agency, and its
 * condition holds, and the question its condition depends on is itself relevant.
 */
export function relevance(q: Questionnaire, agency: string, answers: Readonly<Record<string, Answer | undefined>>): ReadonlyMap<string, boolean> {
  const out = new Map<string, boolean>();
  for (const question of q.questions) {
    let ok = isAskedOf(question, agency);
    if (ok && question.when) {
      // An answer to a question that no longer applies must not switch on its dependants.
      const visible: Record<string, Answer | undefined> = {};
      for (const ref of conditionRefs(question.when)) visible[ref] = out.get(ref) ? answers[ref] : undefined;
      ok = evaluate(question.when, visible);
    }
    out.set(question.id, ok);
  }
  return out;
}
