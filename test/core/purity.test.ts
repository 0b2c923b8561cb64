import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers.js";

const FORBIDDEN = /^(node:|fs$|path$|os$|child_process$|crypto$|yaml$|js-yaml$|ajv|exceljs$|@inquirer\/|inquirer$|chalk$|commander$|@commander-js\/)/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("src/core", () => {
  const sources = files(join(root, "src", "core"));

  it("has modules to check", () => {
    expect(sources.length).toBeGreaterThan(5);
  });

  it.each(sources.map((f) => [f.slice(root.length)]))("%s imports no I/O or UI module and touches no process or console", (rel) => {
    const text = readFileSync(join(root, rel), "utf8");
    const imports = [...text.matchAll(/(?:import|export)[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2] ?? "");
    expect(imports.filter((i) => FORBIDDEN.test(i))).toEqual([]);
    // semver is the one pure library core may use (dependency-cruiser's core-is-pure says the same)
    expect(imports.filter((i) => !i.startsWith(".") && !/^semver(\/|$)/.test(i))).toEqual([]);
    expect(text).not.toMatch(/\bprocess\.|\bconsole\.|\brequire\(/);
  });
});
