import { referencesText } from "../questionnaire/references.js";
import { answerDisplay, answerItems } from "../answers/answer-text.js";
import { isSpecialValue } from "../answers/values.js";
import { answerWords, capitalised } from "../answers/words.js";
import { neutralise } from "./cell.js";
import {
  levelsOf,
  localize,
  questionIndex,
  type Agency,
  type Answer,
  type AnswerValue,
  type Condition,
  type EvidenceRule,
  type Question,
  type Questionnaire,
  type Response,
} from "../questionnaire/model.js";
import { fingerprintText, LISTS_SHEET, TEMPLATE_FORMAT, templateLayout, type TemplateLayout, type TemplateMeta } from "./layout.js";
import { templateWords, type TemplateWords } from "./words.js";

/** One row of the instructions sheet; `style` tells the renderer how it looks. */
export interface InstructionRow {
  readonly a?: string;
  readonly b?: string;
  readonly style: "title" | "subtitle" | "heading" | "fact" | "input" | "step" | "level" | "text" | "blank";
}

/** How a question's answer cell is filled in. */
export type AnswerKind = "list" | "number" | "date" | "text";

export interface PlannedRow {
  readonly id: string;
  readonly row: number;
  readonly question: string;
  readonly guidance: string;
  readonly kind: AnswerKind;
  /** The defined name of the dropdown list. */
  readonly list: string;
  /** Whether the dropdown refuses anything not in its list (typed answers cannot be refused). */
  readonly strict: boolean;
  readonly evidence: EvidenceRule;
  readonly answer?: string | number;
  readonly comment?: string;
  readonly evidenceText?: string;
}

export interface PlannedSheet {
  readonly name: string;
  readonly title: string;
  readonly rows: readonly PlannedRow[];
}

export interface PlannedList {
  /** The defined name, `naq_…` so that it can never be read as a cell reference. */
  readonly name: string;
  readonly items: readonly string[];
}

/** A template as plain data: what every cell says. The edge renders it with styles, dropdowns and protection. */
export interface TemplatePlan {
  readonly meta: TemplateMeta;
  readonly layout: TemplateLayout;
  readonly instructions: readonly InstructionRow[];
  readonly headers: readonly string[];
  readonly areas: readonly PlannedSheet[];
  readonly lists: readonly PlannedList[];
  readonly listsSheet: string;
  readonly listErrorTitle: string;
  readonly listError: string;
}

export interface TemplateInput {
  readonly questionnaire: Questionnaire;
  readonly digest: string;
  readonly agency: string;
  readonly country?: string | undefined;
  readonly lang: string;
  readonly sendTo?: string | undefined;
  /** Answers to pre-fill, already checked against the questionnaire. */
  readonly response?: Response | undefined;
  /** When the template is made, ISO 8601. */
  readonly now: string;
  /** SHA-256 of a text, as `sha256:<hex>`; the edge provides it so the core stays pure. */
  readonly hash: (text: string) => string;
}

