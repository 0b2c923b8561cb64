import { describe, expect, it } from "vitest";
import type { CellValue, SheetData, WorkbookData } from "../../../src/core/workbook/cell.js";
import { COL, META_KEYS, META_SHEET, metaCell, RESPONDENT_CELL } from "../../../src/core/workbook/layout.js";
import { planTemplate, type TemplatePlan } from "../../../src/core/workbook/plan.js";
import { importWorkbook, readTemplateMeta } from "../../../src/core/workbook/import.js";
import { newResponse, recordAnswer } from "../../../src/core/fill/walk.js";
import type { Answer } from "../../../src/core/questionnaire/model.js";
import { DIGEST, hash, xq } from "./xlsx-questionnaire.js";

const NOW = "2024-06-01T12:00:00.000Z";
const plan = (lang = "en") => planTemplate({ questionnaire: xq, digest: DIGEST, agency: "health", country: "XX", lang, now: "2024-05-15T10:00:00.000Z", hash });
const text = (t: string): CellValue => ({ kind: "text", text: t });

/** The workbook a template plan becomes, as the edge would read it back, with `cells` typed in. */
function workbook(p: TemplatePlan, cells: Record<string, CellValue> = {}, edit?: (sheets: Map<string, Map<string, CellValue>>) => void): WorkbookData {
  const sheets = new Map<string, Map<string, CellValue>>();
  sheets.set(p.layout.instructions, new Map([["A4", text("Respondent")]]));
  for (const area of p.areas) sheets.set(area.name, new Map(area.rows.map((r) => [`${COL.id}${r.row}`, text(r.id)])));
  sheets.set(META_SHEET, new Map(META_KEYS.flatMap((k) => [[`A${META_KEYS.indexOf(k) + 2}`, text(k)] as const, [metaCell(k), text(p.meta[k])] as const])));
  for (const [ref, v] of Object.entries(cells)) {
    const [sheet = "", cell = ""] = ref.split("!");
    sheets.get(sheet)?.set(cell, v);
  }
  edit?.(sheets);
  const data: SheetData[] = [...sheets].map(([name, c]) => ({ name, hidden: name === META_SHEET, cells: c }));
  return { file: "health.xlsx", sheets: data, modified: "2024-05-20T08:00:00.000Z" };
}

function run(wb: WorkbookData, over: { partial?: boolean; country?: string } = {}) {
  const read = readTemplateMeta(wb);
  if (!read.meta) return { issues: read.issues, response: undefined, dropped: [] as readonly string[] };
  return importWorkbook({ workbook: wb, meta: read.meta, questionnaire: xq, digest: DIGEST, partial: over.partial ?? false, country: over.country, now: NOW, hash });
}

const codes = (r: { issues: readonly { code: string }[] }) => r.issues.map((i) => i.code);

