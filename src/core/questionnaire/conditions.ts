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

/**
 * Whether `condition` holds when the questions in `unknown` cannot be read yet: true, false, or undefined
 * when the verdict turns on an unknown one (three-valued, as SQL's NULL: `all` is false as soon as one part
 * is false, `any` true as soon as one is true).
 */
export function evaluateKnown(condition: Condition, answers: Readonly<Record<string, Answer | undefined>>, unknown: ReadonlySet<string>): boolean | undefined {
  if (unknown.size === 0) return evaluate(condition, answers);
  if ("all" in condition) {
    const parts = condition.all.map((c) => evaluateKnown(c, answers, unknown));
    return parts.includes(false) ? false : parts.includes(undefined) ? undefined : true;
  }
  if ("any" in condition) {
    const parts = condition.any.map((c) => evaluateKnown(c, answers, unknown));
    return parts.includes(true) ? true : parts.includes(undefined) ? undefined : false;
  }
  if ("not" in condition) {
    const inner = evaluateKnown(condition.not, answers, unknown);
    return inner === undefined ? undefined : !inner;
  }
  return unknown.has(condition.question) ? undefined : evaluate(condition, answers);
}

/** Ids of the national-profile questions (the area marked `profile`). */
export function profileQuestions(q: Questionnaire): ReadonlySet<string> {
  return new Set(q.areas.filter((a) => a.profile).flatMap((a) => a.questionIds));
}

/**
 * The profile questions `agency` is not asked: its conditions on them cannot be read from its own answers,
 * so the questions they could rule out are asked of it until the national profile is known (`known`: the
 * national answers to the profile, as merge has them).
 */
export function unknownProfile(q: Questionnaire, agency: string, known: Readonly<Record<string, Answer | undefined>> = {}): ReadonlySet<string> {
  const out = new Set<string>();
  for (const area of q.areas) {
    if (!area.profile) continue;
    for (const question of q.questions) if (question.areaId === area.id && !isAskedOf(question, agency) && known[question.id] === undefined) out.add(question.id);
  }
  return out;
}

/** Whether `agency` is asked `question` at all (its `for`). */
export function isAskedOf(question: Question, agency: string): boolean {
  return question.for.includes(agency);
}

/**
 * Whether a question is relevant for an agency given its answers: asked of the agency, and its
 * condition holds, and the question its condition depends on is itself relevant. A condition on a
 * profile question the agency is not asked reads `profile` (the national answers), or, while that is
 * unknown, does not rule the question out.
 */
export function relevance(
  q: Questionnaire,
  agency: string,
  answers: Readonly<Record<string, Answer | undefined>>,
  profile: Readonly<Record<string, Answer | undefined>> = {},
): ReadonlyMap<string, boolean> {
  const out = new Map<string, boolean>();
  const unknown = unknownProfile(q, agency, profile);
  for (const question of q.questions) {
    let ok = isAskedOf(question, agency);
    if (ok && question.when) {
      // An answer to a question that no longer applies must not switch on its dependants.
      const visible: Record<string, Answer | undefined> = {};
      for (const ref of conditionRefs(question.when)) visible[ref] = out.get(ref) ? answers[ref] : profile[ref];
      ok = evaluateKnown(question.when, visible, unknown) !== false;
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
 * questions its condition reads (`reads`, from `conditionGraph`), and the profile questions it cannot read
 * (`unknownProfile`): the same verdict as `relevance`.
 */
export function appliesGiven(
  question: Question,
  agency: string,
  answers: Readonly<Record<string, Answer | undefined>>,
  relevant: ReadonlyMap<string, boolean>,
  reads: readonly string[],
  unknown: ReadonlySet<string> = new Set(),
): boolean {
  if (!isAskedOf(question, agency)) return false;
  if (!question.when) return true;
  const visible: Record<string, Answer | undefined> = {};
  for (const ref of reads) visible[ref] = relevant.get(ref) ? answers[ref] : undefined;
  return evaluateKnown(question.when, visible, unknown) !== false;
}
