// Hostile text typed by agencies, carried through response files and workbooks into every output naq writes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { BrowserContext } from "playwright-core";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSchema } from "../../src/io/schema/check.js";
import { launch, openFile } from "../browser.js";
import { runBuilt, tempDir, type Ran } from "../helpers.js";
import { fillWorkbook } from "../xlsx-helpers.js";
import { FORMULA_START, HOSTILE, TERMINAL_UNSAFE } from "./corpus.js";
import { agencyOf, hostileResponses, REF, texts, writeHostileQuestionnaire, writeHostileResponses } from "./hostile-setup.js";

const OUTS = ["report.md", "report.html", "report.xlsx", "report.json"];
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Runs `naq merge` on `inputs` into `out`, writing every report format. */
function mergeAll(inputs: readonly string[], questionnaire: string, out: string): Ran {
  return runBuilt(["merge", ...inputs, "-q", questionnaire, ...OUTS.flatMap((f) => ["--out", join(out, f)])]);
}

/** The columns of a Markdown table row: pipes not escaped by a backslash. */
function columns(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "\\") i++;
    else if (line[i] === "|") n++;
  }
  return n - 1;
}

/** Every Markdown table (consecutive lines starting with `|`) with the line that follows it. */
function tables(markdown: string): { rows: string[]; after: string | undefined }[] {
  const lines = markdown.split("\n");
  const found: { rows: string[]; after: string | undefined }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]?.startsWith("|")) continue;
    const rows: string[] = [];
    while (lines[i]?.startsWith("|")) rows.push(lines[i++] as string);
    found.push({ rows, after: lines[i] });
  }
  return found;
}

/** Every cell of every sheet of an .xlsx file. */
async function cellsOf(file: string): Promise<ExcelJS.Cell[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cells: ExcelJS.Cell[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => cells.push(c)));
  return cells;
}

