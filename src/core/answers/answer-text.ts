import { answerProblem, isIsoDate, isSpecialValue } from "./values.js";
import { cellText, round, unneutralise, type CellValue } from "../workbook/cell.js";
import { levelsOf, localize, type AnswerValue, type Question, type Questionnaire } from "../questionnaire/model.js";
import { allTemplateWords, templateWords, type TemplateWords } from "../workbook/words.js";

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

/** An answer as the template shows it in `lang`: labels for levels, options, yes/no and the special answers. */
export function answerDisplay(q: Questionnaire, question: Question, value: AnswerValue, lang: string): string | number {
  const first = q.languages[0] ?? lang;
  const w = templateWords(lang);
  if (value === "dont-know") return w.dontKnow;
  if (value === "not-applicable") return w.notApplicable;
  switch (question.type) {
    case "level": {
      const level = levelsOf(q, question)?.find((l) => l.value === value);
      return level ? levelItem(level.value, localize(level.label, lang, first)) : String(value);
    }
    case "yes-no":
      return value === "yes" || value === true ? w.yes : value === "no" || value === false ? w.no : String(value);
    case "choice":
    case "multi-choice": {
      const label = (v: string) => localize(question.options?.find((o) => o.value === v)?.label, lang, first) || v;
      return Array.isArray(value) ? value.map(label).join("; ") : label(String(value));
    }
    case "number":
      return typeof value === "number" ? value : String(value);
    case "date":
    case "text":
      return Array.isArray(value) ? value.join("; ") : String(value);
  }
}

