import { closest, error, type Issue } from "../issues.js";
import type { Question, Questionnaire } from "../questionnaire/model.js";
import { mapRevisions } from "./revision-map.js";

/** Every `was` in `q` names a question of `previous`, the revision before it in the same folder. */
export function wasRefsKnown(previous: Questionnaire, q: Questionnaire): Issue[] {
  return mapRevisions(previous, q).unknownRefs.map((u) => unknownWasRef(u.question, u.ref, u.index, previous));
}

/** UNKNOWN_WAS_REF for `question`'s `was` entry `index`, which names `ref`, absent from `previous`. */
export function unknownWasRef(question: Question, ref: string, index: number, previous: Questionnaire): Issue {
  const ids = previous.questions.map((x) => x.id);
  const near = ids.includes(question.id) ? question.id : closest(ref, ids);
  return error(
    "UNKNOWN_WAS_REF",
    `${question.id}: \`was\` names ${ref}, which is not a question of ${previous.id} ${previous.version}, the previous revision${near ? `. Did you mean \`${near}\`?` : "; name the id the question had there, or remove it"}`,
    question.was.length > 1 ? [...question.path, "was", index] : [...question.path, "was"],
  );
}
