import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/core/workbook/cell.js";
import { unwrapCell } from "../../../src/io/xlsx/cell-value.js";

describe("unwrapCell", () => {
  it.each<[string, unknown, string | undefined, CellValue]>([
    ["nothing", null, undefined, { kind: "empty" }],
    ["an empty string", "", undefined, { kind: "empty" }],
    ["text", "Oui", undefined, { kind: "text", text: "Oui" }],
    ["a number", 3, undefined, { kind: "number", value: 3 }],
    ["a percentage", 0.35, "0.00%", { kind: "number", value: 0.35, percent: true }],
    ["a number whose format quotes a %", 3, '0" %"', { kind: "number", value: 3 }],
    ["a boolean", true, undefined, { kind: "boolean", value: true }],
    ["a date", new Date(Date.UTC(2021, 2, 15)), "yyyy-mm-dd", { kind: "date", iso: "2021-03-15" }],
    ["LibreOffice's TRUE()", { formula: "TRUE()", result: true }, undefined, { kind: "boolean", value: true }],
    ["a formula's number", { formula: "2+3", result: 5 }, undefined, { kind: "number", value: 5 }],
    ["a shared formula's text", { sharedFormula: "D3", result: "Oui" }, undefined, { kind: "text", text: "Oui" }],
    ["a formula's date", { formula: "DATE(2024,5,15)", result: new Date(Date.UTC(2024, 4, 15)) }, undefined, { kind: "date", iso: "2024-05-15" }],
    ["a formula without its result", { formula: "A1" }, undefined, { kind: "error", error: "a formula saved without its result" }],
    ["a formula's error", { formula: "1/0", result: { error: "#DIV/0!" } }, undefined, { kind: "error", error: "#DIV/0!" }],
    ["an error", { error: "#N/A" }, undefined, { kind: "error", error: "#N/A" }],
    ["rich text", { richText: [{ text: "Capacité " }, { font: { bold: true }, text: "développée" }] }, undefined, { kind: "text", text: "Capacité développée" }],
    ["a hyperlink", { text: "Loi 12", hyperlink: "https://example.org/loi" }, undefined, { kind: "text", text: "Loi 12" }],
    ["a hyperlink with rich text", { text: { richText: [{ text: "Loi " }, { text: "12" }] }, hyperlink: "https://x" }, undefined, { kind: "text", text: "Loi 12" }],
    ["a bare hyperlink", { text: "", hyperlink: "https://example.org" }, undefined, { kind: "text", text: "https://example.org" }],
    ["an infinite number", Infinity, undefined, { kind: "error", error: "#NUM!" }],
  ])("unwraps %s", (_what, value, numFmt, expected) => {
    expect(unwrapCell(value, numFmt)).toEqual(expected);
  });
});
