import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { answerDisplay } from "../../src/core/answers/answer-text.js";
import { levelsOf, type AnswerValue, type Question, type Questionnaire } from "../../src/core/questionnaire/model.js";
import { openQuestionnaire } from "../../src/io/revisions/bundled.js";
import { fixture, root, runBuilt, runNaq, tempDir } from "../helpers.js";
import { editZip, fillWorkbook, writeZip, type Fill } from "../xlsx-helpers.js";

interface Imported {
  respondent?: string;
  status: string;
  language: string;
  answers: Record<string, { value: AnswerValue; comment?: string; evidence?: string }>;
  irrelevant?: string[];
}
const readResponse = (file: string) => parse(readFileSync(file, "utf8")) as Imported;

/** A valid value for every question, varied by position. */
function valueFor(q: Questionnaire, question: Question, i: number): AnswerValue {
  if (i % 11 === 7) return "dont-know";
  if (i % 13 === 9) return "not-applicable";
  const options = (question.options ?? []).map((o) => o.value);
  switch (question.type) {
    case "level": {
      const levels = levelsOf(q, question) ?? [];
      return levels[i % levels.length]?.value ?? 1;
    }
    case "yes-no":
      return i % 2 ? "yes" : "no";
    case "choice":
      return options[i % options.length] ?? "";
    case "multi-choice":
      return options.filter((_, j) => (i + j) % 3 !== 0);
    case "number":
      return (question.min ?? 0) + (i % 10);
    case "date":
      return `2023-0${1 + (i % 9)}-1${i % 10}`;
    case "text":
      return `Réponse libre n° ${i}`;
  }
}

/** How a person might put `value` in the cell: the label shown, the value itself, a typed number, date or boolean, rich text or a formula's result. */
function cellFor(q: Questionnaire, question: Question, value: AnswerValue, lang: string, i: number): ExcelJS.CellValue {
  const shown = answerDisplay(q, question, value, lang);
  switch (i % 5) {
    case 1:
      if (value === "dont-know" || value === "not-applicable") return String(shown).toUpperCase();
      return Array.isArray(value) ? value.join(";") : String(value);
    case 2:
      if (question.type === "yes-no" && (value === "yes" || value === "no")) return value === "yes";
      if (question.type === "date" && typeof value === "string" && /^\d/.test(value)) return new Date(`${value}T00:00:00Z`);
      return typeof shown === "string" && question.type !== "text" ? `  ${shown.toLowerCase()}  ` : shown;
    case 3:
      return { richText: [{ text: String(shown).slice(0, 2) }, { font: { bold: true }, text: String(shown).slice(2) }] };
    case 4:
      // A date formula caches the date's serial number, as =DATE(2023;2;19) does.
      if (question.type === "date" && typeof value === "string" && /^\d/.test(value))
        return { formula: "DATE(2023,2,19)", result: new Date(`${value}T00:00:00Z`), date1904: false };
      return { formula: "A1", result: shown, date1904: false };
    default:
      return shown;
  }
}

describe("naq import: round trip", () => {
  it.each([
    ["2.0.0", "en", "health"],
    ["2.0.0", "fr", "emergency"],
    ["2.0.0", "ru", "customs"],
    ["1.0.0", "en", "nuclear-regulator"],
    ["1.0.0", "ru", "interior"],
  ])("gives back every answer of a %s template filled in %s (%s)", async (version, lang, agency) => {
    const dir = tempDir();
    const template = join(dir, "template.xlsx");
    expect(runBuilt(["template", "--questionnaire", `cbrn-naq@${version}`, "--agency", agency, "--country", "XX", "--lang", lang, "--out", template]).code).toBe(0);
    const q = openQuestionnaire(`cbrn-naq@${version}`).questionnaire;
    const fills: Record<string, Fill> = {};
    const expected: Record<string, unknown> = {};
    q.questions
      .filter((x) => x.for.includes(agency))
      .forEach((question, i) => {
        const value = valueFor(q, question, i);
        fills[question.id] = {
          answer: cellFor(q, question, value, lang, i),
          ...(i % 4 === 0 ? { comment: `Commentaire ${i} =1+1` } : {}),
          ...(question.evidence !== "none" && i % 3 === 0 ? { evidence: `Loi ${i}` } : {}),
        };
        expected[question.id] = {
          value,
          ...(i % 4 === 0 ? { comment: `Commentaire ${i} =1+1` } : {}),
          ...(question.evidence !== "none" && i % 3 === 0 ? { evidence: `Loi ${i}` } : {}),
        };
      });
    const filled = join(dir, "filled.xlsx");
    await fillWorkbook(template, filled, fills);
    const r = runBuilt(["import", filled, "--out-dir", join(dir, "out")]);
    expect(r.stderr.split("\n").filter((l) => l.includes(" error "))).toEqual([]);
    expect(r.code).toBe(0);
    const response = readResponse(join(dir, "out", "filled.yaml"));
    expect(response.answers).toEqual(expected);
    expect(response.language).toBe(lang);
    expect(runBuilt(["validate", join(dir, "out", "filled.yaml")]).code).toBe(0);
  });
});

