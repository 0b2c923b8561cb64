import { inflateRawSync } from "node:zlib";
import { error, type Issue, type IssueCode } from "../../core/issues.js";

/** Largest workbook naq opens. A filled 300-question template is about 100 kB. */
export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;
/** Largest uncompressed part of a workbook, and all parts together. */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
const MAX_TOTAL_BYTES = 200 * 1024 * 1024;
const MAX_ENTRIES = 5_000;
/** Most rows a sheet may have; a template has one per question. */
export const MAX_ROWS = 10_000;
/** Most cells a sheet's data validations may cover; a template validates one cell per question. */
const MAX_VALIDATED_CELLS = 100_000;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of a zip archive as its central directory declares them, or why it cannot be read. */
export function readCentralDirectory(buf: Buffer): { entries: ZipEntry[] } | { problem: string } {
  // The end record is 22 bytes plus a comment of at most 65535 bytes, at the very end of the file.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { problem: "it has no zip directory (the file is cut short or damaged)" };
  const count = buf.readUInt16LE(eocd + 10);
  const dirSize = buf.readUInt32LE(eocd + 12);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) return { problem: "it is a ZIP64 archive, far larger than any workbook naq reads" };
  if (dirOffset + dirSize > eocd) return { problem: "its zip directory points outside the file (the file is damaged)" };
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) return { problem: "its zip directory is damaged" };
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    entries.push({
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString("utf8", p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { entries };
}

/** The uncompressed content of `entry`, refusing more than its declared size (a lying zip bomb stops there). */
export function inflateEntry(buf: Buffer, entry: ZipEntry): Buffer {
  const p = entry.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) throw new Error(`the entry ${entry.name} is damaged`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new Error(`the entry ${entry.name} is cut short`);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new Error(`the entry ${entry.name} uses compression method ${entry.method}, which workbooks do not use`);
  // One byte more than declared is enough to tell a lie from the truth without inflating the rest.
  const out = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
  if (out.length !== entry.size) throw new RangeError(`the entry ${entry.name} declares ${entry.size} bytes but holds ${out.length > entry.size ? "more" : out.length}`);
  return out;
}

const fail = (code: IssueCode, message: string): Issue => error(code, message);

/**
 * Checks the bytes of a would-be .xlsx before any spreadsheet library sees them: a zip, not an
 * encrypted or legacy file, with an Excel workbook inside, declared and actual sizes sane, sheets
 * of a sane number of rows and data validations over a sane number of cells. Returns the issue
 * that refuses it, or every part unpacked (each inflated at most to the size it declares).
 */
export function unpackWorkbook(buf: Buffer): { issue: Issue } | { parts: Map<string, Buffer> } {
  const refused = (issue: Issue) => ({ issue });
  const early = precheck(buf);
  if ("issue" in early) return early;
  const parts = new Map<string, Buffer>();
  for (const e of early.entries) {
    let content: Buffer;
    try {
      content = inflateEntry(buf, e);
    } catch (err) {
      if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
        return refused(fail("ZIP_BOMB", `the part ${e.name} unpacks to more than the ${mb(e.size)} it declares; the archive is damaged or built to exhaust memory`));
      }
      return refused(fail("NOT_XLSX", `this is not a readable .xlsx workbook: ${(err as Error).message}`));
    }
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      const problem = checkSheetXml(content);
      if (problem) return refused(problem);
    }
    if (!e.name.endsWith("/")) parts.set(e.name, content);
  }
  return { parts };
}

/** The checks that need only the central directory: kind of file, entry count and declared sizes. */
function precheck(buf: Buffer): { issue: Issue } | { entries: ZipEntry[] } {
  const refused = (issue: Issue) => ({ issue });
  if (buf.length >= 8 && buf.subarray(0, 8).equals(CFB_MAGIC)) {
    if (buf.includes(Buffer.from("EncryptionInfo", "utf16le"))) {
      return refused(
        fail(
          "ENCRYPTED_WORKBOOK",
          "the workbook is protected by a password (encrypted), so naq cannot read it; open it, remove the password (File ▸ Info ▸ Protect Workbook, or File ▸ Properties ▸ Security in LibreOffice), save it as .xlsx and import it again",
        ),
      );
    }
    return refused(fail("NOT_XLSX", "this is an Excel 97–2003 (.xls) or other legacy Office file, not an .xlsx workbook; open it and save it as Excel Workbook (.xlsx)"));
  }
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) {
    return refused(
      fail(
        "NOT_XLSX",
        `this is not an .xlsx workbook (an .xlsx file is a zip archive, and this is ${describe(buf)}); if it is a .xls, .ods or .csv file, open it and save it as Excel Workbook (.xlsx)`,
      ),
    );
  }
  const dir = readCentralDirectory(buf);
  if ("problem" in dir) return refused(fail("NOT_XLSX", `this is not a readable .xlsx workbook: ${dir.problem}`));
  const { entries } = dir;
  if (entries.length > MAX_ENTRIES)
    return refused(fail("ZIP_BOMB", `the archive holds ${entries.length} parts; a workbook naq reads has far fewer than ${MAX_ENTRIES}. Is this the right file?`));
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
      return refused(
        fail(
          "ZIP_BOMB",
          `the part ${e.name} would unpack to ${mb(e.size)} (${mb(total)} so far) from a ${mb(buf.length)} file; naq refuses workbooks that unpack to more than ${mb(MAX_ENTRY_BYTES)} per part or ${mb(MAX_TOTAL_BYTES)} in all. Is this the right file?`,
        ),
      );
    }
    if (e.flags & 1) return refused(fail("ENCRYPTED_WORKBOOK", `the archive's part ${e.name} is encrypted, so naq cannot read it; save the workbook again without a password`));
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("xl/workbook.xml"))
    return refused(fail("NOT_A_WORKBOOK", `this zip archive holds no Excel workbook (no xl/workbook.xml)${whatElse(names)}; import the .xlsx made by \`naq template\``));
  return { entries };
}

