/** Gaps and priorities: where the country is furthest from its target, weighted by importance and by its own risks. */
import type { Band, Priority, QuestionResult } from "./model.js";

/** How far `level` is below `target` (never negative). */
export function gapOf(level: number, target: number): number {
  return Math.max(0, target - level);
}

/** Compares question ids so that `DET.5` < `DET.05a` < `DET.10`: by their text with numbers compared as numbers. */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

/** gap × weight × criticality, to two decimals. */
export function priorityOf(gap: number, weight: number, criticality: number): number {
  return Math.round(gap * weight * criticality * 100) / 100;
}

/**
 * The band of a priority value, relative to the largest priority a question can reach against its
 * target, (target − 1) × the top weight 3 × the top criticality 3 (27 at target 4): high from two
 * thirds of it (18 at target 4: a three-level gap on a weight-3 question the country's risks make
 * critical to 2, or a two-level gap at the top criticality), medium from one third, low below. Without
 * a rated risk behind it no question is high.
 */
export function bandOf(priority: number, target: number): Band {
  const worst = Math.max(0, target - 1) * 9;
  if (worst === 0) return "low";
  const share = priority / worst;
  return share >= 2 / 3 - 1e-9 ? "high" : share >= 1 / 3 - 1e-9 ? "medium" : "low";
}

/**
 * The questions with a gap, by band, and within a band by priority; ties go to the larger gap, then the
 * higher criticality, the higher weight, a disputed question before a settled one, the earlier area in
 * the questionnaire and the lower question id.
 */
export function rankPriorities(questions: readonly QuestionResult[], areaOrder: readonly string[]): Priority[] {
  const areaIndex = new Map(areaOrder.map((id, i) => [id, i]));
  const disputed = (x: QuestionResult) => (x.disagreement !== null && !x.disagreement.resolved ? 1 : 0);
  return questions
    .filter((x) => x.outcome === "scored" && x.gap !== null && x.gap > 0 && x.priority !== null && x.level !== null)
    .sort(
      (a, b) =>
        (b.priority ?? 0) - (a.priority ?? 0) ||
        (b.gap ?? 0) - (a.gap ?? 0) ||
        b.criticality - a.criticality ||
        b.weight - a.weight ||
        disputed(b) - disputed(a) ||
        (areaIndex.get(a.area) ?? 0) - (areaIndex.get(b.area) ?? 0) ||
        compareIds(a.id, b.id),
    )
    .map((x, i) => ({
      rank: i + 1,
      band: bandOf(x.priority ?? 0, x.target),
      question: x.id,
      area: x.area,
      level: x.level as number,
      target: x.target,
      gap: x.gap as number,
      weight: x.weight,
      criticality: x.criticality,
      priority: x.priority as number,
      lead: x.lead,
      disputed: disputed(x) === 1,
    }));
}
