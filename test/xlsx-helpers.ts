// Helpers for tests that build, fill and damage workbooks.
import { readFileSync, writeFileSync } from "node:fs";
import { crc32, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { inflateEntry, readCentralDirectory } from "../src/io/xlsx/zip-guard.js";

/** The entries of a zip file, by name. */
export function readZip(buf: Buffer): Map<string, Buffer> {
  const dir = readCentralDirectory(buf);
  if ("problem" in dir) throw new Error(dir.problem);
  return new Map(dir.entries.map((e) => [e.name, inflateEntry(buf, e)]));
}

/**
 * A zip archive of `entries`, deflated. `declare` overrides the uncompressed size an entry's headers
 * declare, to build archives that lie about their size.
 */
export function writeZip(entries: Iterable<[string, Buffer | string]>, declare: Record<string, number> = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, "utf8");
    const size = declare[name] ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** Rewrites the zip at `file` into `out`, passing each entry's text through `edit`. */
export function editZip(file: string, out: string, edit: (name: string, text: string) => string): void {
  const entries = readZip(readFileSync(file));
  writeFileSync(out, writeZip([...entries].map(([name, data]) => [name, name.endsWith(".xml") ? edit(name, data.toString("utf8")) : data])));
}

/** The row of question `id` on its sheet, found by the id column. */
export function rowOf(wb: ExcelJS.Workbook, id: string): { sheet: ExcelJS.Worksheet; row: number } {
  for (const sheet of wb.worksheets) {
    for (let row = 1; row <= sheet.rowCount; row++) if (sheet.getCell(row, 1).value === id) return { sheet, row };
  }
  throw new Error(`no row for ${id}`);
}

export interface Fill {
  readonly answer?: ExcelJS.CellValue;
  readonly comment?: ExcelJS.CellValue;
  readonly evidence?: ExcelJS.CellValue;
}

/** Fills a template's cells by question id, as a person would in a spreadsheet, and saves it as `out`. */
export async function fillWorkbook(template: string, out: string, fills: Record<string, Fill>, edit?: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  for (const [id, f] of Object.entries(fills)) {
    const { sheet, row } = rowOf(wb, id);
    if (f.answer !== undefined) sheet.getCell(row, 4).value = f.answer;
    if (f.comment !== undefined) sheet.getCell(row, 5).value = f.comment;
    if (f.evidence !== undefined) sheet.getCell(row, 6).value = f.evidence;
  }
  edit?.(wb);
  await wb.xlsx.writeFile(out);
}