/** Asserts what holds of every report, however the hostile text came in. */
type Reports = { out: string; terminal: string[]; expected: readonly string[] };
function describeReports(name: string, setup: () => Reports | Promise<Reports>): void {
  describe(`the reports of ${name}`, () => {
    let out: string;
    let terminal: string[];
    let expected: readonly string[];
    let context: BrowserContext;
    beforeAll(async () => {
      ({ out, terminal, expected } = await setup());
      context = await launch();
    });
    afterAll(async () => {
      await context?.close();
    });

    it("are all written, and the JSON report keeps every text unchanged and valid", () => {
      for (const f of OUTS) expect(existsSync(join(out, f))).toBe(true);
      const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as { questions: { sources: { comment?: string }[] }[] };
      expect(checkSchema("gap-report", report)).toEqual([]);
      const comments = new Set(report.questions.flatMap((q) => q.sources.map((s) => s.comment)));
      for (const t of expected) expect(comments.has(t), JSON.stringify(t.slice(0, 40))).toBe(true);
    });

    it("show no control character, escape sequence or bidi override on the terminal", () => {
      for (const text of terminal) {
        expect(text.length).toBeGreaterThan(0);
        const bad = TERMINAL_UNSAFE.exec(text);
        expect(bad && JSON.stringify(text.slice(Math.max(0, bad.index - 80), bad.index + 20))).toBeNull();
      }
    });

    it("keep every Markdown table's column count on every row, with no raw markup", () => {
      const md = readFileSync(join(out, "report.md"), "utf8");
      const found = tables(md);
      expect(found.length).toBeGreaterThan(10);
      for (const t of found) {
        const width = columns(t.rows[0] as string);
        for (const row of t.rows) {
          expect(row.endsWith("|"), row.slice(0, 80)).toBe(true);
          expect(columns(row), row.slice(0, 80)).toBe(width);
        }
        // A line break in user text would end the table early and leave the rest as stray text.
        expect(t.after === undefined || t.after === "").toBe(true);
      }
      expect(md.replace(/<a id="q-[a-z0-9-]+"><\/a>/g, "")).not.toMatch(/<(script|img|svg|a |textarea)/i);
      expect(md).not.toMatch(/(?<!\\)\]\(http/);
      expect(md.match(TERMINAL_UNSAFE)).toBeNull();
    });

    it("write spreadsheet cells as text, never a formula, neutralising formula-like text", async () => {
      const cells = await cellsOf(join(out, "report.xlsx"));
      const strings = cells.flatMap((c) => (typeof c.value === "string" ? [c.value] : []));
      for (const c of cells) {
        expect(c.formula).toBeUndefined();
        expect([ExcelJS.ValueType.Formula, ExcelJS.ValueType.Hyperlink]).not.toContain(c.type);
        if (typeof c.value === "string") expect(FORMULA_START.test(c.value), `${c.address}: ${c.value.slice(0, 40)}`).toBe(false);
        else expect(c.value === null || ["number", "boolean"].includes(typeof c.value), c.address).toBe(true);
      }
      expect(strings).toContain(`'=HYPERLINK("http://evil.example/","click me")`);
      expect(strings).toContain("'@SUM(1+1)");
      expect(strings).toContain("وزارة الصحة — مختبر مرجعي");
    });

    it("stay inert in Chromium: no script runs, no dialog opens, nothing is requested", async () => {
      const visit = await openFile(context, join(out, "report.html"));
      const { page } = visit;
      expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(visit.dialogs).toEqual([]);
      expect(visit.requests).toEqual([visit.url]);
      expect(visit.consoleErrors).toEqual([]);
      expect(await page.locator("script, img, iframe, object, embed, textarea, a[href^='javascript']").count()).toBe(0);
      // Runs in the page; typed loosely as the tests compile without the DOM library.
      type Doc = { querySelectorAll(s: string): Iterable<{ attributes: Iterable<{ name: string }> }>; body: { textContent: string | null } };
      const handlers = await page.evaluate(() => {
        const doc = (globalThis as unknown as { document: Doc }).document;
        return [...doc.querySelectorAll("*")].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith("on")).map((a) => a.name));
      });
      expect(handlers).toEqual([]);
      const text = await page.evaluate(() => (globalThis as unknown as { document: Doc }).document.body.textContent ?? "");
      for (const t of expected.filter((x) => !CONTROL.test(x))) expect(text, t.slice(0, 40)).toContain(t);
    });
  });
}

describe("hostile text in response files", () => {
  describeReports("responses with hostile comments, evidence, text answers, respondents and agency names", () => {
    const dir = tempDir("naq-hostile-");
    const q = writeHostileQuestionnaire(dir);
    const responses = join(dir, "responses");
    mkdirSync(responses);
    writeHostileResponses(responses, q.digest);
    const out = join(dir, "out");
    mkdirSync(out);
    const merged = mergeAll([responses], q.file, out);
    expect(merged.code, merged.stderr).toBe(0);
    const status = runBuilt(["status", responses, "-q", q.file]);
    expect(status.code).toBe(0);
    const validated = runBuilt(["validate", responses, q.file]);
    expect(validated.code, validated.stdout).toBe(0);
    return { out, terminal: [merged.stdout, merged.stderr + "-", status.stdout, validated.stdout], expected: texts };
  });
});

