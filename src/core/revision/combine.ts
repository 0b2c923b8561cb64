import { isSpecialValue } from "../answers/values.js";
import { canonicalJson } from "../canonical.js";
import { listWords } from "./change.js";
import { showValue } from "./carry.js";
import type { Answer, AnswerValue, OldAnswer, Question } from "../questionnaire/model.js";

/** An old answer ready to be merged: the answer as given and its value carried to the merged question. */
export interface MergeSource {
  readonly old: OldAnswer;
  readonly value: AnswerValue;
}

/**
 * One answer to merged question `n` from answers to several of its predecessors. Equal answers merge
 * silently. Differing ones are combined conservatively, as consolidation does: the lowest level or
 * number, `no` over `yes`, the union of multi-choice options; a choice, text or date keeps the answer
 * to `primary` (the predecessor with the same id, or the first). Either way the answer records every
 * old answer in `mergedFrom` and asks the respondent to confirm it.
 */
export function combineAnswers(n: Question, sources: readonly MergeSource[], primary: string | undefined): Answer {
  const first = sources.find((s) => s.old.question === primary) ?? sources[0];
  if (!first) throw new Error("combineAnswers needs at least one answer");
  const comment = joinTexts(sources, (o) => o.comment);
  const evidence = joinTexts(sources, (o) => o.evidence);
  const base = { ...(comment !== undefined ? { comment } : {}), ...(evidence !== undefined ? { evidence } : {}) };
  const distinct = new Set(sources.map((s) => canonicalJson(s.value)));
  if (sources.length === 1 || distinct.size === 1) {
    return { value: first.value, ...base, ...(sources.length > 1 ? { mergedFrom: sources.map((s) => s.old) } : {}) };
  }
  const real = sources.filter((s) => !isSpecialValue(s.value)).map((s) => s.value);
  let value: AnswerValue;
  let rule: string;
  if (real.length === 0) {
    value = "dont-know";
    rule = "they differ, so it is now dont-know";
  } else if (n.type === "level" || n.type === "number") {
    value = Math.min(...real.map(Number));
    rule = `the lowest${n.type === "level" ? " level" : ""}, ${value}, was kept`;
  } else if (n.type === "yes-no") {
    value = real.includes("no") ? "no" : "yes";
    rule = `${value} was kept`;
  } else if (n.type === "multi-choice") {
    const union = new Set(real.flatMap((v) => (Array.isArray(v) ? v : [String(v)])));
    value = (n.options ?? []).map((o) => o.value).filter((v) => union.has(v));
    rule = `the options of ${sources.length > 2 ? "all" : "both"} were kept`;
  } else {
    value = isSpecialValue(first.value) ? (real[0] ?? first.value) : first.value;
    rule = `the answer to ${sources.find((s) => s.value === value)?.old.question ?? first.old.question} was kept`;
  }
  const parts = sources.map((s) => `${s.old.question} (${showValue(s.old.value)})`);
  return {
    value,
    ...base,
    confirm: `${n.id} merges ${listWords(parts)}; ${rule}: check it`,
    mergedFrom: sources.map((s) => s.old),
  };
}

function joinTexts(sources: readonly MergeSource[], pick: (o: OldAnswer) => string | undefined): string | undefined {
  const given = sources.filter((s) => (pick(s.old) ?? "").trim() !== "");
  const distinct = [...new Set(given.map((s) => pick(s.old) ?? ""))];
  if (distinct.length === 0) return undefined;
  if (distinct.length === 1) return distinct[0];
  return given.map((s) => `${s.old.question}: ${pick(s.old) ?? ""}`).join("\n\n");
}
