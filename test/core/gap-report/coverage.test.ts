import { describe, expect, it } from "vitest";
import { relevance } from "../../../src/core/questionnaire/conditions.js";
import { agencyCoverage, nationalCoverage, share } from "../../../src/core/gap-report/coverage.js";
import type { QuestionResult } from "../../../src/core/gap-report/model.js";
import { mini, response } from "../../merge-helpers.js";

const q = mini().questionnaire;

describe("coverage", () => {
  it.each([
    [1, 3, 33.3],
    [3, 3, 100],
    [0, 0, null],
  ])("%d of %d is %s %", (part, whole, expected) => {
    expect(share(part, whole)).toBe(expected);
  });

  it.each<{ name: string; answers: Record<string, number | string>; expected: object }>([
    { name: "counts a level as answered", answers: { "DET.03": 3 }, expected: { relevant: 1, answered: 1 } },
    { name: "counts not-applicable as answered", answers: { "DET.03": "not-applicable" }, expected: { relevant: 1, answered: 1 } },
    { name: "counts don't-know against coverage", answers: { "DET.03": "dont-know" }, expected: { relevant: 1, answered: 0 } },
    { name: "counts an unanswered question that applies against coverage", answers: {}, expected: { relevant: 1, answered: 0 } },
  ])("$name", ({ answers, expected }) => {
    const r = response("health", answers);
    const det = agencyCoverage(q, relevance(q, "health", r.answers), r.answers).areas.find((a) => a.area === "DET");
    expect(det).toMatchObject(expected);
  });

  it("counts only in-scope questions with a usable answer nationally", () => {
    const x = (outcome: QuestionResult["outcome"]) => ({ outcome }) as QuestionResult;
    expect(nationalCoverage([x("scored"), x("answered"), x("not-applicable"), x("dont-know"), x("unanswered"), x("out-of-scope")])).toEqual({
      questions: 5,
      covered: 3,
      coverage: 60,
    });
  });
});
