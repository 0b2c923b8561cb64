import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { fillSession } from "../fill-session.js";
import { fixture, runBuilt, tempDir } from "../helpers.js";

const MESSAGE = "naq: --country: `France` is not a two-letter ISO 3166-1 code such as FR or KZ (XX for an exercise)";

describe("the --country check", () => {
  it.each([
    ["template", ["template", "--agency", "health", "--country", "France", "--out", "t.xlsx"]],
    ["import", ["import", "t.xlsx", "--country", "France"]],
  ])("refuses a country that is not a two-letter code in %s with the one message (exit 2)", (_name, argv) => {
    const r = runBuilt(argv, { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(MESSAGE);
  });

  it("refuses it in fill with the same message", async () => {
    const { error } = await fillSession({ questionnaire: fixture("fill", "small.yaml") }, "2025-01-15T08:00:00.000Z")(tempDir(), [], { country: "France" });
    expect(`naq: ${(error as Error).message}`).toBe(MESSAGE);
  });

  it("takes a code with spaces around it in any case, and records it upper-cased", async () => {
    const dir = tempDir();
    const r = runBuilt(["template", "--agency", "health", "--country", " kz ", "--out", "t.xlsx"], { cwd: dir });
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "t.xlsx"));
    const meta = wb.getWorksheet("naq") as ExcelJS.Worksheet;
    const rows = [2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => [meta.getCell(n, 1).value, meta.getCell(n, 2).value]);
    expect(Object.fromEntries(rows)).toMatchObject({ country: "KZ" });
  });
});