describe("importWorkbook", () => {
  it("reads every answer, comment and evidence, and the respondent", () => {
    const r = run(
      workbook(plan(), {
        "Instructions!B4": text("A. Person, head of unit"),
        "Detection!D3": text("Yes"),
        "Detection!D4": { kind: "number", value: 12 },
        "Detection!D5": text("4 — Demonstrated capacity"),
        "Detection!F5": text("Decree 12/2020"),
        "Detection!D6": text("Laboratoire P3"),
        "Detection!E6": text("'=not a formula"),
        "Preparedness and response!D3": text("National plan; Regional plans"),
        "Preparedness and response!D4": { kind: "date", iso: "2023-10-02" },
      }),
    );
    expect(r.issues).toEqual([]);
    expect(r.response).toMatchObject({
      questionnaire: { id: "xq", version: "1.0.0", digest: DIGEST },
      country: "XX",
      agency: "health",
      respondent: "A. Person, head of unit",
      language: "en",
      status: "complete",
      updated: "2024-05-20T08:00:00.000Z",
      answers: {
        "DET.01": { value: "yes" },
        "DET.02": { value: 12 },
        "DET.03": { value: 4, evidence: "Decree 12/2020" },
        "DET.04": { value: "bsl-3", comment: "=not a formula" },
        "PRR.01": { value: ["national", "regional"] },
        "PRR.02": { value: "2023-10-02" },
      },
    });
    expect(RESPONDENT_CELL).toBe("B4");
  });

  it("is in progress while a required question that applies is unanswered", () => {
    expect(run(workbook(plan(), { "Detection!D3": text("No") })).response?.status).toBe("in-progress");
  });

  it("keeps an answer to a question that does not apply, with a warning at its cell", () => {
    const r = run(workbook(plan(), { "Detection!D3": text("No"), "Detection!D4": { kind: "number", value: 5 } }));
    expect(r.issues.map((i) => [i.code, i.severity, i.location])).toEqual([["ANSWER_NOT_RELEVANT", "warning", { file: "health.xlsx", sheet: "Detection", cell: "D4" }]]);
    expect(r.response?.answers["DET.02"]).toEqual({ value: 5 });
    expect(r.response?.irrelevant).toEqual(["DET.02"]);
  });

  it.each<[string, Record<string, CellValue>, string]>([
    ["a label from no language", { "Detection!D5": text("Maybe") }, "D5"],
    ["a number out of range", { "Detection!D3": text("Yes"), "Detection!D4": { kind: "number", value: 150 } }, "D4"],
    ["a date that is none", { "Preparedness and response!D3": text("National plan"), "Preparedness and response!D4": text("soon") }, "D4"],
  ])("refuses the workbook for %s, naming the cell", (_what, cells, cell) => {
    const r = run(workbook(plan(), cells));
    expect(codes(r)).toEqual(["INVALID_ANSWER"]);
    expect(r.issues[0]?.location).toMatchObject({ cell });
    expect(r.response).toBeUndefined();
  });

  it("refuses a comment without an answer, pointing at the comment", () => {
    const r = run(workbook(plan(), { "Detection!E5": text("We are working on it") }));
    expect(r.issues.map((i) => [i.code, i.location])).toEqual([["COMMENT_WITHOUT_ANSWER", { file: "health.xlsx", sheet: "Detection", cell: "E5" }]]);
    expect(r.response).toBeUndefined();
  });

  it("keeps the valid answers with partial, and says which it left out", () => {
    const r = run(workbook(plan(), { "Detection!D3": text("Yes"), "Detection!D5": text("Maybe") }), { partial: true });
    expect(codes(r)).toEqual(["INVALID_ANSWER"]);
    expect(r.dropped).toEqual(["DET.03"]);
    expect(r.response?.answers).toEqual({ "DET.01": { value: "yes" } });
    expect(r.response?.status).toBe("in-progress");
  });

  it.each(["en", "fr", "ru"])("reads a template made in %s", (lang) => {
    const p = plan(lang);
    const det = p.areas[0]?.name ?? "";
    const r = run(workbook(p, { [`${det}!D3`]: text(p.lists[0]?.items[0] ?? "") }));
    expect(r.response?.answers["DET.01"]).toEqual({ value: "yes" });
    expect(r.response?.language).toBe(lang);
  });
});

