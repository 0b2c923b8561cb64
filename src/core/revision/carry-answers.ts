/** Carrying the answers to one revision to the questions of the next that continue them. */
import { carryValue } from "./carry.js";
import { listWords } from "./change.js";
import { combineAnswers, type MergeSource } from "./combine.js";
import { questionIndex, type Answer, type OldAnswer, type Question, type Questionnaire, type Response, type UnmappedAnswer, type UnmappedReason } from "../questionnaire/model.js";
import { primaryPredecessor, type RevisionMap } from "./revision-map.js";

/** Why an old answer could not be carried to the question that continues it. */
export interface Failure {
  readonly reason: UnmappedReason;
  readonly note: string;
  readonly target: string;
}

/** What carrying the old answers to the new questions gave. */
export interface Carried {
  /** The new revision's answers. */
  readonly answers: Record<string, Answer>;
  /** Old question → the new questions its answer went to. */
  readonly carriedTo: ReadonlyMap<string, readonly string[]>;
  /** Old question → the first reason its answer could not go to a question that continues it. */
  readonly failures: ReadonlyMap<string, Failure>;
  /** Old question → the options of its answer that the new question no longer offers. */
  readonly partial: ReadonlyMap<string, UnmappedAnswer>;
}

/** Every new question's answer, carried from the answers to the old questions it continues (`was`). */
export function carryAnswers(oldQ: Questionnaire, newQ: Questionnaire, map: RevisionMap, response: Response): Carried {
  const oldIndex = questionIndex(oldQ);
  const agency = response.agency;
  const carriedTo = new Map<string, string[]>();
  const failures = new Map<string, Failure>();
  const partial = new Map<string, UnmappedAnswer>();
  const answers: Record<string, Answer> = {};
  for (const n of newQ.questions) {
    const preds = (map.predecessors.get(n.id) ?? []).filter((p) => response.answers[p] !== undefined);
    const sources: MergeSource[] = [];
    const confirms: string[] = [];
    for (const p of preds) {
      const o = oldIndex.get(p);
      const given = response.answers[p];
      if (!o || !given) continue;
      const c = n.for.includes(agency)
        ? carryValue(oldQ, o, newQ, n, given.value)
        : { ok: false as const, reason: "not-asked" as const, note: `${n.id === p ? n.id : `${n.id}, which continues ${p},`} is not asked of ${agency} in ${newQ.version}` };
      if (!c.ok) {
        if (!failures.has(p)) failures.set(p, { reason: c.reason, note: c.note, target: n.id });
        continue;
      }
      sources.push({ old: oldAnswer(p, given), value: c.value });
      if (given.confirm) confirms.push(given.confirm);
      if (c.confirm) confirms.push(c.confirm);
      if (c.dropped && !partial.has(p)) {
        partial.set(p, {
          ...oldAnswer(p, given),
          value: [...c.dropped],
          version: oldQ.version,
          reason: "option-removed",
          note: `${n.id} no longer offers these options; the others were carried`,
          target: n.id,
        });
      }
      const parts = map.successors.get(p) ?? [];
      if (parts.length > 1) confirms.push(`${p} was split into ${listWords(parts)}; this is the answer given to ${p}: check that it holds for ${n.id}`);
      carriedTo.set(p, [...(carriedTo.get(p) ?? []), n.id]);
    }
    const answer = carriedAnswer(n, sources, confirms, map, response);
    if (answer) answers[n.id] = answer;
  }
  return { answers, carriedTo, failures, partial };
}

/** The answer of new question `n` from the values carried to it, with every confirmation asked for; none when nothing was carried. */
function carriedAnswer(n: Question, sources: readonly MergeSource[], confirms: readonly string[], map: RevisionMap, response: Response): Answer | undefined {
  const [only] = sources;
  if (!only) return undefined;
  const single = sources.length === 1 ? response.answers[only.old.question] : undefined;
  const answer: Answer = single ? { ...withoutMigrationMarks(single), value: only.value } : combineAnswers(n, sources, primaryPredecessor(map, n.id));
  const confirm = [answer.confirm, ...confirms].filter((x): x is string => x !== undefined && x !== "").join("; ");
  return { ...answer, ...(confirm ? { confirm } : {}) };
}

/** The answer to old question `question` as `unmapped` keeps it: its value, comment and evidence. */
export function oldAnswer(question: string, a: Answer): OldAnswer {
  return { question, value: a.value, ...(a.comment !== undefined ? { comment: a.comment } : {}), ...(a.evidence !== undefined ? { evidence: a.evidence } : {}) };
}

function withoutMigrationMarks(a: Answer): Answer {
  const { confirm: _confirm, ...rest } = a;
  return rest;
}
