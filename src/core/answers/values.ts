import { levelsOf, type AnswerValue, type Question, type Questionnaire } from "../questionnaire/model.js";

export const isSpecialValue = (v: unknown): v is "dont-know" | "not-applicable" => v === "dont-know" || v === "not-applicable";

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days;
}

/** What a question accepts, in words, for messages. */
export function describeAllowed(q: Questionnaire, question: Question): string {
  switch (question.type) {
    case "level":
      return `a level ${(levelsOf(q, question) ?? []).map((l) => l.value).join(", ")}`;
    case "yes-no":
      return "yes or no";
    case "choice":
      return `one of ${(question.options ?? []).map((o) => o.value).join(", ")}`;
    case "multi-choice":
      return `a list of ${(question.options ?? []).map((o) => o.value).join(", ")}`;
    case "number":
      return `a number${question.min !== undefined ? ` ≥ ${question.min}` : ""}${question.max !== undefined ? ` ≤ ${question.max}` : ""}`;
    case "date":
      return "a date YYYY-MM-DD";
    case "text":
      return "a text";
  }
}

/** Why `value` is not a valid answer to `question`, or undefined when it is. */
export function answerProblem(q: Questionnaire, question: Question, value: AnswerValue): string | undefined {
  if (isSpecialValue(value)) return undefined;
  const allowed = () => `; allowed: ${describeAllowed(q, question)}, dont-know, not-applicable`;
  switch (question.type) {
    case "level": {
      const levels = (levelsOf(q, question) ?? []).map((l) => l.value);
      return typeof value === "number" && levels.includes(value) ? undefined : `\`${show(value)}\` is not a level${allowed()}`;
    }
    case "yes-no":
      return value === "yes" || value === "no" ? undefined : `\`${show(value)}\` is not yes or no${allowed()}`;
    case "choice":
      return typeof value === "string" && (question.options ?? []).some((o) => o.value === value) ? undefined : `\`${show(value)}\` is not an option${allowed()}`;
    case "multi-choice": {
      if (!Array.isArray(value)) return `expected a list of options, not \`${show(value)}\`${allowed()}`;
      const options = new Set((question.options ?? []).map((o) => o.value));
      const bad = value.filter((v) => !options.has(v));
      if (bad.length) return `${bad.map((b) => `\`${b}\``).join(", ")} ${bad.length > 1 ? "are not options" : "is not an option"}${allowed()}`;
      if (new Set(value).size !== value.length) return "an option is listed twice";
      return undefined;
    }
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return `\`${show(value)}\` is not a number${allowed()}`;
      if (question.min !== undefined && value < question.min) return `${value} is below the minimum ${question.min}`;
      if (question.max !== undefined && value > question.max) return `${value} is above the maximum ${question.max}`;
      return undefined;
    }
    case "date":
      return typeof value === "string" && isIsoDate(value) ? undefined : `\`${show(value)}\` is not a date written YYYY-MM-DD`;
    case "text":
      return typeof value === "string" && value.trim() !== "" ? undefined : "expected a non-empty text";
  }
}

function show(v: AnswerValue): string {
  return Array.isArray(v) ? v.join(", ") : String(v);
}
