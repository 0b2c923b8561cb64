// The gap report of examples/ tells the fictional country's story.
import { describe, expect, it } from "vitest";
import type { GapReport } from "../src/core/gap-report/model.js";
import { buildGapReport } from "../src/core/gap-report/build.js";
import { loadMergeInputs } from "../src/io/merge-inputs.js";

function examplesReport(): GapReport {
  const inputs = loadMergeInputs({ paths: ["examples"] });
  const q = inputs.revision.questionnaire;
  return buildGapReport({ questionnaire: q, digest: inputs.revision.digest, language: "en", responses: inputs.responses, excluded: inputs.excluded });
}

describe("the examples' gap report", () => {
  const report = examplesReport();
  const cell = (domain: string, phase: string) => report.matrix.find((m) => m.domain === domain && m.phase === phase)?.score ?? NaN;

  it("merges the 2.0.0 responses and carries the two still on 1.0.0", () => {
    expect(report.questionnaire.version).toBe("2.0.0");
    expect(report.inputs).toHaveLength(17);
    expect(report.excluded).toEqual([]);
    expect(
      report.inputs
        .filter((i) => i.migratedFrom === "1.0.0")
        .map((i) => i.agency)
        .sort(),
    ).toEqual(["customs", "defence"]);
  });

  it("lists every answer that could not be carried from 1.0.0, so none is dropped", () => {
    const notCarried = (agency: string) => report.inputs.find((i) => i.agency === agency)?.notCarried ?? [];
    // naq migrate reports customs 28 = 26 carried + 2 unmapped, defence 22 = 18 + 4.
    expect(notCarried("customs")).toHaveLength(2);
    expect(notCarried("defence")).toHaveLength(4);
    for (const u of [...notCarried("customs"), ...notCarried("defence")]) {
      expect(u.version).toBe("1.0.0");
      expect(u.note.length).toBeGreaterThan(10);
    }
  });

  it("shows strong biological surveillance and a radiological and nuclear detection gap", () => {
    expect(cell("B", "detection")).toBeGreaterThan(cell("R", "detection") + 10);
    expect(cell("B", "detection")).toBeGreaterThan(cell("N", "detection") + 10);
    const det = (id: string) => report.questions.find((x) => x.id === id);
    expect(det("DET.05")?.level).toBeLessThanOrEqual(2);
    expect(det("DET.21")?.level).toBeGreaterThanOrEqual(4);
  });

  it("ranks radiological and nuclear questions among the top priorities", () => {
    const top = report.priorities.slice(0, 10).map((p) => report.questions.find((x) => x.id === p.question));
    expect(top.filter((x) => x?.domains.includes("R") || x?.domains.includes("N")).length).toBeGreaterThanOrEqual(3);
  });

  it("finds the agencies' disagreements and keeps every side's comment", () => {
    expect(report.summary.disagreements).toBeGreaterThanOrEqual(8);
    for (const id of report.disagreements) {
      const x = report.questions.find((q) => q.id === id);
      expect(x?.sources.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("names the agencies that never answered and the one still at work", () => {
    expect(report.missing).toEqual(["energy", "security-service", "transport", "finance", "science"]);
    // customs and defence answered 1.0.0: carried to 2.0.0, the questions 2.0.0 added are still open.
    expect(
      report.agencies
        .filter((a) => a.status === "in-progress")
        .map((a) => a.id)
        .sort(),
    ).toEqual(["customs", "defence", "environment"]);
    expect(report.summary.answerRate).toBeLessThan(90);
  });

  it("keeps don't-know and not-applicable answers as such", () => {
    const roles = new Set(report.questions.flatMap((x) => x.sources.map((s) => s.role)));
    expect(roles).toContain("dont-know");
    expect(report.questions.some((x) => x.sources.some((s) => s.value === "not-applicable"))).toBe(true);
  });

  it("rules out every nuclear-installation question through the national profile, so none is a priority", () => {
    const gated = report.questions.filter((x) => x.rule === "profile").map((x) => x.id);
    expect(gated).toEqual(expect.arrayContaining(["LEG.04", "PRV.01", "PRV.54", "PRV.57", "PRR.08", "REC.14", "REC.18"]));
    for (const id of gated) expect(report.questions.find((x) => x.id === id)?.outcome).toBe("not-applicable");
    expect(report.priorities.filter((p) => gated.includes(p.question))).toEqual([]);
  });

  it("reads the domains as the story tells them: biological strongest, radiological and nuclear weakest", () => {
    const domain = (id: string) => report.domains.find((d) => d.id === id)?.score ?? NaN;
    expect(domain("B")).toBeGreaterThan(domain("C"));
    expect(domain("C")).toBeGreaterThan(domain("R"));
    expect(domain("B") - domain("N")).toBeGreaterThan(10);
  });

  it("puts chemical alerting from major-hazard sites, the lesson of the Dalmar chlorine leak, first among the priorities", () => {
    const top = report.priorities.slice(0, 10).map((p) => p.question);
    expect(top[0]).toBe("DET.34");
    expect(top).toContain("DET.32");
    expect(report.priorities[0]).toMatchObject({ band: "high", criticality: 3 });
  });

  it("puts recovery among the weakest areas", () => {
    // The national profile is a screening block and carries no score.
    const sorted = report.areas.filter((a) => a.score !== null).sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
    expect(sorted[0]?.id).toBe("REC");
  });
});
