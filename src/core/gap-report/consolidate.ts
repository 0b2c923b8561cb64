/** Consolidation of one question across agencies: which answer stands, and who disagrees. */
import { canonicalJson } from "../canonical.js";
import type { ConsolidationRule, Disagreement, SourceRole } from "./model.js";
import { claimedLevel, type Answer, type AnswerValue, type Question } from "../questionnaire/model.js";

/** One agency's answer to a question, with what the agency's own answers say about it. */
export interface AgencyAnswer {
  readonly agency: string;
  readonly answer: Answer;
  /** The question is asked of this agency (`for`). */
  readonly asked: boolean;
  /** Its condition holds on this agency's answers and the agency did not mark it irrelevant. */
  readonly relevant: boolean;
}

export interface Consolidated {
  readonly value: AnswerValue | null;
  readonly rule: ConsolidationRule | null;
  readonly disagreement: Disagreement | null;
  /** The role of each answer, in the order given. */
  readonly roles: readonly SourceRole[];
  /** The lowest and highest level among the usable answers of an ordered question; null with fewer than two. */
  readonly range: { readonly low: number; readonly high: number } | null;
  /** The lead agency's level is above every other agency's: its self-rating did not set the value, and the report says so. */
  readonly leadHighest: boolean;
}

const YES_NO_ORDER: Readonly<Record<string, number>> = { no: 0, yes: 1 };

/** Where `value` stands on the order of `question`'s answers (a level, an ordinal option's level, no < yes), or undefined when the type has no order. */
export function rank(question: Question, value: AnswerValue): number | undefined {
  if (question.type === "level" && typeof value === "number") return value;
  if (question.type === "yes-no" && typeof value === "string") return YES_NO_ORDER[value];
  if (question.type === "choice" && typeof value === "string") return question.options?.find((o) => o.value === value)?.level;
  return undefined;
}

/**
 * Levels (or ordinal options) that differ by two or more, a mix of yes and no, or numbers that differ
 * where one figure should stand (not when agencies' numbers are summed); null otherwise.
 */
export function findDisagreement(question: Question, values: readonly AnswerValue[], resolved: boolean): Disagreement | null {
  if (question.type === "yes-no") {
    return values.includes("yes") && values.includes("no") ? { kind: "yes-no", low: "no", high: "yes", resolved } : null;
  }
  if (question.type === "number") {
    const numbers = values.filter((v): v is number => typeof v === "number");
    if (question.aggregate === "sum" || numbers.length < 2) return null;
    const low = Math.min(...numbers);
    const high = Math.max(...numbers);
    return high !== low ? { kind: "numbers", low, high, resolved } : null;
  }
  const levels = values.map((v) => rank(question, v)).filter((v): v is number => v !== undefined);
  if (levels.length < 2) return null;
  const low = Math.min(...levels);
  const high = Math.max(...levels);
  return high - low >= 2 ? { kind: "levels", low, high, resolved } : null;
}

/** The lower median: the middle value, or with an even count the lower of the two middle ones (a value some agency gave, and the cautious one). */
export function lowerMedian(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
}

/**
 * Consolidates the answers to `question`: a workshop decision if there is one; for a capability, the
 * median of the agencies' levels, the lead flagged when it rated itself above every other agency; for a
 * fact, the lead agency's answer; numbers summed, maximised or the lead's as the question declares;
 * without a lead, the answer agencies agree on, the lowest of an ordered type, or the most common.
 * "Don't know" and "not applicable" never outrank a real answer; the question is not applicable only
 * when every answer that counts says so.
 */
