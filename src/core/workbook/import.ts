import { answerRecogniser } from "../answers/answer-text.js";
import { cellAt, cellText, type WorkbookData } from "./cell.js";
import { relevance } from "../questionnaire/conditions.js";
import { settle } from "../fill/walk.js";
import { error, warning, type Issue, type IssueCode } from "../issues.js";
import { questionIndex, type Answer, type Questionnaire, type Response } from "../questionnaire/model.js";
import {
  cellRef,
  COL,
  fingerprintText,
  META_KEYS,
  META_SHEET,
  metaCell,
  RESPONDENT_CELL,
  TEMPLATE_FORMAT,
  templateLayout,
  type MetaKey,
  type TemplateLayout,
  type TemplateMeta,
} from "./layout.js";

/** Where a question's cells are in the workbook. */
export interface QuestionCells {
  readonly sheet: string;
  readonly row: number;
}

const at = (file: string, sheet: string, cell: string) => ({ file, sheet, cell });
const located = (i: Issue, file: string, sheet?: string, cell?: string): Issue => ({ ...i, location: sheet && cell ? at(file, sheet, cell) : { file } });

const REMAKE = "make a new template with `naq template` and copy the answers into it";

/** The template metadata of a workbook, or the issue saying why it has none that naq can use. */
export function readTemplateMeta(wb: WorkbookData): { meta?: TemplateMeta; issues: Issue[] } {
  const sheet = wb.sheets.find((s) => s.name === META_SHEET);
  if (!sheet) {
    const made = wb.sheets.map((s) => s.name);
    return {
      issues: [
        located(
          error(
            "TEMPLATE_METADATA_MISSING",
            `the workbook has no hidden sheet \`${META_SHEET}\` (its sheets: ${made.join(", ") || "none"}), so it was not made by \`naq template\` or that sheet was deleted; ${REMAKE}`,
          ),
          wb.file,
        ),
      ],
    };
  }
  const found: Partial<Record<MetaKey, string>> = {};
  for (const [address, value] of sheet.cells) {
    const m = /^A(\d+)$/.exec(address);
    const key = cellText(value).trim();
    if (m && (META_KEYS as readonly string[]).includes(key)) found[key as MetaKey] = cellText(sheet.cells.get(`B${m[1]}`) ?? { kind: "empty" }).trim();
  }
  const missing = META_KEYS.filter((k) => k !== "country" && k !== "generated" && !found[k]);
  if (missing.length) {
    return {
      issues: [located(error("TEMPLATE_METADATA_ALTERED", `the hidden sheet \`${META_SHEET}\` lacks ${missing.join(", ")}: it was edited; ${REMAKE}`), wb.file, META_SHEET, "A1")],
    };
  }
  if (found.format !== TEMPLATE_FORMAT) {
    return {
      issues: [
        located(
          error("TEMPLATE_METADATA_ALTERED", `the template is of format ${found.format ?? "?"}, which this naq does not read (it reads ${TEMPLATE_FORMAT}); ${REMAKE}`),
          wb.file,
          META_SHEET,
          metaCell("format"),
        ),
      ],
    };
  }
  const meta = Object.fromEntries(META_KEYS.map((k) => [k, found[k] ?? ""])) as TemplateMeta;
  return { meta, issues: [] };
}

export interface ImportInput {
  readonly workbook: WorkbookData;
  readonly meta: TemplateMeta;
  readonly questionnaire: Questionnaire;
  readonly digest: string;
  /** Country for a template that names none. */
  readonly country?: string | undefined;
  /** Keep the valid answers of a workbook that has invalid ones. */
  readonly partial: boolean;
  readonly now: string;
  readonly hash: (text: string) => string;
}

export interface ImportResult {
  /** The response, when the workbook has no errors (or `partial` and only answers are wrong). */
  readonly response?: Response;
  readonly issues: Issue[];
  /** Where each question's cells are, to locate later checks. */
  readonly cells: ReadonlyMap<string, QuestionCells>;
  /** Answers left out because they are not valid (only with `partial`). */
  readonly dropped: readonly string[];
}

