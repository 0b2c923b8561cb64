import { describe, expect, it } from "vitest";
import { consolidate, findDisagreement, type AgencyAnswer } from "../../../src/core/gap-report/consolidate.js";
import type { AnswerValue, Question } from "../../../src/core/questionnaire/model.js";

const question = (over: Partial<Question> = {}): Question => ({
  id: "DET.01",
  areaId: "DET",
  text: { en: "?" },
  type: "level",
  scale: "capability",
  domains: ["R"],
  phase: "detection",
  weight: 1,
  for: ["a", "b", "c", "lead"],
  required: true,
  evidence: "none",
  scored: false,
  references: [],
  kind: "capability",
  aggregate: "lead",
  yesLevel: 3,
  otherwise: "not-applicable",
  was: [],
  path: [],
  ...over,
});

const ans = (agency: string, value: AnswerValue, over: Partial<AgencyAnswer> = {}): AgencyAnswer => ({ agency, answer: { value }, asked: true, relevant: true, ...over });

describe("consolidate", () => {
  it.each([
    {
      name: "takes the lowest level when there is no lead",
      q: {},
      answers: [ans("a", 4), ans("b", 2), ans("c", 3)],
      value: 2,
      rule: "lowest",
      roles: ["considered", "stands", "considered"],
    },
    {
      name: "takes the lead agency's answer over a lower one",
      q: { lead: "lead" },
      answers: [ans("a", 1), ans("lead", 4)],
      value: 4,
      rule: "lead",
      roles: ["considered", "stands"],
    },
    {
      name: "falls back to the lowest level when the lead does not know",
      q: { lead: "lead" },
      answers: [ans("a", 3), ans("b", 2), ans("lead", "dont-know")],
      value: 2,
      rule: "lowest",
      roles: ["considered", "stands", "dont-know"],
    },
    {
      name: "falls back to the lowest level when the lead did not answer",
      q: { lead: "lead" },
      answers: [ans("a", 3), ans("b", 5)],
      value: 3,
      rule: "lowest",
      roles: ["stands", "considered"],
    },
    {
      name: "lets the lead's not-applicable stand",
      q: { lead: "lead" },
      answers: [ans("a", 3), ans("lead", "not-applicable")],
      value: "not-applicable",
      rule: "lead",
      roles: ["considered", "stands"],
    },
    {
      name: "ignores the lead's answer when its condition does not hold for the lead",
      q: { lead: "lead" },
      answers: [ans("a", 3), ans("lead", 1, { relevant: false })],
      value: 3,
      rule: "single",
      roles: ["stands", "irrelevant"],
    },
    {
      name: "marks every agency giving the lowest level as standing",
      q: {},
      answers: [ans("a", 2), ans("b", 2), ans("c", 4)],
      value: 2,
      rule: "lowest",
      roles: ["stands", "stands", "considered"],
    },
    { name: "says the agencies agree when they do", q: {}, answers: [ans("a", 3), ans("b", 3)], value: 3, rule: "agreed", roles: ["stands", "stands"] },
    { name: "keeps a single answer", q: {}, answers: [ans("a", 3)], value: 3, rule: "single", roles: ["stands"] },
    { name: "never lets don't-know outrank a level", q: {}, answers: [ans("a", "dont-know"), ans("b", 4)], value: 4, rule: "single", roles: ["dont-know", "stands"] },
    { name: "never lets not-applicable outrank a level", q: {}, answers: [ans("a", "not-applicable"), ans("b", 4)], value: 4, rule: "single", roles: ["not-applicable", "stands"] },
    {
      name: "is not applicable when every answer says so",
      q: {},
      answers: [ans("a", "not-applicable"), ans("b", "not-applicable")],
      value: "not-applicable",
      rule: "agreed",
      roles: ["stands", "stands"],
    },
    {
      name: "is don't-know when one says not applicable and another does not know",
      q: {},
      answers: [ans("a", "not-applicable"), ans("b", "dont-know")],
      value: "dont-know",
      rule: "agreed",
      roles: ["not-applicable", "dont-know"],
    },
    { name: "has no value without answers", q: {}, answers: [], value: null, rule: null, roles: [] },
    {
      name: "does not use an answer the agency was not asked",
      q: {},
      answers: [ans("x", 1, { asked: false }), ans("a", 4)],
      value: 4,
      rule: "single",
      roles: ["not-asked", "stands"],
    },
    {
      name: "does not use an answer whose condition does not hold",
      q: {},
      answers: [ans("a", 1, { relevant: false }), ans("b", 4)],
      value: 4,
      rule: "single",
      roles: ["irrelevant", "stands"],
    },
    {
      name: "takes no over yes on a yes-no question",
      q: { type: "yes-no" as const, scored: true },
      answers: [ans("a", "yes"), ans("b", "no")],
      value: "no",
      rule: "lowest",
      roles: ["considered", "stands"],
    },
    {
      name: "takes the most common option of a choice question",
      q: { type: "choice" as const },
      answers: [ans("a", "x"), ans("b", "y"), ans("c", "y")],
      value: "y",
      rule: "most-common",
      roles: ["considered", "stands", "stands"],
    },
    {
      name: "settles a tie between options by agency order",
      q: { type: "choice" as const },
      answers: [ans("a", "x"), ans("b", "y")],
      value: "x",
      rule: "most-common",
      roles: ["stands", "considered"],
    },
    {
      name: "compares multi-choice answers as sets written in order",
      q: { type: "multi-choice" as const },
      answers: [ans("a", ["p", "q"]), ans("b", ["p", "q"])],
      value: ["p", "q"],
      rule: "agreed",
      roles: ["stands", "stands"],
    },
  ])("$name", ({ q, answers, value, rule, roles }) => {
    const c = consolidate(question(q), answers);
    expect(c.value).toEqual(value);
    expect(c.rule).toBe(rule);
    expect(c.roles).toEqual(roles);
  });

  it("applies a workshop decision over the lead and marks the counted answers superseded", () => {
    const c = consolidate(question({ lead: "lead" }), [ans("a", 1), ans("lead", 4), ans("b", "dont-know"), ans("c", 2, { relevant: false })], 3);
    expect(c.value).toBe(3);
    expect(c.rule).toBe("consensus");
    expect(c.roles).toEqual(["superseded", "superseded", "dont-know", "irrelevant"]);
    expect(c.disagreement).toEqual({ kind: "levels", low: 1, high: 4, resolved: true });
  });

  it("still reports a disagreement when the lead's answer stands", () => {
    const c = consolidate(question({ lead: "lead" }), [ans("a", 1), ans("lead", 4)]);
    expect(c.disagreement).toEqual({ kind: "levels", low: 1, high: 4, resolved: false });
  });
});

describe("findDisagreement", () => {
  it.each([
    { type: "level" as const, values: [2, 3], expected: null },
    { type: "level" as const, values: [2, 4], expected: { kind: "levels", low: 2, high: 4, resolved: false } },
    { type: "level" as const, values: [1, 5, 3], expected: { kind: "levels", low: 1, high: 5, resolved: false } },
    { type: "level" as const, values: [3], expected: null },
    { type: "yes-no" as const, values: ["yes", "yes"], expected: null },
    { type: "yes-no" as const, values: ["yes", "no"], expected: { kind: "yes-no", low: "no", high: "yes", resolved: false } },
    { type: "choice" as const, values: ["a", "b"], expected: null },
  ])("on a $type question, $values is $expected", ({ type, values, expected }) => {
    expect(findDisagreement(question({ type }), values, false)).toEqual(expected);
  });
});
