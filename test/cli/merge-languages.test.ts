// End to end through the built CLI: every answer value of the examples' reports speaks the report's language.
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runBuilt, tempDir } from "../helpers.js";

const ENGLISH = ["yes", "no", "don't know", "not applicable", "none"];
const WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ENGLISH,
  fr: ["oui", "non", "ne sait pas", "sans objet"],
  ru: ["да", "нет", "не знаю", "неприменимо"],
};

interface Merged {
  readonly stdout: string;
  readonly md: string;
  readonly html: string;
  readonly sheet: (name: string) => Promise<Record<string, unknown>[]>;
}

function merge(lang: string, inputs = ["examples"]): Merged {
  const dir = tempDir();
  const r = runBuilt(["merge", ...inputs, "--lang", lang, "--out", join(dir, "r.md"), "--out", join(dir, "r.html"), "--out", join(dir, "r.xlsx")]);
  expect(r.code, r.stderr).toBe(0);
  const sheet = async (name: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, "r.xlsx")) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.getWorksheet(name)?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const [header = [], ...body] = rows;
    return body.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
  };
  return { stdout: r.stdout, md: readFileSync(join(dir, "r.md"), "utf8"), html: readFileSync(join(dir, "r.html"), "utf8"), sheet };
}

/** Every answer value the Markdown report shows: each consolidated value and each agency's answer. */
function markdownValues(md: string): string[] {
  const consolidated = [...md.matchAll(/^Consolidated: \*\*(.*?)\*\*/gm)].map((m) => m[1] ?? "");
  const answers: string[] = [];
  let inSources = false;
  for (const line of md.split("\n")) {
    if (line === "| Agency | Answer | Used as | Comment | Evidence |") inSources = true;
    else if (!line.startsWith("|")) inSources = false;
    else if (inSources && !line.startsWith("| ---")) answers.push(line.split(" | ")[1] ?? "");
  }
  return [...consolidated, ...answers];
}

/** Every answer value the HTML report shows: consolidated values, and each agency's answer in the cards and the detail rows. */
function htmlValues(html: string): string[] {
  return [
    ...[...html.matchAll(/<td><strong>([^<]*)<\/strong>/g)].map((m) => m[1] ?? ""),
    ...[...html.matchAll(/<div class="what">([^<]*)<\/div>/g)].map((m) => m[1] ?? ""),
    ...[...html.matchAll(/<span class="who">[^<]*<\/span>: ([^<]*) <span class="role">/g)].map((m) => m[1] ?? ""),
  ].map((s) => s.replace(/&#39;/g, "'").replace(/&amp;/g, "&"));
}

let englishRun: Merged | undefined;
const englishMerge = () => (englishRun ??= merge("en"));

describe.each(["fr", "ru"])("naq merge examples --lang %s", (lang) => {
  let merged: Merged;
  beforeAll(() => {
    merged = merge(lang);
  });

  it("words every answer of the Markdown report in that language, none in English", () => {
    const values = markdownValues(merged.md);
    expect(values.length).toBeGreaterThan(400);
    expect(values.filter((v) => ENGLISH.includes(v))).toEqual([]);
    for (const word of WORDS[lang] ?? []) expect(values, word).toContain(word);
  });

  it("names no answer in English as a role or an outcome: in no table row or facts line of the Markdown, no role or muted span of the HTML", () => {
    const mdLines = merged.md.split("\n").filter((l) => l.startsWith("|") || l.startsWith("Consolidated:") || l.startsWith("No answer."));
    expect(mdLines.length).toBeGreaterThan(400);
    expect(mdLines.filter((l) => /don't know|not applicable/i.test(l))).toEqual([]);
    const spans = [...merged.html.matchAll(/<(?:span|div) class="(?:role|muted)">([^<]*)</g)].map((m) => (m[1] ?? "").replace(/&#39;/g, "'"));
    expect(spans.length).toBeGreaterThan(100);
    expect(spans.filter((t) => /don't know|not applicable/i.test(t))).toEqual([]);
  });

  it("words every answer of the HTML report in that language, none in English", () => {
    const values = htmlValues(merged.html);
    expect(values.length).toBeGreaterThan(400);
    expect(values.filter((v) => ENGLISH.includes(v))).toEqual([]);
    for (const word of WORDS[lang] ?? []) expect(values, word).toContain(word);
  });

  it("words the consolidated answers and each answer in words of the workbook's disagreements in that language, none as the English workbook does", async () => {
    const inWords = async (m: Merged) => (await m.sheet("Disagreements")).flatMap((r) => [r["Consolidated"], r["Answer in words"]]).map(String);
    const values = await inWords(merged);
    const english = new Set(await inWords(englishMerge()));
    expect(values.length).toBeGreaterThan(20);
    expect(values.filter((v) => ENGLISH.includes(v) || english.has(v))).toEqual([]);
  });

  it("prints a terminal summary with no English answer word", () => {
    expect(merged.stdout).toContain("Overall score");
    expect(merged.stdout).not.toMatch(/\b(yes|don't know|not applicable)\b/);
  });
});

describe("naq merge --lang fr of answers that mix yes and no", () => {
  it("words the yes and no of the workbook's disagreements in French", async () => {
    const rows = await merge("fr", ["test/fixtures/merge/mini", "-q", "test/fixtures/valid/mini.yaml"]).sheet("Disagreements");
    const det01 = rows.filter((r) => r["Question"] === "DET.01");
    expect(det01.map((r) => [r["Answer"], r["Answer in words"]])).toEqual(
      expect.arrayContaining([
        ["no", "non"],
        ["yes", "oui"],
      ]),
    );
    expect(det01.map((r) => r["Consolidated"])).toEqual(det01.map(() => "oui"));
  });
});

describe("naq merge examples in English", () => {
  it("keeps naq's English words where the values appear", () => {
    const { md, html } = englishMerge();
    const values = markdownValues(md);
    for (const word of ["yes", "no", "don't know", "not applicable"]) expect(values, word).toContain(word);
    expect(htmlValues(html)).toEqual(expect.arrayContaining(["yes", "no", "don't know", "not applicable"]));
  });
});