/** Plans the workbook for one agency in one language: texts, dropdown lists, pre-filled answers and metadata. */
export function planTemplate(input: TemplateInput): TemplatePlan {
  const { questionnaire: q, agency, lang } = input;
  const first = q.languages[0] ?? lang;
  const t = (text: Parameters<typeof localize>[0]) => neutralise(localize(text, lang, first));
  const w = templateWords(lang);
  const layout = templateLayout(q, agency, lang);
  const index = questionIndex(q);
  const lists = new Map<string, readonly string[]>();
  const answers = input.response?.answers ?? {};

  const areas: PlannedSheet[] = layout.sheets.map((sheet) => ({
    name: sheet.name,
    title: neutralise(sheet.title),
    rows: sheet.rows.map(({ id, row }) => {
      const question = index.get(id) as Question;
      const { kind, list, strict } = listFor(q, question, lang, lists);
      const given = answers[id];
      const shown = given ? answerDisplay(q, question, given.value, lang) : undefined;
      return {
        id,
        row,
        question: t(question.text),
        guidance: neutralise([guidance(q, question, lang, w, index), ...carriedNotes(input.response, id, given, w)].filter((p) => p !== "").join("\n")),
        kind: isSpecialValue(given?.value) ? "list" : kind,
        list,
        strict,
        evidence: question.evidence,
        ...(shown !== undefined ? { answer: typeof shown === "number" ? shown : neutralise(shown) } : {}),
        ...(given?.comment ? { comment: neutralise(given.comment) } : {}),
        ...(given?.evidence ? { evidenceText: neutralise(given.evidence) } : {}),
      };
    }),
  }));

  const metaBase = {
    format: TEMPLATE_FORMAT,
    questionnaire: q.id,
    version: q.version,
    digest: input.digest,
    agency,
    country: input.country ?? "",
    language: lang,
  };
  const meta: TemplateMeta = { ...metaBase, generated: input.now, fingerprint: input.hash(fingerprintText(metaBase, layout)) };
  const agencyRecord = q.agencies.find((a) => a.id === agency) as Agency;

  return {
    meta,
    layout,
    instructions: instructions(q, input, w, t(agencyRecord.name), areas),
    headers: [w.headers.id, w.headers.question, w.headers.guidance, w.headers.answer, w.headers.comment, w.headers.evidence],
    areas,
    lists: [...lists].map(([name, items]) => ({ name, items: items.map(neutralise) })),
    listsSheet: LISTS_SHEET,
    listErrorTitle: w.listErrorTitle,
    listError: w.listError,
  };
}

function listFor(q: Questionnaire, question: Question, lang: string, lists: Map<string, readonly string[]>): { kind: AnswerKind; list: string; strict: boolean } {
  const said = answerWords(lang);
  const items = answerItems(q, question, lang);
  let name: string;
  if (!items) name = "naq_special";
  else if (question.type === "level") name = `naq_level_${safeName(question.scale ?? "capability")}`;
  else if (question.type === "yes-no") name = "naq_yes_no";
  else name = `naq_options_${safeName(question.id)}`;
  if (!lists.has(name)) lists.set(name, items ?? [capitalised(said.dontKnow), capitalised(said.notApplicable)]);
  const kind: AnswerKind = items ? "list" : question.type === "number" ? "number" : question.type === "date" ? "date" : "text";
  // A multi-choice answer is typed as several labels, so its list only helps and must not refuse.
  return { kind, list: name, strict: items !== undefined && question.type !== "multi-choice" };
}

const safeName = (s: string): string => s.replace(/[^A-Za-z0-9_]/g, "_");

function guidance(q: Questionnaire, question: Question, lang: string, w: TemplateWords, index: ReadonlyMap<string, Question>): string {
  const first = q.languages[0] ?? lang;
  const parts: string[] = [];
  if (question.when) parts.push(w.answerOnlyIf(conditionInWords(q, question.when, lang, index)));
  const help = localize(question.help, lang, first);
  if (help) parts.push(help);
  if (question.type === "number") {
    parts.push(w.number);
    if (question.unit) parts.push(w.unit(localize(question.unit, lang, first)));
    if (question.min !== undefined || question.max !== undefined) parts.push(w.range(question.min, question.max));
  } else if (question.type === "date") parts.push(w.date);
  else if (question.type === "text") parts.push(w.text);
  else if (question.type === "multi-choice") {
    parts.push(w.several);
    parts.push(w.options((question.options ?? []).map((o) => localize(o.label, lang, first)).join("; ")));
  }
  if (question.type === "level" && question.levels) {
    parts.push(w.levelsHere);
    for (const l of levelsOf(q, question) ?? []) parts.push(`${l.value} — ${localize(question.levels[l.value] ?? l.description, lang, first)}`);
  }
  if (question.evidence === "required") parts.push(w.evidenceRequired);
  else if (question.evidence === "optional") parts.push(w.evidenceOptional);
  if (!question.required) parts.push(w.optional);
  if (question.references.length) parts.push(w.references(referencesText(question.references)));
  return parts.join("\n");
}

