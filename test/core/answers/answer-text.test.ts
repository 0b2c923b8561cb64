import { describe, expect, it } from "vitest";
import { answerDisplay, answerItems, answerRecogniser, parseDate, parseNumber } from "../../../src/core/answers/answer-text.js";
import type { CellValue } from "../../../src/core/workbook/cell.js";
import { questionIndex, type AnswerValue, type Question } from "../../../src/core/questionnaire/model.js";
import { xq } from "../workbook/xlsx-questionnaire.js";

const index = questionIndex(xq);
const q = (id: string) => index.get(id) as Question;
const recognise = answerRecogniser(xq, "en");
const text = (t: string): CellValue => ({ kind: "text", text: t });
const num = (value: number, percent = false): CellValue => ({ kind: "number", value, ...(percent ? { percent } : {}) });

describe("answerRecogniser", () => {
  it.each<[string, CellValue, unknown]>([
    ["DET.03", num(3), 3],
    ["DET.03", text("3"), 3],
    ["DET.03", text("3 — Developed capacity"), 3],
    ["DET.03", text("3 - developed CAPACITY"), 3],
    ["DET.03", text("Capacité développée"), 3],
    ["DET.03", text("  развитый   потенциал "), 3],
    ["DET.03", text("Don’t know"), "dont-know"],
    ["DET.03", text("ne sait pas"), "dont-know"],
    ["DET.03", text("НЕПРИМЕНИМО"), "not-applicable"],
    ["DET.03", text("not-applicable"), "not-applicable"],
    ["DET.01", { kind: "boolean", value: true }, "yes"],
    ["DET.01", { kind: "boolean", value: false }, "no"],
    ["DET.01", text("Oui"), "yes"],
    ["DET.01", text("нет"), "no"],
    ["DET.01", text("YES"), "yes"],
    ["DET.04", text("bsl-3"), "bsl-3"],
    ["DET.04", text("laboratoire p2"), "bsl-2"],
    ["DET.04", text("Лаборатория BSL-3"), "bsl-3"],
    ["PRR.01", text("Plan national"), ["national"]],
    ["PRR.01", text("Regional plans; national"), ["national", "regional"]],
    ["PRR.01", text("Local plans\nRegional plans"), ["regional", "local"]],
    ["PRR.01", text("Plans locaux, Plan national"), ["national", "local"]],
    ["DET.02", num(12), 12],
    ["DET.02", text(" 12 "), 12],
    ["DET.02", text("12,5"), 12.5],
    ["DET.02", num(0.35, true), 35],
    ["DET.02", num(0.07, true), 7],
    ["PRR.02", { kind: "date", iso: "2021-03-15" }, "2021-03-15"],
    ["PRR.02", text("2021-03-15"), "2021-03-15"],
    ["PRR.02", text("15.03.2021"), "2021-03-15"],
    ["PRR.03", text('\'=HYPERLINK("x")'), '=HYPERLINK("x")'],
    ["PRR.03", num(42), "42"],
  ])("reads %s from %j as %j", (id, cell, value) => {
    expect(recognise(q(id), cell)).toEqual({ kind: "value", value });
  });

  it.each<[string, CellValue]>([
    ["DET.03", { kind: "empty" }],
    ["DET.03", text("   ")],
  ])("reads %s from a blank cell as no answer", (id, cell) => {
    expect(recognise(q(id), cell).kind).toBe("empty");
  });

  it.each<[string, CellValue, RegExp]>([
    ["DET.03", text("Maybe"), /“Maybe” is not an allowed answer; allowed: 1 — No capacity, .*Don't know, Not applicable/],
    ["DET.03", num(7), /not an allowed answer/],
    ["DET.03", text("3 — No capacity"), /not an allowed answer/],
    ["DET.01", text("Perhaps"), /allowed: Yes, No/],
    ["DET.04", text("BSL-4"), /not an allowed answer/],
    ["PRR.01", text("National plan; Mars plan"), /“Mars plan” is not an allowed answer/],
    ["DET.02", num(150), /150 is above the maximum 100/],
    ["DET.02", text("-3"), /-3 is below the minimum 0/],
    ["DET.02", text("a dozen"), /allowed: a number ≥ 0 ≤ 100/],
    ["PRR.02", text("2021-02-30"), /not a date/],
    ["PRR.02", num(44270), /not a date/],
    ["DET.03", { kind: "error", error: "#N/A" }, /#N\/A/],
  ])("refuses %s given %j", (id, cell, message) => {
    const r = recognise(q(id), cell);
    expect(r.kind).toBe("problem");
    expect(r.kind === "problem" && r.message).toMatch(message);
  });
});

describe("answerDisplay and answerItems", () => {
  it.each<[string, unknown, string, string | number]>([
    ["DET.03", 3, "fr", "3 — Capacité développée"],
    ["DET.01", "yes", "ru", "Да"],
    ["DET.04", "bsl-2", "fr", "Laboratoire P2"],
    ["PRR.01", ["national", "local"], "en", "National plan; Local plans"],
    ["DET.02", 12, "en", 12],
    ["DET.03", "dont-know", "fr", "Ne sait pas"],
  ])("shows %s = %j in %s as %j", (id, value, lang, shown) => {
    expect(answerDisplay(xq, q(id), value as never, lang)).toEqual(shown);
  });

  it("lists every dropdown item, the special answers last, and nothing for typed answers", () => {
    expect(answerItems(xq, q("DET.01"), "fr")).toEqual(["Oui", "Non", "Ne sait pas", "Sans objet"]);
    expect(answerItems(xq, q("DET.03"), "en")?.slice(-2)).toEqual(["Don't know", "Not applicable"]);
    expect(answerItems(xq, q("DET.02"), "en")).toBeUndefined();
  });

  it.each(["en", "fr", "ru"])("reads back every %s dropdown item as the value it shows", (lang) => {
    for (const question of xq.questions) {
      for (const item of answerItems(xq, question, lang) ?? []) {
        const r = recognise(question, text(item));
        expect(r.kind, `${question.id}: ${item}`).toBe("value");
      }
    }
  });
});

describe("answer words, shown and read back", () => {
  it.each(["en", "fr", "ru"])("reads back naq's word for every %s answer, as the template shows it and in lower case", (lang) => {
    const values: [string, AnswerValue][] = [
      ["DET.01", "yes"],
      ["DET.01", "no"],
      ["DET.03", "dont-know"],
      ["DET.04", "not-applicable"],
      ["PRR.01", []],
    ];
    for (const [id, value] of values) {
      const shown = String(answerDisplay(xq, q(id), value, lang));
      for (const written of [shown, shown.toLocaleLowerCase()]) expect(recognise(q(id), text(written)), `${id}: ${written}`).toEqual({ kind: "value", value });
    }
  });

  it.each<[string, string]>([
    ["en", "None"],
    ["fr", "Aucun"],
    ["ru", "Ничего"],
  ])("shows a multi-choice answer with nothing ticked in %s as %j, not as an empty cell", (lang, shown) => {
    expect(answerDisplay(xq, q("PRR.01"), [], lang)).toBe(shown);
  });

  it("reads a cell naming an option before naq's word for none", () => {
    expect(recognise(q("PRR.01"), text("Plan national"))).toEqual({ kind: "value", value: ["national"] });
    expect(recognise(q("DET.04"), text("aucun")).kind).toBe("problem");
  });
});

describe("parseNumber and parseDate", () => {
  it.each<[string, number | undefined]>([
    ["12", 12],
    ["-3.5", -3.5],
    ["1 000", 1000],
    ["1,000,000", 1000000],
    ["12,5", 12.5],
    ["25%", 25],
    ["1.2.3", undefined],
    ["twelve", undefined],
    ["", undefined],
  ])("parses %j as %j", (t, n) => {
    expect(parseNumber(t)).toBe(n);
  });

  it.each<[string, string | undefined]>([
    ["2024-05-15", "2024-05-15"],
    ["2024-5-1", "2024-05-01"],
    ["2024-05-15T10:00:00Z", "2024-05-15"],
    ["15.05.2024", "2024-05-15"],
    ["2023-02-29", undefined],
    ["05/15/2024", undefined],
  ])("parses the date %j as %j", (t, d) => {
    expect(parseDate(t)).toBe(d);
  });
});
