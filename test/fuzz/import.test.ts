// Import on mutated workbooks: a real filled workbook with cells changed, sheets removed, the zip cut short
// or bytes flipped must give either a located error or a valid response; never a crash, never a hang.
import fc from "fast-check";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { checkResponse } from "../../src/core/answers/response-rules.js";
import { bundledFile } from "../../src/io/revisions/bundled.js";
import { loadQuestionnaireFile } from "../../src/io/revisions/load.js";
import { checkSchema } from "../../src/io/schema/check.js";
import { root, runBuilt, runNaq, tempDir } from "../helpers.js";
import { readZip, writeZip } from "../xlsx-helpers.js";

// Bounded, seeded runs in `npm test`; `npm run fuzz` raises the counts through NAQ_FUZZ_RUNS.
const runs = Math.max(10, Math.round(Number(process.env.NAQ_FUZZ_RUNS ?? 150) / 3));
const seed = Number(process.env.NAQ_FUZZ_SEED ?? 20261121);
const CASE_MS = 30_000;
const tmp = tempDir("naq-fuzz-import-");

const WORKBOOKS = ["XX-health.xlsx", "XX-interior.xlsx"].map((name) => ({ name, bytes: readFileSync(join(root, "examples", "workbooks", name)) }));

/** What happened to one mutated workbook, for the failure message. */
type Outcome = { code: number; stdout: string; stderr: string; written: boolean };

/** Imports `bytes` as a workbook in this process, failing the case when it takes longer than CASE_MS. */
async function importBytes(bytes: Uint8Array): Promise<Outcome> {
  const file = join(tmp, "mutated.xlsx");
  const out = join(tmp, "mutated.yaml");
  rmSync(out, { force: true });
  writeFileSync(file, bytes);
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`import did not end within ${CASE_MS / 1000} s`)), CASE_MS);
  });
  try {
    const r = await Promise.race([runNaq(["import", file, "--out", out], {}, tmp), hung]);
    return { ...r, written: existsSync(out) };
  } finally {
    clearTimeout(timer);
  }
}

const revisions = new Map<string, ReturnType<typeof loadQuestionnaireFile>["value"]>();

/** Issue codes (or "written") seen per property, printed so a run says what it exercised. */
const tally = new Map<string, number>();

/** Asserts the outcome is a located refusal or a valid response file, never a crash. */
function expectClearOutcome(o: Outcome, what: string): void {
  const first = o.code === 0 ? "written" : (/\s+error\s+([A-Z][A-Z_]+)/.exec(o.stderr)?.[1] ?? `exit ${o.code}`);
  tally.set(first, (tally.get(first) ?? 0) + 1);
  const context = `${what}\nexit ${o.code}\n${o.stdout}\n${o.stderr}`.slice(0, 3000);
  expect([0, 1, 3], context).toContain(o.code);
  expect(o.stderr, context).not.toMatch(/internal error|\n\s+at .+:\d+:\d+\)?/);
  if (o.code === 0) {
    expect(o.written, context).toBe(true);
    const data = parse(readFileSync(join(tmp, "mutated.yaml"), "utf8")) as { questionnaire: { id: string; version: string } };
    expect(checkSchema("response", data), context).toEqual([]);
    const key = `${data.questionnaire.id}@${data.questionnaire.version}`;
    if (!revisions.has(key)) revisions.set(key, loadQuestionnaireFile(bundledFile(data.questionnaire.id, data.questionnaire.version) ?? "").value);
    const revision = revisions.get(key);
    expect(revision, context).toBeDefined();
    if (revision)
      expect(
        checkResponse(revision.questionnaire, revision.digest, data as never).filter((i) => i.severity === "error"),
        context,
      ).toEqual([]);
  } else {
    expect(o.written, context).toBe(false);
    // Every refusal names the workbook, and a sheet and cell where there is one: `mutated.xlsx[:Sheet!A1]  error  CODE  message`.
    expect(o.stderr, context).toMatch(/mutated\.xlsx(:[^\n]+![A-Z]+\d+)?\s+error\s+[A-Z][A-Z_]+\s+\S/);
  }
}

/** fast-check builds records without a prototype; exceljs wants plain objects. */
const plain = (a: fc.Arbitrary<object>) => a.map((v) => JSON.parse(JSON.stringify(v)) as ExcelJS.CellValue);

const anyCellValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "yes",
    "no",
    "Oui",
    "5",
    "3 – Developed",
    "not-applicable",
    "dont-know",
    "XX",
    "health",
    "cbrn-naq",
    "2.0.0",
    "1.0.0",
    "DET.01",
    "=1+1",
    "'=1+1",
    "#N/A",
  ),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15) }),
  fc.constant(null),
  plain(fc.record({ formula: fc.constantFrom("A1", "1/0", "NOW()", "SUM(A1:A3)"), result: fc.option(fc.oneof(fc.string({ maxLength: 10 }), fc.integer()), { nil: undefined }) })),
  plain(fc.record({ richText: fc.array(fc.record({ text: fc.string({ maxLength: 10 }) }), { maxLength: 3 }) })),
  plain(fc.record({ text: fc.string({ maxLength: 10 }), hyperlink: fc.constant("http://example.org/") })),
  plain(fc.constantFrom({ error: "#N/A" }, { error: "#DIV/0!" })),
);

/** A cell to change: mostly where import looks (ids in A, answers in D, comments in E, the metadata sheet's B), sometimes anywhere. */
const cellEdit = fc.record({
  where: fc.constantFrom("id", "answer", "answer", "answer", "comment", "meta", "meta", "anywhere"),
  sheet: fc.nat(),
  row: fc.nat({ max: 80 }),
  col: fc.integer({ min: 1, max: 8 }),
  value: anyCellValue,
});
type CellEdit = typeof cellEdit extends fc.Arbitrary<infer T> ? T : never;

