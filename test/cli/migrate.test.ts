import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { renamedFor } from "../../src/commands/migrate.js";
import { fixture, runBuilt, tempDir } from "../helpers.js";

const customs = fixture("revisions", "responses", "cbrn-naq-1.0.0-customs.yaml");
const regulator = fixture("responses", "mini-regulator.yaml");
const good = (v: string) => fixture("revisions", "good", "mini", `${v}.yaml`);

describe("naq migrate", () => {
  it("carries a 1.0.0 response to 2.0.0 in a file that validates without a warning, leaving the old file as it was", () => {
    const before = readFileSync(customs, "utf8");
    const out = join(tempDir(), "customs.yaml");
    const r = runBuilt(["migrate", customs, "--to", "cbrn-naq", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("cbrn-naq 1.0.0 → 2.0.0: 28 answers, 26 carried, 2 unmapped");
    expect(r.stdout).toContain("unmapped: PRV.06 (not-asked → PRV.06), DET.04 (removed → DET.42)");
    expect(readFileSync(customs, "utf8")).toBe(before);
    const v = runBuilt(["validate", "--strict", out]);
    expect(v.stdout).toContain("1 file checked: 0 errors, 0 warnings");
    expect(v.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=.*schemas\/response\.schema\.json$/);
    const data = parse(text) as { questionnaire: { version: string }; answers: Record<string, { value: unknown; confirm?: string }>; unmapped: { question: string }[] };
    expect(data.questionnaire.version).toBe("2.0.0");
    expect(data.answers["STC.06"]?.value).toEqual(["export", "transit", "intangible-technology-transfer"]);
    expect(data.answers["LEG.13"]?.value).toBe(2);
    expect(data.answers["LEG.13"]?.confirm).toContain("the lowest level, 2, was kept");
    expect(data.unmapped.map((u) => u.question)).toEqual(["PRV.06", "DET.04"]);
  });

  it("writes one response to standard output when no --out is given, and reports on standard error", () => {
    const r = runBuilt(["migrate", customs]);
    expect(r.code).toBe(0);
    expect((parse(r.stdout) as { kind: string; questionnaire: { version: string } }).questionnaire.version).toBe("2.0.0");
    expect(r.stderr).toContain("→ standard output");
  });

  it("writes several responses into --out-dir under their own names", () => {
    const dir = tempDir();
    const second = join(dir, "customs-copy.yaml");
    copyFileSync(customs, second);
    const outDir = join(dir, "migrated");
    const r = runBuilt(["migrate", customs, second, "--out-dir", outDir]);
    expect(r.code).toBe(0);
    expect(existsSync(join(outDir, "cbrn-naq-1.0.0-customs.yaml")) && existsSync(join(outDir, "customs-copy.yaml"))).toBe(true);
  });

  it("needs --out-dir for several responses (exit 2)", () => {
    expect(runBuilt(["migrate", customs, customs]).code).toBe(2);
  });

  it("never writes over the response it migrates, even with --force (exit 3)", () => {
    const dir = tempDir();
    const copy = join(dir, "r.yaml");
    copyFileSync(customs, copy);
    const r = runBuilt(["migrate", copy, "--out", copy, "--force"]);
    expect(r.code).toBe(3);
    expect(readFileSync(copy, "utf8")).toBe(readFileSync(customs, "utf8"));
  });

  it("refuses to replace an existing file without --force (exit 3), and replaces it with --force", () => {
    const out = join(tempDir(), "out.yaml");
    writeFileSync(out, "keep me\n");
    const r = runBuilt(["migrate", customs, "--out", out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("pass --force");
    expect(readFileSync(out, "utf8")).toBe("keep me\n");
    expect(runBuilt(["migrate", customs, "--out", out, "--force"]).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("version: 2.0.0");
  });

  it("leaves a response that already answers the target alone", () => {
    const out = join(tempDir(), "same.yaml");
    const r = runBuilt(["migrate", customs, "--to", "cbrn-naq@1.0.0", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("already answers cbrn-naq 1.0.0; nothing to do");
    expect(existsSync(out)).toBe(false);
  });

  it("refuses to migrate backwards (exit 2)", () => {
    const dir = tempDir();
    const out = join(dir, "v2.yaml");
    expect(runBuilt(["migrate", customs, "--out", out]).code).toBe(0);
    expect(runBuilt(["migrate", out, "--to", "cbrn-naq@1.0.0", "--out", join(dir, "back.yaml")]).code).toBe(2);
  });

  it("refuses a response that is not valid against its own revision (exit 1)", () => {
    const bad = join(tempDir(), "bad.yaml");
    writeFileSync(bad, readFileSync(customs, "utf8").replace("LEG.07: {value: 3}", "LEG.07: {value: 9}"));
    const r = runBuilt(["migrate", bad, "--out", join(tempDir(), "x.yaml")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+ +error +INVALID_ANSWER/);
  });

  it("finds the revision a response answers next to the target revision", () => {
    const out = join(tempDir(), "regulator.yaml");
    const r = runBuilt(["migrate", regulator, "--to", good("1.3.0"), "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("mini 1.2.0 → 1.3.0: 6 answers, 6 carried, 0 unmapped");
    expect(runBuilt(["validate", "--strict", "--questionnaire", good("1.3.0"), out]).code).toBe(0);
  });

  it("takes the old revision from --from", () => {
    const dir = tempDir();
    const target = join(dir, "next.yaml");
    copyFileSync(good("1.3.0"), target);
    const r = runBuilt(["migrate", regulator, "--from", good("1.2.0"), "--to", target, "--out", join(dir, "r.yaml")]);
    expect(r.code).toBe(0);
  });

  it("says where to name the old revision when it cannot find it (exit 1)", () => {
    const dir = tempDir();
    const target = join(dir, "next.yaml");
    copyFileSync(good("1.3.0"), target);
    const r = runBuilt(["migrate", regulator, "--to", target, "--out", join(dir, "r.yaml")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("QUESTIONNAIRE_NOT_FOUND");
    expect(r.stderr).toContain("--from");
  });
});

describe("renamedFor", () => {
  it.each([
    ["XX-customs-1.0.0.yaml", "XX-customs-2.0.0.yaml"],
    ["answers.1.0.0.yml", "answers.2.0.0.yml"],
    ["1.0.0.yaml", "2.0.0.yaml"],
    ["XX-customs.yaml", "XX-customs.yaml"],
    ["v11.0.0.yaml", "v11.0.0.yaml"],
    ["x-1.0.0-draft.yaml", "x-1.0.0-draft.yaml"],
  ])("names the migrated copy of %s %s", (name, renamed) => {
    expect(renamedFor(name, "1.0.0", "2.0.0")).toBe(renamed);
  });
});
