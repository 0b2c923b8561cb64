import { describe, expect, it } from "vitest";
import { fixture, runBuilt } from "../helpers.js";

const mini = fixture("valid", "mini.yaml");
const good = fixture("responses", "mini-regulator.yaml");
const bad = fixture("responses", "mini-customs-bad.yaml");

describe("naq validate", () => {
  it("exits 0 with a summary for valid files", () => {
    const r = runBuilt(["validate", mini]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("1 file checked: 0 errors, 0 warnings");
  });

  it("validates every bundled questionnaire under --strict", () => {
    const r = runBuilt(["validate", "--strict", "questionnaires"]);
    expect(r.stdout).toContain("0 errors, 0 warnings");
    expect(r.code).toBe(0);
  });

  it("checks a response against a questionnaire given in the same run", () => {
    const r = runBuilt(["validate", "--strict", mini, good]);
    expect(r.stdout).toContain("2 files checked: 0 errors, 0 warnings");
    expect(r.code).toBe(0);
  });

  it("checks a response against --questionnaire", () => {
    expect(runBuilt(["validate", "--questionnaire", mini, good]).code).toBe(0);
  });

  it("reports QUESTIONNAIRE_NOT_FOUND for a response to a revision it cannot find", () => {
    const r = runBuilt(["validate", "--format", "json", good]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toContainEqual(expect.objectContaining({ code: "QUESTIONNAIRE_NOT_FOUND", line: 3, column: 16 }));
  });

  it("locates response errors and warnings by line and column", () => {
    const r = runBuilt(["validate", "--format", "json", mini, bad]);
    expect(r.code).toBe(1);
    const issues = JSON.parse(r.stdout) as { code: string; severity: string; line: number; column: number }[];
    expect(issues.map((i) => [i.code, i.severity, i.line, i.column])).toEqual([
      ["INVALID_ANSWER", "error", 9, 19],
      ["ANSWER_NOT_ASKED", "warning", 10, 3],
    ]);
  });

  it("prints `file:line:col  severity  CODE  message` lines in text format", () => {
    const r = runBuilt(["validate", mini, bad]);
    expect(r.stdout).toMatch(/mini-customs-bad\.yaml:9:19 {2}error {4}INVALID_ANSWER {2}DET\.01: `maybe` is not yes or no/);
    expect(r.stdout).toContain("2 files checked: 1 error, 1 warning");
  });

  it("prints GitHub workflow annotations in github format", () => {
    const r = runBuilt(["validate", "--format", "github", mini, bad]);
    expect(r.stdout).toMatch(/^::error file=.*mini-customs-bad\.yaml,line=9,col=19,title=INVALID_ANSWER::DET\.01: /m);
    expect(r.stdout).toMatch(/^::warning file=.*,line=10,col=3,title=ANSWER_NOT_ASKED::/m);
  });

  it("fails on warnings only with --strict", () => {
    const warnOnly = fixture("invalid", "UNDECLARED_LANGUAGE.yaml");
    expect(runBuilt(["validate", warnOnly]).code).toBe(0);
    expect(runBuilt(["validate", "--strict", warnOnly]).code).toBe(1);
  });

  it("walks folders for .yaml, .yml and .json files", () => {
    const r = runBuilt(["validate", "--format", "json", fixture("invalid")]);
    expect(r.code).toBe(1);
    const files = new Set((JSON.parse(r.stdout) as { file: string }[]).map((i) => i.file));
    expect(files.size).toBeGreaterThanOrEqual(25);
  });

  it("colours only on request and never with NO_COLOR", () => {
    expect(runBuilt(["validate", bad, mini], { env: { FORCE_COLOR: "1", NO_COLOR: "" } }).stdout).toContain("\u001b[");
    expect(runBuilt(["validate", bad, mini], { env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stdout).not.toContain("\u001b[");
    expect(runBuilt(["validate", "--no-color", bad, mini], { env: { FORCE_COLOR: "1", NO_COLOR: "" } }).stdout).not.toContain("\u001b[");
  });

  it("exits 2 on an unknown format", () => {
    const r = runBuilt(["validate", "--format", "xml", mini]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("xml");
  });
});