/** Applies one edit; question sheets are those with a question id in column A. */
function applyEdit(wb: ExcelJS.Workbook, e: CellEdit): void {
  const meta = wb.worksheets.find((w) => w.name === "naq");
  const areas = wb.worksheets.filter((w) => w !== meta && /^[A-Z]+\.\d+/.test(w.getCell(3, 1).text || w.getCell(2, 1).text));
  const pick = (list: ExcelJS.Worksheet[]) => list[e.sheet % Math.max(1, list.length)] ?? wb.worksheets[0];
  if (e.where === "meta" && meta) meta.getCell(1 + (e.row % Math.max(1, meta.rowCount + 1)), 2).value = e.value;
  else if (e.where === "anywhere" || areas.length === 0) (pick(wb.worksheets) as ExcelJS.Worksheet).getCell(1 + e.row, e.col).value = e.value;
  else {
    const sheet = pick(areas) as ExcelJS.Worksheet;
    sheet.getCell(1 + (e.row % Math.max(1, sheet.rowCount + 1)), e.where === "id" ? 1 : e.where === "answer" ? 4 : 5).value = e.value;
  }
}

describe("import on mutated workbooks", () => {
  afterEach((c) => {
    console.info(`${c.task.name}: ${[...tally].map(([k, n]) => `${k} ${n}`).join(", ")}`);
    tally.clear();
  });

  it(`gives a located error or a valid response when cells change (${runs} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: WORKBOOKS.length - 1 }), fc.array(cellEdit, { minLength: 1, maxLength: 6 }), async (w, edits) => {
        const base = WORKBOOKS[w] as (typeof WORKBOOKS)[number];
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(base.bytes as unknown as ArrayBuffer);
        for (const e of edits) applyEdit(wb, e);
        const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
        expectClearOutcome(await importBytes(bytes), `${base.name} with ${JSON.stringify(edits).slice(0, 500)}`);
      }),
      { numRuns: runs, seed },
    );
  }, 600_000);

  it(`gives a located error or a valid response when sheets or parts are removed (${runs} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: WORKBOOKS.length - 1 }), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.boolean(), async (w, picks, bySheet) => {
        const base = WORKBOOKS[w] as (typeof WORKBOOKS)[number];
        let bytes: Uint8Array;
        let what: string;
        if (bySheet) {
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(base.bytes as unknown as ArrayBuffer);
          const names: string[] = [];
          for (const p of picks) {
            const sheet = wb.worksheets[p % Math.max(1, wb.worksheets.length)];
            if (sheet && wb.worksheets.length > 1) {
              names.push(sheet.name);
              wb.removeWorksheet(sheet.id);
            }
          }
          bytes = new Uint8Array(await wb.xlsx.writeBuffer());
          what = `${base.name} without sheets ${names.join(", ")}`;
        } else {
          const entries = [...readZip(base.bytes)];
          const gone = new Set(picks.map((p) => entries[p % entries.length]?.[0]));
          bytes = writeZip(entries.filter(([name]) => !gone.has(name)));
          what = `${base.name} without parts ${[...gone].join(", ")}`;
        }
        expectClearOutcome(await importBytes(bytes), what);
      }),
      { numRuns: runs, seed },
    );
  }, 600_000);

  it(`gives a located error or a valid response when the zip is cut short, bytes flip or a part is damaged (${runs} cases)`, async () => {
    const damage = fc.oneof(
      fc.record({ how: fc.constant("truncate" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({
        how: fc.constant("flip" as const),
        at: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }),
      }),
      fc.record({
        how: fc.constant("part" as const),
        entry: fc.nat(),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        insert: fc.constantFrom("", "<", "&", "</x>", '<c r="A1" t="s"><v>99999</v></c>', "\u0000", '<!DOCTYPE x [<!ENTITY a "aaaa">]>', "]]>"),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: WORKBOOKS.length - 1 }), damage, async (w, d) => {
        const base = WORKBOOKS[w] as (typeof WORKBOOKS)[number];
        let bytes: Uint8Array;
        if (d.how === "truncate") bytes = base.bytes.subarray(0, Math.floor(d.at * base.bytes.length));
        else if (d.how === "flip") {
          const copy = Buffer.from(base.bytes);
          for (const [at, mask] of d.at) {
            const i = Math.min(copy.length - 1, Math.floor(at * copy.length));
            copy[i] = (copy[i] as number) ^ mask;
          }
          bytes = copy;
        } else {
          const entries = [...readZip(base.bytes)];
          const target = entries[d.entry % entries.length] as [string, Buffer];
          const text = target[1].toString("utf8");
          const cut = Math.floor(d.at * text.length);
          target[1] = Buffer.from(text.slice(0, cut) + d.insert + text.slice(cut + (d.insert ? 0 : Math.ceil((text.length - cut) / 2))), "utf8");
          bytes = writeZip(entries);
        }
        expectClearOutcome(await importBytes(bytes), `${base.name} damaged: ${JSON.stringify(d)}`);
      }),
      { numRuns: runs, seed },
    );
  }, 600_000);

  it("gives the same clear answer through the built CLI, for a workbook cut in half", () => {
    const file = join(tmp, "half.xlsx");
    const bytes = WORKBOOKS[0]?.bytes as Buffer;
    writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
    const r = runBuilt(["import", file, "--out-dir", join(tmp, "built")]);
    expect([1, 3]).toContain(r.code);
    expect(r.stderr).toMatch(/half\.xlsx\s+error\s+[A-Z_]+/);
    expect(r.stderr).not.toMatch(/internal error/);
  });
});
