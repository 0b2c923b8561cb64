import { describe, expect, it } from "vitest";
import { invalidSaved, irrelevantAnswered, newResponse, nextQuestion, progressOf, recordAnswer, reviewOf, statusOf, type Answers } from "../../../src/core/fill/walk.js";
import { resumeProblems } from "../../../src/core/fill/resume.js";
import { chooseLanguage } from "../../../src/core/questionnaire/language.js";
import type { Response } from "../../../src/core/questionnaire/model.js";
import { loadQuestionnaireFile } from "../../../src/io/revisions/load.js";
import { fixture } from "../../helpers.js";

const loaded = loadQuestionnaireFile(fixture("fill", "small.yaml")).value;
if (!loaded) throw new Error("test/fixtures/fill/small.yaml does not load");
const q = loaded.questionnaire;
const digest = loaded.digest;
const NOW = "2024-06-01T10:00:00.000Z";

const a = (value: unknown, extra: Record<string, string> = {}) => ({ value, ...extra }) as Answers[string];

describe("nextQuestion", () => {
  it.each<[string, string, Answers, string | undefined]>([
    ["starts with the first question asked of the agency", "health", {}, "DET.01"],
    ["asks a conditional question once its condition holds", "health", { "DET.01": a("yes") }, "DET.02"],
    ["skips a conditional question whose condition does not hold", "health", { "DET.01": a("no") }, "DET.03"],
    ["skips a conditional question after don't know", "health", { "DET.01": a("dont-know") }, "DET.03"],
    ["skips questions not asked of the agency (`for`)", "customs", { "DET.01": a("no") }, "DET.04"],
    ["asks again a question whose saved answer is not valid", "health", { "DET.01": a("maybe") }, "DET.01"],
    ["asks an optional question like any other", "health", { "DET.01": a("no"), "DET.03": a(2), "PRR.01": a([]), "PRR.03": a("interior") }, "PRR.04"],
    [
      "returns nothing when every question that applies is answered",
      "health",
      { "DET.01": a("no"), "DET.03": a(2), "PRR.01": a([]), "PRR.03": a("interior"), "PRR.04": a("none") },
      undefined,
    ],
  ])("%s", (_name, agency, answers, expected) => {
    expect(nextQuestion(q, { agency }, answers)?.question.id).toBe(expected);
  });

  it("stays inside the area it is given", () => {
    expect(nextQuestion(q, { agency: "health", area: "PRR" }, {})?.question.id).toBe("PRR.01");
    expect(nextQuestion(q, { agency: "health", area: "DET" }, { "DET.01": a("no"), "DET.03": a(1) })).toBeUndefined();
  });

  it("passes over the questions the skip predicate names", () => {
    expect(nextQuestion(q, { agency: "health" }, {}, (id) => id === "DET.01")?.question.id).toBe("DET.03");
  });

  it.each([
    ["before any answer, counting only what applies so far", {}, "DET.01", { n: 1, total: 2 }, { n: 1, total: 5 }],
    ["after a yes that switches on a question", { "DET.01": a("yes") }, "DET.02", { n: 2, total: 3 }, { n: 2, total: 6 }],
    ["in the second area", { "DET.01": a("no"), "DET.03": a(3) }, "PRR.01", { n: 1, total: 3 }, { n: 3, total: 5 }],
  ])("gives the position %s", (_name, answers, id, area, overall) => {
    const pos = nextQuestion(q, { agency: "health" }, answers);
    expect(pos?.question.id).toBe(id);
    expect(pos?.area).toEqual(area);
    expect(pos?.overall).toEqual(overall);
  });
});

describe("recordAnswer", () => {
  const start = () => newResponse(q, digest, { country: "XX", agency: "health", language: "en" }, NOW);

  it("keeps an answer that stops applying and lists it in irrelevant", () => {
    let r = recordAnswer(q, start(), "DET.01", a("yes"), NOW).response;
    r = recordAnswer(q, r, "DET.02", a(12), NOW).response;
    const rec = recordAnswer(q, r, "DET.01", a("no"), NOW);
    expect(rec.response.answers["DET.02"]).toEqual({ value: 12 });
    expect(rec.response.irrelevant).toEqual(["DET.02"]);
    expect(rec.nowIrrelevant).toEqual(["DET.02"]);
  });

  it("takes an answer off the irrelevant list when it applies again", () => {
    let r = recordAnswer(q, start(), "DET.01", a("yes"), NOW).response;
    r = recordAnswer(q, r, "DET.02", a(12), NOW).response;
    r = recordAnswer(q, r, "DET.01", a("no"), NOW).response;
    const rec = recordAnswer(q, r, "DET.01", a("yes"), NOW);
    expect(rec.response.irrelevant).toBeUndefined();
    expect(rec.nowRelevant).toEqual(["DET.02"]);
  });

  it("drops an empty comment and evidence and trims the others", () => {
    const r = recordAnswer(q, start(), "DET.03", a(3, { comment: "  ", evidence: " Law 5/2020 " }), NOW).response;
    expect(r.answers["DET.03"]).toEqual({ value: 3, evidence: "Law 5/2020" });
  });

  it("stamps the response with the time it is given", () => {
    expect(recordAnswer(q, start(), "DET.01", a("no"), "2030-01-01T00:00:00.000Z").response.updated).toBe("2030-01-01T00:00:00.000Z");
  });

  it.each<[string, Answers, "complete" | "in-progress"]>([
    ["is in progress while a required question that applies is open", { "DET.01": a("no"), "DET.03": a(2), "PRR.01": a([]) }, "in-progress"],
    ["is complete once every required question that applies is answered", { "DET.01": a("no"), "DET.03": a(2), "PRR.01": a([]), "PRR.03": a("interior") }, "complete"],
    ["counts don't know as an answer", { "DET.01": a("dont-know"), "DET.03": a("dont-know"), "PRR.01": a("not-applicable"), "PRR.03": a("dont-know") }, "complete"],
    ["is in progress when a switched-on question is open", { "DET.01": a("yes"), "DET.03": a(2), "PRR.01": a([]), "PRR.03": a("interior") }, "in-progress"],
    ["does not count an answer that is not valid", { "DET.01": a("no"), "DET.03": a(9), "PRR.01": a([]), "PRR.03": a("interior") }, "in-progress"],
  ])("status %s", (_name, answers, status) => {
    expect(statusOf(q, "health", answers)).toBe(status);
  });
});

