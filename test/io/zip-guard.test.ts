import { describe, expect, it } from "vitest";
import { cellsIn, unpackWorkbook, MAX_ROWS, readCentralDirectory } from "../../src/io/xlsx/zip-guard.js";
import { writeZip } from "../xlsx-helpers.js";

const sheet = (body: string) => `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}</worksheet>`;
const workbook = (sheetXml = sheet("<sheetData/>"), declare: Record<string, number> = {}) =>
  writeZip(
    [
      ["[Content_Types].xml", "<Types/>"],
      ["xl/workbook.xml", "<workbook/>"],
      ["xl/worksheets/sheet1.xml", sheetXml],
    ],
    declare,
  );

describe("readCentralDirectory", () => {
  it("lists each entry with its declared sizes", () => {
    const dir = readCentralDirectory(
      writeZip([
        ["a.txt", "hello"],
        ["b/c.xml", "<x/>"],
      ]),
    );
    expect("entries" in dir && dir.entries.map((e) => [e.name, e.size, e.method])).toEqual([
      ["a.txt", 5, 8],
      ["b/c.xml", 4, 8],
    ]);
  });

  it("says when there is no directory", () => {
    expect(readCentralDirectory(Buffer.from("PK\u0003\u0004 and then nothing at all"))).toHaveProperty("problem");
  });
});

describe("unpackWorkbook", () => {
  it("accepts a small workbook", () => {
    const unpacked = unpackWorkbook(workbook());
    expect("parts" in unpacked && [...unpacked.parts.keys()]).toEqual(["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]);
  });

  it.each<[string, Buffer, string]>([
    ["a CSV file", Buffer.from("id,answer\nDET.01,3\n"), "NOT_XLSX"],
    ["an empty file", Buffer.alloc(0), "NOT_XLSX"],
    ["a legacy .xls file", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), "NOT_XLSX"],
    [
      "an encrypted workbook",
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100), Buffer.from("EncryptionInfo", "utf16le")]),
      "ENCRYPTED_WORKBOOK",
    ],
    ["a zip with no workbook", writeZip([["notes.txt", "hello"]]), "NOT_A_WORKBOOK"],
    ["a Word document", writeZip([["word/document.xml", "<w/>"]]), "NOT_A_WORKBOOK"],
    ["a cut-short zip", workbook().subarray(0, 60), "NOT_XLSX"],
    ["a part declaring 4 GB", workbook(undefined, { "xl/worksheets/sheet1.xml": 0xfffffffe }), "ZIP_BOMB"],
    ["a part that inflates beyond what it declares", workbook(sheet(`<sheetData/>${" ".repeat(5_000_000)}`), { "xl/worksheets/sheet1.xml": 1000 }), "ZIP_BOMB"],
    ["a sheet of too many rows", workbook(sheet(`<sheetData>${'<row r="1"/>'.repeat(MAX_ROWS + 1)}</sheetData>`)), "TOO_MANY_ROWS"],
    [
      "a validation over a million rows",
      workbook(sheet('<sheetData/><dataValidations count="1"><dataValidation type="list" sqref="D3:D1000002"><formula1>naq_yes_no</formula1></dataValidation></dataValidations>')),
      "VALIDATION_TOO_LARGE",
    ],
    ["a validation over whole columns", workbook(sheet('<dataValidations><dataValidation type="list" sqref="A1 D:F"/></dataValidations>')), "VALIDATION_TOO_LARGE"],
    [
      "an Excel 2010 validation over a whole column",
      workbook(
        sheet('<extLst><ext><x14:dataValidations><x14:dataValidation type="list"><xm:sqref>D1:D1048576</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>'),
      ),
      "VALIDATION_TOO_LARGE",
    ],
  ])("refuses %s", (_what, bytes, code) => {
    const unpacked = unpackWorkbook(bytes);
    expect("issue" in unpacked && unpacked.issue.code).toBe(code);
  });
});

describe("cellsIn", () => {
  it.each([
    ["D3", 1],
    ["D3:D40", 38],
    ["$D$3:$F$4", 6],
    ["D:D", 1048576],
    ["3:4", 2 * 16384],
  ])("counts the cells of %s", (ref, n) => {
    expect(cellsIn(ref)).toBe(n);
  });
});
