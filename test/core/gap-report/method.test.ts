// The method on a revision that uses all of it (test/fixtures/valid/method.yaml): the national profile,
// absent controls, scenario ratings and criticality, summed counts, targets and marked claims.
import { describe, expect, it } from "vitest";
import { buildGapReport } from "../../../src/core/gap-report/build.js";
import { relevance } from "../../../src/core/questionnaire/conditions.js";
import type { Answer, AnswerValue, Response } from "../../../src/core/questionnaire/model.js";
import { loadQuestionnaireFile } from "../../../src/io/revisions/load.js";
import { fixture } from "../../helpers.js";

const loaded = loadQuestionnaireFile(fixture("valid", "method.yaml")).value;
if (!loaded) throw new Error("the method fixture does not load");
const q = loaded.questionnaire;

const response = (agency: string, answers: Record<string, AnswerValue | Answer>): Response => ({
  questionnaire: { id: "method", version: "1.0.0", digest: loaded.digest },
  country: "XX",
  agency,
  language: "en",
  status: "complete",
  updated: "2025-02-01",
  answers: Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, typeof a === "object" && !Array.isArray(a) ? a : { value: a }])),
});
const build = (responses: Response[], extra: { target?: number; targets?: { questions?: Record<string, number> } } = {}) =>
  buildGapReport({ questionnaire: q, digest: loaded.digest, language: "en", responses: responses.map((r) => ({ file: `${r.agency}.yaml`, response: r })), ...extra });
const at = (report: ReturnType<typeof build>, id: string) => report.questions.find((x) => x.id === id);

const NFP_NO_REACTOR = response("nfp", { "PRF.01": ["none"], "RSK.01": "very-high", "RSK.02": "low" });

describe("the national profile", () => {
  it("rules out a question on facilities the country does not have: not applicable, never a priority", () => {
    const report = build([NFP_NO_REACTOR, response("regulator", { "PRV.01": 1 })]);
    expect(at(report, "PRV.01")).toMatchObject({ outcome: "not-applicable", rule: "profile", gap: null, score: null });
    expect(report.priorities.map((p) => p.question)).not.toContain("PRV.01");
  });

  it("keeps the question in scope, and scores it, when the profile says the facility exists", () => {
    const report = build([response("nfp", { "PRF.01": ["research-reactor"] }), response("regulator", { "PRV.01": 2 })]);
    expect(at(report, "PRV.01")).toMatchObject({ outcome: "scored", level: 2 });
  });

  it("keeps the question in scope while nobody has answered the profile: unknown does not rule out", () => {
    const report = build([response("regulator", { "PRV.01": 2 })]);
    expect(at(report, "PRV.01")).toMatchObject({ outcome: "scored", level: 2 });
  });

  it("asks agencies that are not asked the profile every question it could rule out, until the national answers are known", () => {
    expect(relevance(q, "regulator", {}).get("PRV.01")).toBe(true);
    expect(relevance(q, "regulator", {}, { "PRF.01": { value: ["none"] } }).get("PRV.01")).toBe(false);
  });
});

describe("an absent control", () => {
  it("counts as level 1, a gap, when the control it rates does not exist: it is never hidden by its condition", () => {
    const report = build([response("customs", { "PRV.02": "no" })]);
    expect(at(report, "PRV.03")).toMatchObject({ outcome: "scored", rule: "absent", level: 1, score: 20, gap: 3 });
    expect(report.priorities.map((p) => p.question)).toContain("PRV.03");
  });

  it("scores no better without the control than with a weak one", () => {
    const absent = build([response("customs", { "PRV.02": "no" })]);
    const weak = build([response("customs", { "PRV.02": "yes", "PRV.03": 1 })]);
    expect(at(absent, "PRV.03")?.score).toBe(at(weak, "PRV.03")?.score);
    expect(absent.areas.find((a) => a.id === "PRV")?.score).toBeLessThan(weak.areas.find((a) => a.id === "PRV")?.score ?? 0);
  });
});

describe("criticality from the country's own risk ratings", () => {
  it("makes the questions of a very-high-rated scenario's domain critical (3) and leaves an unrated domain at 1", () => {
    const report = build([NFP_NO_REACTOR, response("health", { "DET.01": 2 }), response("customs", { "DET.02": 2 })]);
    expect(at(report, "DET.01")?.criticality).toBe(3);
    // Trafficking rated low (level 2): 1 + 2 × 1/4.
    expect(at(report, "DET.02")?.criticality).toBe(1.5);
    const order = report.priorities.map((p) => p.question);
    expect(order.indexOf("DET.01")).toBeLessThan(order.indexOf("DET.02"));
    expect(report.risks.map((r) => [r.question, r.level])).toEqual([
      ["RSK.01", 5],
      ["RSK.02", 2],
    ]);
  });

  it("averages over a question's domains: a four-domain question is less critical than one on the top-rated domain alone", () => {
    const report = build([NFP_NO_REACTOR, response("customs", { "PRV.02": "no" })]);
    // C very high (1), B none (0), R and N low (0.25) in prevention: 1 + 2 × 1.5 / 4.
    expect(at(report, "PRV.03")?.criticality).toBe(1.75);
  });

  it("is 1 everywhere when no scenario is rated, so priority is gap × weight", () => {
    const report = build([response("health", { "DET.01": 2 })]);
    expect(at(report, "DET.01")).toMatchObject({ criticality: 1, gap: 2, priority: 4, band: "low" });
  });
});

describe("numbers, targets and claims", () => {
  it("sums a count each agency makes of its own teams, without calling the difference a disagreement", () => {
    const report = build([response("customs", { "DET.03": 6 }), response("regulator", { "DET.03": 3 })]);
    expect(at(report, "DET.03")).toMatchObject({ value: 9, rule: "sum", disagreement: null });
  });

  it("measures the gap to the questionnaire's target (4, SPAR-style), a country's target for one question, or --target", () => {
    const rs = [response("health", { "DET.01": 2 })];
    expect(at(build(rs), "DET.01")).toMatchObject({ target: 4, gap: 2 });
    expect(at(build(rs, { targets: { questions: { "DET.01": 5 } } }), "DET.01")).toMatchObject({ target: 5, gap: 3 });
    expect(at(build(rs, { target: 3 }), "DET.01")).toMatchObject({ target: 3, gap: 1 });
  });

  it("marks a level 4 or 5 claim that cites no evidence, and not one that does", () => {
    const report = build([response("health", { "DET.01": 4 }), response("customs", { "DET.01": { value: 5, evidence: "Exercise report 2024" } })]);
    expect(at(report, "DET.01")?.sources.map((s) => [s.agency, s.unsupported ?? false])).toEqual([
      ["health", true],
      ["customs", false],
    ]);
  });
});