/** Reads the answers of a filled template after checking that it is intact and for revision `questionnaire`. */
export function importWorkbook(input: ImportInput): ImportResult {
  const { workbook: wb, meta, questionnaire: q } = input;
  const file = wb.file;
  const fail = (code: IssueCode, message: string, sheet?: string, cell?: string): ImportResult => ({
    issues: [located(error(code, message), file, sheet, cell)],
    cells: new Map(),
    dropped: [],
  });

  if (meta.questionnaire !== q.id || meta.version !== q.version) {
    return fail(
      "TEMPLATE_REVISION_MISMATCH",
      `the template is for ${meta.questionnaire} ${meta.version}, not ${q.id} ${q.version}: import it with \`--questionnaire ${meta.questionnaire}@${meta.version}\` (then \`naq migrate\` the response), or make a new template for ${q.id} ${q.version} and copy the answers into it`,
      META_SHEET,
      metaCell("questionnaire"),
    );
  }
  if (meta.digest !== input.digest) {
    return fail(
      "DIGEST_MISMATCH",
      `the template was made from a ${q.id} ${q.version} whose content differs from this one (digest ${meta.digest.slice(0, 15)}…, expected ${input.digest.slice(0, 15)}…): import with the questionnaire file the template was made from, or ${REMAKE}`,
      META_SHEET,
      metaCell("digest"),
    );
  }
  if (!q.agencies.some((a) => a.id === meta.agency))
    return fail("TEMPLATE_METADATA_ALTERED", `the template names agency \`${meta.agency}\`, which ${q.id} ${q.version} does not have; ${REMAKE}`, META_SHEET, metaCell("agency"));
  if (!q.languages.includes(meta.language))
    return fail(
      "TEMPLATE_METADATA_ALTERED",
      `the template names language \`${meta.language}\`, which ${q.id} ${q.version} does not have; ${REMAKE}`,
      META_SHEET,
      metaCell("language"),
    );

  const layout = templateLayout(q, meta.agency, meta.language);
  if (input.hash(fingerprintText(meta, layout)) !== meta.fingerprint) {
    return fail(
      "TEMPLATE_METADATA_ALTERED",
      `the hidden sheet \`${META_SHEET}\` does not match the template naq made (its fingerprint differs): it was edited; ${REMAKE}`,
      META_SHEET,
      metaCell("fingerprint"),
    );
  }
  const moved = checkRows(wb, layout);
  if (moved.length) return { issues: moved, cells: new Map(), dropped: [] };

  let country = meta.country;
  if (!country) {
    if (!input.country)
      return fail("TEMPLATE_METADATA_ALTERED", "the template names no country; give it with `--country CC` (ISO 3166 alpha-2, e.g. XX)", META_SHEET, metaCell("country"));
    country = input.country;
  } else if (input.country && input.country !== country) {
    return fail(
      "TEMPLATE_METADATA_ALTERED",
      `the template is for country ${country}, not ${input.country} as --country says; leave out --country or check the workbook`,
      META_SHEET,
      metaCell("country"),
    );
  }

  return readAnswers(input, layout, country);
}

/** One issue per sheet whose id cells differ from the layout: rows inserted, deleted, sorted, or ids changed. */
function checkRows(wb: WorkbookData, layout: TemplateLayout): Issue[] {
  const issues: Issue[] = [];
  for (const sheet of layout.sheets) {
    if (!wb.sheets.some((s) => s.name === sheet.name)) {
      issues.push(located(error("TEMPLATE_ROWS_CHANGED", `the sheet “${sheet.name}” is missing: was it renamed or deleted? Give it back its name, or ${REMAKE}`), wb.file));
      continue;
    }
    const wrong = sheet.rows.filter((r) => cellText(cellAt(wb, sheet.name, cellRef(COL.id, r.row))).trim() !== r.id);
    const firstWrong = wrong[0];
    if (!firstWrong) continue;
    const found = cellText(cellAt(wb, sheet.name, cellRef(COL.id, firstWrong.row))).trim();
    const more = wrong.length > 1 ? ` (and ${wrong.length - 1} more row${wrong.length > 2 ? "s" : ""} below)` : "";
    issues.push(
      located(
        error(
          "TEMPLATE_ROWS_CHANGED",
          `should hold ${firstWrong.id} but holds ${found ? `“${found}”` : "nothing"}${more}: rows were inserted, deleted, sorted or an id was changed, so naq cannot tell which answer belongs to which question. Undo that change, or ${REMAKE}`,
        ),
        wb.file,
        sheet.name,
        cellRef(COL.id, firstWrong.row),
      ),
    );
  }
  return issues;
}

