import type ExcelJS from "exceljs";
import { neutralise } from "../../core/workbook/cell.js";
import { COL, FIRST_ROW, HEADER_ROW, META_KEYS, META_SHEET, TITLE_ROW } from "../../core/workbook/layout.js";
import type { InstructionRow, PlannedRow, TemplatePlan } from "../../core/workbook/plan.js";

const GREY = "FFF2F2F2";
const INPUT = "FFFFF9E0";
const HEADER = "FFDCE6F1";
const thin = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
const box = { top: thin, left: thin, bottom: thin, right: thin };
const fill = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

// Protection guards against accidents, not people: no password, so anyone can lift it deliberately.
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true };

/** Renders a planned template as .xlsx bytes: styles, dropdowns behind defined names, frozen headers, locked ids. */
export async function renderTemplate(plan: TemplatePlan): Promise<Uint8Array> {
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  const when = new Date(plan.meta.generated);
  wb.creator = "naq";
  wb.created = when;
  wb.modified = when;

  await instructionsSheet(wb, plan);
  for (const area of plan.areas) await areaSheet(wb, plan, area.name, area.title, area.rows);
  listsSheet(wb, plan);
  await metaSheet(wb, plan);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function instructionsSheet(wb: ExcelJS.Workbook, plan: TemplatePlan): Promise<void> {
  const ws = wb.addWorksheet(plan.layout.instructions, { views: [{ showGridLines: false }] });
  ws.columns = [{ width: 34 }, { width: 100 }];
  plan.instructions.forEach((r: InstructionRow, i) => {
    const row = ws.getRow(i + 1);
    const a = row.getCell(1);
    const b = row.getCell(2);
    if (r.a !== undefined) a.value = r.a;
    if (r.b !== undefined) b.value = r.b;
    a.alignment = { vertical: "top", wrapText: true };
    b.alignment = { vertical: "top", wrapText: true };
    switch (r.style) {
      case "title":
        a.font = { bold: true, size: 16 };
        ws.mergeCells(i + 1, 1, i + 1, 2);
        break;
      case "heading":
        a.font = { bold: true, size: 13 };
        break;
      case "fact":
      case "level":
        a.font = { bold: true };
        break;
      case "input":
        a.font = { bold: true };
        b.fill = fill(INPUT);
        b.border = box;
        b.numFmt = "@";
        b.protection = { locked: false };
        break;
      case "step":
        a.alignment = { vertical: "top", horizontal: "right" };
        break;
      case "subtitle":
      case "text":
      case "blank":
        break;
    }
  });
  await ws.protect("", PROTECTION);
}

async function areaSheet(wb: ExcelJS.Workbook, plan: TemplatePlan, name: string, title: string, rows: readonly PlannedRow[]): Promise<void> {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", xSplit: 1, ySplit: HEADER_ROW, topLeftCell: `B${FIRST_ROW}`, activeCell: `${COL.answer}${FIRST_ROW}` }] });
  ws.columns = [{ width: 10 }, { width: 60 }, { width: 48 }, { width: 30 }, { width: 40 }, { width: 36 }];
  ws.pageSetup = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${TITLE_ROW}:${HEADER_ROW}` };

  const titleCell = ws.getCell(`A${TITLE_ROW}`);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 14 };
  ws.mergeCells(`A${TITLE_ROW}:F${TITLE_ROW}`);
  const header = ws.getRow(HEADER_ROW);
  plan.headers.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = fill(HEADER);
    c.border = box;
    c.alignment = { vertical: "middle", wrapText: true };
  });

  for (const r of rows) {
    const id = ws.getCell(`${COL.id}${r.row}`);
    id.value = r.id;
    id.font = { bold: true };
    id.alignment = { vertical: "top" };
    const question = ws.getCell(`${COL.question}${r.row}`);
    question.value = r.question;
    question.alignment = { vertical: "top", wrapText: true };
    const guidance = ws.getCell(`${COL.guidance}${r.row}`);
    if (r.guidance) guidance.value = r.guidance;
    guidance.font = { size: 9, color: { argb: "FF595959" } };
    guidance.alignment = { vertical: "top", wrapText: true };
    for (const c of [id, question, guidance]) c.border = box;

    const answer = ws.getCell(`${COL.answer}${r.row}`);
    if (r.answer !== undefined) answer.value = r.kind === "date" && typeof r.answer === "string" ? isoDate(r.answer) : r.answer;
    answer.numFmt = r.kind === "date" ? "yyyy-mm-dd" : r.kind === "number" ? "General" : "@";
    answer.dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [r.list],
      showErrorMessage: r.strict,
      errorStyle: "stop",
      errorTitle: plan.listErrorTitle,
      error: plan.listError,
    };
    input(answer);

    const comment = ws.getCell(`${COL.comment}${r.row}`);
    if (r.comment !== undefined) comment.value = r.comment;
    comment.numFmt = "@";
    input(comment);

    const evidence = ws.getCell(`${COL.evidence}${r.row}`);
    if (r.evidence === "none" && r.evidenceText === undefined) {
      evidence.fill = fill(GREY);
      evidence.border = box;
    } else {
      if (r.evidenceText !== undefined) evidence.value = r.evidenceText;
      evidence.numFmt = "@";
      input(evidence);
    }
  }
  await ws.protect("", PROTECTION);
}

/** Styles a cell the respondent fills in, and unlocks it. */
function input(cell: ExcelJS.Cell): void {
  cell.fill = fill(INPUT);
  cell.border = box;
  cell.alignment = { vertical: "top", wrapText: true };
  cell.protection = { locked: false };
}

function listsSheet(wb: ExcelJS.Workbook, plan: TemplatePlan): void {
  const ws = wb.addWorksheet(plan.listsSheet, { state: "hidden" });
  plan.lists.forEach((list, i) => {
    const col = i + 1;
    list.items.forEach((item, j) => (ws.getCell(j + 1, col).value = item));
    const letter = ws.getColumn(col).letter;
    wb.definedNames.add(`'${plan.listsSheet}'!$${letter}$1:$${letter}$${list.items.length}`, list.name);
  });
}

async function metaSheet(wb: ExcelJS.Workbook, plan: TemplatePlan): Promise<void> {
  const ws = wb.addWorksheet(META_SHEET, { state: "hidden" });
  ws.columns = [{ width: 14 }, { width: 80 }];
  ws.getCell("A1").value = "Written by `naq template`; `naq import` checks this sheet. Do not edit it.";
  META_KEYS.forEach((key, i) => {
    ws.getCell(i + 2, 1).value = key;
    ws.getCell(i + 2, 2).value = neutralise(plan.meta[key]);
  });
  await ws.protect("", PROTECTION);
}

const isoDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
