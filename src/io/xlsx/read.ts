import { readFileSync, statSync } from "node:fs";
import type ExcelJS from "exceljs";
import type { CellValue, SheetData, WorkbookData } from "../../core/workbook/cell.js";
import { error, type Issue } from "../../core/issues.js";
import { unwrapCell } from "./cell-value.js";
import { MAX_ROWS, MAX_WORKBOOK_BYTES, unpackWorkbook } from "./zip-guard.js";
import { storedZip } from "./zip-store.js";

/** Columns naq reads: A to F, the columns of a template. */
const MAX_COLUMN = 6;

/**
 * Every part of a sheet but its cells goes unread. Data validations must (a validation over a whole
 * column expands to a million entries); the rest need not: views, styles of columns, merges (a merged
 * cell would otherwise repeat its neighbour's value), hyperlink targets (the cell keeps its text).
 */
const IGNORED = [
  "dataValidations",
  "conditionalFormatting",
  "extLst",
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "autoFilter",
  "mergeCells",
  "rowBreaks",
  "hyperlinks",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "printOptions",
  "picture",
  "drawing",
  "sheetProtection",
  "tableParts",
];

export type ReadWorkbook = { ok: true; workbook: WorkbookData } | { ok: false; issue: Issue; unreadable: boolean };

/**
 * Reads a workbook into plain data: every cell of columns A–F of every sheet. Size, zip and sheet
 * checks run before exceljs sees the file, and exceljs never expands data validations.
 */
export async function readWorkbook(file: string): Promise<ReadWorkbook> {
  const fail = (issue: Issue, unreadable = false): ReadWorkbook => ({ ok: false, issue: { ...issue, location: { file } }, unreadable });
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return fail(error("FILE_UNREADABLE", "is a folder, not a workbook"), true);
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(
      code === "ENOENT" ? error("FILE_NOT_FOUND", "no such file; check the path") : error("FILE_UNREADABLE", `cannot read the file (${code ?? (e as Error).message})`),
      true,
    );
  }
  if (size > MAX_WORKBOOK_BYTES) {
    return fail(
      error(
        "FILE_TOO_LARGE",
        `the workbook is ${(size / 1024 / 1024).toFixed(1)} MB; naq reads workbooks up to ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB (a filled template is about 100 kB). Is this the right file?`,
      ),
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return fail(error("FILE_UNREADABLE", `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`), true);
  }
  const unpacked = unpackWorkbook(bytes);
  if ("issue" in unpacked) return fail(unpacked.issue);

  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  try {
    // `maxRows` backs up the row check.
    await wb.xlsx.load(storedZip(unpacked.parts) as unknown as ArrayBuffer, { ignoreNodes: IGNORED, maxRows: MAX_ROWS, maxCols: 16384 } as ExcelJS.XlsxReadOptions);
  } catch (e) {
    const message = (e as Error).message;
    if (/Max row count/.test(message))
      return fail(error("TOO_MANY_ROWS", `a sheet has more than ${MAX_ROWS} rows; a template has one per question. Delete the rows below the questions, or make a new template`));
    return fail(
      error("WORKBOOK_UNREADABLE", `the workbook is damaged and cannot be read (${message.slice(0, 200)}); open it in a spreadsheet program, save it as .xlsx again and retry`),
    );
  }
  return { ok: true, workbook: workbookData(file, wb) };
}

/** The plain data of a loaded exceljs workbook. */
function workbookData(file: string, wb: ExcelJS.Workbook): WorkbookData {
  const sheets: SheetData[] = wb.worksheets.map((ws) => {
    const cells = new Map<string, CellValue>();
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (col > MAX_COLUMN) return;
        const value = unwrapCell(cell.value, cell.numFmt);
        if (value.kind !== "empty") cells.set(cell.address, value);
      });
    });
    return { name: ws.name, hidden: ws.state !== "visible", cells };
  });
  const modified = wb.modified instanceof Date && !Number.isNaN(wb.modified.getTime()) ? wb.modified.toISOString() : undefined;
  return { file, sheets, ...(modified ? { modified } : {}) };
}
