import { describe, expect, it } from "vitest";
import { oldValue } from "../../../src/commands/fill/carried-lines.js";
import { Texts } from "../../../src/commands/fill/lines.js";
import { fillWords } from "../../../src/commands/fill/words.js";
import { questionIndex, type AnswerValue, type Question } from "../../../src/core/questionnaire/model.js";
import { xq } from "../../core/workbook/xlsx-questionnaire.js";

const index = questionIndex(xq);
const texts = (lang: string) => new Texts(xq, lang, fillWords(lang));

describe("a fill session's answers in words", () => {
  it.each<[string, string, AnswerValue, string]>([
    ["DET.03", "fr", 3, "3 · Capacité développée"],
    ["DET.01", "fr", "yes", "Oui"],
    ["DET.01", "ru", "no", "Нет"],
    ["DET.04", "ru", "bsl-3", "Лаборатория BSL-3"],
    ["PRR.01", "fr", ["national", "local"], "Plan national; Plans locaux"],
    ["PRR.01", "ru", [], "Ничего"],
    ["DET.02", "en", 12, "12 stations"],
    ["PRR.02", "ru", "dont-know", "Не знаю"],
    ["PRR.03", "fr", "not-applicable", "Sans objet"],
  ])("shows %s in %s: %j as %j", (id, lang, value, shown) => {
    expect(texts(lang).value(index.get(id) as Question, value)).toBe(shown);
  });

  it.each<[AnswerValue, string, string]>([
    ["no", "fr", "Non"],
    ["yes", "ru", "Да"],
    ["dont-know", "fr", "Ne sait pas"],
    [["cwc", "bwc"], "en", "cwc; bwc"],
    [2, "ru", "2"],
  ])("shows an old answer %j that was not carried, in %s, as %j", (value, lang, shown) => {
    expect(oldValue(texts(lang), value)).toBe(shown);
  });

  it("keeps control characters of a typed answer off the terminal", () => {
    expect(texts("en").value(index.get("PRR.03") as Question, "a\u001b[31mred")).toBe("a\uFFFD[31mred");
  });

  it("uses the same yes, no and special words in its menus as in its answers", () => {
    for (const lang of ["en", "fr", "ru"]) {
      const w = fillWords(lang);
      const t = texts(lang);
      expect([w.yes, w.no, w.dontKnow]).toEqual([
        t.value(index.get("DET.01") as Question, "yes"),
        t.value(index.get("DET.01") as Question, "no"),
        t.value(index.get("DET.01") as Question, "dont-know"),
      ]);
    }
  });
});
