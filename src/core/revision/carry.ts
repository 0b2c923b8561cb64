import { answerProblem, describeAllowed, isSpecialValue } from "../answers/values.js";
import { valueAsGiven } from "../answers/words.js";
import { listWords } from "./change.js";
import type { AnswerValue, Question, Questionnaire, UnmappedReason } from "../questionnaire/model.js";

/** An old value carried to a new question, or why it cannot be. */
export type Carried =
  | {
      readonly ok: true;
      readonly value: AnswerValue;
      /** Set when the value was carried on a guess the respondent should check. */
      readonly confirm?: string;
      /** Options of a multi-choice answer that the new question no longer offers. */
      readonly dropped?: readonly string[];
    }
  | { readonly ok: false; readonly reason: UnmappedReason; readonly note: string };

/** A value as it reads in a note: `3`, `yes`, `cwc, bwc`, `(none)`. */
export function showValue(v: AnswerValue): string {
  return valueAsGiven(v);
}

/**
 * Carries `value`, an answer to `o` in `oldQ`, to `n` in `newQ`: unchanged, through `n`'s `recode`, or
 * by the only type changes that lose nothing (a choice into a multi-choice, a one-item multi-choice into
 * a choice). Every other type change, a removed option or a value outside the new range is refused with
 * the reason. "Don't know" and "not applicable" carry to any question.
 */
export function carryValue(oldQ: Questionnaire, o: Question, newQ: Questionnaire, n: Question, value: AnswerValue): Carried {
  const problem = answerProblem(oldQ, o, value);
  if (problem) return fail("invalid", `was not a valid answer to ${o.id} in ${oldQ.version} (${problem})`);
  if (isSpecialValue(value)) return { ok: true, value };
  const recode = (v: string) => n.recode?.[v] ?? v;
  const offered = new Set((n.options ?? []).map((x) => x.value));
  const typeChanged = () =>
    fail(
      "type-changed",
      `${o.id === n.id ? `${n.id} is now a ${n.type} question (it was ${o.type})` : `${o.id} was a ${o.type} question; ${n.id}, which now covers it, is a ${n.type} question`}: the answer \`${showValue(value)}\` cannot become ${describeAllowed(newQ, n)}. Take it into account when answering ${n.id}`,
    );

  let carried: Carried;
  if (n.type === "choice" && typeof value === "string" && (o.type === "choice" || (o.type === "yes-no" && n.recode?.[value] !== undefined))) {
    const v = recode(value);
    carried = offered.has(v) ? { ok: true, value: v } : fail("option-removed", `${n.id} no longer offers \`${value}\`${v !== value ? ` (recoded as \`${v}\`)` : ""}; choose again`);
  } else if (n.type === "multi-choice" && (o.type === "multi-choice" || o.type === "choice")) {
    const list = Array.isArray(value) ? value : [String(value)];
    const mapped = [...new Set(list.map(recode))];
    const kept = mapped.filter((v) => offered.has(v));
    const dropped = list.filter((v) => !offered.has(recode(v)));
    if (list.length > 0 && kept.length === 0) return fail("option-removed", `${n.id} no longer offers ${listWords(list.map((v) => `\`${v}\``))}; choose again`);
    const widened =
      o.type === "choice" ? `${n.id} now takes several options; \`${showValue(kept)}\` was carried from the single choice of ${o.id}: add any others that apply` : undefined;
    const lost = dropped.length ? `${n.id} no longer offers ${listWords(dropped.map((v) => `\`${v}\``))}, which ${dropped.length > 1 ? "were" : "was"} set aside` : undefined;
    const confirm = [widened, lost].filter((x) => x !== undefined).join("; ");
    carried = { ok: true, value: kept, ...(confirm ? { confirm } : {}), ...(dropped.length ? { dropped } : {}) };
  } else if (n.type === "choice" && o.type === "multi-choice" && Array.isArray(value)) {
    const mapped = [...new Set(value.map(recode))];
    if (mapped.length !== 1 || !offered.has(mapped[0] ?? "")) return typeChanged();
    carried = { ok: true, value: mapped[0] ?? "" };
  } else if (o.type !== n.type) {
    return typeChanged();
  } else {
    carried = { ok: true, value };
  }
  if (!carried.ok) return carried;
  const after = answerProblem(newQ, n, carried.value);
  if (after) return fail("out-of-range", `\`${showValue(value)}\` is no longer a valid answer to ${n.id} (${after})`);
  return carried;
}

function fail(reason: UnmappedReason, note: string): Carried {
  return { ok: false, reason, note };
}
