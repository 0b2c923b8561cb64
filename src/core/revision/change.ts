import type { Condition, LocalText, Path } from "../questionnaire/model.js";

/** How far a change reaches: what an old answer, or a report built on the old revision, suffers from it. */
export type ChangeLevel = "breaking" | "minor" | "patch";

/** Levels from the largest down. */
export const CHANGE_LEVELS: readonly ChangeLevel[] = ["breaking", "minor", "patch"];

/**
 * Every kind of change `naq diff` reports, with its class: breaking when an old answer cannot be
 * carried without loss or a decision, minor for additions and changes to who is asked and how answers
 * count, patch for wording.
 */
export const CHANGE_KINDS = {
  "question-added": "minor",
  "question-removed": "breaking",
  "question-renamed": "minor",
  "question-moved": "minor",
  "question-split": "breaking",
  "question-merged": "breaking",
  "questions-reordered": "patch",
  "text-changed": "patch",
  "help-changed": "patch",
  "unit-changed": "patch",
  "type-changed": "breaking",
  "scale-changed": "breaking",
  "options-added": "minor",
  "options-removed": "breaking",
  "options-recoded": "minor",
  "options-relabelled": "patch",
  "options-reordered": "patch",
  "bounds-widened": "minor",
  "bounds-narrowed": "breaking",
  "condition-changed": "minor",
  "asked-of-more": "minor",
  "asked-of-fewer": "breaking",
  "lead-changed": "minor",
  "weight-changed": "minor",
  "domains-changed": "minor",
  "phase-changed": "minor",
  "required-changed": "minor",
  "evidence-changed": "minor",
  "scoring-changed": "minor",
  "area-added": "minor",
  "area-removed": "breaking",
  "area-retitled": "patch",
  "areas-reordered": "patch",
  "language-added": "minor",
  "language-removed": "breaking",
  "agency-added": "minor",
  "agency-removed": "breaking",
  "agency-renamed": "patch",
  "scale-added": "minor",
  "scale-removed": "minor",
  "scale-levels-added": "minor",
  "scale-levels-removed": "breaking",
  "scale-relabelled": "patch",
  "title-changed": "patch",
  "target-changed": "minor",
} as const satisfies Record<string, ChangeLevel>;

export type ChangeKind = keyof typeof CHANGE_KINDS;

/** One change between two revisions. */
export interface Change {
  readonly kind: ChangeKind;
  readonly level: ChangeLevel;
  /** What changed: a question id (NEW's, or OLD's when it is gone), `area STC`, `language fr`, `agency x`, `scale x`, or `questionnaire`. */
  readonly subject: string;
  /** The old question ids involved, for removals, renames, splits and merges. */
  readonly old?: readonly string[];
  /** The new question ids involved, for splits and merges. */
  readonly new?: readonly string[];
  /** What changed, in words, without the subject: `type yes-no → level`. */
  readonly message: string;
  /** Where the change shows in NEW (for a removal: the nearest place that still exists). */
  readonly path: Path;
}

/** A change of `kind`, classed by the table. */
export function change(kind: ChangeKind, subject: string, message: string, path: Path, extra: { old?: readonly string[]; new?: readonly string[] } = {}): Change {
  return { kind, level: CHANGE_KINDS[kind], subject, message, path, ...extra };
}

/** The languages both texts have whose wording differs. */
export function changedLanguages(a: LocalText | undefined, b: LocalText | undefined, languages: readonly string[]): string[] {
  return languages.filter((l) => (a?.[l] ?? "").trim() !== (b?.[l] ?? "").trim());
}

/** A condition in one line: `DET.01 = yes`, `RSK.01 ≥ 2`, `(A = x or B = y)`. */
export function describeCondition(c: Condition): string {
  if ("all" in c) return `(${c.all.map(describeCondition).join(" and ")})`;
  if ("any" in c) return `(${c.any.map(describeCondition).join(" or ")})`;
  if ("not" in c) return `not ${describeCondition(c.not)}`;
  if ("is" in c) return `${c.question} = ${String(c.is)}`;
  if ("in" in c) return `${c.question} in [${c.in.join(", ")}]`;
  if ("atLeast" in c) return `${c.question} ≥ ${c.atLeast}`;
  return `${c.question} ≤ ${c.atMost}`;
}

/** `a, b and c`. */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1] ?? ""}`;
}
