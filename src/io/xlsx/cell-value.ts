import type { CellValue } from "../../core/workbook/cell.js";

/**
 * Any value exceljs gives for a cell, as plain data: formulas become their cached result (LibreOffice
 * saves TRUE as the formula `TRUE()`), rich text its text, hyperlinks their text, `{error}` an error,
 * dates a YYYY-MM-DD date. `numFmt` tells a percentage.
 */
export function unwrapCell(value: unknown, numFmt?: string): CellValue {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "string") return value === "" ? { kind: "empty" } : { kind: "text", text: value };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "error", error: "#NUM!" };
    return numFmt && /%/.test(numFmt.replace(/"[^"]*"|\\./g, "")) ? { kind: "number", value, percent: true } : { kind: "number", value };
  }
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { kind: "error", error: "#VALUE!" } : { kind: "date", iso: value.toISOString().slice(0, 10) };
  }
  if (typeof value === "bigint" || typeof value === "symbol") return { kind: "text", text: String(value) };
  // a function: no workbook holds one
  if (typeof value !== "object") return { kind: "empty" };
  const v = value as Record<string, unknown>;
  if ("error" in v) return { kind: "error", error: String(v.error) };
  if ("formula" in v || "sharedFormula" in v || "result" in v) {
    if (v.result === undefined || v.result === null)
      return "formula" in v || "sharedFormula" in v ? { kind: "error", error: "a formula saved without its result" } : { kind: "empty" };
    return unwrapCell(v.result, numFmt);
  }
  if (Array.isArray(v.richText)) return unwrapCell((v.richText as { text?: unknown }[]).map((r) => (typeof r.text === "string" ? r.text : "")).join(""), numFmt);
  if ("hyperlink" in v || "text" in v) {
    const text = v.text;
    if (text === undefined || text === null || text === "") return typeof v.hyperlink === "string" && v.hyperlink ? { kind: "text", text: v.hyperlink } : { kind: "empty" };
    return unwrapCell(text, numFmt);
  }
  if ("sharedString" in v) return unwrapCell(v.sharedString, numFmt);
  return { kind: "error", error: "an unknown kind of cell value" };
}
