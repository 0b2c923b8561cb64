import { answerProblem, isIsoDate, isSpecialValue } from "./values.js";
import { cellText, round, unneutralise, type CellValue } from "../workbook/cell.js";
import { levelsOf, localize, type AnswerValue, type Question, type Questionnaire } from "../questionnaire/model.js";
import { allTemplateWords } from "../workbook/words.js";
import { allAnswerWords, answerWords, capitalised, valueInWords, type Layout } from "./words.js";

/** What a cell says as an answer: nothing, a value, or why it is not one. */
export type Recognised = { readonly kind: "empty" } | { readonly kind: "value"; readonly value: AnswerValue } | { readonly kind: "problem"; readonly message: string };

/** Text compared for recognition: trimmed, spaces collapsed, lower case, typographic apostrophes plain. */
export function normalise(text: string): string {
  return unneutralise(text)
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'")
    .replace(/[\s\u00a0\u2007\u202f]+/g, " ")
    .trim()
    .toLowerCase();
}

/** How a dropdown shows a level: `3 — Developed capacity`. */
export const levelItem = (value: number, label: string): string => `${value} — ${label}`;

/** Workbook cells and dropdowns: `3 — Label`, naq's words capitalised as list items are; a number stays a number. */
const TEMPLATE_LAYOUT: Layout = { level: levelItem, list: "; ", capital: true, unit: false };

/** An answer as the template shows it in `lang`: labels for levels, options, yes/no and the special answers. */
export function answerDisplay(q: Questionnaire, question: Question, value: AnswerValue, lang: string): string | number {
  if (question.type === "number" && typeof value === "number") return value;
  return valueInWords(q, question, value, lang, TEMPLATE_LAYOUT);
}

/** The dropdown items of a question in `lang`, special answers last; undefined for typed answers. */
export function answerItems(q: Questionnaire, question: Question, lang: string): string[] | undefined {
  const first = q.languages[0] ?? lang;
  const w = answerWords(lang);
  const specials = [capitalised(w.dontKnow), capitalised(w.notApplicable)];
  switch (question.type) {
    case "level":
      return [...(levelsOf(q, question) ?? []).map((l) => levelItem(l.value, localize(l.label, lang, first))), ...specials];
    case "yes-no":
      return [capitalised(w.yes), capitalised(w.no), ...specials];
    case "choice":
    case "multi-choice":
      return [...(question.options ?? []).map((o) => localize(o.label, lang, first)), ...specials];
    case "number":
    case "date":
    case "text":
      return undefined;
  }
}

/**
 * Recognises the answers written in a workbook: labels in any of the questionnaire's languages, naq's
 * answer words (and other ways people write them) in every language naq speaks, underlying values,
 * numbers typed as text, real or ISO dates, booleans; case- and whitespace-insensitively. `lang` is the
 * template's language, used in messages.
 */
export function answerRecogniser(q: Questionnaire, lang: string): Recogniser {
  let byLang = recognisers.get(q);
  if (!byLang) recognisers.set(q, (byLang = new Map<string, Recogniser>()));
  let r = byLang.get(lang);
  if (!r) byLang.set(lang, (r = makeRecogniser(q, lang)));
  return r;
}

export type Recogniser = (question: Question, cell: CellValue) => Recognised;

// Built once per revision and language: importing many workbooks of one revision reuses it.
const recognisers = new WeakMap<Questionnaire, Map<string, Recogniser>>();

/** naq's own answer words, in every language, keyed by their normalised text. */
interface WordMaps {
  readonly special: ReadonlyMap<string, AnswerValue>;
  readonly yesNo: ReadonlyMap<string, AnswerValue>;
  /** The words for "nothing ticked" of a multi-choice question. */
  readonly none: ReadonlySet<string>;
}

let wordMaps: WordMaps | undefined;

