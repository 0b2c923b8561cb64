import { canonicalJson } from "../canonical.js";
import { localize, type Questionnaire } from "../questionnaire/model.js";
import { templateWords } from "./words.js";

/** Version of the workbook layout; import refuses a template of another layout. */
export const TEMPLATE_FORMAT = "naq-template/1";
/** The hidden sheet that records what the template is for. */
export const META_SHEET = "naq";
/** The hidden sheet that holds the dropdown lists. */
export const LISTS_SHEET = "naq_lists";

/** The columns of an area sheet. */
export const COL = { id: "A", question: "B", guidance: "C", answer: "D", comment: "E", evidence: "F" } as const;
export const TITLE_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_ROW = 3;
/** Where the respondent writes their name, on the instructions sheet. */
export const RESPONDENT_CELL = "B4";

export interface TemplateRow {
  readonly id: string;
  readonly row: number;
}

export interface TemplateSheet {
  readonly name: string;
  readonly areaId: string;
  readonly title: string;
  readonly rows: readonly TemplateRow[];
}

/** Where every question of a template sits; the same questionnaire, agency and language always give the same layout. */
export interface TemplateLayout {
  readonly instructions: string;
  readonly sheets: readonly TemplateSheet[];
}

/** What the hidden metadata sheet records, in this order. */
export const META_KEYS = ["format", "questionnaire", "version", "digest", "agency", "country", "language", "generated", "fingerprint"] as const;
export type MetaKey = (typeof META_KEYS)[number];
export type TemplateMeta = Readonly<Record<MetaKey, string>>;

/** The cell of the metadata sheet that holds `key`'s value; row 1 holds a note, column A the keys. */
export const metaCell = (key: MetaKey): string => `B${META_KEYS.indexOf(key) + 2}`;

const SHEET_NAME_MAX = 31;

/** The layout of the template of `q` for `agency` in `lang`: one sheet per area that asks the agency anything. */
export function templateLayout(q: Questionnaire, agency: string, lang: string): TemplateLayout {
  let layouts = layoutCache.get(q);
  if (!layouts) layoutCache.set(q, (layouts = new Map<string, TemplateLayout>()));
  const key = `${agency}\u0000${lang}`;
  let layout = layouts.get(key);
  if (!layout) layouts.set(key, (layout = makeLayout(q, agency, lang)));
  return layout;
}

// Importing many workbooks of one revision asks for the same few layouts again and again.
const layoutCache = new WeakMap<Questionnaire, Map<string, TemplateLayout>>();
const fingerprintCache = new WeakMap<TemplateLayout, Map<string, string>>();

function makeLayout(q: Questionnaire, agency: string, lang: string): TemplateLayout {
  const first = q.languages[0] ?? lang;
  const instructions = templateWords(lang).instructionsSheet;
  const taken = new Set([instructions, META_SHEET, LISTS_SHEET].map((n) => n.toLowerCase()));
  const byId = new Map(q.questions.map((x) => [x.id, x]));
  const sheets: TemplateSheet[] = [];
  for (const area of q.areas) {
    const ids = area.questionIds.filter((id) => byId.get(id)?.for.includes(agency));
    if (ids.length === 0) continue;
    const title = localize(area.title, lang, first);
    const name = uniqueSheetName(sheetName(title) || area.id, area.id, taken);
    taken.add(name.toLowerCase());
    sheets.push({ name, areaId: area.id, title, rows: ids.map((id, i) => ({ id, row: FIRST_ROW + i })) });
  }
  return { instructions, sheets };
}

/** A sheet name from a title: no `[]:*?/\`, no apostrophe at either end, at most 31 characters, cut at a word. */
export function sheetName(title: string): string {
  let name = title
    // eslint-disable-next-line no-control-regex
    .replace(/[[\]:*?/\\\u0000-\u001f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  if (name.length > SHEET_NAME_MAX) {
    // One character more, so that a word ending exactly at the limit is kept whole.
    const space = name.slice(0, SHEET_NAME_MAX + 1).lastIndexOf(" ");
    name = (space > 10 ? name.slice(0, space) : name.slice(0, SHEET_NAME_MAX)).replace(/[\s,;.'-]+$/, "");
  }
  return name;
}

function uniqueSheetName(name: string, areaId: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  const suffix = ` (${areaId})`;
  const withId = `${name.slice(0, SHEET_NAME_MAX - suffix.length).trim()}${suffix}`;
  if (!taken.has(withId.toLowerCase())) return withId;
  for (let i = 2; ; i++) {
    const n = `${withId.slice(0, SHEET_NAME_MAX - String(i).length - 1)} ${i}`;
    if (!taken.has(n.toLowerCase())) return n;
  }
}

/**
 * The text a template's fingerprint is the hash of: what the template is for and where each question
 * sits. Changing the metadata, or making the template from another revision, changes it.
 */
export function fingerprintText(meta: Omit<TemplateMeta, "generated" | "fingerprint">, layout: TemplateLayout): string {
  const key = JSON.stringify([meta.format, meta.questionnaire, meta.version, meta.digest, meta.agency, meta.country, meta.language]);
  let texts = fingerprintCache.get(layout);
  if (!texts) fingerprintCache.set(layout, (texts = new Map<string, string>()));
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = fingerprintOf(meta, layout)));
  return text;
}

function fingerprintOf(meta: Omit<TemplateMeta, "generated" | "fingerprint">, layout: TemplateLayout): string {
  return canonicalJson({
    format: meta.format,
    questionnaire: meta.questionnaire,
    version: meta.version,
    digest: meta.digest,
    agency: meta.agency,
    country: meta.country,
    language: meta.language,
    instructions: layout.instructions,
    rows: layout.sheets.flatMap((s) => s.rows.map((r) => [s.name, r.row, r.id])),
  });
}

/** The cell address of `column` in `row`, e.g. `D14`. */
export const cellRef = (column: string, row: number): string => `${column}${row}`;