/** The dropdown items of a question in `lang`, special answers last; undefined for typed answers. */
export function answerItems(q: Questionnaire, question: Question, lang: string): string[] | undefined {
  const first = q.languages[0] ?? lang;
  const w = templateWords(lang);
  const specials = [w.dontKnow, w.notApplicable];
  switch (question.type) {
    case "level":
      return [...(levelsOf(q, question) ?? []).map((l) => levelItem(l.value, localize(l.label, lang, first))), ...specials];
    case "yes-no":
      return [w.yes, w.no, ...specials];
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
 * Recognises the answers written in a workbook: labels in any of the questionnaire's languages (and
 * the template words naq knows), underlying values, numbers typed as text, real or ISO dates,
 * booleans; case- and whitespace-insensitively. `lang` is the template's language, used in messages.
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

function makeRecogniser(q: Questionnaire, lang: string): Recogniser {
  const words = allTemplateWords();
  const special = new Map<string, AnswerValue>();
  const yesNo = new Map<string, AnswerValue>();
  const add = (map: Map<string, AnswerValue>, keys: readonly string[], value: AnswerValue) => {
    for (const k of keys) if (!map.has(normalise(k))) map.set(normalise(k), value);
  };
  add(special, ["dont-know"], "dont-know");
  add(special, ["not-applicable"], "not-applicable");
  for (const w of words) {
    add(special, [w.dontKnow, ...w.dontKnowAlso], "dont-know");
    add(special, [w.notApplicable, ...w.notApplicableAlso], "not-applicable");
    add(yesNo, [w.yes, ...w.yesAlso], "yes");
    add(yesNo, [w.no, ...w.noAlso], "no");
  }
  add(yesNo, ["yes"], "yes");
  add(yesNo, ["no"], "no");

  const optionMaps = new Map<string, Map<string, string>>();
  const optionsOf = (question: Question): Map<string, string> => {
    let m = optionMaps.get(question.id);
    if (!m) {
      m = new Map();
      for (const o of question.options ?? []) if (!m.has(normalise(o.value))) m.set(normalise(o.value), o.value);
      for (const o of question.options ?? []) for (const label of Object.values(o.label)) if (!m.has(normalise(label))) m.set(normalise(label), o.value);
      optionMaps.set(question.id, m);
    }
    return m;
  };
  const levelMaps = new Map<string, Map<string, number>>();
  const levelsByLabel = (question: Question): Map<string, number> => {
    const scale = question.scale ?? "";
    let m = levelMaps.get(scale);
    if (!m) {
      m = new Map();
      for (const l of levelsOf(q, question) ?? []) {
        for (const label of Object.values(l.label)) {
          // The label alone, and the dropdown item `3 — Label`, the form most cells hold.
          for (const key of [normalise(label), normalise(levelItem(l.value, label))]) if (!m.has(key)) m.set(key, l.value);
        }
      }
      levelMaps.set(scale, m);
    }
    return m;
  };

  const w = templateWords(lang);
  const notAllowed = (question: Question, shown: string): Recognised => {
    const items = answerItems(q, question, lang);
    const allowed = items ? items.join(", ") : describeTyped(question, w);
    return { kind: "problem", message: `“${shown}” is not an allowed answer; allowed: ${allowed}` };
  };

  const recognise = (question: Question, cell: CellValue): Recognised | AnswerValue => {
    if (cell.kind === "empty" || (cell.kind === "text" && cell.text.trim() === "")) return { kind: "empty" };
    if (cell.kind === "error") return { kind: "problem", message: `the cell shows the error ${cell.error}, not an answer; type or choose the answer itself` };
    const shown = cellText(cell).trim();
    const key = normalise(shown);
    const sp = special.get(key);
    if (sp !== undefined && cell.kind === "text") return sp;
    switch (question.type) {
      case "level": {
        const levels = levelsOf(q, question) ?? [];
        if (cell.kind === "number") return levels.some((l) => l.value === cell.value) ? cell.value : notAllowed(question, shown);
        if (cell.kind !== "text") return notAllowed(question, shown);
        const byLabel = levelsByLabel(question).get(key);
        if (byLabel !== undefined) return byLabel;
        const m = /^(\d+)\s*(?:[—–\-:.)]\s*)?(.*)$/.exec(key);
        const level = m ? levels.find((l) => l.value === Number(m[1])) : undefined;
        if (!m || !level) return notAllowed(question, shown);
        const rest = m[2] ?? "";
        return rest === "" || Object.values(level.label).some((label) => normalise(label) === rest) ? level.value : notAllowed(question, shown);
      }
      case "yes-no":
        if (cell.kind === "boolean") return cell.value ? "yes" : "no";
        return (cell.kind === "text" && yesNo.get(key)) || notAllowed(question, shown);
      case "choice":
        return optionsOf(question).get(key) ?? notAllowed(question, shown);
      case "multi-choice":
        return multiChoice(question, key, shown);
      case "number":
        if (cell.kind === "number") return cell.percent ? round(cell.value * 100) : cell.value;
        if (cell.kind === "text") return parseNumber(shown) ?? notAllowed(question, shown);
        return notAllowed(question, shown);
      case "date":
        if (cell.kind === "date") return cell.iso;
        if (cell.kind === "text") return parseDate(shown) ?? { kind: "problem", message: `“${shown}” is not a date; type it as 2024-05-15` };
        return { kind: "problem", message: `“${shown}” is not a date; type it as 2024-05-15` };
      case "text":
        return cell.kind === "text" ? unneutralise(cell.text).trim() : shown;
    }
  };

  const multiChoice = (question: Question, key: string, shown: string): Recognised | AnswerValue => {
    const options = optionsOf(question);
    const whole = options.get(key);
    if (whole !== undefined) return [whole];
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
        message: `“${bad}” ${unknown.length > 1 ? "are not allowed answers" : "is not an allowed answer"}; allowed, separated by semicolons: ${(answerItems(q, question, lang) ?? []).join(", ")}`,
      };
    }
    return (question.options ?? []).map((o) => o.value).filter((v) => picked.has(v));
  };

  return (question, cell) => {
    const r = recognise(question, cell);
    if (typeof r === "object" && r !== null && !Array.isArray(r) && "kind" in r) return r;
    const value = r;
    if (isSpecialValue(value)) return { kind: "value", value };
    const problem = answerProblem(q, question, value);
    return problem ? { kind: "problem", message: problem.replace(/`([^`]*)`/g, "“$1”") } : { kind: "value", value };
  };
}

function describeTyped(question: Question, w: TemplateWords): string {
  const specials = `${w.dontKnow}, ${w.notApplicable}`;
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