describe("hostile text through a workbook", () => {
  let imported: { answers: Record<string, { value: unknown; comment?: string; evidence?: string }>; respondent?: string };
  let importRun: Ran;

  describeReports("a workbook filled with hostile text and imported", async () => {
    const dir = tempDir("naq-hostile-xlsx-");
    const q = writeHostileQuestionnaire(dir);
    const template = join(dir, "template.xlsx");
    const made = runBuilt(["template", "-q", q.file, "--agency", agencyOf(0), "--country", "XX", "--out", template]);
    expect(made.code, made.stderr).toBe(0);
    const filled = join(dir, "filled.xlsx");
    const fills = Object.fromEntries(
      texts.flatMap((t, k) => [
        [`T.${k + 1}`, { answer: t, comment: t, evidence: t.slice(0, 5000) }],
        [`L.${k + 1}`, { answer: "None", comment: t }],
      ]),
    );
    await fillWorkbook(template, filled, fills, (wb) => {
      const instructions = wb.worksheets[0] as ExcelJS.Worksheet;
      instructions.getCell("B4").value = texts[0];
    });
    const responses = join(dir, "responses");
    mkdirSync(responses);
    importRun = runBuilt(["import", filled, "-q", q.file, "--out-dir", responses]);
    expect(importRun.code, importRun.stdout + importRun.stderr).toBe(0);
    imported = parse(readFileSync(join(responses, "filled.yaml"), "utf8")) as typeof imported;
    writeFileSync(join(responses, "ref.json"), JSON.stringify(hostileResponses(q.digest)[REF]));
    const out = join(dir, "out");
    mkdirSync(out);
    const merged = mergeAll([responses], q.file, out);
    expect(merged.code, merged.stderr).toBe(0);
    const status = runBuilt(["status", responses, "-q", q.file]);
    // What a spreadsheet cannot hold (C0 controls) is dropped on the way; everything else arrives intact.
    return { out, terminal: [importRun.stdout + importRun.stderr, merged.stdout, status.stdout], expected: texts.filter((t) => !CONTROL.test(t)) };
  });

  it("imports every text a spreadsheet can hold unchanged", () => {
    expect(imported.respondent).toBe(texts[0]);
    texts.forEach((t, k) => {
      const a = imported.answers[`T.${k + 1}`];
      if (CONTROL.test(t)) return;
      // Cells are read trimmed, as a person who types a trailing space does not mean it.
      expect(a?.value, t.slice(0, 40)).toBe(t.trim());
      expect(a?.comment).toBe(t.trim());
      expect(imported.answers[`L.${k + 1}`]?.comment).toBe(t.trim());
    });
  });
});

