import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root, tempDir } from "../helpers.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string; overrides: Record<string, string> };

describe("the npm package", () => {
  const dir = tempDir("naq-pack-");
  // `npm test` has just built dist/, so packing needs no build; installing takes what npm ci left in its cache; npm ci caches tarballs but not the package metadata that installing a tarball needs, so that comes from the registry.
  const out = execFileSync(npm, ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], { cwd: root, encoding: "utf8" });
  const packed = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  const files = packed[0]?.files.map((f) => f.path) ?? [];

  it("holds only what users need", () => {
    const top = [...new Set(files.map((f) => f.split("/")[0]))].sort();
    expect(top).toEqual(["LICENSE", "README.md", "bin", "dist", "package.json", "questionnaires", "schemas"]);
    expect(files).toContain("dist/main.js");
    expect(files).toContain("dist/help.json");
    expect(files).toContain("questionnaires/cbrn-naq/2.0.0.yaml");
    expect(files.filter((f) => f.startsWith("test/") || f.startsWith("src/") || f.endsWith(".map"))).toEqual([]);
  });

  it("installs into an empty folder and runs with its bundled questionnaires", () => {
    const app = join(dir, "app");
    cpSync(join(root, "examples"), join(app, "examples"), { recursive: true });
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, overrides: pkg.overrides }));
    execFileSync(npm, ["install", "--prefer-offline", "--no-audit", "--no-fund", join(dir, packed[0]?.filename ?? "")], { cwd: app, encoding: "utf8", stdio: "pipe" });
    const naq = (...args: string[]) => execFileSync(join(app, "node_modules", ".bin", "naq"), args, { cwd: app, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(naq("--version").trim()).toBe(pkg.version);
    expect(naq("list")).toMatch(/cbrn-naq\s+2\.0\.0/);
    expect(naq("validate", "--strict", "examples")).toContain("17 files checked: 0 errors, 0 warnings");
    expect(naq("merge", "examples", "--out", "report.json", "--out", "report.html")).toContain("Gap report");
    expect((JSON.parse(readFileSync(join(app, "report.json"), "utf8")) as { kind: string }).kind).toBe("gap-report");
  }, 120_000);
});