/**
 * Row count and validated cells of one sheet's XML, refused beyond the limits. Scans the bytes for
 * the few tags that matter rather than decoding the sheet, which exceljs is about to do anyway.
 */
function checkSheetXml(xml: Buffer): Issue | undefined {
  // `<row` (also counts the rare `<rowBreaks`, which errs on the safe side) and namespaced `<x:row`.
  const rows = occurrences(xml, "<row") + occurrences(xml, ":row ") + occurrences(xml, ":row>");
  if (rows > MAX_ROWS)
    return fail(
      "TOO_MANY_ROWS",
      `a sheet has more than ${MAX_ROWS.toLocaleString("en")} rows; a template has one per question. Delete the rows below the questions, or make a new template`,
    );
  let validated = 0;
  for (const ref of validatedRanges(xml)) {
    validated += cellsIn(ref);
    if (validated > MAX_VALIDATED_CELLS) {
      return fail(
        "VALIDATION_TOO_LARGE",
        `a data validation covers ${ref} (${cellsIn(ref).toLocaleString("en")} cells); naq refuses validations over more than ${MAX_VALIDATED_CELLS.toLocaleString("en")} cells, which can exhaust memory. Remove it (Data ▸ Validation), or make a new template`,
      );
    }
  }
  return undefined;
}

function occurrences(buf: Buffer, text: string): number {
  let n = 0;
  for (let i = buf.indexOf(text); i >= 0; i = buf.indexOf(text, i + text.length)) n++;
  return n;
}

/** The ranges of a sheet's data validations: `sqref` attributes, and Excel 2010's `<xm:sqref>` elements. */
function* validatedRanges(xml: Buffer): Generator<string> {
  for (let i = xml.indexOf("dataValidation "); i >= 0; i = xml.indexOf("dataValidation ", i + 1)) {
    const end = xml.indexOf(">", i);
    const attr = xml.indexOf('sqref="', i);
    if (attr < 0 || end < 0 || attr > end) continue;
    const close = xml.indexOf('"', attr + 7);
    yield* xml
      .toString("latin1", attr + 7, close)
      .trim()
      .split(/\s+/);
  }
  for (let i = xml.indexOf("<xm:sqref>"); i >= 0; i = xml.indexOf("<xm:sqref>", i + 1)) {
    const close = xml.indexOf("<", i + 10);
    yield* xml
      .toString("latin1", i + 10, close)
      .trim()
      .split(/\s+/);
  }
}

/** How many cells an A1 range (`D3:D40`, `D:D`, `3:3`, `B7`) covers. */
export function cellsIn(ref: string): number {
  const [from = "", to = from] = ref.replace(/\$/g, "").split(":");
  const a = parseRef(from, true);
  const b = parseRef(to, false);
  return (Math.abs(b.col - a.col) + 1) * (Math.abs(b.row - a.row) + 1);
}

function parseRef(ref: string, start: boolean): { col: number; row: number } {
  const m = /^([A-Za-z]*)(\d*)$/.exec(ref) ?? ["", "", ""];
  const letters = (m[1] ?? "").toUpperCase();
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: letters ? col : start ? 1 : 16384, row: m[2] ? Number(m[2]) : start ? 1 : 1048576 };
}

function whatElse(names: ReadonlySet<string>): string {
  if (names.has("word/document.xml")) return ": it is a Word document";
  if ([...names].some((n) => n.startsWith("ppt/"))) return ": it is a PowerPoint presentation";
  if (names.has("mimetype") && names.has("content.xml")) return ": it is an OpenDocument file (.ods/.odt); save it as Excel Workbook (.xlsx)";
  return "";
}

function describe(buf: Buffer): string {
  const head = buf.subarray(0, 5).toString("latin1");
  if (head.startsWith("%PDF")) return "a PDF document";
  if (buf.length === 0) return "an empty file";
  const sample = buf.subarray(0, 512);
  return sample.includes(0) ? "some other binary file" : "a text file";
}

function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}