describe("progressOf and reviewOf", () => {
  const answers: Answers = { "DET.01": a("no"), "DET.02": a(4), "DET.03": a(9), "PRR.01": a(["national"]) };

  it("counts the questions that apply and their valid answers", () => {
    expect(progressOf(q, { agency: "health" }, answers)).toEqual({ applicable: 6, answered: 2, requiredOpen: ["DET.03", "PRR.02", "PRR.03"], toConfirm: [] });
    expect(progressOf(q, { agency: "health", area: "DET" }, answers)).toEqual({ applicable: 2, answered: 1, requiredOpen: ["DET.03"], toConfirm: [] });
  });

  it("lists every question by area with its state, including answers that no longer apply", () => {
    const review = reviewOf(q, { agency: "health" }, answers);
    expect(review.map((r) => [r.areaId, r.items.map((i) => `${i.question.id}:${i.state}`)])).toEqual([
      ["DET", ["DET.01:answered", "DET.02:irrelevant", "DET.03:invalid"]],
      ["PRR", ["PRR.01:answered", "PRR.02:unanswered", "PRR.03:unanswered", "PRR.04:unanswered"]],
    ]);
  });

  it("names answers that no longer apply and saved answers that are not valid", () => {
    expect(irrelevantAnswered(q, "health", answers)).toEqual(["DET.02"]);
    expect(invalidSaved(q, answers).map((i) => i.id)).toEqual(["DET.03"]);
  });
});

describe("resumeProblems", () => {
  const base: Response = newResponse(q, digest, { country: "XX", agency: "health", language: "en" }, NOW);
  const target = { country: "XX", agency: "health", file: "r.yaml" };

  it.each<[string, Partial<Response>, string]>([
    ["reports OTHER_RESPONDENT for another agency's file", { agency: "customs" }, "OTHER_RESPONDENT"],
    ["reports OTHER_RESPONDENT for another country's file", { country: "YY" }, "OTHER_RESPONDENT"],
    ["reports OTHER_REVISION for another version", { questionnaire: { id: "small", version: "0.9.0", digest } }, "OTHER_REVISION"],
    ["reports OTHER_REVISION for another questionnaire", { questionnaire: { id: "other", version: "1.0.0", digest } }, "OTHER_REVISION"],
    ["reports DIGEST_MISMATCH for another text of the same version", { questionnaire: { id: "small", version: "1.0.0", digest: `sha256:${"0".repeat(64)}` } }, "DIGEST_MISMATCH"],
  ])("%s", (_name, change, code) => {
    expect(resumeProblems(q, digest, { ...base, ...change }, target).map((i) => i.code)).toEqual([code]);
  });

  it("accepts the agency's own file for the same revision", () => {
    expect(resumeProblems(q, digest, base, target)).toEqual([]);
  });

  it("suggests naq migrate for another version", () => {
    const [issue] = resumeProblems(q, digest, { ...base, questionnaire: { id: "small", version: "0.9.0", digest } }, target);
    expect(issue?.message).toContain("naq migrate r.yaml --to small@1.0.0");
    expect(issue?.message).toContain("--questionnaire small@0.9.0");
  });
});

describe("chooseLanguage", () => {
  it.each<[string, string | undefined, string | undefined, string]>([
    ["takes --lang when given", "fr", "en", "fr"],
    ["takes the response file's language without --lang", undefined, "fr", "fr"],
    ["takes the questionnaire's first language otherwise", undefined, undefined, "en"],
  ])("%s", (_name, flag, saved, lang) => {
    expect(chooseLanguage(q, flag, saved)).toEqual({ lang });
  });

  it("refuses a language the questionnaire does not declare", () => {
    const chosen = chooseLanguage(q, "ru", undefined);
    expect("problem" in chosen && chosen.problem).toContain("en, fr");
  });
});
