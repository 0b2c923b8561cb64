import { readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ISSUE_CODES } from "../src/core/issues.js";
import { root, runBuilt, tempDir } from "./helpers.js";

const readme = readFileSync(`${root}README.md`, "utf8");

describe("the README", () => {
  it("documents every issue code, and only those", () => {
    const section = readme.slice(readme.indexOf("\n## Issue codes"), readme.indexOf("\n## Exit codes"));
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...ISSUE_CODES].sort());
  });

  it("starts its quick start with the demo and the test command", () => {
    const quick = readme.slice(readme.indexOf("## Quick start"), readme.indexOf("## Commands"));
    expect(quick).toContain("npm install && npx naq merge examples --out gap-report.html --force");
    expect(quick).toContain("npm test");
  });

  it("has a quick start whose demo runs twice in a row, the second time replacing the report", () => {
    const quick = readme.slice(readme.indexOf("## Quick start"), readme.indexOf("## Commands"));
    const argv = /npx naq (.+)/.exec(quick)?.[1]?.split(" ") ?? [];
    expect(argv[0]).toBe("merge");
    const dir = tempDir();
    symlinkSync(join(root, "examples"), join(dir, "examples"));
    for (const run of [1, 2]) {
      const r = runBuilt(argv, { cwd: dir });
      expect(r.code, `run ${run}: ${r.stderr}`).toBe(0);
      expect(readFileSync(join(dir, "gap-report.html"), "utf8")).toContain("<html");
    }
  }, 60_000);
});
