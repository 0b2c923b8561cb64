/** Consolidation of one question across agencies: which answer stands, and who disagrees. */
import { canonicalJson } from "../canonical.js";
import type { ConsolidationRule, Disagreement, SourceRole } from "./model.js";
import type { Answer, AnswerValue, Question } from "../questionnaire/model.js";

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
}

const YES_NO_ORDER: Readonly<Record<string, number>> = { no: 0, yes: 1 };

/** Orders two answers to a question of `type` from weakest to strongest, or undefined when the type has no order. */
function rank(type: Question["type"], value: AnswerValue): number | undefined {
  if (type === "level" && typeof value === "number") return value;
  if (type === "yes-no" && typeof value === "string") return YES_NO_ORDER[value];
  return undefined;
}

/** Levels that differ by two or more, or a mix of yes and no; null otherwise. */
export function findDisagreement(question: Question, values: readonly AnswerValue[], resolved: boolean): Disagreement | null {
  if (question.type === "level") {
    const levels = values.filter((v): v is number => typeof v === "number");
    if (levels.length < 2) return null;
    const low = Math.min(...levels);
    const high = Math.max(...levels);
    return high - low >= 2 ? { kind: "levels", low, high, resolved } : null;
  }
  if (question.type === "yes-no") {
    return values.includes("yes") && values.includes("no") ? { kind: "yes-no", low: "no", high: "yes", resolved } : null;
  }
  return null;
}

/**
 * Consolidates the answers to `question`: a workshop decision if there is one; else the lead agency's
 * answer if it gave one that counts; else the lowest level (or `no`) among the agencies' answers, the
 * conservative JEE rule; for types without an order, the answer they agree on or the most common one.
 * "Don't know" and "not applicable" never outrank a real answer; the question is not applicable only
 * when every answer that counts says so.
 */
export function consolidate(question: Question, answers: readonly AgencyAnswer[], decision?: AnswerValue): Consolidated {
  const roles: SourceRole[] = answers.map((a) =>
    !a.asked ? "not-asked" : !a.relevant ? "irrelevant" : a.answer.value === "dont-know" ? "dont-know" : a.answer.value === "not-applicable" ? "not-applicable" : "considered",
  );
  const usable = answers.map((_, i) => i).filter((i) => roles[i] === "considered");
  const disagreement = findDisagreement(
    question,
    usable.map((i) => (answers[i] as AgencyAnswer).answer.value),
    decision !== undefined,
  );
  const valueAt = (i: number) => (answers[i] as AgencyAnswer).answer.value;

  if (decision !== undefined) {
    const superseded = roles.map((r) => (r === "considered" ? "superseded" : r));
    return { value: decision, rule: "consensus", disagreement, roles: superseded };
  }

  const leadIndex = question.lead === undefined ? -1 : answers.findIndex((a) => a.agency === question.lead);
  if (leadIndex >= 0 && (roles[leadIndex] === "considered" || roles[leadIndex] === "not-applicable")) {
    roles[leadIndex] = "stands";
    return { value: valueAt(leadIndex), rule: "lead", disagreement, roles };
  }

  if (usable.length > 0) {
    // Levels and yes/no compare as they are; lists and texts by their canonical JSON.
    const keys = usable.map((i) => {
      const v = valueAt(i);
      return typeof v === "object" ? canonicalJson(v) : `${typeof v}:${String(v)}`;
    });
    const agreed = keys.every((k) => k === keys[0]);
    let chosen: string;
    let rule: ConsolidationRule;
    const ranks = usable.map((i) => rank(question.type, valueAt(i)));
    if (agreed) {
      chosen = keys[0] as string;
      rule = usable.length === 1 ? "single" : "agreed";
    } else if (ranks.every((r) => r !== undefined)) {
      const lowest = Math.min(...ranks);
      chosen = keys[ranks.indexOf(lowest)] as string;
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
    return { value, rule, disagreement, roles };
  }

  const counted = answers.map((_, i) => i).filter((i) => roles[i] === "not-applicable" || roles[i] === "dont-know");
  if (counted.length === 0) return { value: null, rule: null, disagreement, roles };
  const value = counted.some((i) => roles[i] === "dont-know") ? "dont-know" : "not-applicable";
  if (value === "not-applicable") for (const i of counted) roles[i] = "stands";
  return { value, rule: counted.length === 1 ? "single" : "agreed", disagreement, roles };
}
