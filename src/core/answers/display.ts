/** Answer values in words, for people reading a report. */
import { levelsOf, localize, type AnswerValue, type Question, type Questionnaire } from "../questionnaire/model.js";

const SPECIAL_WORDS: Readonly<Record<string, string>> = { "dont-know": "don't know", "not-applicable": "not applicable" };

/** `value` as a reader should see it in `lang`: a level with its label, option labels, a number with its unit. */
export function displayValue(q: Questionnaire, question: Question, value: AnswerValue, lang: string): string {
  const first = q.languages[0] ?? "en";
  const t = (x: Parameters<typeof localize>[0]) => localize(x, lang, first);
  if (typeof value === "string" && SPECIAL_WORDS[value] !== undefined) return SPECIAL_WORDS[value];
  switch (question.type) {
    case "level": {
      const level = (levelsOf(q, question) ?? []).find((l) => l.value === value);
      return level ? `${level.value} – ${t(level.label)}` : String(value);
    }
    case "choice":
      return t(question.options?.find((o) => o.value === value)?.label) || String(value);
    case "multi-choice": {
      if (!Array.isArray(value)) return String(value);
      if (value.length === 0) return "none";
      return value.map((v) => t(question.options?.find((o) => o.value === v)?.label) || v).join("; ");
    }
    case "number":
      return question.unit ? `${String(value)} ${t(question.unit)}` : String(value);
    case "yes-no":
    case "date":
    case "text":
      return Array.isArray(value) ? value.join("; ") : String(value);
  }
}
