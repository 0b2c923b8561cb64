import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { expandPaths, MAX_FILES } from "../../src/io/walk.js";
import { root, runBuilt, tempDir } from "../helpers.js";

const HEALTH = join(root, "examples", "responses", "XX-health.yaml");

/** A folder holding `n` files named `r<i>.<ext>`, each a copy of `content`. */
function folderOf(n: number, ext: string, content = ""): string {
  const dir = tempDir("naq-many-");
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `r${String(i).padStart(5, "0")}.${ext}`), content);
  return dir;
}

describe("expandPaths", () => {
  it("refuses more files than the limit, naming the count and the limit", () => {
    const dir = folderOf(12, "yaml");
    expect(expandPaths([dir], undefined, 12).files).toHaveLength(12);
    expect(() => expandPaths([dir], undefined, 11)).toThrow(UsageError);
    expect(() => expandPaths([dir], undefined, 11)).toThrow(/hold 12 files to read; naq reads at most 11 in one run/);
  });

  it("counts a file given twice, or by a file and its folder, once", () => {
    const dir = folderOf(3, "yaml");
    expect(expandPaths([dir, dir, join(dir, "r00001.yaml")], undefined, 3).files).toHaveLength(3);
  });

  it("visits a folder once when a symbolic link loops back to it", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "a"));
    copyFileSync(HEALTH, join(dir, "a", "XX-health.yaml"));
    symlinkSync("..", join(dir, "a", "up"));
    expect(expandPaths([dir]).files).toEqual([join(dir, "a", "XX-health.yaml")]);
  });

  it("returns a dangling link as a file, for the reader to report", () => {
    const dir = tempDir();
    symlinkSync(join(dir, "nowhere.yaml"), join(dir, "gone.yaml"));
    expect(expandPaths([dir]).files).toEqual([join(dir, "gone.yaml")]);
  });
});

describe(`a run over more than ${MAX_FILES.toLocaleString("en")} files`, () => {
  const yaml = folderOf(MAX_FILES + 1, "yaml", "kind: response\n");
  const xlsx = folderOf(MAX_FILES + 1, "xlsx");

  it.each([
    ["validate", [yaml]],
    ["status", [yaml]],
    ["merge", [yaml]],
    ["import", [xlsx, "--out-dir", join(xlsx, "out")]],
  ])("is refused by %s with exit 2, naming the count and the limit", (command, args) => {
    const r = runBuilt([command, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("hold 5,001 files to read; naq reads at most 5,000 in one run");
  });
});

describe("folders that loop or hold dangling links, end to end", () => {
  it("validates a folder with a link back to itself, and reports a dangling link as a missing file", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "a"));
    copyFileSync(HEALTH, join(dir, "a", "XX-health.yaml"));
    symlinkSync("..", join(dir, "a", "up"));
    expect(runBuilt(["validate", dir]).code).toBe(0);
    symlinkSync(join(dir, "nowhere.yaml"), join(dir, "gone.yaml"));
    const r = runBuilt(["validate", dir]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/gone\.yaml\s+error\s+FILE_NOT_FOUND/);
    expect(r.stderr).not.toMatch(/internal error/);
  });
});
