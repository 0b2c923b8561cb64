import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { relevance } from "../../../src/core/questionnaire/conditions.js";
import { irrelevantAnswered, nextQuestion, progressOf, reviewOf, settle, statusOf, type Answers, type Scope } from "../../../src/core/fill/walk.js";
import { WalkState } from "../../../src/core/fill/walk-state.js";
import type { Answer, AnswerValue, Condition, Question, Questionnaire, QuestionType, Response } from "../../../src/core/questionnaire/model.js";

const runs = Number(process.env.NAQ_FUZZ_RUNS ?? 150);
const seed = Number(process.env.NAQ_FUZZ_SEED ?? 20261204);
const AGENCIES = ["health", "customs"];
const TYPES: readonly QuestionType[] = ["level", "yes-no", "choice", "multi-choice", "number"];
const OPTIONS = ["a", "b", "c"];
const NOW = "2024-06-01T10:00:00.000Z";

/** A question shape before ids are known: conditions name questions by their place, so they can point back, forward, at themselves or nowhere. */
interface Draft {
  readonly type: QuestionType;
  readonly area: number;
  readonly for: readonly string[];
  readonly required: boolean;
  readonly when?: Condition;
}

const id = (i: number) => `Q${String(i).padStart(2, "0")}`;

/**
 * A leaf on a question before `i`, mostly the one just before, so conditions chain; now and then on `i`
 * itself or a later one, which a condition never sees. Its values hold for answers the steps often give.
 */
const leaf = (i: number): fc.Arbitrary<Condition> =>
  fc
    .oneof({ weight: 6, arbitrary: fc.constant(i - 1) }, { weight: 3, arbitrary: fc.integer({ min: 0, max: i - 1 }) }, { weight: 1, arbitrary: fc.integer({ min: i, max: i + 1 }) })
    .chain((at) =>
      fc.oneof(
        fc.constantFrom<string | number | boolean>("yes", "yes", true, "no", "a", 3).map((is) => ({ question: id(at), is })),
        fc.uniqueArray(fc.constantFrom<string | number>("yes", "a", "b", 3, 4), { minLength: 1, maxLength: 3 }).map((values) => ({ question: id(at), in: values })),
        fc.integer({ min: 1, max: 4 }).map((atLeast) => ({ question: id(at), atLeast })),
        fc.integer({ min: 2, max: 5 }).map((atMost) => ({ question: id(at), atMost })),
      ),
    );

/** Conditions nested a few deep with all, any and not, most often a bare leaf. */
const condition = (i: number): fc.Arbitrary<Condition> =>
  fc.letrec<{ c: Condition }>((tie) => ({
    c: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { weight: 4, arbitrary: leaf(i) },
      { weight: 1, arbitrary: fc.array(tie("c"), { minLength: 1, maxLength: 3 }).map((all) => ({ all })) },
      { weight: 1, arbitrary: fc.array(tie("c"), { minLength: 1, maxLength: 3 }).map((any) => ({ any })) },
      { weight: 1, arbitrary: tie("c").map((not) => ({ not })) },
    ),
  })).c;

/** Question `i`: a condition in three of four. */
const draft = (i: number): fc.Arbitrary<Draft> =>
  fc.record({
    type: fc.constantFrom(...TYPES),
    area: fc.integer({ min: 0, max: 1 }),
    for: fc.oneof({ weight: 3, arbitrary: fc.constant(AGENCIES) }, { weight: 1, arbitrary: fc.subarray(AGENCIES, { minLength: 1 }) }),
    required: fc.boolean(),
    when: i === 0 ? fc.constant(undefined) : fc.option(condition(i), { freq: 3, nil: undefined }),
  });