describe("naq import: workbooks saved by LibreOffice", () => {
  const spec = (name: string) =>
    JSON.parse(readFileSync(fixture("xlsx", `${name}.fill.json`), "utf8")) as {
      respondent: string;
      answers: { id: string; expect: unknown; comment?: string; evidence?: string }[];
    };

  it.each(["lo-ru-emergency", "lo-fr-health"])("reads every answer, comment and evidence of %s.xlsx", (name) => {
    const dir = tempDir();
    const r = runBuilt(["import", fixture("xlsx", `${name}.xlsx`), "--out-dir", dir]);
    expect(r.code).toBe(0);
    const response = readResponse(join(dir, `${name}.yaml`));
    const s = spec(name);
    expect(response.respondent).toBe(s.respondent);
    expect(Object.keys(response.answers).sort()).toEqual(s.answers.map((a) => a.id).sort());
    for (const a of s.answers) {
      expect(response.answers[a.id], a.id).toEqual({ value: a.expect, ...(a.comment ? { comment: a.comment } : {}), ...(a.evidence ? { evidence: a.evidence } : {}) });
    }
  });

  it("turns the Russian workbook into a complete response that passes naq validate without a warning", () => {
    const dir = tempDir();
    expect(runBuilt(["import", fixture("xlsx", "lo-ru-emergency.xlsx"), "--out", join(dir, "emergency.yaml")]).code).toBe(0);
    const response = readResponse(join(dir, "emergency.yaml"));
    expect(response).toMatchObject({ status: "complete", language: "ru", agency: "emergency", country: "XX" });
    const v = runBuilt(["validate", "--strict", join(dir, "emergency.yaml")]);
    expect(v.stdout).toMatch(/0 errors, 0 warnings/);
    expect(v.code).toBe(0);
  });

  it("keeps the French answer to a question that does not apply, with a warning naming its cell", () => {
    const dir = tempDir();
    const r = runBuilt(["import", fixture("xlsx", "lo-fr-health.xlsx"), "--out-dir", dir]);
    expect(r.stderr).toMatch(/lo-fr-health\.xlsx:Autorités publiques de gestion!D\d+ +warning +ANSWER_NOT_RELEVANT +AUT\.17 does not apply/);
    expect(readResponse(join(dir, "lo-fr-health.yaml")).irrelevant).toEqual(["AUT.17"]);
  });
});

