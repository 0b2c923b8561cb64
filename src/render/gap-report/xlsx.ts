/**
 * The gap report as a workbook for analysts: Summary, Areas, Priorities, Disagreements, Coverage and an
 * Answers matrix (question × agency). Loads exceljs, so only the merge command imports it, and only
 * when an .xlsx is asked for. Untrusted text is always written as a text cell in Text format, and text
 * that looks like a formula gets a leading apostrophe, so no cell starts a formula, even after someone
 * edits it or saves the sheet as CSV.
 */
import ExcelJS from "exceljs";
import { neutralise } from "../../core/workbook/cell.js";
import type { GapReport, QuestionResult } from "../../core/gap-report/model.js";
import type { AnswerValue } from "../../core/questionnaire/model.js";
import { referencesText } from "../../core/questionnaire/references.js";
import { BAND_WORDS, names, RULE_WORDS, STATUS_WORDS, type Names } from "./words.js";

type Cell = string | number | boolean | null;

/** An answer value as one cell: numbers stay numbers, lists are joined with "; ". */
export function valueCell(value: AnswerValue | null): Cell {
  if (value === null) return null;
  if (Array.isArray(value)) return value.join("; ");
  return value;
}

interface Column {
  readonly header: string;
  readonly width: number;
  /** Number format for numeric cells. */
  readonly format?: string;
}