function build(drafts: readonly Draft[]): Questionnaire {
  const questions: Question[] = drafts.map((d, i) => ({
    id: id(i),
    areaId: `A${d.area}`,
    text: { en: `Question ${i}` },
    type: d.type,
    ...(d.type === "choice" || d.type === "multi-choice" ? { options: OPTIONS.map((value) => ({ value, label: { en: value } })) } : {}),
    ...(d.type === "number" ? { min: 0, max: 10 } : {}),
    domains: ["C"],
    phase: "detection",
    weight: 1,
    for: d.for,
    ...(d.when ? { when: d.when } : {}),
    required: d.required,
    evidence: "none",
    scored: false,
    references: [],
    kind: d.type === "level" ? "capability" : "fact",
    aggregate: "lead",
    yesLevel: 3,
    otherwise: "not-applicable",
    was: [],
    path: [],
  }));
  const areas = ["A0", "A1"].map((areaId) => ({
    id: areaId,
    title: { en: areaId },
    profile: false,
    questionIds: questions.filter((x) => x.areaId === areaId).map((x) => x.id),
    path: [],
  }));
  return {
    id: "generated",
    version: "1.0.0",
    title: { en: "Generated" },
    languages: ["en"],
    target: 5,
    scales: { capability: { id: "capability", levels: [1, 2, 3, 4, 5].map((value) => ({ value, label: { en: String(value) }, description: { en: "" } })), path: [] } },
    agencies: AGENCIES.map((a) => ({ id: a, name: { en: a }, path: [] })),
    areas,
    criticality: [],
    questions,
  };
}

const questionnaires = fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => draft(i))).map(build));

/** A questionnaire, a scope and answer steps on its questions. */
const walks = (maxSteps: number) =>
  fc
    .tuple(questionnaires, scopes)
    .chain(([q, scope]) => fc.tuple(fc.constant(q), fc.constant(scope), fc.array(step(q.questions.length), { minLength: 1, maxLength: maxSteps, size: "max" })));

/** Any value, valid for some types and not for others, special answers included. */
const value: fc.Arbitrary<AnswerValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<AnswerValue>("yes", "yes", "no", "a", "b", "c", "dont-know", "not-applicable", "maybe") },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 12 }) },
  { weight: 1, arbitrary: fc.uniqueArray(fc.constantFrom(...OPTIONS), { maxLength: 3 }) },
);

/** One step: set (possibly with a mark waiting for confirmation) or clear the answer to question `at` (one past the last is no question). */
type Step = { readonly at: number; readonly answer?: Answer };
const step = (n: number): fc.Arbitrary<Step> =>
  fc.record({
    at: fc.integer({ min: 0, max: n }),
    answer: fc.option(
      fc
        .record({ value, confirm: fc.option(fc.constant("check the split"), { freq: 4, nil: undefined }) })
        .map(({ value: v, confirm }) => ({ value: v, ...(confirm ? { confirm } : {}) })),
      { freq: 5, nil: undefined },
    ),
  });

const scopes = fc.record({ agency: fc.constantFrom(...AGENCIES), area: fc.option(fc.constantFrom("A0", "A1", "A9"), { nil: undefined }) });

const response = (agency: string, answers: Answers): Response => ({
  questionnaire: { id: "generated", version: "1.0.0", digest: "sha256:0" },
  country: "XX",
  agency,
  language: "en",
  status: "in-progress",
  updated: NOW,
  answers,
});

/** What changed between two full evaluations, in questionnaire order. */
function diff(q: Questionnaire, before: ReadonlyMap<string, boolean>, after: ReadonlyMap<string, boolean>) {
  const nowIrrelevant = q.questions.filter((x) => before.get(x.id) && !after.get(x.id)).map((x) => x.id);
  const nowRelevant = q.questions.filter((x) => !before.get(x.id) && after.get(x.id)).map((x) => x.id);
  return { nowIrrelevant, nowRelevant };
}