function answerWordMaps(): WordMaps {
  if (wordMaps) return wordMaps;
  const special = new Map<string, AnswerValue>();
  const yesNo = new Map<string, AnswerValue>();
  const add = (map: Map<string, AnswerValue>, keys: readonly string[], value: AnswerValue) => {
    for (const k of keys) if (!map.has(normalise(k))) map.set(normalise(k), value);
  };
  add(special, ["dont-know"], "dont-know");
  add(special, ["not-applicable"], "not-applicable");
  for (const w of allAnswerWords()) {
    add(special, [w.dontKnow], "dont-know");
    add(special, [w.notApplicable], "not-applicable");
    add(yesNo, [w.yes], "yes");
    add(yesNo, [w.no], "no");
  }
  // Other ways people write these answers, from the template's words.
  for (const w of allTemplateWords()) {
    add(special, w.dontKnowAlso, "dont-know");
    add(special, w.notApplicableAlso, "not-applicable");
    add(yesNo, w.yesAlso, "yes");
    add(yesNo, w.noAlso, "no");
  }
  const none = new Set(allAnswerWords().map((w) => normalise(w.none)));
  return (wordMaps = { special, yesNo, none });
}

/** Label and value lookups of one revision's questions, built on first use. */
class Lookups {
  private readonly options = new Map<string, Map<string, string>>();
  private readonly levels = new Map<string, Map<string, number>>();

  constructor(private readonly q: Questionnaire) {}

  /** Each option's value and its labels in every language, normalised, to the option's value. */
  optionsOf(question: Question): ReadonlyMap<string, string> {
    let m = this.options.get(question.id);
    if (!m) {
      m = new Map();
      for (const o of question.options ?? []) if (!m.has(normalise(o.value))) m.set(normalise(o.value), o.value);
      for (const o of question.options ?? []) for (const label of Object.values(o.label)) if (!m.has(normalise(label))) m.set(normalise(label), o.value);
      this.options.set(question.id, m);
    }
    return m;
  }

  /** Each level's label in every language, alone and as the dropdown item `3 — Label`, to the level. */
  levelsByLabel(question: Question): ReadonlyMap<string, number> {
    const scale = question.scale ?? "";
    let m = this.levels.get(scale);
    if (!m) {
      m = new Map();
      for (const l of levelsOf(this.q, question) ?? []) {
        for (const label of Object.values(l.label)) {
          for (const key of [normalise(label), normalise(levelItem(l.value, label))]) if (!m.has(key)) m.set(key, l.value);
        }
      }
      this.levels.set(scale, m);
    }
    return m;
  }
}

/** What one recogniser reads with: the revision, the message language, the lookups and the words. */
interface Reader {
  readonly q: Questionnaire;
  readonly lang: string;
  readonly lookups: Lookups;
  readonly words: WordMaps;
}

type Read = Recognised | AnswerValue;

