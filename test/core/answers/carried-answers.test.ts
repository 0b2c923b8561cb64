import { describe, expect, it } from "vitest";
import { carriedFrom, needsAttention, pendingConfirmation, resolveUnmapped, unmappedFor, unplacedUnmapped } from "../../../src/core/answers/carried-answers.js";
import { nextQuestion, progressOf, recordAnswer, reviewOf, statusOf, type Answers } from "../../../src/core/fill/walk.js";
import type { Response, UnmappedAnswer } from "../../../src/core/questionnaire/model.js";
import { loadQuestionnaireFile } from "../../../src/io/revisions/load.js";
import { fixture } from "../../helpers.js";

const loaded = loadQuestionnaireFile(fixture("fill", "small.yaml")).value!;
const q = loaded.questionnaire;
const NOW = "2025-02-01T09:00:00Z";
const question = (id: string) => q.questions.find((x) => x.id === id)!;

const old = (question: string, target?: string, resolved?: string): UnmappedAnswer => ({
  question,
  version: "0.9.0",
  value: 2,
  reason: "removed",
  note: "removed",
  ...(target ? { target } : {}),
  ...(resolved ? { resolved } : {}),
});

const response = (answers: Answers, unmapped: UnmappedAnswer[] = []): Response => ({
  questionnaire: { id: q.id, version: q.version, digest: loaded.digest },
  country: "XX",
  agency: "health",
  language: "en",
  status: "in-progress",
  updated: NOW,
  answers,
  ...(unmapped.length ? { unmapped } : {}),
});

// Every question that applies to health, answered.
const ALL: Answers = { "DET.01": { value: "no" }, "DET.03": { value: 2 }, "PRR.01": { value: [] }, "PRR.03": { value: "interior" }, "PRR.04": { value: "x" } };

describe("answers carried on a guess (`confirm`)", () => {
  it.each<[string, Answers, string[]]>([
    [
      "lists answers that apply and wait for confirmation, in questionnaire order",
      { ...ALL, "PRR.03": { value: "interior", confirm: "c" }, "DET.03": { value: 2, confirm: "c" } },
      ["DET.03", "PRR.03"],
    ],
    ["leaves out an answer that no longer applies", { ...ALL, "DET.02": { value: 4, confirm: "c" } }, []],
    ["leaves out an answer to a question not asked of the agency", { ...ALL, "DET.04": { value: ["road"], confirm: "c" } }, []],
    ["is empty when nothing waits", ALL, []],
  ])("%s", (_name, answers, expected) => {
    expect(pendingConfirmation(q, "health", answers)).toEqual(expected);
  });

  it.each<[string, Answers, string]>([
    ["complete when every required answer is given and none waits for confirmation", ALL, "complete"],
    ["in progress while an answer that applies waits for confirmation", { ...ALL, "DET.03": { value: 2, confirm: "c" } }, "in-progress"],
    ["complete when only an answer that no longer applies waits", { ...ALL, "DET.02": { value: 4, confirm: "c" } }, "complete"],
  ])("the status is %s", (_name, answers, expected) => {
    expect(statusOf(q, "health", answers)).toBe(expected);
  });

  it("counts them in the progress, for the scope", () => {
    const answers = { ...ALL, "DET.03": { value: 2, confirm: "c" }, "PRR.03": { value: "interior", confirm: "c" } };
    expect(progressOf(q, { agency: "health" }, answers).toConfirm).toEqual(["DET.03", "PRR.03"]);
    expect(progressOf(q, { agency: "health", area: "PRR" }, answers).toConfirm).toEqual(["PRR.03"]);
  });

  it("clears `confirm` and keeps `mergedFrom` when the answer is recorded again", () => {
    const mergedFrom = [
      { question: "DET.03", value: 3 },
      { question: "DET.09", value: 2 },
    ];
    const r = response({ ...ALL, "DET.03": { value: 2, confirm: "c", mergedFrom } });
    const after = recordAnswer(q, r, "DET.03", { value: 2, mergedFrom }, NOW).response;
    expect(after.answers["DET.03"]).toEqual({ value: 2, mergedFrom });
    expect(after.status).toBe("complete");
  });

  it.each<[string, Answers[string], string[]]>([
    [
      "names the answers it was merged from",
      {
        value: 2,
        mergedFrom: [
          { question: "DET.03", value: 3 },
          { question: "LAB.01", value: 2 },
        ],
      },
      ["DET.03", "LAB.01"],
    ],
    ["else the question's own id when it kept it", { value: 2, confirm: "c" }, ["DET.03"]],
  ])("carriedFrom %s", (_name, answer, expected) => {
    expect(carriedFrom(question("DET.03"), answer)).toEqual(expected);
  });

  it("carriedFrom names the question's `was` for a renamed question", () => {
    expect(carriedFrom({ ...question("DET.03"), was: ["LAB.01"] }, { value: 2 })).toEqual(["LAB.01"]);
  });
});

