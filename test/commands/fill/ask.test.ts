import { describe, expect, it } from "vitest";
import type { Answer, Question } from "../../../src/core/questionnaire/model.js";
import { askNotes, askValue, type AskContext } from "../../../src/commands/fill/ask.js";
import { loadQuestionnaireFile } from "../../../src/io/revisions/load.js";
import { Texts } from "../../../src/commands/fill/lines.js";
import { fillWords } from "../../../src/commands/fill/words.js";
import { PLAIN } from "../../../src/render/style.js";
import { fixture } from "../../helpers.js";
import { ScriptedPrompter, type Step } from "../../scripted-prompter.js";

const q = loadQuestionnaireFile(fixture("fill", "small.yaml")).value!.questionnaire;
const question = (id: string) => q.questions.find((x) => x.id === id) as Question;

function setup(steps: readonly Step[], lang = "en") {
  const prompter = new ScriptedPrompter(steps);
  const printed: string[] = [];
  const ctx: AskContext = { prompter, texts: new Texts(q, lang, fillWords(lang)), print: (l = "") => printed.push(l), style: PLAIN };
  return { prompter, printed, ctx };
}

describe("askValue", () => {
  it.each<[string, string, Step[], unknown]>([
    ["takes a level from the list", "DET.03", [["value:DET.03", 4]], 4],
    ["takes yes or no", "DET.01", [["value:DET.01", "no"]], "no"],
    ["takes an option of a choice question", "PRR.03", [["value:PRR.03", "emergency"]], "emergency"],
    ["takes don't know from the list", "PRR.03", [["value:PRR.03", "dont-know"]], "dont-know"],
    ["takes not applicable from the list", "DET.03", [["value:DET.03", "not-applicable"]], "not-applicable"],
    ["takes the ticked options of a multi-choice question", "PRR.01", [["value:PRR.01", ["regional", "national"]]], ["regional", "national"]],
    [
      "takes none of these after nothing is ticked",
      "PRR.01",
      [
        ["value:PRR.01", []],
        ["other:PRR.01", "naq:none"],
      ],
      [],
    ],
    [
      "takes don't know after nothing is ticked",
      "PRR.01",
      [
        ["value:PRR.01", []],
        ["other:PRR.01", "dont-know"],
      ],
      "dont-know",
    ],
    ["takes a typed number", "DET.02", [["value:DET.02", "12"]], 12],
    ["takes a number written with a decimal comma", "DET.02", [["value:DET.02", "12,5"]], 12.5],
    ["takes a typed date", "PRR.02", [["value:PRR.02", "2023-11-05"]], "2023-11-05"],
    ["takes a typed text, trimmed", "PRR.04", [["value:PRR.04", "  no mobile lab "]], "no mobile lab"],
    [
      "takes not applicable after an empty entry",
      "DET.02",
      [
        ["value:DET.02", ""],
        ["other:DET.02", "not-applicable"],
      ],
      "not-applicable",
    ],
    [
      "goes back to typing from the other answers",
      "DET.02",
      [
        ["value:DET.02", ""],
        ["other:DET.02", "naq:back"],
        ["value:DET.02", "7"],
      ],
      7,
    ],
  ])("%s", async (_name, id, steps, value) => {
    const { prompter, ctx } = setup(steps);
    expect(await askValue(ctx, question(id))).toEqual({ kind: "value", value });
    expect(prompter.left).toEqual([]);
  });

  it.each<[string, string, string[], string]>([
    ["refuses a number above the maximum on entry", "DET.02", ["501", "500"], "The largest answer allowed is 500"],
    ["refuses a number below the minimum on entry", "DET.02", ["-1", "0"], "The smallest answer allowed is 0"],
    ["refuses what is not a number on entry", "DET.02", ["twelve", "12"], "Type a number, such as 12 or 3.5"],
    ["refuses a date that is not a calendar date on entry", "PRR.02", ["2023-02-30", "2023-02-28"], "Type a date as YYYY-MM-DD, such as 2024-05-15"],
    ["refuses a date in another format on entry", "PRR.02", ["05/11/2023", "2023-11-05"], "Type a date as YYYY-MM-DD, such as 2024-05-15"],
  ])("%s", async (_name, id, typed, problem) => {
    const { prompter, ctx } = setup(typed.map((t) => [`value:${id}`, t] as const));
    const outcome = await askValue(ctx, question(id));
    expect(outcome.kind).toBe("value");
    expect(prompter.refused).toEqual([{ key: `value:${id}`, text: typed[0], problem }]);
  });

  it("words entry problems in the session language", async () => {
    const { prompter, ctx } = setup(
      [
        ["value:DET.02", "501"],
        ["value:DET.02", "5"],
      ],
      "fr",
    );
    await askValue(ctx, question("DET.02"));
    expect(prompter.refused[0]?.problem).toBe("La plus grande réponse admise est 500");
  });

  it("shows the five levels with their descriptions, then don't know, not applicable and help", async () => {
    const { prompter, ctx } = setup([["value:DET.03", 2]], "fr");
    await askValue(ctx, question("DET.03"));
    const choices = prompter.asked[0]?.choices ?? [];
    expect(choices.map((c) => c.value)).toEqual([1, 2, 3, 4, 5, "dont-know", "not-applicable", "naq:help"]);
    expect(choices[2]).toMatchObject({ name: "3 · Développée", description: "En place, non testée." });
    expect(choices.slice(5).map((c) => c.name)).toEqual(["Ne sait pas", "Sans objet", "Aide ?"]);
  });

  it("shows yes and no in the session language", async () => {
    const { prompter, ctx } = setup([["value:DET.01", "yes"]], "fr");
    await askValue(ctx, question("DET.01"));
    expect(prompter.asked[0]?.choices?.slice(0, 2).map((c) => c.name)).toEqual(["Oui", "Non"]);
    expect(prompter.asked[0]?.message).toBe("Existe-t-il un réseau de surveillance radiologique ?");
  });

  it("shows the unit and the range in a number question", async () => {
    const { prompter, ctx } = setup([["value:DET.02", "3"]]);
    await askValue(ctx, question("DET.02"));
    expect(prompter.asked[0]?.message).toBe("How many stations does it have? (stations, 0–500)");
  });

  it("prints the help on demand and asks again", async () => {
    const { prompter, printed, ctx } = setup([
      ["value:DET.01", "naq:help"],
      ["value:DET.01", "yes"],
    ]);
    expect(await askValue(ctx, question("DET.01"))).toEqual({ kind: "value", value: "yes" });
    expect(printed).toContain("ℹ Count fixed stations only.");
    expect(prompter.asked).toHaveLength(2);
  });

  it("offers help only where the question has some", async () => {
    const { prompter, ctx } = setup([["value:PRR.03", "interior"]]);
    await askValue(ctx, question("PRR.03"));
    expect(prompter.asked[0]?.choices?.map((c) => c.value)).not.toContain("naq:help");
  });

  it("offers skip for an optional question only", async () => {
    const optional = setup([
      ["value:PRR.04", ""],
      ["other:PRR.04", "naq:skip"],
    ]);
    expect(await askValue(optional.ctx, question("PRR.04"))).toEqual({ kind: "skip" });
    const required = setup([
      ["value:DET.02", ""],
      ["other:DET.02", "naq:skip"],
    ]);
    await expect(askValue(required.ctx, question("DET.02"))).rejects.toThrow(/offers naq:back, dont-know, not-applicable, not naq:skip/);
  });

  it("highlights the current answer when one is changed", async () => {
    const { prompter, ctx } = setup([["value:DET.03", 3]]);
    await askValue(ctx, question("DET.03"), { value: 3 });
    expect(prompter.asked[0]?.default).toBe(3);
  });

  it("ticks the current options when a multi-choice answer is changed", async () => {
    const { prompter, ctx } = setup([["value:PRR.01", ["regional"]]]);
    await askValue(ctx, question("PRR.01"), { value: ["regional"] });
    expect(prompter.asked[0]?.choices?.map((c) => c.checked)).toEqual([false, true]);
  });

  it("keeps a typed answer being changed when the entry is left empty", async () => {
    const { ctx } = setup([
      ["value:DET.02", ""],
      ["other:DET.02", "naq:keep"],
    ]);
    expect(await askValue(ctx, question("DET.02"), { value: 40 })).toEqual({ kind: "value", value: 40 });
  });

  it("throws on a question the script did not expect", async () => {
    const { ctx } = setup([["value:DET.02", "3"]]);
    await expect(askValue(ctx, question("DET.01"))).rejects.toThrow(/unexpected question `value:DET.01`/);
  });
});