describe("hostile text that naq refuses", () => {
  const dir = tempDir("naq-hostile-refused-");
  const q = writeHostileQuestionnaire(dir);
  const valid = hostileResponses(q.digest)[agencyOf(0)] as Record<string, unknown>;

  /** A response file holding `comment` as the comment of T.1, written byte for byte. */
  const write = (name: string, bytes: Buffer) => {
    const folder = join(dir, name);
    mkdirSync(folder);
    writeFileSync(join(folder, "r.json"), bytes);
    return folder;
  };
  const withComment = (comment: string) => Buffer.from(JSON.stringify({ ...valid, answers: { "T.1": { value: "x", comment } } }, null, 2));

  it.each([
    ["a NUL byte", Buffer.concat([withComment("before").subarray(0, 40), Buffer.from([0]), withComment("before").subarray(40)]), 1, "BINARY_FILE"],
    ["invalid UTF-8", Buffer.concat([withComment("before").subarray(0, 40), Buffer.from([0xc3, 0x28, 0xff]), withComment("before").subarray(40)]), 1, "BINARY_FILE"],
    ["a 100 kB comment", withComment(`<script>window.__pwned = 1</script>\u001b[2J${"=1+1 ".repeat(20_000)}`), 1, "INVALID_VALUE"],
  ])("refuses %s with a located issue, in validate and merge, and writes no report", (_name, bytes, code, issue) => {
    const folder = write(_name.replace(/\W+/g, "-"), bytes);
    const v = runBuilt(["validate", folder, "-q", q.file, "--format", "json"]);
    expect(v.code).toBe(code);
    const issues = JSON.parse(v.stdout) as { code: string; line?: number }[];
    expect(issues.map((i) => i.code)).toContain(issue);
    expect(issues.every((i) => (i.line ?? 0) >= 1)).toBe(true);
    const text = runBuilt(["validate", folder, "-q", q.file]);
    expect(text.stdout.match(TERMINAL_UNSAFE)).toBeNull();
    expect(text.stdout.length).toBeLessThan(5_000);
    const out = join(dir, `${_name.replace(/\W+/g, "-")}-out`);
    mkdirSync(out);
    const m = mergeAll([folder], q.file, out);
    expect(m.code).toBe(code);
    expect((m.stdout + m.stderr).match(TERMINAL_UNSAFE)).toBeNull();
    expect((m.stdout + m.stderr).length).toBeLessThan(5_000);
    for (const f of OUTS) expect(existsSync(join(out, f))).toBe(false);
  });

  it("keeps hostile values, ids and file names out of the terminal and out of GitHub annotations", () => {
    const folder = join(dir, "invalid");
    mkdirSync(folder);
    HOSTILE.forEach(([, t], k) => {
      const body = { ...valid, agency: k % 2 ? t : valid.agency, country: k % 3 ? t.slice(0, 30) : "XX", answers: { "L.1": { value: t }, [t.slice(0, 50)]: { value: 1 } } };
      const name = k % 4 === 0 ? `x${t.replace(/[/\0]/g, "").slice(0, 40)}.json` : `r${k}.json`;
      writeFileSync(join(folder, name), JSON.stringify(body));
    });
    // A value whose line break would forge an issue line of its own.
    writeFileSync(join(folder, "forged.json"), JSON.stringify({ ...valid, answers: { "L.1": { value: "x\n/tmp/other.yaml:1:1  error  FAKE_CODE  trust me" } } }));
    const text = runBuilt(["validate", folder, "-q", q.file]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("INVALID_VALUE");
    expect(text.stdout.match(TERMINAL_UNSAFE)).toBeNull();
    expect(text.stdout).toMatch(/forged\.json:\d+:\d+ +error +INVALID_ANSWER +L\.1: `x ⏎ \/tmp\/other\.yaml/);
    // Every line is an issue, a blank line between files, or the closing count.
    for (const line of text.stdout.trimEnd().split("\n")) expect(line === "" || line.startsWith(`${folder}/`) || /^✖ \d+ files checked/.test(line), line).toBe(true);
    const github = runBuilt(["validate", folder, "-q", q.file, "--format", "github"]);
    expect(github.code).toBe(1);
    expect(github.stdout.match(TERMINAL_UNSAFE)).toBeNull();
    // Each annotation stays one workflow command: user text cannot start a line of its own.
    const lines = github.stdout.trimEnd().split("\n");
    expect(lines.slice(-2)).toEqual(["", expect.stringMatching(/^✖ \d+ files checked/)]);
    for (const line of lines.slice(0, -2)) expect(line).toMatch(/^::(error|warning) /);
    const merged = runBuilt(["merge", folder, "-q", q.file]);
    expect(merged.code).toBe(1);
    expect((merged.stdout + merged.stderr).match(TERMINAL_UNSAFE)).toBeNull();
    const status = runBuilt(["status", folder, "-q", q.file]);
    expect((status.stdout + status.stderr).match(TERMINAL_UNSAFE)).toBeNull();
  });

  it("refuses a 100 kB comment in a workbook, naming its cell", async () => {
    const template = join(dir, "template.xlsx");
    expect(runBuilt(["template", "-q", q.file, "--agency", agencyOf(1), "--country", "XX", "--out", template]).code).toBe(0);
    const filled = join(dir, "long.xlsx");
    await fillWorkbook(template, filled, { "T.1": { answer: "fine", comment: `\u001b[2J${"=1+1 ".repeat(20_000)}` } });
    const r = runBuilt(["import", filled, "-q", q.file, "--out-dir", join(dir, "long-out")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/long\.xlsx:Texts!E\d+ +error +\w+/);
    expect((r.stdout + r.stderr).match(TERMINAL_UNSAFE)).toBeNull();
    expect((r.stdout + r.stderr).length).toBeLessThan(5_000);
    expect(existsSync(join(dir, "long-out", "long.yaml"))).toBe(false);
  });
});
