import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { root, runBuilt, runNaq, tempDir } from "../helpers.js";
import { readZip, rowOf } from "../xlsx-helpers.js";

const load = async (file: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
};

describe("naq template", () => {
  let dir: string;
  let file: string;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    dir = tempDir();
    file = join(dir, "health-fr.xlsx");
    const r = runBuilt(["template", "--agency", "health", "--country", "XX", "--lang", "fr", "--send-to", "Secrétariat NRBC, nfp@example.org", "--out", file]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Wrote .*health-fr\.xlsx: 133 questions on 9 sheets for Ministère de la Santé \(health\), in fr/);
    wb = await load(file);
  });

  it("writes an instructions sheet, one sheet per area, and hidden list and metadata sheets", () => {
    expect(wb.worksheets.map((s) => [s.name, s.state])).toEqual([
      ["Instructions", "visible"],
      ["Profil national", "visible"],
      ["Législation et réglementation", "visible"],
      ["Autorités publiques de gestion", "visible"],
      ["Évaluation des risques et", "visible"],
      ["Prévention", "visible"],
      ["Détection", "visible"],
      ["Préparation et intervention", "visible"],
      ["Relèvement", "visible"],
      ["Pérennité", "visible"],
      ["naq_lists", "hidden"],
      ["naq", "hidden"],
    ]);
  });

  it("writes instructions in the chosen language: levels, respondent, who to send it back to", () => {
    const ws = wb.getWorksheet("Instructions") as ExcelJS.Worksheet;
    const text = ws
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === "string")
      .join("\n");
    expect(text).toContain("Comment répondre");
    expect(text).toContain("3 — Capacité développée");
    expect(text).toContain("Renvoyez le classeur enregistré à Secrétariat NRBC, nfp@example.org.");
    expect(ws.getCell("A4").value).toBe("Répondant (nom, fonction)");
    expect(ws.getCell("B4").protection?.locked).toBe(false);
  });

  it("lists each question with its id, text, guidance and an answer cell with a dropdown behind a defined name", () => {
    const { sheet, row } = rowOf(wb, "PRV.05");
    expect(sheet.name).toBe("Prévention");
    expect(sheet.getCell(row, 2).value).toMatch(/^Combien/);
    expect(sheet.getCell(row, 3).value).toMatch(/À remplir seulement si la réponse à PRV.04 est au moins « 2 — Capacité limitée »/);
    expect(sheet.getCell(row, 4).dataValidation).toMatchObject({ type: "list", formulae: ["naq_special"] });
    const level = rowOf(wb, "DET.21");
    expect(level.sheet.getCell(level.row, 4).dataValidation).toMatchObject({ type: "list", formulae: ["naq_level_capability"], showErrorMessage: true });
    expect(level.sheet.getCell(1, 1).value).toBe("Détection");
    expect(level.sheet.getRow(2).values).toEqual([undefined, "ID", "Question", "Indications", "Réponse", "Commentaire", "Justificatif"]);
  });

  it("keeps every dropdown on the hidden sheet: no inline list, every name prefixed naq_", () => {
    const xml = readZip(readFileSync(file));
    const workbookXml = xml.get("xl/workbook.xml")?.toString("utf8") ?? "";
    const names = [...workbookXml.matchAll(/<definedName name="([^"]+)">([^<]+)</g)].map((m) => [m[1], m[2]]);
    expect(names.length).toBeGreaterThan(3);
    for (const [name, ref] of names) {
      expect(name).toMatch(/^naq_[A-Za-z0-9_]+$/);
      expect(ref).toMatch(/^&apos;naq_lists&apos;!\$[A-Z]+\$1:\$[A-Z]+\$\d+$/);
    }
    const sheets = [...xml].filter(([n]) => n.startsWith("xl/worksheets/")).map(([, b]) => b.toString("utf8"));
    for (const s of sheets) for (const f of s.matchAll(/<formula1>([^<]*)<\/formula1>/g)) expect(f[1]).toMatch(/^naq_/);
  });

  it("freezes the header, locks the id and question columns, unlocks the answer, comment and evidence cells", () => {
    const ws = wb.getWorksheet("Détection") as ExcelJS.Worksheet;
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2 });
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    const { row } = rowOf(wb, "DET.21");
    expect([1, 2, 3].map((c) => ws.getCell(row, c).protection?.locked ?? true)).toEqual([true, true, true]);
    expect([4, 5].map((c) => ws.getCell(row, c).protection?.locked)).toEqual([false, false]);
    expect(ws.getColumn(2).width).toBeGreaterThan(40);
    expect(ws.getCell(row, 2).alignment?.wrapText).toBe(true);
  });

  it("offers an evidence cell only where the question asks for evidence", () => {
    const asks = rowOf(wb, "LEG.07");
    const none = rowOf(wb, "PRV.05");
    expect(asks.sheet.getCell(asks.row, 6).protection?.locked).toBe(false);
    expect(none.sheet.getCell(none.row, 6).protection?.locked ?? true).toBe(true);
  });

  it("records the revision, agency, country, language and a fingerprint on the metadata sheet", () => {
    const ws = wb.getWorksheet("naq") as ExcelJS.Worksheet;
    const meta = Object.fromEntries([2, 3, 4, 5, 6, 7, 8, 9, 10].map((r) => [ws.getCell(r, 1).text, ws.getCell(r, 2).value]));
    expect(meta).toMatchObject({ format: "naq-template/1", questionnaire: "cbrn-naq", version: "2.0.0", agency: "health", country: "XX", language: "fr" });
    expect(meta.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(meta.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("never replaces a workbook without --force", () => {
    const before = statSync(file).mtimeMs;
    const r = runBuilt(["template", "--agency", "health", "--out", file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/exists; pass --force/);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(runBuilt(["template", "--agency", "customs", "--out", file, "--force"]).code).toBe(0);
  });

  it.each([
    [["--agency", "helth"], /Did you mean `health`/],
    [["--agency", "health", "--lang", "de"], /not available in `de`/],
    [["--agency", "health", "--country", "France"], /--country: `France` is not a two-letter ISO 3166-1 code/],
    [[], /--agency is required/],
  ])("refuses %j with a usage error", async (args, message) => {
    const r = await runNaq(["template", ...args, "--out", join(dir, "x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
  });

  it("refuses an --out that is not .xlsx", async () => {
    const r = await runNaq(["template", "--agency", "health", "--out", join(dir, "x.csv")]);
    expect(r.code).toBe(2);
  });

  it("pre-fills a response's answers, comment, evidence and respondent with --from", async () => {
    const digest = (wb.getWorksheet("naq") as ExcelJS.Worksheet).getCell("B5").value as string;
    const response = join(dir, "health.yaml");
    writeFileSync(
      response,
      [
        "kind: response",
        `questionnaire: {id: cbrn-naq, version: 2.0.0, digest: "${digest}"}`,
        "country: XX",
        "agency: health",
        'respondent: "=Dr A. Ndiaye"',
        "language: ru",
        "status: in-progress",
        "updated: 2024-05-15T10:00:00Z",
        "answers:",
        '  LEG.07: {value: 3, comment: "=HYPERLINK(\\"http://x\\")", evidence: Law 12}',
        "  AUT.08: {value: yes}",
        "  PRV.19: {value: [radioactive-sources, high-containment-labs]}",
        "  PRR.25: {value: 3}",
        "  PRR.26: {value: 40}",
        "  DET.24: {value: dont-know}",
        "",
      ].join("\n"),
    );
    const out = join(dir, "review.xlsx");
    const r = runBuilt(["template", "--from", response, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/in ru, 6 answers pre-filled/);
    const filled = await load(out);
    const cell = (id: string, col: number) => {
      const { sheet, row } = rowOf(filled, id);
      return sheet.getCell(row, col).value;
    };
    expect(cell("LEG.07", 4)).toBe("3 — Развитый потенциал");
    expect(cell("LEG.07", 5)).toBe('\'=HYPERLINK("http://x")');
    expect(cell("LEG.07", 6)).toBe("Law 12");
    expect(cell("AUT.08", 4)).toBe("Да");
    expect(cell("PRR.26", 4)).toBe(40);
    expect(cell("DET.24", 4)).toBe("Не знаю");
    expect((filled.getWorksheet("Инструкция") as ExcelJS.Worksheet).getCell("B4").value).toBe("'=Dr A. Ndiaye");

    const back = runBuilt(["import", out, "--out", join(dir, "back.yaml")]);
    expect(back.code).toBe(0);
    const text = readFileSync(join(dir, "back.yaml"), "utf8");
    expect(text).toContain("respondent: =Dr A. Ndiaye");
    expect(text).toMatch(/LEG\.07:\n {4}value: 3\n {4}comment: =HYPERLINK\("http:\/\/x"\)\n {4}evidence: Law 12/);
  });

  it("pre-fills a response to an older revision in a template of that revision", async () => {
    const out = join(dir, "customs-1.0.0.xlsx");
    const r = await runNaq(["template", "--from", join(root, "examples", "responses", "XX-customs-1.0.0.yaml"), "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/for .* \(customs\), in ru, \d+ answers pre-filled/);
    const meta = (await load(out)).getWorksheet("naq") as ExcelJS.Worksheet;
    expect(meta.getCell("B4").value).toBe("1.0.0");
  });

  it("refuses to pre-fill a response into a template of another revision", async () => {
    const r = await runNaq([
      "template",
      "--questionnaire",
      "cbrn-naq@2.0.0",
      "--from",
      join(root, "examples", "responses", "XX-customs-1.0.0.yaml"),
      "--out",
      join(dir, "old.xlsx"),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/answers cbrn-naq 1\.0\.0, but the template is for cbrn-naq 2\.0\.0/);
  });
});

describe("help", () => {
  it.each([["template"], ["import"]])("answers naq %s --help with usage and a worked example", (command) => {
    const r = runBuilt([command, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Usage: naq ${command}`));
    expect(r.stdout).toMatch(new RegExp(`Examples:\\n {2}\\$ naq ${command} `));
  });
});