describe("askNotes", () => {
  it.each<[string, string, unknown, Step[], Pick<Answer, "comment" | "evidence">]>([
    ["asks a comment only where no evidence is asked", "DET.01", "yes", [["comment:DET.01", "since 2019"]], { comment: "since 2019" }],
    ["leaves out an empty comment", "DET.01", "yes", [["comment:DET.01", ""]], {}],
    [
      "asks evidence where the question asks for it",
      "DET.03",
      3,
      [
        ["comment:DET.03", ""],
        ["evidence:DET.03", "Law 5/2020"],
      ],
      { evidence: "Law 5/2020" },
    ],
    ["does not ask evidence after don't know", "DET.03", "dont-know", [["comment:DET.03", "ask the lab"]], { comment: "ask the lab" }],
  ])("%s", async (_name, id, value, steps, notes) => {
    const { prompter, ctx } = setup(steps);
    expect(await askNotes(ctx, question(id), value as Answer["value"])).toEqual(notes);
    expect(prompter.left).toEqual([]);
  });

  it("starts from the current comment and evidence when an answer is changed", async () => {
    const { prompter, ctx } = setup([
      ["comment:DET.03", ""],
      ["evidence:DET.03", ""],
    ]);
    expect(await askNotes(ctx, question("DET.03"), 4, { value: 3, comment: "old", evidence: "Law 1" })).toEqual({ comment: "old", evidence: "Law 1" });
    expect(prompter.asked.map((a) => a.initial)).toEqual(["old", "Law 1"]);
  });
});