/** A condition in words, in `lang`: `LEG.01 is “Chemical Weapons Convention (CWC)”`. */
export function conditionInWords(q: Questionnaire, c: Condition, lang: string, index: ReadonlyMap<string, Question> = questionIndex(q)): string {
  const w = templateWords(lang);
  const said = answerWords(lang);
  const value = (id: string, v: string | number | boolean): string => {
    const question = index.get(id);
    if (!question) return String(v);
    if (question.type === "yes-no" && typeof v === "boolean") return w.quote(capitalised(v ? said.yes : said.no));
    const shown = answerDisplay(q, question, question.type === "level" && typeof v === "number" && !levelsOf(q, question)?.some((l) => l.value === v) ? String(v) : v, lang);
    return typeof shown === "number" || question.type === "number" ? String(shown) : w.quote(shown);
  };
  const walk = (x: Condition, nested: boolean): string => {
    if ("all" in x) return group(x.all.map((s) => walk(s, true)).join(` ${w.and} `), nested && x.all.length > 1);
    if ("any" in x) return group(x.any.map((s) => walk(s, true)).join(` ${w.or} `), nested && x.any.length > 1);
    if ("not" in x) return w.not(walk(x.not, false));
    if ("is" in x) return w.is(x.question, value(x.question, x.is));
    if ("in" in x) return w.isOneOf(x.question, x.in.map((v) => value(x.question, v)).join(", "));
    if ("atLeast" in x) return w.atLeast(x.question, value(x.question, x.atLeast));
    return w.atMost(x.question, value(x.question, x.atMost));
  };
  return walk(c, false);
}

const group = (text: string, paren: boolean) => (paren ? `(${text})` : text);

function instructions(q: Questionnaire, input: TemplateInput, w: TemplateWords, agencyName: string, areas: readonly PlannedSheet[]): InstructionRow[] {
  const first = q.languages[0] ?? input.lang;
  const t = (text: Parameters<typeof localize>[0]) => neutralise(localize(text, input.lang, first));
  const rows: InstructionRow[] = [
    { a: t(q.title), style: "title" },
    { a: w.questionnaire, b: `${q.id} ${q.version}`, style: "fact" },
    { a: w.agency, b: agencyName, style: "fact" },
    // The fourth row holds RESPONDENT_CELL: the one cell of this sheet that is read back.
    { a: w.respondent, b: neutralise(input.response?.respondent ?? ""), style: "input" },
  ];
  if (input.country) rows.push({ a: w.country, b: neutralise(input.country), style: "fact" });
  rows.push({ style: "blank" }, { a: w.howTitle, style: "heading" });
  w.steps.forEach((s, i) => rows.push({ a: `${i + 1}.`, b: s, style: "step" }));
  const scales = new Set(q.questions.filter((x) => x.type === "level" && x.for.includes(input.agency)).map((x) => x.scale ?? "capability"));
  for (const scale of scales) {
    const levels = q.scales[scale]?.levels ?? [];
    if (levels.length === 0) continue;
    rows.push({ style: "blank" }, { a: w.levelsTitle, style: "heading" });
    for (const l of levels) rows.push({ a: `${l.value} — ${t(l.label)}`, b: t(l.description), style: "level" });
  }
  rows.push({ style: "blank" }, { a: w.sheetsTitle, style: "heading" });
  for (const area of areas) rows.push({ a: area.name, b: w.questions(area.rows.length), style: "fact" });
  rows.push({ style: "blank" }, { a: w.sendBackTitle, style: "heading" });
  rows.push({ b: neutralise(w.sendBack(input.sendTo ?? w.defaultSendTo)), style: "text" });
  return rows;
}

/** What a migrated response asks the respondent to look at for one question: old answers that could not be carried, carried answers to check. */
function carriedNotes(response: Response | undefined, id: string, given: Answer | undefined, w: TemplateWords): string[] {
  const show = (v: AnswerValue) => (Array.isArray(v) ? v.join("; ") : String(v));
  const notes = (response?.unmapped ?? []).filter((u) => u.target === id && u.resolved === undefined).map((u) => w.earlierAnswer(u.question, u.version, show(u.value), u.note));
  if (given?.confirm) notes.push(w.toConfirm(given.confirm));
  return notes;
}