function sheet(wb: ExcelJS.Workbook, name: string, columns: readonly Column[], rows: readonly (readonly Cell[])[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const values of rows) {
    const row = ws.addRow([]);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      if (v === null) return;
      cell.value = typeof v === "string" ? neutralise(v) : v;
      if (typeof v === "string") cell.numFmt = "@";
      else if (typeof v === "number" && columns[i]?.format) cell.numFmt = columns[i]?.format;
      if (typeof v === "string" && v.length > 60) cell.alignment = { wrapText: true, vertical: "top" };
    });
  }
  if (rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

const PCT = "0.0";

/** The gap report as .xlsx bytes. */
export async function renderXlsx(report: GapReport): Promise<Uint8Array> {
  const n = names(report);
  const byId = new Map(report.questions.map((x) => [x.id, x]));
  const wb = new ExcelJS.Workbook();
  wb.creator = "naq";
  // A fixed date keeps the same report byte-for-byte reproducible apart from the data.
  const stamp = report.asOf && !Number.isNaN(Date.parse(report.asOf)) ? new Date(report.asOf) : new Date(0);
  wb.created = stamp;
  wb.modified = stamp;
  summarySheet(wb, report, n);
  areasSheet(wb, report);
  prioritiesSheet(wb, report, n, byId);
  disagreementsSheet(wb, report, n, byId);
  coverageSheet(wb, report);
  notCarriedSheet(wb, report);
  answersSheet(wb, report, n);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/** The report's header figures, one per row, and the files that could not be merged. */
function summarySheet(wb: ExcelJS.Workbook, report: GapReport, n: Names): void {
  const s = report.summary;
  sheet(
    wb,
    "Summary",
    [
      { header: "Item", width: 30 },
      { header: "Value", width: 70, format: PCT },
    ],
    [
      ["Country", report.country],
      ["Questionnaire", report.questionnaire.title],
      ["Questionnaire id", report.questionnaire.id],
      ["Version", report.questionnaire.version],
      ["Digest", report.questionnaire.digest],
      ["Language of texts", report.language],
      ["Data as of", report.asOf],
      ["Target level", report.target],
      ["Overall score (%)", s.overall],
      ["Questions with an answer (%)", s.coverage],
      ["Answers received (%)", s.answerRate],
      ["Agencies expected", s.agencies],
      ["Agencies merged", s.answered],
      ["Questions in scope", s.questions],
      ["Questions scored", s.scored],
      ["Disagreements", s.disagreements],
      ["Unresolved disagreements", s.unresolved],
      ["Workshop decisions", s.decisions],
      ["Questions with a gap", s.priorities],
      ["Not answered", report.missing.map((id) => n.agency(id)).join("; ")],
      ...report.excluded.map((e): Cell[] => [`Not merged: ${e.file}`, e.reason]),
    ],
  );
}

function areasSheet(wb: ExcelJS.Workbook, report: GapReport): void {
  sheet(
    wb,
    "Areas",
    [
      { header: "Area", width: 8 },
      { header: "Title", width: 40 },
      { header: "Score (%)", width: 11, format: PCT },
      { header: "Questions with an answer (%)", width: 13, format: PCT },
      { header: "Answers received (%)", width: 13, format: PCT },
      { header: "Questions in scope", width: 12 },
      { header: "Scored", width: 9 },
      { header: "Covered", width: 9 },
      { header: "Disagreements", width: 14 },
    ],
    report.areas.map((a) => [a.id, a.title, a.score, a.coverage, a.answerRate, a.questions, a.scored, a.covered, a.disagreements]),
  );
}

/** Every priority, not only the top ones the documents list. */
function prioritiesSheet(wb: ExcelJS.Workbook, report: GapReport, n: Names, byId: ReadonlyMap<string, QuestionResult>): void {
  sheet(
    wb,
    "Priorities",
    [
      { header: "Rank", width: 7 },
      { header: "Band", width: 8 },
      { header: "Question", width: 10 },
      { header: "Area", width: 7 },
      { header: "Text", width: 70 },
      { header: "Level", width: 7 },
      { header: "Target", width: 7 },
      { header: "Gap", width: 6 },
      { header: "Weight", width: 8 },
      { header: "Criticality", width: 10 },
      { header: "Priority", width: 9 },
      { header: "Lead agency", width: 30 },
      { header: "Disagreement", width: 14 },
      { header: "Consolidated by", width: 20 },
      { header: "References", width: 40 },
    ],
    report.priorities.map((p) => {
      const x = byId.get(p.question);
      const d = x?.disagreement;
      return [
        p.rank,
        BAND_WORDS[p.band],
        p.question,
        p.area,
        x?.text ?? "",
        p.level,
        p.target,
        p.gap,
        p.weight,
        p.criticality,
        p.priority,
        p.lead ? n.agency(p.lead) : null,
        d ? (d.resolved ? "settled" : "unresolved") : null,
        x?.rule ? RULE_WORDS[x.rule] : null,
        x ? referencesText(x.references) : null,
      ];
    }),
  );
}

/** One row per agency answer to each disagreement: the value, the value in words and how it was used. */
function disagreementsSheet(wb: ExcelJS.Workbook, report: GapReport, n: Names, byId: ReadonlyMap<string, QuestionResult>): void {
  sheet(
    wb,
    "Disagreements",
    [
      { header: "Question", width: 10 },
      { header: "Text", width: 50 },
      { header: "Lowest", width: 8 },
      { header: "Highest", width: 8 },
      { header: "Settled by the workshop", width: 12 },
      { header: "Consolidated", width: 24 },
      { header: "Agency", width: 28 },
      { header: "Answer", width: 12 },
      { header: "Answer in words", width: 24 },
      { header: "Used as", width: 20 },
      { header: "Comment", width: 60 },
      { header: "Evidence", width: 40 },
    ],
    report.disagreements.flatMap((id) => {
      const x = byId.get(id);
      if (!x?.disagreement) return [];
      const d = x.disagreement;
      return x.sources.map((src): Cell[] => [
        x.id,
        x.text,
        d.low,
        d.high,
        d.resolved ? "yes" : "no",
        x.display,
        n.agency(src.agency),
        valueCell(src.value),
        src.display,
        n.role(src.role),
        src.comment ?? null,
        src.evidence ?? null,
      ]);
    }),
  );
}

function coverageSheet(wb: ExcelJS.Workbook, report: GapReport): void {
  const s = report.summary;
  sheet(
    wb,
    "Coverage",
    [
      { header: "Agency", width: 18 },
      { header: "Name", width: 40 },
      { header: "Status", width: 14 },
      ...report.areas.map((a) => ({ header: `${a.id} (%)`, width: 9, format: PCT })),
      { header: "All (%)", width: 9, format: PCT },
      { header: "File", width: 36 },
    ],
    [
      ...report.agencies.map((a): Cell[] => [a.id, a.name, STATUS_WORDS[a.status], ...a.areas.map((c) => c.share), a.share, a.file]),
      ["All agencies", "answers received of those expected", null, ...report.areas.map((a) => a.answerRate), s.answerRate, null],
      ["Questions", "with at least one usable answer", null, ...report.areas.map((a) => a.coverage), s.coverage, null],
    ],
  );
}

/** Answers to an older revision that could not be carried; no sheet when there are none. */
function notCarriedSheet(wb: ExcelJS.Workbook, report: GapReport): void {
  const notCarried = report.inputs.flatMap((f) => (f.notCarried ?? []).map((u) => ({ f, u })));
  if (!notCarried.length) return;
  sheet(
    wb,
    "Not carried",
    [
      { header: "Agency", width: 16 },
      { header: "File", width: 36 },
      { header: "Old question", width: 12 },
      { header: "Revision", width: 9 },
      { header: "Answer", width: 24 },
      { header: "Comment", width: 40 },
      { header: "Why", width: 60 },
      { header: "Question now", width: 12 },
    ],
    notCarried.map(({ f, u }) => [f.agency, f.file, u.question, u.version, u.value, u.comment ?? null, u.note, u.target ?? null]),
  );
}

/** The answers matrix: one row per question, one column per agency, values as the files hold them. */
function answersSheet(wb: ExcelJS.Workbook, report: GapReport, n: Names): void {
  const agencies = report.agencies.map((a) => a.id);
  const extra = [...new Set(report.questions.flatMap((x) => x.sources.map((src) => src.agency)))].filter((id) => !agencies.includes(id));
  const columns = [...agencies, ...extra];
  sheet(
    wb,
    "Answers",
    [
      { header: "Question", width: 10 },
      { header: "Area", width: 7 },
      { header: "Text", width: 60 },
      { header: "Type", width: 12 },
      { header: "Weight", width: 8 },
      { header: "Consolidated", width: 14 },
      { header: "Consolidated by", width: 18 },
      { header: "Outcome", width: 16 },
      { header: "Score (%)", width: 10, format: PCT },
      { header: "Gap", width: 6 },
      { header: "Agencies' range", width: 10 },
      { header: "References", width: 40 },
      ...columns.map((id) => ({ header: id, width: 14 })),
    ],
    report.questions.map((x) => {
      const byAgency = new Map(x.sources.map((src) => [src.agency, src.value]));
      return [
        x.id,
        x.area,
        x.text,
        x.type,
        x.weight,
        valueCell(x.value),
        x.rule ? RULE_WORDS[x.rule] : null,
        n.outcome(x.outcome),
        x.score,
        x.gap,
        x.range && x.range.low !== x.range.high ? `${x.range.low}–${x.range.high}` : null,
        referencesText(x.references) || null,
        ...columns.map((id) => valueCell(byAgency.get(id) ?? null)),
      ];
    }),
  );
}
