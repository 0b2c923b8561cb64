import { describe, expect, it } from "vitest";
import type { QuestionResult } from "../../../src/core/gap-report/model.js";
import { compareIds, gapOf, rankPriorities } from "../../../src/core/gap-report/priorities.js";

const q = (id: string, area: string, gap: number | null, weight = 1, outcome: QuestionResult["outcome"] = "scored"): QuestionResult => ({
  id,
  area,
  text: "",
  type: "level",
  domains: ["C"],
  phase: "prevention",
  weight,
  lead: null,
  outcome,
  value: 5 - (gap ?? 0),
  display: "",
  rule: "single",
  score: 0,
  level: gap === null ? null : 5 - gap,
  gap,
  priority: gap === null ? null : gap * weight,
  disagreement: null,
  decision: null,
  sources: [],
});

describe("priorities", () => {
  it.each([
    { level: 2, target: 5, gap: 3 },
    { level: 5, target: 5, gap: 0 },
    { level: 4, target: 3, gap: 0 },
  ])("the gap from level $level to target $target is $gap", ({ level, target, gap }) => {
    expect(gapOf(level, target)).toBe(gap);
  });

  it.each([
    ["DET.05", "DET.10", -1],
    ["DET.10", "DET.05", 1],
    ["DET.05", "DET.05a", -1],
    ["DET.05", "DET.05", 0],
  ])("compares %s and %s as %d", (a, b, sign) => {
    expect(Math.sign(compareIds(a, b))).toBe(sign);
  });

  it("orders by gap × weight, then area order, then question id, and leaves out questions without a gap", () => {
    const ranked = rankPriorities(
      [
        q("DET.10", "DET", 2, 1),
        q("LEG.02", "LEG", 1, 2),
        q("DET.02", "DET", 2, 1),
        q("LEG.01", "LEG", 4, 1),
        q("DET.01", "DET", 0, 3),
        q("DET.03", "DET", null, 3, "answered"),
        q("DET.04", "DET", 3, 3, "out-of-scope"),
      ],
      ["LEG", "DET"],
    );
    expect(ranked.map((p) => [p.rank, p.question, p.priority])).toEqual([
      [1, "LEG.01", 4],
      [2, "LEG.02", 2],
      [3, "DET.02", 2],
      [4, "DET.10", 2],
    ]);
  });
});
