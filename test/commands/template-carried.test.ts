import ExcelJS from "exceljs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root, runBuilt, tempDir } from "../helpers.js";

async function guidanceOf(file: string): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) ws.eachRow((row) => out.set(row.getCell(1).text, row.getCell(3).text));
  return out;
}

describe("naq template --from a migrated response", () => {
  const dir = tempDir();
  const migrated = join(dir, "customs-2.0.0.yaml");
  expect(runBuilt(["migrate", join(root, "examples/responses/XX-customs-1.0.0.yaml"), "--to", "cbrn-naq@2.0.0", "--out", migrated]).code).toBe(0);

  it.each([
    ["en", "Earlier answer to DET.04 (1.0.0), not carried over: 6.", "Carried over from the earlier edition; please check it:"],
    ["ru", "Прежний ответ на DET.04 (1.0.0), не перенесённый автоматически: 6.", "Ответ перенесён из предыдущей редакции; проверьте его:"],
  ])("shows in %s the old answers that could not be carried next to their question, and the carried ones to check", async (lang, earlier, confirm) => {
    const xlsx = join(dir, `t-${lang}.xlsx`);
    const r = runBuilt(["template", "--from", migrated, "--lang", lang, "--out", xlsx]);
    expect(r.code).toBe(0);
    const guidance = await guidanceOf(xlsx);
    expect(guidance.get("DET.42")).toContain(earlier);
    expect(guidance.get("STC.02")).toContain(confirm);
    expect(guidance.get("LEG.13")).toContain(confirm);
    expect(guidance.get("AUT.10")).toContain(confirm);
    expect(guidance.get("DET.21") ?? "").not.toContain(earlier);
    // The notes change no question row, so the workbook still imports.
    expect(runBuilt(["import", xlsx, "--out", join(dir, `back-${lang}.yaml`)]).code).toBe(0);
  });
});
