import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ISSUE_CODES } from "../src/core/issues.js";
import { root } from "./helpers.js";

const readme = readFileSync(`${root}README.md`, "utf8");

describe("the README", () => {
  it("documents every issue code, and only those", () => {
    const section = readme.slice(readme.indexOf("\n## Issue codes"), readme.indexOf("\n## Exit codes"));
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...ISSUE_CODES].sort());
  });

  it("starts its quick start with the demo and the test command", () => {
    const quick = readme.slice(readme.indexOf("## Quick start"), readme.indexOf("## Commands"));
    expect(quick).toContain("npm install && npx naq merge examples --out gap-report.html");
    expect(quick).toContain("npm test");
  });
});
