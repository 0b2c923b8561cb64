import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, runBuilt, tempDir } from "../helpers.js";

describe("naq validate across revisions", () => {
  it("reports UNKNOWN_WAS_REF where `was` names an id the previous revision in the folder lacks", () => {
    const r = runBuilt(["validate", "--format", "json", fixture("revisions", "bad-was")]);
    expect(r.code).toBe(1);
    const issues = JSON.parse(r.stdout) as { code: string; file: string; line: number; column: number; message: string }[];
    expect(issues.map((i) => [i.code, i.file.replace(/^.*fixtures\//, ""), i.line, i.column])).toEqual([["UNKNOWN_WAS_REF", "revisions/bad-was/mini/2.0.0.yaml", 52, 14]]);
    expect(issues[0]?.message).toContain("which is not a question of mini 1.2.0, the previous revision. Did you mean `DET.03`?");
  });

  it("checks the previous revision in the folder even when only the newer file is given", () => {
    const r = runBuilt(["validate", fixture("revisions", "bad-was", "mini", "2.0.0.yaml")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("UNKNOWN_WAS_REF");
  });

  it("accepts the bundled revisions, whose `was` all name questions of 1.0.0", () => {
    expect(runBuilt(["validate", "--strict", "questionnaires/cbrn-naq/2.0.0.yaml"]).code).toBe(0);
  });

  it("has nothing to check for a revision with no predecessor in its folder", () => {
    const dir = join(tempDir(), "cbrn-naq");
    mkdirSync(dir);
    copyFileSync("questionnaires/cbrn-naq/2.0.0.yaml", join(dir, "2.0.0.yaml"));
    expect(runBuilt(["validate", "--strict", dir]).code).toBe(0);
  });
});
