/** Answer values in words, for people reading a report. */
import type { AnswerValue, Question, Questionnaire } from "../questionnaire/model.js";
import { REPORT_LAYOUT, valueInWords } from "./words.js";

/** `value` as a reader of a report sees it in `lang`: `3 – Label`, option labels, « oui », a number with its unit. */
export function displayValue(q: Questionnaire, question: Question, value: AnswerValue, lang: string): string {
  return valueInWords(q, question, value, lang, REPORT_LAYOUT);
}