describe("template checks", () => {
  it("refuses a workbook without the metadata sheet", () => {
    const r = run(workbook(plan(), {}, (s) => s.delete(META_SHEET)));
    expect(codes(r)).toEqual(["TEMPLATE_METADATA_MISSING"]);
  });

  it.each<[string, string, string]>([
    ["agency", "customs", "TEMPLATE_METADATA_ALTERED"],
    ["country", "YY", "TEMPLATE_METADATA_ALTERED"],
    ["language", "de", "TEMPLATE_METADATA_ALTERED"],
    ["fingerprint", "sha256:abc", "TEMPLATE_METADATA_ALTERED"],
    ["format", "naq-template/9", "TEMPLATE_METADATA_ALTERED"],
    ["version", "0.9.0", "TEMPLATE_REVISION_MISMATCH"],
    ["questionnaire", "other", "TEMPLATE_REVISION_MISMATCH"],
    ["digest", `sha256:${"1".repeat(64)}`, "DIGEST_MISMATCH"],
  ])("refuses a template whose %s was changed to %s", (key, value, code) => {
    const r = run(workbook(plan(), {}, (s) => s.get(META_SHEET)?.set(metaCell(key as never), text(value))));
    expect(codes(r)).toEqual([code]);
    expect(r.response).toBeUndefined();
  });

  it("refuses a tampered id, saying which cell and how many rows differ", () => {
    const r = run(workbook(plan(), { "Detection!A4": text("DET.09") }));
    expect(codes(r)).toEqual(["TEMPLATE_ROWS_CHANGED"]);
    expect(r.issues[0]?.location).toEqual({ file: "health.xlsx", sheet: "Detection", cell: "A4" });
    expect(r.issues[0]?.message).toMatch(/should hold DET.02 but holds “DET.09”/);
  });

  it("refuses rows that were sorted", () => {
    const r = run(workbook(plan(), { "Detection!A3": text("DET.04"), "Detection!A6": text("DET.01") }));
    expect(r.issues[0]?.message).toMatch(/should hold DET.01 .*\(and 1 more row below\)/);
  });

  it("refuses a renamed sheet", () => {
    const r = run(
      workbook(plan(), {}, (s) => {
        const det = s.get("Detection") as Map<string, CellValue>;
        s.delete("Detection");
        s.set("Sheet1", det);
      }),
    );
    expect(codes(r)).toEqual(["TEMPLATE_ROWS_CHANGED"]);
    expect(r.issues[0]?.message).toMatch(/“Detection” is missing/);
  });

  it("takes the country from --country when the template names none, and refuses a contradiction", () => {
    const p = planTemplate({ questionnaire: xq, digest: DIGEST, agency: "health", lang: "en", now: NOW, hash });
    expect(codes(run(workbook(p)))).toEqual(["TEMPLATE_METADATA_ALTERED"]);
    expect(run(workbook(p), { country: "FR" }).response?.country).toBe("FR");
    expect(codes(run(workbook(plan()), { country: "FR" }))).toEqual(["TEMPLATE_METADATA_ALTERED"]);
  });
});

describe("the status of an imported workbook", () => {
  /** The response `naq fill` makes when the agency gives `answers` one after another. */
  const filled = (answers: Record<string, Answer>) =>
    Object.entries(answers).reduce(
      (r, [id, a]) => recordAnswer(xq, r, id, a, NOW).response,
      newResponse(xq, DIGEST, { country: "XX", agency: "health", language: "en", respondent: undefined }, NOW),
    );

  it.each<[string, Record<string, CellValue>, string]>([
    ["nothing answered", {}, "in-progress"],
    ["a required question left open", { "Detection!D3": text("No") }, "in-progress"],
    [
      "every question that applies answered",
      {
        "Detection!D3": text("No"),
        "Detection!D5": text("4 — Demonstrated capacity"),
        "Detection!D6": text("Laboratoire P3"),
        "Preparedness and response!D3": text("Regional plans"),
      },
      "complete",
    ],
    [
      "an answer to a question that does not apply",
      {
        "Detection!D3": text("No"),
        "Detection!D4": { kind: "number", value: 12 },
        "Detection!D5": text("4 — Demonstrated capacity"),
        "Detection!D6": text("Laboratoire P3"),
        "Preparedness and response!D3": text("Regional plans"),
      },
      "complete",
    ],
  ])("is the status fill gives the same answers when %s (%s)", (_name, cells, status) => {
    const imported = run(workbook(plan(), cells)).response;
    expect(imported).toBeDefined();
    const same = filled(imported?.answers ?? {});
    expect(imported?.status).toBe(status);
    expect([imported?.status, imported?.irrelevant]).toEqual([same.status, same.irrelevant]);
  });
});
