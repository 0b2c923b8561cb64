import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ISSUE_CODES } from "../../src/core/issues.js";
import { fixture, runBuilt } from "../helpers.js";

// Each test/fixtures/invalid/<CODE>.yaml starts with `# expect: <CODE> <line>:<column>`, the position
// of the defect computed from the fixture text when it was made (scripts/make-invalid-corpus.py).
const dir = fixture("invalid");
const cases = readdirSync(dir)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => {
    const m = /^# expect: ([A-Z_]+) (\d+):(\d+)/.exec(readFileSync(`${dir}/${f}`, "utf8"));
    if (!m) throw new Error(`${f} has no '# expect:' header`);
    return { file: f, code: m[1] as string, line: Number(m[2]), column: Number(m[3]) };
  });

describe("the invalid-input corpus", () => {
  it("names a known issue code in every file name", () => {
    for (const c of cases) {
      expect(c.file).toBe(`${c.code}.yaml`);
      expect(ISSUE_CODES).toContain(c.code);
    }
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)("reports $code at $line:$column for $file and exits 1 under --strict, without a stack trace", ({ file, code, line, column }) => {
    const r = runBuilt(["validate", "--strict", "--format", "json", `${dir}/${file}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+\)/);
    const issues = JSON.parse(r.stdout) as { code: string; line: number; column: number; file: string }[];
    expect(issues).toContainEqual(expect.objectContaining({ code, line, column }));
    expect(issues.every((i) => i.file.endsWith(file))).toBe(true);
  });
});
