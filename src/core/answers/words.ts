/**
 * Answer values in words, in the languages naq speaks: the one place that says how a level, an option,
 * yes or no, a list, a number or a special answer reads. Each place that shows answers picks a layout
 * (how a level and a list are set, whether naq's words start with a capital), never its own words.
 */
import { levelsOf, localize, type AnswerValue, type Question, type Questionnaire } from "../questionnaire/model.js";

/** naq's own words for answers that are not the questionnaire's texts. */
export interface AnswerWords {
  readonly yes: string;
  readonly no: string;
  readonly dontKnow: string;
  readonly notApplicable: string;
  /** A multi-choice answer with nothing ticked. */
  readonly none: string;
  /** Where a value is expected and there is none. */
  readonly noAnswer: string;
}

const EN: AnswerWords = { yes: "yes", no: "no", dontKnow: "don't know", notApplicable: "not applicable", none: "none", noAnswer: "(no answer)" };
const FR: AnswerWords = { yes: "oui", no: "non", dontKnow: "ne sait pas", notApplicable: "sans objet", none: "aucun", noAnswer: "(sans réponse)" };
const RU: AnswerWords = { yes: "да", no: "нет", dontKnow: "не знаю", notApplicable: "неприменимо", none: "ничего", noAnswer: "(нет ответа)" };

const WORDS: Readonly<Record<string, AnswerWords>> = { en: EN, fr: FR, ru: RU };

/** naq's answer words in `lang` (`fr-CA` speaks `fr`); English for a language naq has no words in. */
export function answerWords(lang: string): AnswerWords {
  return WORDS[lang] ?? WORDS[lang.split("-")[0] ?? ""] ?? EN;
}

/** Every language's answer words, for reading typed answers back in any of them. */
export function allAnswerWords(): readonly AnswerWords[] {
  return Object.values(WORDS);
}

/** How one place sets answers out; the words themselves always come from this module. */
export interface Layout {
  /** A level with its label: `3 – Developed`, `3 — Developed`, `3 · Developed`. */
  level(value: number, label: string): string;
  /** Between the items of a multi-choice answer. */
  readonly list: string;
  /** Whether naq's own words start with a capital, as items of a list or menu do. */
  readonly capital: boolean;
  /** Whether a number is followed by its unit. */
  readonly unit: boolean;
}

/** Reports: `3 – Developed`, lower-case words inside sentences and cells, numbers with their unit. */
export const REPORT_LAYOUT: Layout = { level: (v, label) => `${v} – ${label}`, list: "; ", capital: false, unit: true };

/** `Don't know`, `Oui`: naq's word as it starts a list item or a cell. */
export function capitalised(word: string): string {
  return word.charAt(0).toLocaleUpperCase() + word.slice(1);
}

/**
 * `value`, an answer to `question`, in words in `lang`: a level with its label, option labels, yes or
 * no, a list of labels (or "none"), a number with its unit, a date or text as given, the special
 * answers in naq's words. Questionnaire texts missing in `lang` come in the binding language.
 */
export function valueInWords(q: Questionnaire, question: Question, value: AnswerValue, lang: string, layout: Layout = REPORT_LAYOUT): string {
  const words = wordsIn(lang, layout);
  const t = (text: Parameters<typeof localize>[0]) => localize(text, lang, q.languages[0] ?? "en");
  const special = specialInWords(value, words);
  if (special !== undefined) return special;
  const option = (v: string) => t(question.options?.find((o) => o.value === v)?.label) || v;
  switch (question.type) {
    case "level": {
      const level = levelsOf(q, question)?.find((l) => l.value === value);
      return level ? layout.level(level.value, t(level.label)) : String(value);
    }
    case "yes-no":
      return yesNoInWords(value, words) ?? String(value);
    case "choice":
      return typeof value === "string" ? option(value) : String(value);
    case "multi-choice":
      return Array.isArray(value) ? listInWords(value.map(option), words, layout) : option(String(value));
    case "number":
      return layout.unit && question.unit ? `${String(value)} ${t(question.unit)}` : String(value);
    case "date":
    case "text":
      return Array.isArray(value) ? listInWords(value, words, layout) : String(value);
  }
}

/**
 * A value whose question is not at hand (an answer to a question an older revision had): the special
 * answers, yes and no in naq's words, a list joined, anything else as it was given.
 */
export function bareValueInWords(value: AnswerValue, lang: string, layout: Layout = REPORT_LAYOUT): string {
  const words = wordsIn(lang, layout);
  if (Array.isArray(value)) return listInWords(value, words, layout);
  return specialInWords(value, words) ?? yesNoInWords(value, words) ?? String(value);
}

/** A value as a file holds it, for naq's notes: `3`, `yes`, `cwc, bwc`, `(none)` for an empty list. */
export function valueAsGiven(value: AnswerValue): string {
  return Array.isArray(value) ? value.join(", ") || `(${EN.none})` : String(value);
}

function wordsIn(lang: string, layout: Layout): AnswerWords {
  const words = answerWords(lang);
  if (!layout.capital) return words;
  return {
    ...words,
    yes: capitalised(words.yes),
    no: capitalised(words.no),
    dontKnow: capitalised(words.dontKnow),
    notApplicable: capitalised(words.notApplicable),
    none: capitalised(words.none),
  };
}

function specialInWords(value: AnswerValue, words: AnswerWords): string | undefined {
  return value === "dont-know" ? words.dontKnow : value === "not-applicable" ? words.notApplicable : undefined;
}

function yesNoInWords(value: AnswerValue, words: AnswerWords): string | undefined {
  return value === "yes" || value === true ? words.yes : value === "no" || value === false ? words.no : undefined;
}

function listInWords(items: readonly string[], words: AnswerWords, layout: Layout): string {
  return items.length ? items.join(layout.list) : words.none;
}