describe("unmapped answers in a fill session", () => {
  it.each<[string, Response, string, boolean]>([
    ["an answered question an open unmapped answer names", response(ALL, [old("X.01", "DET.03")]), "DET.03", true],
    ["not one whose unmapped answers are resolved", response(ALL, [old("X.01", "DET.03", NOW)]), "DET.03", false],
    ["not a question no unmapped answer names", response(ALL, [old("X.01", "DET.01")]), "DET.03", false],
    ["an answer waiting for confirmation", response({ ...ALL, "DET.03": { value: 2, confirm: "c" } }), "DET.03", true],
  ])("need attention: %s", (_name, r, id, expected) => {
    expect(needsAttention(r, id)).toBe(expected);
  });

  it("makes the walk ask an answered question that needs attention, in questionnaire order", () => {
    const r = response(ALL, [old("X.01", "PRR.03"), old("X.02", "DET.03")]);
    expect(nextQuestion(q, { agency: "health" }, r.answers)).toBeUndefined();
    expect(
      nextQuestion(
        q,
        { agency: "health" },
        r.answers,
        () => false,
        (id) => needsAttention(r, id),
      )?.question.id,
    ).toBe("DET.03");
  });

  it("marks the open entries that name a question resolved, keeping every entry and the resolved date of the others", () => {
    const r = response(ALL, [old("X.01", "DET.03"), old("X.02", "DET.03", "2025-01-01T00:00:00Z"), old("X.03", "PRR.03"), old("X.04")]);
    const after = resolveUnmapped(r, "DET.03", NOW);
    expect(after.unmapped).toEqual([old("X.01", "DET.03", NOW), old("X.02", "DET.03", "2025-01-01T00:00:00Z"), old("X.03", "PRR.03"), old("X.04")]);
    expect(resolveUnmapped(r, "DET.01", NOW)).toBe(r);
    expect(unmappedFor(after, "DET.03").map((u) => u.question)).toEqual(["X.01", "X.02"]);
  });

  it("lists up front the open entries no question of the agency will show", () => {
    const r = response(ALL, [old("X.01"), old("X.02", "DET.04"), old("X.03", "DET.99"), old("X.04", "DET.03"), old("X.05", undefined, NOW)]);
    expect(unplacedUnmapped(q, "health", r).map((u) => u.question)).toEqual(["X.01", "X.02", "X.03"]);
  });

  it("marks the review's items that wait for confirmation or have open old answers", () => {
    const answers = { ...ALL, "DET.03": { value: 2, confirm: "c" } };
    const items = reviewOf(q, { agency: "health" }, answers, [old("X.01", "PRR.04"), old("X.02", "PRR.03", NOW)]).flatMap((a) => a.items);
    const marks = Object.fromEntries(items.map((i) => [i.question.id, [i.toConfirm ?? false, i.openUnmapped ?? 0]]));
    expect(marks).toEqual({ "DET.01": [false, 0], "DET.03": [true, 0], "PRR.01": [false, 0], "PRR.03": [false, 0], "PRR.04": [false, 1] });
  });
});
