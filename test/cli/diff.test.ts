import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, runBuilt, tempDir } from "../helpers.js";

const V1 = "questionnaires/cbrn-naq/1.0.0.yaml";
const V2 = "questionnaires/cbrn-naq/2.0.0.yaml";

/** The bundled revisions copied to a folder, 2.0.0 released under `version` instead. */
function relabelled(version: string): { old: string; new: string } {
  const dir = join(tempDir(), "cbrn-naq");
  mkdirSync(dir);
  copyFileSync(V1, join(dir, "1.0.0.yaml"));
  const next = join(dir, `${version}.yaml`);
  writeFileSync(next, readFileSync(V2, "utf8").replace("\nversion: 2.0.0\n", `\nversion: ${version}\n`));
  return { old: join(dir, "1.0.0.yaml"), new: next };
}

describe("naq diff", () => {
  it("gives an account of the bundled revision, breaking changes first", () => {
    const r = runBuilt(["diff", V1, V2]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(0, 2)).toEqual([
      "cbrn-naq 1.0.0 → 2.0.0: 662 changes: 58 breaking, 381 minor, 223 patch",
      "✔ 1.0.0 → 2.0.0 is a major bump, as breaking changes need",
    ]);
    expect(r.stdout).toMatch(/^ {2}DET\.01 {2}type yes-no → level$/m);
    expect(r.stdout).toMatch(/^ {2}LEG\.23 +moved from area AUT to LEG \(was AUT\.12\)$/m);
  });

  it("takes bundled references as well as paths", () => {
    const r = runBuilt(["diff", "cbrn-naq@1.0.0", "cbrn-naq@2.0.0", "--format", "json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { bump: string; required: string; ok: boolean; counts: Record<string, number> };
    expect([json.bump, json.required, json.ok, json.counts]).toEqual(["major", "breaking", true, { breaking: 58, minor: 381, patch: 223 }]);
  });

  it("passes --check on the bundled revision", () => {
    expect(runBuilt(["diff", "--check", V1, V2]).code).toBe(0);
  });

  it("fails --check when the revision is released as a minor version, with an error per breaking change", () => {
    const files = relabelled("1.1.0");
    const r = runBuilt(["diff", "--check", "--format", "json", files.old, files.new]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { ok: boolean; issues: { code: string; line: number }[] };
    expect(json.ok).toBe(false);
    expect(json.issues).toHaveLength(58);
    expect(new Set(json.issues.map((i) => i.code))).toEqual(new Set(["VERSION_BUMP_TOO_SMALL"]));
  });

  it("fails --check when a revision is edited and its version is not", () => {
    const dir = tempDir();
    const edited = join(dir, "2.0.0.yaml");
    writeFileSync(edited, readFileSync(V2, "utf8").replace("To which of the following international instruments", "To which of these international instruments"));
    const r = runBuilt(["diff", "--check", V2, edited]);
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n").slice(0, 2)).toEqual([
      "cbrn-naq 2.0.0 → 2.0.0: 1 change: 1 patch",
      "✖ the version stayed 2.0.0, but 1 patch change needs a patch bump: version 2.0.1 or later",
    ]);
    expect(r.stdout).toMatch(/2\.0\.0\.yaml:238:\d+ +error +VERSION_BUMP_TOO_SMALL +PRF\.07: text changed \(en\)/);
  });

  it("finds no change between a revision and itself", () => {
    const r = runBuilt(["diff", "--check", V2, V2]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("cbrn-naq 2.0.0 → 2.0.0: no changes");
  });

  it("fails --check on the crafted bad bump fixture, pointing at each change", () => {
    const dir = fixture("revisions", "bad-bump", "mini");
    const r = runBuilt(["diff", "--check", "--format", "github", join(dir, "1.2.0.yaml"), join(dir, "1.2.1.yaml")]);
    expect(r.code).toBe(1);
    expect(
      r.stdout
        .split("\n")
        .filter((l) => l.startsWith("::error"))
        .map((l) => /line=(\d+),col=(\d+)/.exec(l)?.slice(1).join(":")),
    ).toEqual(["49:17", "52:5"]);
  });

  it("accepts the same bad bump without --check, saying it is too small", () => {
    const dir = fixture("revisions", "bad-bump", "mini");
    const r = runBuilt(["diff", join(dir, "1.2.0.yaml"), join(dir, "1.2.1.yaml")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("✖ 1.2.0 → 1.2.1 is only a patch bump");
  });

  it("passes --check on a minor revision with additions", () => {
    const dir = fixture("revisions", "good", "mini");
    expect(runBuilt(["diff", "--check", join(dir, "1.2.0.yaml"), join(dir, "1.3.0.yaml")]).code).toBe(0);
  });

  it("fails --check when `was` names an id the old revision lacks", () => {
    const dir = fixture("revisions", "bad-was", "mini");
    const r = runBuilt(["diff", "--check", "--format", "json", join(dir, "1.2.0.yaml"), join(dir, "2.0.0.yaml")]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { issues: { code: string }[] }).issues.map((i) => i.code)).toEqual(["UNKNOWN_WAS_REF"]);
  });

  it("prints Markdown fit for a pull-request comment", () => {
    const r = runBuilt(["diff", "--format", "markdown", V1, V2]);
    expect(r.stdout).toMatch(/^### cbrn-naq 1\.0\.0 → 2\.0\.0\n/);
    expect(r.stdout).toContain("<details><summary><b>Patch (223)</b></summary>");
  });

  it("refuses to compare two different questionnaires (exit 2)", () => {
    const r = runBuilt(["diff", fixture("valid", "mini.yaml"), V2]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("compares two revisions of one questionnaire");
  });

  it("refuses an unknown format (exit 2)", () => {
    expect(runBuilt(["diff", "--format", "html", V1, V2]).code).toBe(2);
  });
});
