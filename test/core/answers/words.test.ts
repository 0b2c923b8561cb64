import { describe, expect, it } from "vitest";
import { allAnswerWords, answerWords, bareValueInWords, capitalised, REPORT_LAYOUT, valueAsGiven, valueInWords, type Layout } from "../../../src/core/answers/words.js";
import { questionIndex, type AnswerValue, type Question } from "../../../src/core/questionnaire/model.js";
import { xq } from "../workbook/xlsx-questionnaire.js";

const index = questionIndex(xq);
const q = (id: string) => index.get(id) as Question;
const MENU: Layout = { level: (v, label) => `${v} · ${label}`, list: " / ", capital: true, unit: false };

describe("valueInWords", () => {
  it.each<[string, string, AnswerValue, string]>([
    ["level", "en", 3, "3 – Developed capacity"],
    ["level", "fr", 3, "3 – Capacité développée"],
    ["level", "ru", 3, "3 – Развитый потенциал"],
    ["yes-no", "en", "yes", "yes"],
    ["yes-no", "fr", "yes", "oui"],
    ["yes-no", "ru", "yes", "да"],
    ["yes-no", "en", "no", "no"],
    ["yes-no", "fr", "no", "non"],
    ["yes-no", "ru", "no", "нет"],
    ["choice", "en", "bsl-2", "BSL-2 laboratory"],
    ["choice", "fr", "bsl-2", "Laboratoire P2"],
    ["choice", "ru", "bsl-2", "Лаборатория BSL-2"],
    ["multi-choice", "en", ["national", "local"], "National plan; Local plans"],
    ["multi-choice", "fr", ["national", "local"], "Plan national; Plans locaux"],
    ["multi-choice", "ru", ["national", "local"], "Национальный план; Местные планы"],
    ["multi-choice", "en", [], "none"],
    ["multi-choice", "fr", [], "aucun"],
    ["multi-choice", "ru", [], "ничего"],
    ["number", "en", 12, "12 stations"],
    ["number", "fr", 12, "12 stations (fr)"],
    ["number", "ru", 12, "12 stations (ru)"],
    ["date", "en", "2021-03-15", "2021-03-15"],
    ["date", "fr", "2021-03-15", "2021-03-15"],
    ["date", "ru", "2021-03-15", "2021-03-15"],
    ["text", "en", "A plan of 2019", "A plan of 2019"],
    ["text", "fr", "A plan of 2019", "A plan of 2019"],
    ["text", "ru", "A plan of 2019", "A plan of 2019"],
  ])("words a %s answer in %s: %j reads %j", (type, lang, value, words) => {
    const question = xq.questions.find((x) => x.type === type) as Question;
    expect(valueInWords(xq, question, value, lang)).toBe(words);
  });

  it.each<[string, string, string]>([
    ["en", "don't know", "not applicable"],
    ["fr", "ne sait pas", "sans objet"],
    ["ru", "не знаю", "неприменимо"],
  ])("words the special answers in %s, for a question of every type", (lang, dontKnow, notApplicable) => {
    for (const question of xq.questions) {
      expect(valueInWords(xq, question, "dont-know", lang), question.type).toBe(dontKnow);
      expect(valueInWords(xq, question, "not-applicable", lang), question.type).toBe(notApplicable);
    }
  });

  it.each<[string, AnswerValue, string]>([
    ["DET.03", 3, "3 · Capacité développée"],
    ["DET.01", "no", "Non"],
    ["DET.03", "dont-know", "Ne sait pas"],
    ["PRR.01", ["national", "regional"], "Plan national / Plans régionaux"],
    ["PRR.01", [], "Aucun"],
    ["DET.02", 12, "12"],
  ])("sets %s = %j out in the layout it is given: %j", (id, value, words) => {
    expect(valueInWords(xq, q(id), value, "fr", MENU)).toBe(words);
  });

  it.each<[string, string]>([
    ["ar", "yes"],
    ["fr-CA", "oui"],
    ["ru-RU", "да"],
  ])("speaks English for a language naq has no words in, and a regional variant as its language: %s says %j", (lang, yes) => {
    expect(valueInWords(xq, q("DET.01"), "yes", lang)).toBe(yes);
    expect(answerWords(lang).yes).toBe(yes);
  });

  it("takes a level or option naq does not know as it was given", () => {
    expect(valueInWords(xq, q("DET.03"), 9, "fr")).toBe("9");
    expect(valueInWords(xq, q("DET.04"), "bsl-4", "fr")).toBe("bsl-4");
  });
});

describe("bareValueInWords", () => {
  it.each<[AnswerValue, string, string]>([
    ["dont-know", "ru", "Не знаю"],
    ["not-applicable", "fr", "Sans objet"],
    ["yes", "fr", "Oui"],
    [false, "ru", "Нет"],
    [["cwc", "bwc"], "fr", "cwc / bwc"],
    [[], "ru", "Ничего"],
    [4, "fr", "4"],
    ["bsl-3", "ru", "bsl-3"],
  ])("words %j, whose question is not at hand, in %s as %j", (value, lang, words) => {
    expect(bareValueInWords(value, lang, MENU)).toBe(words);
  });
});

describe("naq's answer words", () => {
  it("has every word in every language it speaks, each different from the English one", () => {
    const en = answerWords("en");
    for (const w of allAnswerWords()) {
      for (const key of ["yes", "no", "dontKnow", "notApplicable", "none", "noAnswer"] as const) expect(w[key], key).not.toBe("");
      if (w !== en) for (const key of ["yes", "no", "dontKnow", "notApplicable", "none", "noAnswer"] as const) expect(w[key], key).not.toBe(en[key]);
    }
    expect(allAnswerWords()).toHaveLength(3);
  });

  it("capitalises a word as a list item starts, in any script", () => {
    expect(["ne sait pas", "неприменимо", "don't know"].map(capitalised)).toEqual(["Ne sait pas", "Неприменимо", "Don't know"]);
  });

  it("writes a value as the file holds it for notes, whatever the report language", () => {
    expect([valueAsGiven(3), valueAsGiven("yes"), valueAsGiven(["cwc", "bwc"]), valueAsGiven([])]).toEqual(["3", "yes", "cwc, bwc", "(none)"]);
  });

  it("uses the report layout by default", () => {
    expect(valueInWords(xq, q("DET.03"), 2, "en")).toBe(valueInWords(xq, q("DET.03"), 2, "en", REPORT_LAYOUT));
  });
});