export function consolidate(question: Question, answers: readonly AgencyAnswer[], decision?: AnswerValue): Consolidated {
  const roles: SourceRole[] = answers.map((a) =>
    !a.asked ? "not-asked" : !a.relevant ? "irrelevant" : a.answer.value === "dont-know" ? "dont-know" : a.answer.value === "not-applicable" ? "not-applicable" : "considered",
  );
  const usable = answers.map((_, i) => i).filter((i) => roles[i] === "considered");
  const valueAt = (i: number) => (answers[i] as AgencyAnswer).answer.value;
  const values = usable.map(valueAt);
  const disagreement = findDisagreement(question, values, decision !== undefined);
  const ranks = usable.map((i) => rank(question, valueAt(i)));
  const ordered = usable.length > 0 && ranks.every((r) => r !== undefined);
  const levels = ordered ? ranks : [];
  // The range and the lead's flag speak of capability levels (a level, an ordinal option), not of yes and no.
  const claimed = usable.map((i) => claimedLevel(question, valueAt(i)));
  const asLevels = claimed.every((l) => l !== undefined) ? claimed : [];
  const range = asLevels.length >= 2 ? { low: Math.min(...asLevels), high: Math.max(...asLevels) } : null;
  const leadAt = question.lead === undefined ? -1 : answers.findIndex((a) => a.agency === question.lead);
  const leadN = usable.indexOf(leadAt);
  const leadHighest = leadN >= 0 && asLevels.length >= 2 && asLevels.every((l, n) => n === leadN || l < (asLevels[leadN] as number));
  const result = (value: AnswerValue | null, rule: ConsolidationRule | null): Consolidated => ({ value, rule, disagreement, roles, range, leadHighest });

  if (decision !== undefined) {
    for (const i of usable) roles[i] = "superseded";
    return result(decision, "consensus");
  }
  if (question.type === "number" && question.aggregate !== "lead" && usable.length > 0) {
    const numbers = values.filter((v): v is number => typeof v === "number");
    const total = question.aggregate === "sum" ? numbers.reduce((a, b) => a + b, 0) : Math.max(...numbers);
    usable.forEach((i) => {
      if (question.aggregate === "sum" || valueAt(i) === total) roles[i] = "stands";
    });
    return result(total, question.aggregate);
  }
  if (question.kind === "capability" && ordered && usable.length > 1) {
    const median = lowerMedian(levels);
    let value: AnswerValue | null = null;
    usable.forEach((i, n) => {
      if (levels[n] === median) {
        roles[i] = "stands";
        value ??= valueAt(i);
      }
    });
    return result(value, levels.every((l) => l === median) ? "agreed" : "median");
  }
  if (question.kind === "fact" && leadAt >= 0 && (roles[leadAt] === "considered" || roles[leadAt] === "not-applicable")) {
    roles[leadAt] = "stands";
    return result(valueAt(leadAt), "lead");
  }
  if (usable.length > 0) return withoutLead(answers, usable, roles, ordered ? levels : null, result);

  const counted = answers.map((_, i) => i).filter((i) => roles[i] === "not-applicable" || roles[i] === "dont-know");
  if (counted.length === 0) return result(null, null);
  const value = counted.some((i) => roles[i] === "dont-know") ? "dont-know" : "not-applicable";
  if (value === "not-applicable") for (const i of counted) roles[i] = "stands";
  return result(value, counted.length === 1 ? "single" : "agreed");
}

/** The usable answer that stands when no lead settles it: the one they agree on, the lowest of an ordered type, or the most common. */
function withoutLead(
  answers: readonly AgencyAnswer[],
  usable: readonly number[],
  roles: SourceRole[],
  levels: readonly number[] | null,
  result: (value: AnswerValue | null, rule: ConsolidationRule | null) => Consolidated,
): Consolidated {
  const valueAt = (i: number) => (answers[i] as AgencyAnswer).answer.value;
  // Levels and yes/no compare as they are; lists and texts by their canonical JSON.
  const keys = usable.map((i) => {
    const v = valueAt(i);
    return typeof v === "object" ? canonicalJson(v) : `${typeof v}:${String(v)}`;
  });
  let chosen: string;
  let rule: ConsolidationRule;
  if (keys.every((k) => k === keys[0])) {
    chosen = keys[0] as string;
    rule = usable.length === 1 ? "single" : "agreed";
  } else if (levels) {
    chosen = keys[levels.indexOf(Math.min(...levels))] as string;
    rule = "lowest";
  } else {
    const counts = new Map<string, number>();
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    // The first most frequent answer in agency order, so ties are settled the same way every time.
    chosen = keys.reduce((best, k) => ((counts.get(k) ?? 0) > (counts.get(best) ?? 0) ? k : best), keys[0] as string);
    rule = "most-common";
  }
  let value: AnswerValue | null = null;
  usable.forEach((i, n) => {
    if (keys[n] === chosen) {
      roles[i] = "stands";
      value ??= valueAt(i);
    }
  });
  return result(value, rule);
}
