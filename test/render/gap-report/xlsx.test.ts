import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { neutralise } from "../../../src/core/workbook/cell.js";
import { renderXlsx, valueCell } from "../../../src/render/gap-report/xlsx.js";
import { FORMULA_COMMENT, hostileReport } from "../../merge-helpers.js";

async function readBack() {
  const report = await hostileReport();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await renderXlsx(report)) as unknown as ArrayBuffer);
  const rows = (name: string) => {
    const out: unknown[][] = [];
    wb.getWorksheet(name)?.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return out;
  };
  return { report, wb, rows };
}

describe("XLSX report", () => {
  it("has the sheets analysts expect", async () => {
    const { wb } = await readBack();
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Summary", "Areas", "Priorities", "Disagreements", "Coverage", "Answers"]);
  });

  it("holds the model's figures", async () => {
    const { report, rows } = await readBack();
    expect(rows("Areas").slice(1)).toEqual(
      report.areas.map((a) => [a.id, a.title, ...[a.score, a.coverage, a.answerRate].map((x) => x ?? undefined), a.questions, a.scored, a.covered, a.disagreements]),
    );
    expect(
      rows("Priorities")
        .slice(1)
        .map((r) => r.slice(0, 11)),
    ).toEqual(
      report.priorities.map((p) => [
        p.rank,
        p.band,
        p.question,
        p.area,
        report.questions.find((x) => x.id === p.question)?.text,
        p.level,
        p.target,
        p.gap,
        p.weight,
        p.criticality,
        p.priority,
      ]),
    );
    const summary = new Map(rows("Summary").map((r) => [r[0], r[1]]));
    expect(summary.get("Overall score (%)")).toBe(report.summary.overall);
    expect(summary.get("Unresolved disagreements")).toBe(report.summary.unresolved);
  });

  it("holds every agency's raw answer in the Answers matrix", async () => {
    const { report, rows } = await readBack();
    const [header, ...body] = rows("Answers");
    const agencies = (header as string[]).slice(10);
    for (const x of report.questions) {
      const row = body.find((r) => r[0] === x.id) as unknown[];
      for (const s of x.sources) {
        const cell = valueCell(s.value);
        expect(row[10 + agencies.indexOf(s.agency)]).toEqual(typeof cell === "string" ? neutralise(cell) : cell);
      }
    }
  });

  it("writes text that looks like a formula as text with a leading apostrophe, never as a formula", async () => {
    const { wb } = await readBack();
    const sheet = wb.getWorksheet("Disagreements");
    const cells: ExcelJS.Cell[] = [];
    sheet?.eachRow((row) => row.eachCell((c) => cells.push(c)));
    expect(cells.filter((c) => typeof c.value === "string" && /^[=+\-@]/.test(c.value))).toEqual([]);
    const hostile = cells.filter((c) => typeof c.value === "string" && /^'[=+\-@]/.test(c.value));
    expect(hostile.map((c) => c.value)).toEqual(expect.arrayContaining([`'${FORMULA_COMMENT}`, "'@SUM(1+1)", "'+cmd|' /C calc'!A0"]));
    for (const c of hostile) {
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.formula).toBeUndefined();
      expect(c.numFmt).toBe("@");
    }
  });
});

describe("XLSX report of responses carried from an older revision", () => {
  it("lists the answers that could not be carried on a sheet of their own, as text", async () => {
    const { loadMergeInputs } = await import("../../../src/io/merge-inputs.js");
    const { buildGapReport } = await import("../../../src/core/gap-report/build.js");
    const inputs = loadMergeInputs({ paths: ["examples"] });
    const report = buildGapReport({
      questionnaire: inputs.revision.questionnaire,
      digest: inputs.revision.digest,
      language: "en",
      responses: inputs.responses,
      excluded: inputs.excluded,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(report)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Not carried");
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const expected = report.inputs.flatMap((f) => (f.notCarried ?? []).map((u) => [f.agency, u.question, u.value]));
    // customs 2 and defence 4 (see the examples report test).
    expect(expected.length).toBe(6);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[4]])).toEqual(expected);
  });
});
