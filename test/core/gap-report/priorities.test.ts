import { describe, expect, it } from "vitest";
import type { QuestionResult } from "../../../src/core/gap-report/model.js";
import { bandOf, compareIds, gapOf, priorityOf, rankPriorities } from "../../../src/core/gap-report/priorities.js";

const q = (id: string, area: string, gap: number | null, weight = 1, criticality = 1, over: Partial<QuestionResult> = {}): QuestionResult => ({
  id,
  area,
  text: "",
  type: "level",
  kind: "capability",
  domains: ["C"],
  phase: "prevention",
  weight,
  lead: null,
  references: [],
  target: 4,
  criticality,
  outcome: "scored",
  value: 4 - (gap ?? 0),
  display: "",
  rule: "single",
  score: 0,
  level: gap === null ? null : 4 - gap,
  gap,
  priority: gap === null ? null : priorityOf(gap, weight, criticality),
  band: null,
  range: null,
  leadHighest: false,
  disagreement: null,
  decision: null,
  sources: [],
  ...over,
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

  it.each([
    { name: "a three-level gap on a weight-3 question the country's risks make critical is high", gap: 3, weight: 3, criticality: 2, target: 4, priority: 18, band: "high" },
    { name: "the same gap with no rated risk behind it is medium", gap: 3, weight: 3, criticality: 1, target: 4, priority: 9, band: "medium" },
    { name: "a two-level gap on a weight-2 question at the top criticality is medium", gap: 2, weight: 2, criticality: 3, target: 4, priority: 12, band: "medium" },
    { name: "a two-level gap on a weight-2 question with no rated risk is low", gap: 2, weight: 2, criticality: 1, target: 4, priority: 4, band: "low" },
    { name: "against a target of 5 the same priority is a smaller share of the worst case", gap: 3, weight: 3, criticality: 2, target: 5, priority: 18, band: "medium" },
    { name: "a one-level gap on a plain question is low", gap: 1, weight: 1, criticality: 1.5, target: 4, priority: 1.5, band: "low" },
  ])("$name: gap × weight × criticality = $priority", ({ gap, weight, criticality, target, priority, band }) => {
    expect(priorityOf(gap, weight, criticality)).toBe(priority);
    expect(bandOf(priority, target)).toBe(band);
  });

  it("ranks by priority, then gap, criticality, weight, a disputed question, area order and id, and leaves out questions without a gap", () => {
    const disputed = { disagreement: { kind: "levels" as const, low: 1, high: 3, resolved: false } };
    const ranked = rankPriorities(
      [
        q("DET.10", "DET", 2, 1),
        q("LEG.02", "LEG", 1, 2),
        q("DET.02", "DET", 2, 1),
        q("DET.05", "DET", 2, 1, 1, disputed),
        q("LEG.01", "LEG", 3, 1, 3),
        q("LEG.03", "LEG", 1, 1, 2),
        q("DET.01", "DET", 0, 3),
        q("DET.03", "DET", null, 3, 1, { outcome: "answered" }),
        q("DET.04", "DET", 3, 3, 1, { outcome: "out-of-scope" }),
      ],
      ["LEG", "DET"],
    );
    expect(ranked.map((p) => [p.rank, p.question, p.priority, p.band])).toEqual([
      [1, "LEG.01", 9, "medium"],
      [2, "DET.05", 2, "low"],
      [3, "DET.02", 2, "low"],
      [4, "DET.10", 2, "low"],
      [5, "LEG.03", 2, "low"],
      [6, "LEG.02", 2, "low"],
    ]);
    expect(ranked[1]?.disputed).toBe(true);
  });
});
