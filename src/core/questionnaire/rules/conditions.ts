import { conditionLeaves, conditionRefs, profileQuestions } from "../conditions.js";
import { error, warning, type Issue } from "../../issues.js";
import { levelsOf, questionIndex, type Question, type Questionnaire } from "../model.js";
import type { Rule } from "./rule.js";

/**
 * Each condition names an existing, earlier question other than itself, with a value that question
 * can take, and every agency asked the question is also asked what its condition depends on (unless
 * that is a national-profile question, which merge reads from the national answers).
 */
export const conditionRefsValid: Rule = (q) => {
  const index = questionIndex(q);
  const profile = profileQuestions(q);
  const order = new Map(q.questions.map((x, i) => [x.id, i]));
  const out: Issue[] = [];
  for (const x of q.questions) {
    if (!x.when) continue;
    for (const leaf of conditionLeaves(x.when, [...x.path, "when"])) {
      const target = index.get(leaf.question);
      const at = [...leaf.path, "question"];
      if (leaf.question === x.id) {
        out.push(error("SELF_REF", `${x.id}: its condition names the question itself; a condition can only depend on earlier answers`, at));
        continue;
      }
      if (!target) {
        const near = q.questions.find((c) => c.id.toLowerCase() === leaf.question.toLowerCase());
        out.push(
          error(
            "UNKNOWN_QUESTION_REF",
            `${x.id}: its condition names \`${leaf.question}\`, which is not a question of this questionnaire${near ? `. Did you mean \`${near.id}\`?` : ""}`,
            at,
          ),
        );
        continue;
      }
      if ((order.get(target.id) ?? 0) > (order.get(x.id) ?? 0)) {
        out.push(error("FORWARD_REF", `${x.id}: its condition names ${target.id}, which comes later; move ${target.id} before ${x.id} or the condition elsewhere`, at));
      }
      out.push(...impossibleValues(q, x, target, leaf.values, leaf.bound, leaf.path));
      // A condition on the national profile is read from the national answers, not the agency's own.
      const unasked = profile.has(target.id) ? [] : x.for.filter((a) => !target.for.includes(a));
      if (unasked.length > 0) {
        out.push(
          warning(
            "CONDITION_NOT_ASKED",
            `${x.id} is asked of ${unasked.join(", ")}, but its condition depends on ${target.id}, which ${unasked.length > 1 ? "they are" : "it is"} not asked, so ${unasked.length > 1 ? "they" : "it"} will never see ${x.id}; align the two \`for\` lists`,
            [...x.path, "for"],
          ),
        );
      }
    }
  }
  return out;
};

function impossibleValues(
  q: Questionnaire,
  x: Question,
  target: Question,
  values: readonly (string | number | boolean)[],
  bound: "atLeast" | "atMost" | undefined,
  path: readonly (string | number)[],
): Issue[] {
  const fail = (why: string) => [error("IMPOSSIBLE_CONDITION_VALUE", `${x.id}: its condition on ${target.id} ${why}, so it can never hold`, path)];
  if (bound) {
    if (target.type !== "level" && target.type !== "number") return fail(`compares with \`${bound}\`, but ${target.id} is a ${target.type} question`);
    const limit = Number(values[0]);
    if (target.type === "level") {
      const levels = (levelsOf(q, target) ?? []).map((l) => l.value);
      if (levels.length && bound === "atLeast" && limit > Math.max(...levels)) return fail(`asks for at least ${limit}, above its highest level`);
      if (levels.length && bound === "atMost" && limit < Math.min(...levels)) return fail(`asks for at most ${limit}, below its lowest level`);
    } else {
      if (bound === "atLeast" && target.max !== undefined && limit > target.max) return fail(`asks for at least ${limit}, above its max ${target.max}`);
      if (bound === "atMost" && target.min !== undefined && limit < target.min) return fail(`asks for at most ${limit}, below its min ${target.min}`);
    }
    return [];
  }
  const allowed = allowedValues(q, target);
  if (!allowed) return [];
  const bad = values.filter((v) => !allowed.includes(typeof v === "boolean" ? (v ? "yes" : "no") : String(v)));
  return bad.length ? fail(`tests for ${bad.map((v) => `\`${String(v)}\``).join(", ")}, which ${target.id} cannot take (it takes ${allowed.join(", ")})`) : [];
}

function allowedValues(q: Questionnaire, target: Question): string[] | undefined {
  switch (target.type) {
    case "yes-no":
      return ["yes", "no"];
    case "choice":
    case "multi-choice":
      return (target.options ?? []).map((o) => o.value);
    case "level":
      return levelsOf(q, target)?.map((l) => String(l.value));
    case "number":
    case "date":
    case "text":
      return undefined;
  }
}

/** No question depends, through its conditions, on itself. */
export const conditionCycles: Rule = (q) => {
  const index = questionIndex(q);
  const deps = new Map(q.questions.map((x) => [x.id, x.when ? conditionRefs(x.when).filter((r) => r !== x.id && index.has(r)) : []]));
  const state = new Map<string, "visiting" | "done">();
  const out: Issue[] = [];
  const reported = new Set<string>();
  const visit = (id: string, stack: string[]): void => {
    const s = state.get(id);
    if (s === "done") return;
    if (s === "visiting") {
      const cycle = stack.slice(stack.indexOf(id));
      const key = [...cycle].sort().join(",");
      if (!reported.has(key)) {
        reported.add(key);
        const first = index.get(id);
        out.push(
          error("CONDITION_CYCLE", `conditions form a cycle: ${[...cycle, id].join(" → ")}; one of them must not depend on the others`, first ? [...first.path, "when"] : []),
        );
      }
      return;
    }
    state.set(id, "visiting");
    for (const d of deps.get(id) ?? []) visit(d, [...stack, id]);
    state.set(id, "done");
  };
  for (const x of q.questions) visit(x.id, []);
  return out;
};
