import { describe, expect, it } from "vitest";
import type { Consensus } from "../../../src/core/gap-report/consensus.js";
import { buildGapReport, type MergedResponse } from "../../../src/core/gap-report/build.js";
import { mini, response } from "../../merge-helpers.js";

const m = mini();
const build = (responses: MergedResponse[], extra: { target?: number; consensus?: Consensus; language?: string } = {}) =>
  buildGapReport({
    questionnaire: m.questionnaire,
    digest: m.digest,
    language: extra.language ?? "en",
    responses,
    ...(extra.target !== undefined ? { target: extra.target } : {}),
    ...(extra.consensus ? { consensus: { file: "workshop.yaml", consensus: extra.consensus } } : {}),
  });
const merged = (...rs: ReturnType<typeof response>[]): MergedResponse[] => rs.map((r) => ({ file: `${r.agency}.yaml`, response: r }));
const question = (report: ReturnType<typeof build>, id: string) => report.questions.find((x) => x.id === id);

describe("buildGapReport", () => {
  it("scores an area as the weighted mean of its questions and the country as the mean of its areas", () => {
    // DET.01 weight 2 (scored yes-no), DET.03 weight 3; PRR.03 weight 2.
    const report = build(merged(response("regulator", { "DET.01": "yes", "DET.03": 2 }), response("health", { "DET.03": 4, "PRR.03": 1 })));
    // A yes counts as level 3 (60 %); DET.03's median of 2 and 4 is the lower middle level, 2 (40 %).
    expect(question(report, "DET.01")?.score).toBe(60);
    expect(question(report, "DET.03")?.score).toBe(40);
    expect(report.areas.find((a) => a.id === "DET")?.score).toBe(48);
    // PRR.03 applies only when DET.03 is at least 3 or below 2: the consolidated 2 leaves it out.
    expect(question(report, "PRR.03")?.outcome).toBe("out-of-scope");
    expect(report.areas.find((a) => a.id === "PRR")?.score).toBeNull();
    expect(report.summary.overall).toBe(48);
  });

  it("takes the mean of the area scores before rounding", () => {
    const report = build(merged(response("regulator", { "DET.01": "no", "DET.03": 1 }), response("health", { "DET.03": 1, "PRR.03": 2 })));
    // DET: a no counts as level 1: (20×2 + 20×3) / 5 = 20; PRR: PRR.03 in scope (DET.03 below 2) = 40.
    expect(report.areas.map((a) => a.score)).toEqual([20, 40]);
    expect(report.summary.overall).toBe(30);
  });

  it("leaves a not-applicable question out of the denominator", () => {
    const report = build(merged(response("regulator", { "DET.01": "not-applicable", "DET.03": 3 })));
    expect(question(report, "DET.01")?.outcome).toBe("not-applicable");
    expect(report.areas.find((a) => a.id === "DET")?.score).toBe(60);
  });

  it("counts don't-know against coverage without scoring it", () => {
    const report = build(merged(response("regulator", { "DET.01": "dont-know", "DET.03": 3 })));
    const det = report.areas.find((a) => a.id === "DET");
    expect(question(report, "DET.01")?.outcome).toBe("dont-know");
    expect(det?.score).toBe(60);
    // DET.02 depends on DET.01 being yes, so only DET.01 and DET.03 are in scope.
    expect(det).toMatchObject({ questions: 2, covered: 1, coverage: 50 });
  });

  it("measures gaps against --target and ranks priorities by gap × weight", () => {
    const rs = merged(response("regulator", { "DET.01": "no", "DET.03": 3 }));
    expect(build(rs).priorities.map((p) => [p.question, p.gap, p.priority])).toEqual([
      ["DET.01", 4, 8],
      ["DET.03", 2, 6],
    ]);
    expect(build(rs, { target: 3 }).priorities.map((p) => [p.question, p.gap, p.priority])).toEqual([["DET.01", 2, 4]]);
  });

  it("applies a workshop decision, keeps the agencies' answers as superseded, and settles the disagreement", () => {
    const consensus: Consensus = {
      questionnaire: { id: "mini", version: "1.2.0" },
      country: "XX",
      date: "2025-03-04",
      decisions: [{ question: "DET.03", value: 3, justification: "agreed" }],
    };
    const report = build(merged(response("regulator", { "DET.03": 2 }), response("health", { "DET.03": 4 })), { consensus });
    const x = question(report, "DET.03");
    expect(x).toMatchObject({ value: 3, rule: "consensus", score: 60, decision: { value: 3, justification: "agreed" }, disagreement: { resolved: true } });
    expect(x?.sources.map((s) => s.role)).toEqual(["superseded", "superseded"]);
    expect(report.summary).toMatchObject({ disagreements: 1, unresolved: 0, decisions: 1 });
    expect(report.asOf).toBe("2025-03-04");
  });

  it("lists every answer of every response among the sources, used or not", () => {
    const rs = merged(
      response("regulator", { "DET.01": "no", "DET.02": 4, "DET.03": { value: 2, comment: "why", evidence: "doc" } }),
      response("customs", { "DET.03": 5, "PRR.01": ["national"], "PRR.04": "dont-know" }),
      response("health", { "DET.03": 3 }, { irrelevant: ["DET.03"] }),
    );
    const report = build(rs);
    const sources = report.questions.flatMap((x) => x.sources.map((s) => `${x.id}:${s.agency}:${s.role}`));
    expect(sources.sort()).toEqual(
      [
        "DET.01:regulator:stands",
        "DET.02:regulator:irrelevant",
        "DET.03:regulator:stands",
        "DET.03:customs:not-asked",
        "DET.03:health:irrelevant",
        "PRR.01:customs:stands",
        "PRR.04:customs:dont-know",
      ].sort(),
    );
    expect(question(report, "DET.03")?.sources.find((s) => s.agency === "regulator")).toMatchObject({ comment: "why", evidence: "doc", display: "2 – Limited" });
  });

  it("lists the agencies that have not answered and marks unfinished ones", () => {
    const report = build(merged(response("regulator", { "DET.01": "yes" }, { status: "in-progress" })));
    expect(report.missing).toEqual(["health", "customs"]);
    expect(report.agencies.map((a) => [a.id, a.status])).toEqual([
      ["health", "missing"],
      ["customs", "missing"],
      ["regulator", "in-progress"],
    ]);
    expect(report.summary).toMatchObject({ agencies: 3, answered: 1 });
  });

  it("measures each agency's coverage on the questions that apply to it, counting not-applicable as an answer", () => {
    const report = build(merged(response("customs", { "DET.01": "no", "PRR.01": "not-applicable", "PRR.04": "dont-know" })));
    const customs = report.agencies.find((a) => a.id === "customs");
    // customs is asked DET.01, PRR.01, PRR.04, PRR.05 (PRR.02 needs a national plan).
    expect(customs?.areas).toEqual([
      { area: "DET", relevant: 1, answered: 1, share: 100 },
      { area: "PRR", relevant: 3, answered: 1, share: 33.3 },
    ]);
    expect(customs).toMatchObject({ relevant: 4, answered: 2, share: 50 });
  });

  it("writes the texts in the language asked for", () => {
    const report = build(merged(response("health", { "DET.03": 3 })), { language: "fr" });
    expect(report.areas[0]?.title).toBe("Détection");
    expect(question(report, "DET.03")?.display).toBe("3 – Développée");
  });

  it("records excluded files and marks their agencies as answering an older revision", () => {
    const report = buildGapReport({
      questionnaire: m.questionnaire,
      digest: m.digest,
      language: "en",
      responses: [],
      excluded: [{ file: "old.yaml", agency: "customs", version: "1.0.0", reason: "older" }],
    });
    expect(report.agencies.find((a) => a.id === "customs")).toMatchObject({ status: "older-revision", file: "old.yaml", share: null });
    expect(report.missing).toEqual(["health", "regulator"]);
  });
});

describe("answers not carried from an older revision", () => {
  it.each([
    { language: "en", given: "no", shown: "no" },
    { language: "fr", given: "no", shown: "non" },
    { language: "fr", given: "dont-know", shown: "ne sait pas" },
    { language: "en", given: ["ag", "mtcr"], shown: "ag; mtcr" },
  ])("are listed in the report's words ($language: $given → $shown)", ({ language, given, shown }) => {
    const r = {
      ...response("regulator", { "DET.03": 3 }),
      unmapped: [{ question: "OLD.01", version: "0.9.0", value: given, reason: "removed" as const, note: "OLD.01 was removed" }],
    };
    const report = build(merged(r), { language });
    expect(report.inputs[0]?.notCarried?.[0]?.value.toLowerCase()).toBe(shown);
  });
});
