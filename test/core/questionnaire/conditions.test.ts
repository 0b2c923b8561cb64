import { describe, expect, it } from "vitest";
import { evaluate, relevance } from "../../../src/core/questionnaire/conditions.js";
import type { Answer, Condition } from "../../../src/core/questionnaire/model.js";
import { loadQuestionnaireFile } from "../../../src/io/revisions/load.js";
import { fixture } from "../../helpers.js";

const a = (value: Answer["value"]): Answer => ({ value });
const answers: Record<string, Answer> = {
  YN: a("yes"),
  LV: a(3),
  NUM: a(12),
  MC: a(["x", "y"]),
  CH: a("b"),
  DK: a("dont-know"),
  NA: a("not-applicable"),
};

describe("evaluate", () => {
  it.each<[string, Condition, boolean]>([
    ["is on a yes-no answer", { question: "YN", is: "yes" }, true],
    ["is with the other value", { question: "YN", is: "no" }, false],
    ["is with a boolean meaning yes", { question: "YN", is: true }, true],
    ["in on a choice", { question: "CH", in: ["a", "b"] }, true],
    ["in missing the choice", { question: "CH", in: ["a", "c"] }, false],
    ["is on a multi-choice member", { question: "MC", is: "y" }, true],
    ["is on a multi-choice non-member", { question: "MC", is: "z" }, false],
    ["atLeast met", { question: "LV", atLeast: 3 }, true],
    ["atLeast not met", { question: "LV", atLeast: 4 }, false],
    ["atMost met", { question: "NUM", atMost: 12 }, true],
    ["atLeast on a text answer", { question: "CH", atLeast: 1 }, false],
    ["a condition on an unanswered question", { question: "NONE", is: "yes" }, false],
    ["a condition on dont-know", { question: "DK", atLeast: 1 }, false],
    ["a condition on not-applicable", { question: "NA", is: "not-applicable" }, false],
    ["not of an unanswered question", { not: { question: "NONE", is: "yes" } }, true],
    [
      "all of true and true",
      {
        all: [
          { question: "YN", is: "yes" },
          { question: "LV", atLeast: 2 },
        ],
      },
      true,
    ],
    [
      "all of true and false",
      {
        all: [
          { question: "YN", is: "yes" },
          { question: "LV", atLeast: 5 },
        ],
      },
      false,
    ],
    [
      "any of false and true",
      {
        any: [
          { question: "YN", is: "no" },
          { question: "LV", atMost: 3 },
        ],
      },
      true,
    ],
    [
      "nested not/any",
      {
        not: {
          any: [
            { question: "YN", is: "no" },
            { question: "CH", is: "a" },
          ],
        },
      },
      true,
    ],
  ])("%s gives %s", (_name, condition, expected) => {
    expect(evaluate(condition, answers)).toBe(expected);
  });
});

describe("relevance", () => {
  const q = loadQuestionnaireFile(fixture("valid", "mini.yaml")).value!.questionnaire;

  it.each<[string, string, Record<string, Answer>, string[]]>([
    ["a question not asked of the agency is not relevant", "health", {}, ["DET.03", "PRR.01", "PRR.03", "PRR.04", "PRR.05"]],
    ["a condition on an unanswered question hides its dependant", "regulator", {}, ["DET.01", "DET.03", "PRR.01", "PRR.04", "PRR.05"]],
    ["answering yes reveals the dependant", "regulator", { "DET.01": a("yes") }, ["DET.01", "DET.02", "DET.03", "PRR.01", "PRR.04", "PRR.05"]],
    ["a multi-choice member reveals its dependant", "customs", { "PRR.01": a(["national"]) }, ["DET.01", "PRR.01", "PRR.02", "PRR.04", "PRR.05"]],
    ["any/not conditions are followed", "health", { "DET.03": a(1) }, ["DET.03", "PRR.01", "PRR.03", "PRR.04", "PRR.05"]],
    ["a level in neither branch hides the question", "health", { "DET.03": a(2) }, ["DET.03", "PRR.01", "PRR.04", "PRR.05"]],
  ])("%s", (_name, agency, given, expected) => {
    const rel = relevance(q, agency, given);
    expect([...rel].filter(([, on]) => on).map(([id]) => id)).toEqual(expected);
  });

  it("does not let an answer to a question that no longer applies switch on its dependants", () => {
    // PRR.02 depends on PRR.01; make PRR.01 itself depend on DET.03 being 5. With DET.03 at 2, PRR.01
    // no longer applies, and its stored answer (national) must not keep PRR.02 switched on.
    const changed = { ...q, questions: q.questions.map((x) => (x.id === "PRR.01" ? { ...x, when: { question: "DET.03", atLeast: 5 } } : x)) };
    const rel = relevance(changed, "health", { "DET.03": a(2), "PRR.01": a(["national"]) });
    expect(rel.get("PRR.01")).toBe(false);
    expect(rel.get("PRR.02")).toBe(false);
    expect(relevance(changed, "health", { "DET.03": a(5), "PRR.01": a(["national"]) }).get("PRR.02")).toBe(true);
  });
});
