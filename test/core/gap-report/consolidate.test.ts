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

const FACT = { kind: "fact" as const };
const ORDINAL = {
  type: "choice" as const,
  options: [1, 2, 3, 4, 5].map((level) => ({ value: `o${level}`, label: { en: `o${level}` }, level })),
};

describe("consolidate", () => {
  it.each([
    {
      name: "takes the median of a capability's levels, not the lowest: one pessimistic agency does not set the national level",
      q: {},
      answers: [ans("a", 4), ans("b", 2), ans("c", 3)],
      value: 3,
      rule: "median",
      roles: ["considered", "considered", "stands"],
    },
    {
      name: "takes the lower of the two middle levels of an even number of answers: cautious, and a level some agency gave",
      q: {},
      answers: [ans("a", 1), ans("b", 2), ans("c", 4), ans("d", 5)],
      value: 2,
      rule: "median",
      roles: ["considered", "stands", "considered", "considered"],
    },
    {
      name: "does not let a capability's lead agency rate itself over the others: the median stands",
      q: { lead: "lead" },
      answers: [ans("a", 2), ans("b", 2), ans("lead", 4)],
      value: 2,
      rule: "median",
      roles: ["stands", "stands", "considered"],
    },
    {
      name: "takes the median of an ordinal choice by its options' levels",
      q: ORDINAL,
      answers: [ans("a", "o5"), ans("b", "o1"), ans("c", "o3")],
      value: "o3",
      rule: "median",
      roles: ["considered", "considered", "stands"],
    },
    {
      name: "takes the lead agency's answer to a fact over a lower one: the agency that holds the fact knows it",
      q: { ...FACT, lead: "lead" },
      answers: [ans("a", 1), ans("lead", 4)],
      value: 4,
      rule: "lead",
      roles: ["considered", "stands"],
    },
    {
      name: "falls back to the lowest answer to a fact when the lead does not know",
      q: { ...FACT, lead: "lead" },
      answers: [ans("a", 3), ans("b", 2), ans("lead", "dont-know")],
      value: 2,
      rule: "lowest",
      roles: ["considered", "stands", "dont-know"],
    },
    {
      name: "falls back to the lowest answer to a fact when the lead did not answer",
      q: { ...FACT, lead: "lead" },
      answers: [ans("a", 3), ans("b", 5)],
      value: 3,
      rule: "lowest",
      roles: ["stands", "considered"],
    },
    {
      name: "lets the lead's not-applicable stand on a fact",
      q: { ...FACT, lead: "lead" },
      answers: [ans("a", 3), ans("lead", "not-applicable")],
      value: "not-applicable",
      rule: "lead",
      roles: ["considered", "stands"],
    },
    {
      name: "ignores the lead's answer when its condition does not hold for the lead",
      q: { ...FACT, lead: "lead" },
      answers: [ans("a", 3), ans("lead", 1, { relevant: false })],
      value: 3,
      rule: "single",
      roles: ["stands", "irrelevant"],
    },
    {
      name: "marks every agency giving the median level as standing",
      q: {},
      answers: [ans("a", 2), ans("b", 2), ans("c", 4)],
      value: 2,
      rule: "median",
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
      name: "takes no over yes on a yes-no fact without a lead",
      q: { ...FACT, type: "yes-no" as const, scored: true },
      answers: [ans("a", "yes"), ans("b", "no")],
      value: "no",
      rule: "lowest",
      roles: ["considered", "stands"],
    },
    {
      name: "sums the numbers of a count where each agency counts its own (teams, officers)",
      q: { ...FACT, type: "number" as const, aggregate: "sum" as const, lead: "lead" },
      answers: [ans("a", 6), ans("lead", 8), ans("b", 9)],
      value: 23,
      rule: "sum",
      roles: ["stands", "stands", "stands"],
    },
    {
      name: "takes the highest number where the question says max",
      q: { ...FACT, type: "number" as const, aggregate: "max" as const },
      answers: [ans("a", 6), ans("b", 9)],
      value: 9,
      rule: "max",
      roles: ["considered", "stands"],
    },
    {
      name: "takes the lead's number of a count one agency owns",
      q: { ...FACT, type: "number" as const, lead: "lead" },
      answers: [ans("lead", 6), ans("b", 3)],
      value: 6,
      rule: "lead",
      roles: ["stands", "considered"],
    },
    {
      name: "takes the most common option of a choice question",
      q: { ...FACT, type: "choice" as const },
      answers: [ans("a", "x"), ans("b", "y"), ans("c", "y")],
      value: "y",
      rule: "most-common",
      roles: ["considered", "stands", "stands"],
    },
    {
      name: "settles a tie between options by agency order",
      q: { ...FACT, type: "choice" as const },
      answers: [ans("a", "x"), ans("b", "y")],
      value: "x",
      rule: "most-common",
      roles: ["stands", "considered"],
    },
    {
      name: "compares multi-choice answers as sets written in order",
      q: { ...FACT, type: "multi-choice" as const },
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

  it.each([
    { name: "flags a lead that rated itself above every other agency", answers: [ans("a", 2), ans("lead", 4), ans("b", 3)], flagged: true, range: { low: 2, high: 4 } },
    { name: "does not flag a lead that shares the top level with another agency", answers: [ans("a", 4), ans("lead", 4), ans("b", 3)], flagged: false, range: { low: 3, high: 4 } },
    { name: "does not flag a lead that is the only answer", answers: [ans("lead", 5)], flagged: false, range: null },
    { name: "does not flag a lead below the others", answers: [ans("a", 4), ans("lead", 2)], flagged: false, range: { low: 2, high: 4 } },
  ])("$name, and shows the agencies' range", ({ answers, flagged, range }) => {
    const c = consolidate(question({ lead: "lead" }), answers);
    expect(c.leadHighest).toBe(flagged);
    expect(c.range).toEqual(range);
  });

  it("gives a yes-no neither a range of levels nor a lead flag: yes and no are not levels", () => {
    const c = consolidate(question({ ...FACT, type: "yes-no", scored: true, lead: "lead" }), [ans("a", "no"), ans("lead", "yes")]);
    expect(c.range).toBeNull();
    expect(c.leadHighest).toBe(false);
  });

  it("applies a workshop decision over the lead and marks the counted answers superseded", () => {
    const c = consolidate(question({ lead: "lead" }), [ans("a", 1), ans("lead", 4), ans("b", "dont-know"), ans("c", 2, { relevant: false })], 3);
    expect(c.value).toBe(3);
    expect(c.rule).toBe("consensus");
    expect(c.roles).toEqual(["superseded", "superseded", "dont-know", "irrelevant"]);
    expect(c.disagreement).toEqual({ kind: "levels", low: 1, high: 4, resolved: true });
  });

  it("still reports a disagreement when the lead's answer to a fact stands", () => {
    const c = consolidate(question({ ...FACT, lead: "lead" }), [ans("a", 1), ans("lead", 4)]);
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
    { type: "number" as const, values: [6, 3], expected: { kind: "numbers", low: 3, high: 6, resolved: false } },
    { type: "number" as const, values: [6, 6], expected: null },
  ])("on a $type question, $values is $expected", ({ type, values, expected }) => {
    expect(findDisagreement(question({ type }), values, false)).toEqual(expected);
  });

  it("makes differing numbers a disagreement where one figure should stand, but not where each agency counts its own", () => {
    expect(findDisagreement(question({ type: "number", aggregate: "lead" }), [6, 3], false)?.kind).toBe("numbers");
    expect(findDisagreement(question({ type: "number", aggregate: "sum" }), [6, 3], false)).toBeNull();
  });

  it("compares ordinal options by their levels: two levels apart is a disagreement", () => {
    expect(findDisagreement(question(ORDINAL), ["o1", "o3"], false)).toEqual({ kind: "levels", low: 1, high: 3, resolved: false });
    expect(findDisagreement(question(ORDINAL), ["o2", "o3"], false)).toBeNull();
  });
});
