/** A spreadsheet cell's value as plain data, whatever program saved it. */
export type CellValue =
  | { readonly kind: "empty" }
  | { readonly kind: "text"; readonly text: string }
  /** `percent`: the cell is formatted as a percentage, so it shows 100 × `value`. */
  | { readonly kind: "number"; readonly value: number; readonly percent?: boolean }
  | { readonly kind: "boolean"; readonly value: boolean }
  /** A calendar date, YYYY-MM-DD. */
  | { readonly kind: "date"; readonly iso: string }
  /** `#N/A`, `#DIV/0!`, or a formula saved without its result. */
  | { readonly kind: "error"; readonly error: string };

const EMPTY: CellValue = { kind: "empty" };

/** A sheet as plain data: its name, whether it is hidden, and its cells by A1 address. */
export interface SheetData {
  readonly name: string;
  readonly hidden: boolean;
  readonly cells: ReadonlyMap<string, CellValue>;
}

/** A workbook as plain data, as the edge read it. */
export interface WorkbookData {
  readonly file: string;
  readonly sheets: readonly SheetData[];
  /** When the workbook was last saved, ISO 8601, if it says. */
  readonly modified?: string;
}

/** The value of `sheet!cell`, empty when the sheet or cell does not exist. */
export function cellAt(wb: WorkbookData, sheet: string, cell: string): CellValue {
  let sheets = sheetsByName.get(wb);
  if (!sheets) sheetsByName.set(wb, (sheets = new Map(wb.sheets.map((s) => [s.name, s]))));
  return sheets.get(sheet)?.cells.get(cell) ?? EMPTY;
}

const sheetsByName = new WeakMap<WorkbookData, ReadonlyMap<string, SheetData>>();

/** The cell as text, for ids, metadata and free text; numbers as written, dates as YYYY-MM-DD. */
export function cellText(v: CellValue): string {
  switch (v.kind) {
    case "empty":
      return "";
    case "text":
      return unneutralise(v.text);
    case "number":
      return String(v.percent ? round(v.value * 100) : v.value);
    case "boolean":
      return v.value ? "TRUE" : "FALSE";
    case "date":
      return v.iso;
    case "error":
      return v.error;
  }
}

/** `n` rounded to 12 significant digits, so 0.07 × 100 is 7 and not 7.000000000000001. */
export function round(n: number): number {
  return Number(n.toPrecision(12));
}

// Characters that make a spreadsheet (or a CSV export of it) read text as a formula, including the
// full-width forms some input methods produce.
// eslint-disable-next-line no-control-regex
const FORMULA_START = /^[\s\u0000-\u001f]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * Untrusted text made safe for a cell: characters XML cannot hold are dropped, and text that a
 * spreadsheet could take for a formula (`=`, `+`, `-`, `@`, also after tabs or line breaks) gets a
 * leading apostrophe, which `unneutralise` removes again on import.
 */
export function neutralise(text: string): string {
  const clean = text.replace(XML_INVALID, "");
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}

/** Undoes `neutralise`: drops the apostrophe it puts before formula-like text. */
export function unneutralise(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
