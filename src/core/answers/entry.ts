import { isIsoDate } from "./values.js";
import type { Question } from "../questionnaire/model.js";

/** Why typed text is not an answer, as data: the terminal words it in the session's language. */
export type EntryProblem =
  | { readonly kind: "not-a-number" }
  | { readonly kind: "below-min"; readonly limit: number }
  | { readonly kind: "above-max"; readonly limit: number }
  | { readonly kind: "not-a-date" }
  | { readonly kind: "empty" };

export type Entry<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: EntryProblem };

/**
 * A typed number: digits with an optional sign and one decimal point or comma (`12,5` as written in
 * French and Russian); spaces between digit groups are ignored. Checked against the question's min/max.
 */
export function parseNumberEntry(text: string, question: Pick<Question, "min" | "max">): Entry<number> {
  const compact = text.trim().replace(/(?<=\d)[\s\u00a0\u202f_](?=\d)/g, "");
  if (!/^[-+]?(\d+([.,]\d+)?|[.,]\d+)$/.test(compact)) return { ok: false, problem: { kind: "not-a-number" } };
  const value = Number(compact.replace(",", "."));
  if (!Number.isFinite(value)) return { ok: false, problem: { kind: "not-a-number" } };
  if (question.min !== undefined && value < question.min) return { ok: false, problem: { kind: "below-min", limit: question.min } };
  if (question.max !== undefined && value > question.max) return { ok: false, problem: { kind: "above-max", limit: question.max } };
  return { ok: true, value };
}

/** A typed date: a real calendar date written YYYY-MM-DD. */
export function parseDateEntry(text: string): Entry<string> {
  const t = text.trim();
  return isIsoDate(t) ? { ok: true, value: t } : { ok: false, problem: { kind: "not-a-date" } };
}

/** A typed text answer: anything but blanks, trimmed. */
export function parseTextEntry(text: string): Entry<string> {
  const t = text.trim();
  return t ? { ok: true, value: t } : { ok: false, problem: { kind: "empty" } };
}