describe("naq import: the example workbooks", () => {
  const workbooks = readdirSync(join(root, "examples", "workbooks")).filter((f) => f.endsWith(".xlsx"));
  const sorted = (r: Imported) => Object.fromEntries(Object.entries(r.answers).map(([id, a]) => [id, Array.isArray(a.value) ? { ...a, value: [...a.value].sort() } : a]));

  it("are at least two", () => {
    expect(workbooks.length).toBeGreaterThanOrEqual(2);
  });

  it.each(workbooks)("turns examples/workbooks/%s into the response it was made from", (name) => {
    const dir = tempDir();
    const r = runBuilt(["import", join("examples", "workbooks", name), "--out-dir", dir]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const file = join(dir, name.replace(/\.xlsx$/, ".yaml"));
    const imported = readResponse(file);
    const original = readResponse(join(root, "examples", "responses", name.replace(/\.xlsx$/, ".yaml")));
    const { updated: _u1, answers: _a1, ...rest } = imported as Imported & { updated: string };
    const { updated: _u2, answers: _a2, ...expected } = original as Imported & { updated: string };
    expect(rest).toEqual(expected);
    expect(sorted(imported)).toEqual(sorted(original));
    expect(runBuilt(["validate", "--strict", file]).code).toBe(0);
  });
});

describe("naq import: bad workbooks", () => {
  let dir: string;
  let template: string;
  let filled: string;
  let template1: string;
  beforeAll(async () => {
    dir = tempDir();
    template = join(dir, "template.xlsx");
    template1 = join(dir, "template-1.0.0.xlsx");
    expect(runBuilt(["template", "--agency", "health", "--country", "XX", "--out", template]).code).toBe(0);
    expect(runBuilt(["template", "--questionnaire", "cbrn-naq@1.0.0", "--agency", "health", "--country", "XX", "--out", template1]).code).toBe(0);
    filled = join(dir, "filled.xlsx");
    await fillWorkbook(template, filled, { "DET.21": { answer: "3 — Developed capacity" }, "SUS.15": { answer: 4 }, "PRV.17": { answer: "Yes" } });
  });

  const bad: [string, string, (file: string) => Promise<void> | void, string[]?][] = [
    ["not a zip", "NOT_XLSX", (f) => writeFileSync(f, "id,answer\nDET.21,3\n")],
    ["a zip that is not a workbook", "NOT_A_WORKBOOK", (f) => writeFileSync(f, writeZip([["word/document.xml", "<w:document/>"]]))],
    ["a template of another revision", "TEMPLATE_REVISION_MISMATCH", (f) => copyFileSync(template1, f), ["--questionnaire", "cbrn-naq@2.0.0"]],
    ["a tampered id", "TEMPLATE_ROWS_CHANGED", (f) => fillWorkbook(filled, f, {}, (wb) => ((wb.getWorksheet("Detection") as ExcelJS.Worksheet).getCell("A4").value = "DET.99"))],
    ["altered metadata", "TEMPLATE_METADATA_ALTERED", (f) => fillWorkbook(filled, f, {}, (wb) => ((wb.getWorksheet("naq") as ExcelJS.Worksheet).getCell("B6").value = "customs"))],
    ["a deleted metadata sheet", "TEMPLATE_METADATA_MISSING", (f) => fillWorkbook(filled, f, {}, (wb) => wb.removeWorksheet((wb.getWorksheet("naq") as ExcelJS.Worksheet).id))],
    ["a label from no language", "INVALID_ANSWER", (f) => fillWorkbook(filled, f, { "DET.21": { answer: "Maybe" } })],
    ["a number out of range", "INVALID_ANSWER", (f) => fillWorkbook(filled, f, { "SUS.17": { answer: 150 } })],
    [
      "a 1,000,000-row validation range",
      "VALIDATION_TOO_LARGE",
      (f) => {
        let edited = 0;
        editZip(filled, f, (name, xml) =>
          name === "xl/worksheets/sheet6.xml"
            ? xml.replace(/(<dataValidation\b[^>]*\bsqref=")D(\d+)(:D\d+)?"/, (_m, start: string, row: string) => (edited++, `${start}D${row}:D1000002"`))
            : xml,
        );
        expect(edited).toBe(1);
      },
    ],
    [
      "a zip bomb (small file, huge declared entry)",
      "ZIP_BOMB",
      (f) =>
        writeFileSync(
          f,
          writeZip(
            [
              ["xl/workbook.xml", "<workbook/>"],
              ["xl/worksheets/sheet1.xml", "<worksheet/>"],
            ],
            { "xl/worksheets/sheet1.xml": 4_000_000_000 },
          ),
        ),
    ],
    ["a password-protected workbook", "ENCRYPTED_WORKBOOK", (f) => copyFileSync(fixture("xlsx", "lo-encrypted.xlsx"), f)],
    [
      "a sheet of 20,000 rows",
      "TOO_MANY_ROWS",
      (f) =>
        editZip(filled, f, (name, xml) =>
          name === "xl/worksheets/sheet2.xml" ? xml.replace("</sheetData>", `${Array.from({ length: 20000 }, (_, i) => `<row r="${i + 200}"/>`).join("")}</sheetData>`) : xml,
        ),
    ],
    [
      "a file over 20 MB",
      "FILE_TOO_LARGE",
      (f) => {
        copyFileSync(filled, f);
        truncateSync(f, 21 * 1024 * 1024);
      },
    ],
    ["a damaged workbook", "WORKBOOK_UNREADABLE", (f) => editZip(filled, f, (name, xml) => (name === "xl/workbook.xml" ? xml.slice(0, 100) : xml))],
  ];

  it.each(bad)("refuses %s with %s and writes nothing", async (_what, code, make, args = []) => {
    const file = join(dir, `${code.toLowerCase()}-${bad.findIndex((b) => b[2] === make)}.xlsx`);
    await make(file);
    const out = join(dir, `out-${code}`);
    mkdirSync(out, { recursive: true });
    const r = runBuilt(["import", file, "--out-dir", out, ...args]);
    expect(r.stderr).toContain(code);
    expect(r.stderr).not.toMatch(/internal error|\n {4}at /);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/nothing written/);
    expect(readdirSync(out)).toEqual([]);
  });

  it("names the sheet and cell of a wrong answer, and lists the allowed ones", async () => {
    const file = join(dir, "maybe.xlsx");
    await fillWorkbook(filled, file, { "DET.21": { answer: "Maybe" } });
    const r = await runNaq(["import", file, "--out-dir", join(dir, "maybe")]);
    expect(r.stderr).toMatch(
      /maybe\.xlsx:Detection!D4 +error +INVALID_ANSWER +DET\.21: “Maybe” is not an allowed answer; allowed: 1 — No capacity, 2 — Limited capacity, .*Don't know, Not applicable/,
    );
  });

  it("imports the valid answers with --partial, lists the rest, and still exits 1", async () => {
    const file = join(dir, "partial.xlsx");
    await fillWorkbook(filled, file, { "SUS.17": { answer: 150 } });
    const r = runBuilt(["import", file, "--partial", "--out", join(dir, "partial.yaml")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/partial\.yaml: 3 answers \(1 left out: SUS\.17\), in-progress/);
    expect(Object.keys(readResponse(join(dir, "partial.yaml")).answers)).toEqual(["PRV.17", "DET.21", "SUS.15"]);
  });
});

describe("naq import: output files", () => {
  let dir: string;
  let filled: string;
  beforeAll(async () => {
    dir = tempDir();
    const template = join(dir, "template.xlsx");
    expect((await runNaq(["template", "--agency", "customs", "--country", "XX", "--out", template])).code).toBe(0);
    filled = join(dir, "customs.xlsx");
    await fillWorkbook(template, filled, { "LEG.13": { answer: "Limited capacity", comment: "Two ports only" } });
  });

  it("never replaces a response file without --force", () => {
    const out = join(dir, "exists.yaml");
    writeFileSync(out, "keep me\n");
    const r = runBuilt(["import", filled, "--out", out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/exists\.yaml +error +OUTPUT_EXISTS +it exists; pass --force/);
    expect(readFileSync(out, "utf8")).toBe("keep me\n");
    expect(runBuilt(["import", filled, "--out", out, "--force"]).code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^# yaml-language-server: \$schema=.*response\.schema\.json\nkind: response\n/);
  });

  it("imports every workbook of a folder into the target folder, skipping lock files", async () => {
    const inbox = join(dir, "inbox");
    mkdirSync(inbox);
    copyFileSync(filled, join(inbox, "a.xlsx"));
    copyFileSync(filled, join(inbox, "b.xlsx"));
    writeFileSync(join(inbox, "~$a.xlsx"), "lock");
    const r = await runNaq(["import", inbox, "--out-dir", join(dir, "responses")]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, "responses")).sort()).toEqual(["a.yaml", "b.yaml"]);
  });

  it("refuses two workbooks of the same name into one folder rather than overwrite the first", async () => {
    mkdirSync(join(dir, "x"));
    mkdirSync(join(dir, "y"));
    copyFileSync(filled, join(dir, "x", "same.xlsx"));
    copyFileSync(filled, join(dir, "y", "same.xlsx"));
    const r = await runNaq(["import", join(dir, "x", "same.xlsx"), join(dir, "y", "same.xlsx"), "--out-dir", join(dir, "same")]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/OUTPUT_EXISTS +it would be written twice, from /);
    expect(readdirSync(join(dir, "same"))).toEqual(["same.yaml"]);
  });

  it("imports a workbook whose name a broken workbook of the same name had, since the broken one writes nothing", async () => {
    mkdirSync(join(dir, "broken"));
    mkdirSync(join(dir, "good"));
    writeFileSync(join(dir, "broken", "twin.xlsx"), "not a workbook");
    copyFileSync(filled, join(dir, "good", "twin.xlsx"));
    const r = await runNaq(["import", join(dir, "broken", "twin.xlsx"), join(dir, "good", "twin.xlsx"), "--out-dir", join(dir, "twins")]);
    expect(r.stderr).not.toContain("written twice");
    expect(r.stdout).toMatch(/✔ .*twin\.xlsx → .*twin\.yaml/);
    expect(readdirSync(join(dir, "twins"))).toEqual(["twin.yaml"]);
  });

  it.each([
    [["--out", "a.yaml", "--out-dir", "b"], /not both/],
    [["--out", "a.json"], /--out must name a \.yaml file/],
  ])("refuses %j as a usage error", async (args, message) => {
    const r = await runNaq(["import", filled, ...args], {}, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("refuses --out for several workbooks", async () => {
    const r = await runNaq(["import", filled, filled.replace("customs", "template"), "--out", "x.yaml"], {}, dir);
    expect(r.code).toBe(2);
  });

  it("reports a missing workbook and exits 3", async () => {
    const r = await runNaq(["import", join(dir, "nope.xlsx")]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("FILE_NOT_FOUND");
  });

  it("writes relative to the current folder by default, named after the workbook", async () => {
    const here = join(dir, "here");
    mkdirSync(here);
    const r = await runNaq(["import", filled], {}, here);
    expect(r.code).toBe(0);
    expect(statSync(join(here, "customs.yaml")).isFile()).toBe(true);
  });
});
