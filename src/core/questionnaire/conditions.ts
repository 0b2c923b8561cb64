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

/**
 * How a questionnaire's conditions hang together, built once per fill session. `reads`: for each question
 * with a condition, the earlier questions it reads (a later one is never visible to it, as in `relevance`).
 * `affects`: for each question, every later question whose relevance an answer to it can change, directly
 * or through a chain of conditions (a question that stops applying hides its answer from its dependants),
 * in questionnaire order.
 */
export interface ConditionGraph {
  readonly reads: ReadonlyMap<string, readonly string[]>;
  readonly affects: ReadonlyMap<string, readonly Question[]>;
}

/** The condition graph of `q` (see `ConditionGraph`). */
export function conditionGraph(q: Questionnaire): ConditionGraph {
  const order = new Map<string, number>();
  q.questions.forEach((x, i) => order.set(x.id, i));
  const reads = new Map<string, string[]>();
  const readers = new Map<string, Question[]>();
  q.questions.forEach((x, i) => {
    if (!x.when) return;
    const earlier = conditionRefs(x.when).filter((ref) => (order.get(ref) ?? i) < i);
    reads.set(x.id, earlier);
    for (const ref of earlier) readers.set(ref, [...(readers.get(ref) ?? []), x]);
  });
  const affects = new Map<string, Question[]>();
  for (const id of readers.keys()) {
    const reached = new Set<Question>();
    const stack = [...(readers.get(id) ?? [])];
    for (let x = stack.pop(); x !== undefined; x = stack.pop()) {
      if (reached.has(x)) continue;
      reached.add(x);
      stack.push(...(readers.get(x.id) ?? []));
    }
    affects.set(
      id,
      [...reached].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
    );
  }
  return { reads, affects };
}

/**
 * Whether `question` applies to `agency`, given `answers` and the relevance already known of the earlier
 * questions its condition reads (`reads`, from `conditionGraph`): the same verdict as `relevance`.
 */
export function appliesGiven(
  question: Question,
  agency: string,
  answers: Readonly<Record<string, Answer | undefined>>,
  relevant: ReadonlyMap<string, boolean>,
  reads: readonly string[],
): boolean {
  if (!isAskedOf(question, agency)) return false;
  if (!question.when) return true;
  const visible: Record<string, Answer | undefined> = {};
  for (const ref of reads) visible[ref] = relevant.get(ref) ? answers[ref] : undefined;
  return evaluate(question.when, visible);
}
