// The method through the built CLI, on the fixture revision that uses all of it: a national profile that
// rules questions out, an absent control, scenario ratings, a summed count and a country's targets.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadQuestionnaireFile } from "../../src/io/revisions/load.js";
import { fixture, runBuilt, tempDir } from "../helpers.js";

const METHOD = fixture("valid", "method.yaml");
const digest = loadQuestionnaireFile(METHOD).value!.digest;

function folder(answers: Record<string, Record<string, unknown>>, extra: Record<string, string> = {}): string {
  const dir = tempDir();
  for (const [agency, given] of Object.entries(answers)) {
    const body = {
      kind: "response",
      questionnaire: { id: "method", version: "1.0.0", digest },
      country: "XX",
      agency,
      language: "en",
      status: "in-progress",
      updated: "2025-02-01T09:00:00Z",
      answers: Object.fromEntries(Object.entries(given).map(([id, value]) => [id, { value }])),
    };
    writeFileSync(join(dir, `${agency}.json`), JSON.stringify(body));
  }
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

type Report = {
  questions: { id: string; outcome: string; rule: string | null; level: number | null; target: number; criticality: number; value: unknown }[];
  priorities: { question: string; band: string }[];
};
function merge(dir: string, ...args: string[]): { code: number; report: Report; stderr: string } {
  const out = join(dir, "report.json");
  const r = runBuilt(["merge", dir, "-q", METHOD, "--out", out, ...args]);
  return { code: r.code, stderr: r.stderr, report: r.code === 0 ? (JSON.parse(readFileSync(out, "utf8")) as Report) : { questions: [], priorities: [] } };
}
const at = (r: Report, id: string) => r.questions.find((x) => x.id === id);

describe("the method through the CLI", () => {
  it("validates the revision that uses every part of it with no warning under --strict", () => {
    expect(runBuilt(["validate", "--strict", METHOD]).code).toBe(0);
  });

  it("rules out what the profile says the country lacks, counts an absent control as level 1 and sums each agency's teams", () => {
    const dir = folder({
      nfp: { "PRF.01": ["none"], "RSK.01": "very-high", "RSK.02": "low" },
      regulator: { "PRV.01": 1, "DET.03": 3 },
      customs: { "PRV.02": "no", "DET.03": 6, "DET.02": 2 },
      health: { "DET.01": 1 },
    });
    const { code, report } = merge(dir);
    expect(code).toBe(0);
    expect(at(report, "PRV.01")).toMatchObject({ outcome: "not-applicable", rule: "profile" });
    expect(at(report, "PRV.03")).toMatchObject({ outcome: "scored", rule: "absent", level: 1 });
    expect(at(report, "DET.03")).toMatchObject({ value: 9, rule: "sum" });
    expect(report.priorities[0]).toMatchObject({ question: "DET.01", band: "high" });
    expect(report.priorities.map((p) => p.question)).not.toContain("PRV.01");
  });

  it("measures gaps to the country's targets file, found by --targets or in the folder", () => {
    const targets = "kind: targets\nquestionnaire: {id: method}\ntarget: 3\nquestions: {DET.01: 5}\n";
    const given = { health: { "DET.01": 2 }, customs: { "DET.02": 2 } };
    const byFlag = merge(folder(given), "--targets", join(folder({}, { "t.yaml": targets }), "t.yaml"));
    expect(at(byFlag.report, "DET.01")?.target).toBe(5);
    expect(at(byFlag.report, "DET.02")?.target).toBe(3);
    const inFolder = merge(folder(given, { "targets.yaml": targets }));
    expect(at(inFolder.report, "DET.01")?.target).toBe(5);
    expect(runBuilt(["validate", "--strict", join(folder({}, { "t.yaml": targets }), "t.yaml")]).code).toBe(0);
  });

  it("refuses targets for a question the revision does not have, naming the file and suggesting the id", () => {
    const dir = folder({ health: { "DET.01": 2 } }, { "targets.yaml": "kind: targets\nquestionnaire: {id: method}\nquestions: {DET.10: 5}\n" });
    const r = runBuilt(["merge", dir, "-q", METHOD]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("targets.yaml");
    expect(r.stderr).toContain("UNKNOWN_QUESTION");
    expect(r.stderr).toMatch(/did you mean DET\.0[1-3]\?/);
  });
});
