import { describe, expect, it } from "vitest";
import type { QuestionResult } from "../../../src/core/gap-report/model.js";
import type { Question, Questionnaire } from "../../../src/core/questionnaire/model.js";
import { byDomain, domainPhaseMatrix, mean, scoreOf, scoreQuestions, weightedMean } from "../../../src/core/gap-report/score.js";

const levels = [1, 2, 3, 4, 5].map((value) => ({ value, label: { en: String(value) }, description: { en: "" } }));
const q = { scales: { capability: { id: "capability", levels, path: [] } } } as unknown as Questionnaire;
const question = (over: Partial<Question>): Question => ({
  id: "X.01",
  areaId: "X",
  text: { en: "" },
  type: "level",
  scale: "capability",
  domains: ["C"],
  phase: "prevention",
  weight: 1,
  for: [],
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

describe("scoreOf", () => {
  it.each([
    { name: "level 1 scores 20 %", over: {}, value: 1, expected: { score: 20, level: 1 } },
    { name: "level 3 scores 60 %", over: {}, value: 3, expected: { score: 60, level: 3 } },
    { name: "level 5 scores 100 %", over: {}, value: 5, expected: { score: 100, level: 5 } },
    {
      name: "a scored yes counts as level 3, not 100 %: a capability that exists is not yet proven or sustained",
      over: { type: "yes-no" as const, scored: true },
      value: "yes",
      expected: { score: 60, level: 3 },
    },
    {
      name: "a scored yes counts as the level the question declares",
      over: { type: "yes-no" as const, scored: true, yesLevel: 4 },
      value: "yes",
      expected: { score: 80, level: 4 },
    },
    {
      name: "a scored no counts as level 1 and scores as a level-1 answer does, so score and gap agree",
      over: { type: "yes-no" as const, scored: true },
      value: "no",
      expected: { score: 20, level: 1 },
    },
    {
      name: "an ordinal choice scores as the level of its option",
      over: { type: "choice" as const, scored: true, options: [1, 2, 3, 4, 5].map((level) => ({ value: `o${level}`, label: { en: "" }, level })) },
      value: "o2",
      expected: { score: 40, level: 2 },
    },
    {
      name: "a choice whose options carry no levels is not scored",
      over: { type: "choice" as const, scored: true, options: [{ value: "a", label: { en: "" } }] },
      value: "a",
      expected: undefined,
    },
    { name: "an unscored yes-no is not scored", over: { type: "yes-no" as const }, value: "yes", expected: undefined },
    { name: "a number is not scored", over: { type: "number" as const }, value: 12, expected: undefined },
    { name: "don't know is not scored", over: {}, value: "dont-know", expected: undefined },
    { name: "not applicable is not scored", over: {}, value: "not-applicable", expected: undefined },
  ])("$name", ({ over, value, expected }) => {
    expect(scoreOf(q, question(over), value)).toEqual(expected);
  });
});

describe("means", () => {
  it.each([
    {
      items: [
        { score: 100, weight: 1 },
        { score: 0, weight: 3 },
      ],
      expected: 25,
    },
    {
      items: [
        { score: 60, weight: 2 },
        { score: 40, weight: 2 },
      ],
      expected: 50,
    },
    { items: [], expected: null },
  ])("the weighted mean of $items is $expected", ({ items, expected }) => {
    expect(weightedMean(items)).toBe(expected);
  });

  it("the plain mean of nothing is null", () => {
    expect(mean([])).toBeNull();
    expect(mean([40, 60])).toBe(50);
  });
});

const result = (over: Partial<QuestionResult>): QuestionResult => ({
  id: "X.01",
  area: "X",
  text: "",
  type: "level",
  domains: ["C"],
  phase: "prevention",
  kind: "capability",
  weight: 1,
  lead: null,
  references: [],
  target: 5,
  criticality: 1,
  band: null,
  range: null,
  leadHighest: false,
  outcome: "scored",
  value: 3,
  display: "3",
  rule: "single",
  score: 60,
  level: 3,
  gap: 2,
  priority: 2,
  disagreement: null,
  decision: null,
  sources: [],
  ...over,
});

describe("aggregates", () => {
  it("leaves not-applicable, don't-know and out-of-scope questions out of the mean", () => {
    const qs = [
      result({ score: 40, weight: 1 }),
      result({ outcome: "not-applicable", score: null, value: "not-applicable" }),
      result({ outcome: "dont-know", score: null, value: "dont-know" }),
      result({ outcome: "out-of-scope", score: null }),
      result({ score: 100, weight: 3 }),
    ];
    expect(scoreQuestions(qs)).toEqual({ score: 85, scored: 2 });
  });

  it("counts a question towards each of its domains with 1 / the number of its domains, so a domain's own questions decide it", () => {
    // B: (40 × 1/2 + 80 × 1) / (1/2 + 1) = 66.7; with full weight it would be 60.
    const qs = [result({ domains: ["C", "B"], score: 40 }), result({ domains: ["B"], score: 80 })];
    expect(byDomain(qs)).toEqual([
      { id: "C", score: 40, scored: 1 },
      { id: "B", score: 66.7, scored: 2 },
      { id: "R", score: null, scored: 0 },
      { id: "N", score: null, scored: 0 },
    ]);
  });

  it("fills the domain × phase matrix row by row with null where nothing is scored", () => {
    const cells = domainPhaseMatrix([result({ domains: ["R"], phase: "detection", score: 20 })]);
    expect(cells).toHaveLength(24);
    expect(cells.filter((c) => c.score !== null)).toEqual([{ domain: "R", phase: "detection", score: 20, scored: 1 }]);
  });

  it("keeps a four-domain question from flattening the domains: B strong, R weak stay apart", () => {
    const all = (score: number) => result({ domains: ["C", "B", "R", "N"], score });
    const qs = [all(50), all(50), all(50), all(50), result({ domains: ["B"], score: 80 }), result({ domains: ["R"], score: 20 })];
    const [, b, r] = byDomain(qs);
    // Each four-domain question weighs a quarter in each domain: B (4 × 50 × ¼ + 80) / 2 = 65, R 35;
    // counted whole in every domain they would be 56 and 44.
    expect(b?.score).toBe(65);
    expect(r?.score).toBe(35);
  });
});
