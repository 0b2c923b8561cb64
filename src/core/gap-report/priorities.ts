/** Gaps and priorities: where the country is furthest from the target, weighted by importance. */
import type { Priority, QuestionResult } from "./model.js";

/** How far `level` is below `target` (never negative). */
export function gapOf(level: number, target: number): number {
  return Math.max(0, target - level);
}

/** Compares question ids so that `DET.5` < `DET.05a` < `DET.10`: by their text with numbers compared as numbers. */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

/**
 * The questions with a gap, highest priority (gap × weight) first; ties go to the earlier area in
 * the questionnaire, then to the lower question id.
 */
export function rankPriorities(questions: readonly QuestionResult[], areaOrder: readonly string[]): Priority[] {
  const areaIndex = new Map(areaOrder.map((id, i) => [id, i]));
  return questions
    .filter((x) => x.outcome === "scored" && x.gap !== null && x.gap > 0 && x.priority !== null && x.level !== null)
    .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0) || (areaIndex.get(a.area) ?? 0) - (areaIndex.get(b.area) ?? 0) || compareIds(a.id, b.id))
    .map((x, i) => ({ rank: i + 1, question: x.id, area: x.area, level: x.level as number, gap: x.gap as number, weight: x.weight, priority: x.priority as number, lead: x.lead }));
}
