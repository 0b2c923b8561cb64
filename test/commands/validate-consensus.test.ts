import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, runBuilt, runNaq, tempDir } from "../helpers.js";
import { MINI } from "../merge-helpers.js";

const CONSENSUS = fixture("merge", "mini-consensus.yaml");

function variant(edit: (text: string) => string): string {
  const file = join(tempDir(), "workshop.yaml");
  writeFileSync(file, edit(readFileSync(CONSENSUS, "utf8")));
  return file;
}

describe("naq validate on workshop decisions", () => {
  it("accepts a valid consensus file", async () => {
    const r = await runNaq(["validate", "-q", MINI, CONSENSUS, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it.each([
    { name: "DUPLICATE_DECISION", edit: (t: string) => `${t}  - {question: DET.03, value: 2, justification: again}\n`, line: 11 },
    { name: "UNKNOWN_QUESTION", edit: (t: string) => t.replace("question: DET.03", "question: DET.33"), line: 8 },
    { name: "INVALID_ANSWER", edit: (t: string) => t.replace("value: 3", "value: 8"), line: 9 },
    { name: "MISSING_PROPERTY", edit: (t: string) => t.replace(/ {4}justification:.*\n/, ""), line: 8 },
    { name: "QUESTIONNAIRE_NOT_FOUND", edit: (t: string) => t.replace("id: mini", "id: unknown-questionnaire"), line: 3, noQ: true },
  ])("reports $name at its line", async ({ name, edit, line, noQ }) => {
    const r = await runNaq(["validate", ...(noQ ? [] : ["-q", MINI]), variant(edit), "--format", "json"]);
    expect(r.code).toBe(1);
    const issues = JSON.parse(r.stdout) as { code: string; line: number }[];
    expect(issues.map((i) => [i.code, i.line])).toContainEqual([name, line]);
  });

  it("checks a gap report written by merge against its schema", () => {
    const dir = tempDir();
    expect(runBuilt(["merge", fixture("merge", "mini"), "-q", MINI, "--out", "r.json"], { cwd: dir }).code).toBe(0);
    expect(runBuilt(["validate", "r.json"], { cwd: dir }).code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, "r.json"), "utf8")) as { summary: { overall: number } };
    report.summary.overall = 140;
    writeFileSync(join(dir, "bad.json"), JSON.stringify(report));
    const bad = runBuilt(["validate", "bad.json", "--format", "json"], { cwd: dir });
    expect(bad.code).toBe(1);
    expect((JSON.parse(bad.stdout) as { code: string }[])[0]?.code).toBe("INVALID_VALUE");
  });
});
