import type { Question, Questionnaire } from "../questionnaire/model.js";

/** How the questions of two consecutive revisions descend from each other, read from `was` and ids. */
export interface RevisionMap {
  /** New question id → the old ids it continues: its `was`, or its own id when `was` is absent and OLD has it. */
  readonly predecessors: ReadonlyMap<string, readonly string[]>;
  /** Old question id → the new ids that continue it (empty when the question was removed). */
  readonly successors: ReadonlyMap<string, readonly string[]>;
  /** `was` entries naming an id OLD does not have, with the question and the index in its `was` list. */
  readonly unknownRefs: readonly { readonly question: Question; readonly ref: string; readonly index: number }[];
}

/**
 * Maps OLD's questions onto NEW's through NEW's `was` declarations (and unchanged ids where `was` is
 * absent). Two files of the same version (a revision edited in place) are mapped by id alone: their
 * `was` names the revision before both.
 */
export function mapRevisions(oldQ: Questionnaire, newQ: Questionnaire): RevisionMap {
  const oldIds = new Set(oldQ.questions.map((x) => x.id));
  const sameVersion = oldQ.version === newQ.version;
  const predecessors = new Map<string, string[]>();
  const successors = new Map<string, string[]>(oldQ.questions.map((x) => [x.id, []]));
  const unknownRefs: { question: Question; ref: string; index: number }[] = [];
  for (const x of newQ.questions) {
    const declared = x.was.length > 0 && !sameVersion ? x.was : oldIds.has(x.id) ? [x.id] : [];
    const known: string[] = [];
    declared.forEach((ref, index) => {
      if (!oldIds.has(ref)) unknownRefs.push({ question: x, ref, index });
      else if (!known.includes(ref)) known.push(ref);
    });
    predecessors.set(x.id, known);
    for (const ref of known) successors.get(ref)?.push(x.id);
  }
  return { predecessors, successors, unknownRefs };
}

/** The predecessor a question is compared with for wording and settings: the one with its own id, else the first. */
export function primaryPredecessor(map: RevisionMap, newId: string): string | undefined {
  const preds = map.predecessors.get(newId) ?? [];
  return preds.includes(newId) ? newId : preds[0];
}

/** Old id → new id for questions continued by exactly one new question (renames and unchanged ids). */
export function renames(map: RevisionMap): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const [oldId, next] of map.successors) if (next.length === 1 && next[0] !== undefined) out.set(oldId, next[0]);
  return out;
}