function readAnswers(input: ImportInput, layout: TemplateLayout, country: string): ImportResult {
  const { workbook: wb, meta, questionnaire: q } = input;
  const file = wb.file;
  const index = questionIndex(q);
  const recognise = answerRecogniser(q, meta.language);
  const issues: Issue[] = [];
  const answers: Record<string, Answer> = {};
  const cells = new Map<string, QuestionCells>();
  const dropped: string[] = [];

  for (const sheet of layout.sheets) {
    for (const { id, row } of sheet.rows) {
      cells.set(id, { sheet: sheet.name, row });
      const question = index.get(id);
      if (!question) continue;
      const answerCell = cellRef(COL.answer, row);
      const recognised = recognise(question, cellAt(wb, sheet.name, answerCell));
      const comment = cellText(cellAt(wb, sheet.name, cellRef(COL.comment, row))).trim();
      const evidence = cellText(cellAt(wb, sheet.name, cellRef(COL.evidence, row))).trim();
      if (recognised.kind === "problem") {
        issues.push(located(error("INVALID_ANSWER", `${id}: ${recognised.message}`), file, sheet.name, answerCell));
        dropped.push(id);
        continue;
      }
      if (recognised.kind === "empty") {
        if (comment || evidence) {
          const where = comment ? cellRef(COL.comment, row) : cellRef(COL.evidence, row);
          issues.push(
            located(
              error(
                "COMMENT_WITHOUT_ANSWER",
                `${id}: a ${comment ? "comment" : "piece of evidence"} is given but no answer in ${answerCell}; choose an answer (“don't know” is one) or clear ${where}`,
              ),
              file,
              sheet.name,
              where,
            ),
          );
          dropped.push(id);
        }
        continue;
      }
      answers[id] = { value: recognised.value, ...(comment ? { comment } : {}), ...(evidence ? { evidence } : {}) };
    }
  }

  const relevant = relevance(q, meta.agency, answers);
  for (const id of Object.keys(answers)) {
    if (relevant.get(id)) continue;
    const c = cells.get(id) as QuestionCells;
    issues.push(
      located(
        warning("ANSWER_NOT_RELEVANT", `${id} does not apply given the other answers (its condition does not hold); the answer is kept but not scored`),
        file,
        c.sheet,
        cellRef(COL.answer, c.row),
      ),
    );
  }

  if (dropped.length && !input.partial) return { issues, cells, dropped: [] };

  const respondent = cellText(cellAt(wb, layout.instructions, RESPONDENT_CELL)).trim();
  const read: Response = {
    questionnaire: { id: q.id, version: q.version, digest: input.digest },
    country,
    agency: meta.agency,
    ...(respondent ? { respondent } : {}),
    language: meta.language,
    status: "in-progress",
    updated: "",
    answers,
  };
  // The status and `irrelevant` are settled as fill settles them; an answer left out is one the agency gave
  // and has yet to correct, so a partial import is never complete.
  const settled = settle(q, read, updatedAt(wb.modified, input.now), relevant);
  const response: Response = dropped.length ? { ...settled, status: "in-progress" } : settled;
  return { response, issues, cells, dropped };
}

/** When the answers were last changed: the workbook's own date, unless it has none or one in the future. */
function updatedAt(modified: string | undefined, now: string): string {
  if (!modified) return now;
  const t = Date.parse(modified);
  return Number.isFinite(t) && t <= Date.parse(now) ? new Date(t).toISOString() : now;
}