function makeRecogniser(q: Questionnaire, lang: string): Recogniser {
  const reader: Reader = { q, lang, lookups: new Lookups(q), words: answerWordMaps() };
  return (question, cell) => {
    const r = recognise(reader, question, cell);
    if (typeof r === "object" && r !== null && !Array.isArray(r) && "kind" in r) return r;
    const value = r;
    if (isSpecialValue(value)) return { kind: "value", value };
    const problem = answerProblem(q, question, value);
    return problem ? { kind: "problem", message: problem.replace(/`([^`]*)`/g, "“$1”") } : { kind: "value", value };
  };
}

function recognise(reader: Reader, question: Question, cell: CellValue): Read {
  if (cell.kind === "empty" || (cell.kind === "text" && cell.text.trim() === "")) return { kind: "empty" };
  if (cell.kind === "error") return { kind: "problem", message: `the cell shows the error ${cell.error}, not an answer; type or choose the answer itself` };
  const shown = cellText(cell).trim();
  const key = normalise(shown);
  const special = reader.words.special.get(key);
  if (special !== undefined && cell.kind === "text") return special;
  const notAllowed = () => notAllowedAnswer(reader, question, shown);
  switch (question.type) {
    case "level":
      return level(reader, question, cell, key) ?? notAllowed();
    case "yes-no":
      if (cell.kind === "boolean") return cell.value ? "yes" : "no";
      return (cell.kind === "text" && reader.words.yesNo.get(key)) || notAllowed();
    case "choice":
      return reader.lookups.optionsOf(question).get(key) ?? notAllowed();
    case "multi-choice":
      return multiChoice(reader, question, key, shown);
    case "number":
      if (cell.kind === "number") return cell.percent ? round(cell.value * 100) : cell.value;
      if (cell.kind === "text") return parseNumber(shown) ?? notAllowed();
      return notAllowed();
    case "date":
      if (cell.kind === "date") return cell.iso;
      return (cell.kind === "text" ? parseDate(shown) : undefined) ?? { kind: "problem", message: `“${shown}” is not a date; type it as 2024-05-15` };
    case "text":
      return cell.kind === "text" ? unneutralise(cell.text).trim() : shown;
  }
}

/** A level from its number, its label or its dropdown item; undefined when the cell is none of them. */
function level(reader: Reader, question: Question, cell: CellValue, key: string): number | undefined {
  const levels = levelsOf(reader.q, question) ?? [];
  if (cell.kind === "number") return levels.some((l) => l.value === cell.value) ? cell.value : undefined;
  if (cell.kind !== "text") return undefined;
  const byLabel = reader.lookups.levelsByLabel(question).get(key);
  if (byLabel !== undefined) return byLabel;
  const m = /^(\d+)\s*(?:[—–\-:.)]\s*)?(.*)$/.exec(key);
  const found = m ? levels.find((l) => l.value === Number(m[1])) : undefined;
  if (!m || !found) return undefined;
  const rest = m[2] ?? "";
  return rest === "" || Object.values(found.label).some((label) => normalise(label) === rest) ? found.value : undefined;
}

/** Options separated by semicolons or line breaks (or commas, when every part is an option), or naq's word for none. */
function multiChoice(reader: Reader, question: Question, key: string, shown: string): Read {
  const options = reader.lookups.optionsOf(question);
  const whole = options.get(key);
  if (whole !== undefined) return [whole];
  if (reader.words.none.has(key)) return [];
  const picked = new Set<string>();
  const unknown: string[] = [];
  for (const part of shown
    .split(/[;\n\r]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const hit = options.get(normalise(part));
    if (hit !== undefined) {
      picked.add(hit);
      continue;
    }
    const sub = part.split(",").map(normalise).filter(Boolean);
    if (sub.length > 1 && sub.every((x) => options.has(x))) for (const x of sub) picked.add(options.get(x) as string);
    else unknown.push(part);
  }
  if (unknown.length || picked.size === 0) {
    const bad = unknown.length ? unknown.join("; ") : shown;
    return {
      kind: "problem",
      message: `“${bad}” ${unknown.length > 1 ? "are not allowed answers" : "is not an allowed answer"}; allowed, separated by semicolons: ${(answerItems(reader.q, question, reader.lang) ?? []).join(", ")}`,
    };
  }
  return (question.options ?? []).map((o) => o.value).filter((v) => picked.has(v));
}

function notAllowedAnswer(reader: Reader, question: Question, shown: string): Recognised {
  const items = answerItems(reader.q, question, reader.lang);
  const allowed = items ? items.join(", ") : describeTyped(question, reader.lang);
  return { kind: "problem", message: `“${shown}” is not an allowed answer; allowed: ${allowed}` };
}

function describeTyped(question: Question, lang: string): string {
  const w = answerWords(lang);
  const specials = `${capitalised(w.dontKnow)}, ${capitalised(w.notApplicable)}`;
  if (question.type === "number") return `a number${question.min !== undefined ? ` ≥ ${question.min}` : ""}${question.max !== undefined ? ` ≤ ${question.max}` : ""}, ${specials}`;
  if (question.type === "date") return `a date such as 2024-05-15, ${specials}`;
  return `a text, ${specials}`;
}

/** A number typed as text: `12`, `-3.5`, `12,5`, `1 000`, `1,000,000`, `25%`; undefined when it is none. */
export function parseNumber(text: string): number | undefined {
  let t = text.replace(/[\s\u00a0\u2007\u202f']/g, "");
  const percent = t.endsWith("%");
  if (percent) t = t.slice(0, -1);
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, "");
  else if (/^[+-]?\d+,\d+$/.test(t)) t = t.replace(",", ".");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return undefined;
  return Number(t);
}

/** A date typed as text, YYYY-MM-DD or DD.MM.YYYY, as YYYY-MM-DD; undefined when it is none or not a real date. */
export function parseDate(text: string): string | undefined {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : [];
  if (!y || !m || !d) return undefined;
  const out = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  return isIsoDate(out) ? out : undefined;
}