/** Every answer to the full evaluation's questions: relevance, status, irrelevant list, next question, progress, review, settled response. */
function expectSameAsFull(q: Questionnaire, scope: Scope, state: WalkState, answers: Answers): void {
  const relevant = relevance(q, scope.agency, answers);
  expect(q.questions.map((x) => [x.id, state.applies(x.id)])).toEqual(q.questions.map((x) => [x.id, relevant.get(x.id)]));
  expect(state.status()).toBe(statusOf(q, scope.agency, answers));
  expect(state.irrelevant()).toEqual(irrelevantAnswered(q, scope.agency, answers));
  expect(state.next()).toEqual(nextQuestion(q, scope, answers));
  const odd = (x: string) => Number(x.slice(1)) % 2 === 1;
  expect(state.next(odd, odd)).toEqual(nextQuestion(q, scope, answers, odd, odd));
  expect(state.progress()).toEqual(progressOf(q, scope, answers));
  expect(state.review()).toEqual(reviewOf(q, scope, answers));
  const r = response(scope.agency, answers);
  expect(state.settle(r, NOW)).toEqual(settle(q, r, NOW));
}

describe("WalkState, kept up to date answer by answer", () => {
  it("says after every answer set, changed or cleared what a full evaluation of every condition says", () => {
    fc.assert(
      fc.property(walks(30), ([q, scope, steps]) => {
        let answers: Record<string, Answer> = {};
        const state = new WalkState(q, scope, answers);
        expectSameAsFull(q, scope, state, answers);
        for (const { at, answer } of steps) {
          const before = relevance(q, scope.agency, answers);
          answers = { ...answers };
          if (answer === undefined) delete answers[id(at)];
          else answers[id(at)] = answer;
          const changed = state.set(id(at), answer);
          expect(changed).toEqual(diff(q, before, relevance(q, scope.agency, answers)));
          expectSameAsFull(q, scope, state, answers);
        }
      }),
      { numRuns: runs, seed },
    );
  });

  it("starts from answers given to it the same as a full evaluation of them", () => {
    fc.assert(
      fc.property(walks(20), ([q, scope, steps]) => {
        const answers: Record<string, Answer> = {};
        for (const { at, answer } of steps) if (answer) answers[id(at)] = answer;
        expectSameAsFull(q, scope, new WalkState(q, scope, answers), answers);
      }),
      { numRuns: runs, seed },
    );
  });

  const chain = build([
    { type: "yes-no", area: 0, for: AGENCIES, required: true },
    { type: "level", area: 0, for: AGENCIES, required: true, when: { question: "Q00", is: "yes" } },
    { type: "choice", area: 1, for: AGENCIES, required: true, when: { question: "Q01", atLeast: 3 } },
    { type: "number", area: 1, for: AGENCIES, required: false, when: { not: { question: "Q02", in: ["a"] } } },
  ]);
  const scope = { agency: "health" };

  it("switches off a whole chain of conditions when the answer at its head changes", () => {
    const state = new WalkState(chain, scope, {});
    state.set("Q00", { value: "yes" });
    expect(state.set("Q01", { value: 4 })).toEqual({ nowIrrelevant: [], nowRelevant: ["Q02"] });
    state.set("Q02", { value: "b" });
    expect(state.set("Q00", { value: "no" })).toEqual({ nowIrrelevant: ["Q01", "Q02"], nowRelevant: [] });
    expect(state.irrelevant()).toEqual(["Q01", "Q02"]);
    expect(state.status()).toBe("complete");
  });

  it("is not changed by the caller changing the answers it was given or the responses it handed out", () => {
    const given: Record<string, Answer> = { Q00: { value: "yes" } };
    const state = new WalkState(chain, scope, given);
    given.Q00 = { value: "no" };
    expect(state.applies("Q01")).toBe(true);
    const settled = state.settle(response("health", given), NOW);
    (settled.answers as Record<string, Answer>).Q00 = { value: "no" };
    expect(state.applies("Q01")).toBe(true);
    expect(state.next()?.question.id).toBe("Q01");
  });

  it("hands out responses that later answers do not change", () => {
    const state = new WalkState(chain, scope, {});
    state.set("Q00", { value: "yes" });
    const first = state.settle(response("health", {}), NOW);
    state.set("Q01", { value: 2 });
    expect(first.answers).toEqual({ Q00: { value: "yes" } });
  });
});
