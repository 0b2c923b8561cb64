import { describe, expect, it } from "vitest";
import type { Response } from "../../../src/core/questionnaire/model.js";
import { fingerprintText, sheetName, templateLayout, LISTS_SHEET, META_SHEET } from "../../../src/core/workbook/layout.js";
import { conditionInWords, planTemplate } from "../../../src/core/workbook/plan.js";
import { DIGEST, hash, xq } from "./xlsx-questionnaire.js";

const plan = (over: Partial<Parameters<typeof planTemplate>[0]> = {}) =>
  planTemplate({ questionnaire: xq, digest: DIGEST, agency: "health", country: "XX", lang: "en", now: "2024-05-15T10:00:00.000Z", hash, ...over });

describe("templateLayout", () => {
  it("puts each area the agency is asked about on its own sheet, questions from row 3", () => {
    const layout = templateLayout(xq, "health", "fr");
    expect(layout.instructions).toBe("Instructions");
    expect(layout.sheets.map((s) => [s.name, s.rows.map((r) => `${r.id}@${r.row}`)])).toEqual([
      ["Détection", ["DET.01@3", "DET.02@4", "DET.03@5", "DET.04@6"]],
      ["Préparation et intervention", ["PRR.01@3", "PRR.02@4", "PRR.03@5"]],
    ]);
  });

  it("leaves out the questions another agency is asked", () => {
    expect(templateLayout(xq, "customs", "en").sheets.flatMap((s) => s.rows.map((r) => r.id))).toContain("PRR.04");
    expect(templateLayout(xq, "customs", "en").sheets.flatMap((s) => s.rows.map((r) => r.id))).not.toContain("DET.04");
  });

  it.each([
    ["Detection", "Detection"],
    ["State CBRN managing authorities and their mandates", "State CBRN managing authorities"],
    ["Risks: [chemical]/biological?", "Risks chemical biological"],
    ["'quoted'", "quoted"],
  ])("names the sheet for %j %j", (title, name) => {
    expect(sheetName(title)).toBe(name);
    expect(sheetName(title).length).toBeLessThanOrEqual(31);
  });

  it("changes the fingerprint when the agency, language or revision changes", () => {
    const base = { format: "naq-template/1", questionnaire: "xq", version: "1.0.0", digest: DIGEST, agency: "health", country: "XX", language: "en" };
    const a = fingerprintText(base, templateLayout(xq, "health", "en"));
    expect(fingerprintText({ ...base, agency: "customs" }, templateLayout(xq, "health", "en"))).not.toBe(a);
    expect(fingerprintText(base, templateLayout(xq, "health", "fr"))).not.toBe(a);
    expect(fingerprintText({ ...base, version: "1.0.1" }, templateLayout(xq, "health", "en"))).not.toBe(a);
    expect(fingerprintText(base, templateLayout(xq, "health", "en"))).toBe(a);
  });
});

describe("planTemplate", () => {
  it("puts every dropdown list behind a naq_ name on the hidden lists sheet", () => {
    const p = plan({ lang: "fr" });
    expect(p.listsSheet).toBe(LISTS_SHEET);
    expect(p.lists.map((l) => l.name)).toEqual(["naq_yes_no", "naq_special", "naq_level_capability", "naq_options_DET_04", "naq_options_PRR_01"]);
    expect(p.lists.find((l) => l.name === "naq_yes_no")?.items).toEqual(["Oui", "Non", "Ne sait pas", "Sans objet"]);
    for (const row of p.areas.flatMap((a) => a.rows)) expect(p.lists.map((l) => l.name)).toContain(row.list);
  });

  it("refuses answers outside the list except where answers are typed or several", () => {
    const rows = new Map(plan().areas.flatMap((a) => a.rows.map((r) => [r.id, r])));
    expect([...rows].map(([id, r]) => `${id}:${r.kind}:${r.strict}`)).toEqual([
      "DET.01:list:true",
      "DET.02:number:false",
      "DET.03:list:true",
      "DET.04:list:true",
      "PRR.01:list:false",
      "PRR.02:date:false",
      "PRR.03:text:false",
    ]);
  });

  it("says in words when a conditional question applies, in the template's language", () => {
    const rows = new Map(plan({ lang: "fr" }).areas.flatMap((a) => a.rows.map((r) => [r.id, r])));
    expect(rows.get("DET.02")?.guidance).toContain("À remplir seulement si la réponse à DET.01 est « Oui ».");
    expect(rows.get("DET.02")?.guidance).toContain("Unité : stations (fr).");
    expect(rows.get("DET.03")?.guidance).toContain("Justificatif exigé");
    expect(rows.get("PRR.03")?.guidance).toContain("Facultatif.");
  });

  it.each([
    [{ question: "DET.01", is: "yes" }, "en", "DET.01 is “Yes”"],
    [{ question: "DET.03", atLeast: 3 }, "en", "DET.03 is at least “3 — Developed capacity”"],
    [{ question: "PRR.01", in: ["national", "local"] }, "en", "PRR.01 is one of “National plan”, “Local plans”"],
    [{ all: [{ question: "DET.01", is: true }, { not: { question: "DET.02", atLeast: 5 } }] }, "en", "DET.01 is “Yes” and not (DET.02 is at least 5)"],
    [
      {
        any: [
          { question: "DET.03", atMost: 1 },
          { question: "DET.04", is: "bsl-3" },
        ],
      },
      "ru",
      "ответ на DET.03 — не выше «1 — Потенциал отсутствует» или ответ на DET.04 — «Лаборатория BSL-3»",
    ],
  ])("puts %j in words in %s", (condition, lang, words) => {
    expect(conditionInWords(xq, condition as never, lang)).toBe(words);
  });

  it("pre-fills answers, comments and evidence from a response, neutralising formula-like text", () => {
    const response: Response = {
      questionnaire: { id: "xq", version: "1.0.0", digest: DIGEST },
      country: "XX",
      agency: "health",
      respondent: "=cmd",
      language: "en",
      status: "in-progress",
      updated: "2024-05-15T10:00:00Z",
      answers: {
        "DET.01": { value: "yes", comment: '=HYPERLINK("http://evil")' },
        "DET.02": { value: 12 },
        "DET.03": { value: 4, evidence: "+Law 7" },
        "PRR.01": { value: ["national", "local"] },
        "PRR.02": { value: "dont-know" },
      },
    };
    const p = plan({ response });
    const rows = new Map(p.areas.flatMap((a) => a.rows.map((r) => [r.id, r])));
    expect(rows.get("DET.01")).toMatchObject({ answer: "Yes", comment: '\'=HYPERLINK("http://evil")' });
    expect(rows.get("DET.02")).toMatchObject({ answer: 12 });
    expect(rows.get("DET.03")).toMatchObject({ answer: "4 — Demonstrated capacity", evidenceText: "'+Law 7" });
    expect(rows.get("PRR.01")).toMatchObject({ answer: "National plan; Local plans" });
    expect(rows.get("PRR.02")).toMatchObject({ answer: "Don't know", kind: "list" });
    expect(p.instructions[3]).toEqual({ a: "Respondent (name, position)", b: "'=cmd", style: "input" });
  });

  it("records what the template is for on the metadata sheet, with its fingerprint", () => {
    const p = plan({ lang: "ru" });
    expect(p.meta).toMatchObject({ format: "naq-template/1", questionnaire: "xq", version: "1.0.0", digest: DIGEST, agency: "health", country: "XX", language: "ru" });
    expect(p.meta.fingerprint).toBe(hash(fingerprintText(p.meta, p.layout)));
    expect(META_SHEET).toBe("naq");
  });
});
