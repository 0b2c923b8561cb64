// The one output-safety policy, end to end through the built CLI, for every command that writes files.
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { root, runBuilt, runNaq, tempDir } from "../helpers.js";
import { MINI, response, writeResponses } from "../merge-helpers.js";
import { fillWorkbook } from "../xlsx-helpers.js";

const CUSTOMS_1 = join(root, "examples", "responses", "XX-customs-1.0.0.yaml");
const HEALTH_2 = join(root, "examples", "responses", "XX-health.yaml");

/** Runs the built CLI in `dir` and expects a refusal (exit 3) that names `file` and says why. */
function refused(dir: string, argv: string[], file: string, why: string): void {
  const r = runBuilt(argv, { cwd: dir });
  expect(r.stderr).toContain(`naq: ${file}: cannot write (${why}`);
  expect(r.code).toBe(3);
}

const INPUT = "it is one of the input files, and naq never overwrites an input; write to another file)";

describe("naq merge writes no report it must not", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    mkdirSync(join(dir, "in"));
    writeResponses(join(dir, "in"), { health: response("health", { "DET.03": 4 }), customs: response("customs", { "DET.01": "no" }) });
    symlinkSync(join(dir, "in", "health.json"), join(dir, "link.json"));
  });
  const merge = (...args: string[]) => ["merge", "in", "-q", MINI, ...args];

  it.each([["in/health.json"], ["./in/../in/health.json"], ["link.json"]])("refuses an input as --out %s, even with --force", (out) => {
    const before = readFileSync(join(dir, "in", "health.json"), "utf8");
    refused(dir, merge("--out", out, "--force"), out, INPUT);
    expect(readFileSync(join(dir, "in", "health.json"), "utf8")).toBe(before);
  });

  it("refuses one report named twice, writing neither", () => {
    refused(dir, merge("--out", "twice.md", "--out", "./twice.md"), "./twice.md", "it is named twice as an output; give each output its own file)");
    expect(() => readFileSync(join(dir, "twice.md"))).toThrow();
  });

  it("refuses an existing report without --force, and replaces it with --force", () => {
    writeFileSync(join(dir, "old.md"), "keep me\n");
    refused(dir, merge("--out", "old.md"), "old.md", "it exists; pass --force to replace it)");
    expect(readFileSync(join(dir, "old.md"), "utf8")).toBe("keep me\n");
    expect(runBuilt(merge("--out", "old.md", "--force"), { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "old.md"), "utf8")).toMatch(/^# National CBRN gap report/);
  });
});

describe("naq import writes no response it must not", () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    expect((await runNaq(["template", "--agency", "customs", "--country", "XX", "--out", join(dir, "template.xlsx")])).code).toBe(0);
    await fillWorkbook(join(dir, "template.xlsx"), join(dir, "customs.xlsx"), { "LEG.13": { answer: "Limited capacity" } });
    symlinkSync(join(dir, "customs.xlsx"), join(dir, "link.yaml"));
    for (const sub of ["x", "y"]) {
      mkdirSync(join(dir, sub));
      copyFileSync(join(dir, "customs.xlsx"), join(dir, sub, "same.xlsx"));
    }
  });

  it("refuses a --out that is the workbook itself through a link, even with --force", () => {
    const before = readFileSync(join(dir, "customs.xlsx"));
    const r = runBuilt(["import", "customs.xlsx", "--out", "link.yaml", "--force"], { cwd: dir });
    expect(r.stderr).toMatch(/link\.yaml +error +OUTPUT_EXISTS +it is one of the input files, and naq never overwrites an input/);
    expect(r.code).toBe(3);
    expect(readFileSync(join(dir, "customs.xlsx")).equals(before)).toBe(true);
  });

  it("refuses two workbooks of one name into one folder, writing the first", () => {
    const r = runBuilt(["import", "x/same.xlsx", "y/same.xlsx", "--out-dir", "same"], { cwd: dir });
    expect(r.stderr).toMatch(/same\/same\.yaml +error +OUTPUT_EXISTS +it would be written twice, from x\/same\.xlsx and from y\/same\.xlsx/);
    expect(r.stdout).toContain("✔ x/same.xlsx → same/same.yaml");
    expect(r.code).toBe(3);
  });

  it("refuses an existing response without --force, and replaces it with --force", () => {
    writeFileSync(join(dir, "old.yaml"), "keep me\n");
    const r = runBuilt(["import", "customs.xlsx", "--out", "old.yaml"], { cwd: dir });
    expect(r.stderr).toMatch(/old\.yaml +error +OUTPUT_EXISTS +it exists; pass --force to replace it/);
    expect(r.code).toBe(3);
    expect(readFileSync(join(dir, "old.yaml"), "utf8")).toBe("keep me\n");
    expect(runBuilt(["import", "customs.xlsx", "--out", "old.yaml", "--force"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "old.yaml"), "utf8")).toContain("kind: response");
  });

  it("refuses a --out in a folder that does not exist, before writing anything", () => {
    const r = runBuilt(["import", "customs.xlsx", "--out", "nowhere/r.yaml"], { cwd: dir });
    expect(r.stderr).toMatch(/nowhere\/r\.yaml +error +OUTPUT_EXISTS +there is no folder nowhere; create it first/);
    expect(r.code).toBe(3);
  });
});

describe("naq migrate writes no response it must not", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    copyFileSync(CUSTOMS_1, join(dir, "r.yaml"));
    symlinkSync(join(dir, "r.yaml"), join(dir, "link.yaml"));
    for (const sub of ["a", "b"]) {
      mkdirSync(join(dir, sub));
      copyFileSync(CUSTOMS_1, join(dir, sub, "r.yaml"));
    }
  });

  it.each([["r.yaml"], ["./r.yaml"], ["link.yaml"]])("refuses the response it migrates as --out %s, even with --force", (out) => {
    refused(dir, ["migrate", "r.yaml", "--out", out, "--force"], out, INPUT);
    expect(readFileSync(join(dir, "r.yaml"), "utf8")).toBe(readFileSync(CUSTOMS_1, "utf8"));
  });

  it("refuses two responses of one name into one folder, writing neither", () => {
    refused(dir, ["migrate", "a/r.yaml", "b/r.yaml", "--out-dir", "out"], "out/r.yaml", "it would be written twice, from a/r.yaml and from b/r.yaml");
    expect(() => readFileSync(join(dir, "out", "r.yaml"))).toThrow();
  });

  it("refuses an existing file without --force, and replaces it with --force", () => {
    writeFileSync(join(dir, "old.yaml"), "keep me\n");
    refused(dir, ["migrate", "r.yaml", "--out", "old.yaml"], "old.yaml", "it exists; pass --force to replace it)");
    expect(readFileSync(join(dir, "old.yaml"), "utf8")).toBe("keep me\n");
    expect(runBuilt(["migrate", "r.yaml", "--out", "old.yaml", "--force"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "old.yaml"), "utf8")).toContain("version: 2.0.0");
  });
});

describe("naq template writes no workbook it must not", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    copyFileSync(HEALTH_2, join(dir, "health.yaml"));
    symlinkSync(join(dir, "health.yaml"), join(dir, "link.xlsx"));
  });

  it("refuses a --out that is the --from response through a link, even with --force", () => {
    refused(dir, ["template", "--from", "health.yaml", "--out", "link.xlsx", "--force"], "link.xlsx", INPUT);
    expect(readFileSync(join(dir, "health.yaml"), "utf8")).toBe(readFileSync(HEALTH_2, "utf8"));
  });

  it("refuses an existing workbook without --force, and replaces it with --force", () => {
    writeFileSync(join(dir, "old.xlsx"), "keep me\n");
    refused(dir, ["template", "--agency", "health", "--out", "old.xlsx"], "old.xlsx", "it exists; pass --force to replace it)");
    expect(readFileSync(join(dir, "old.xlsx"), "utf8")).toBe("keep me\n");
    expect(runBuilt(["template", "--agency", "health", "--out", "old.xlsx", "--force"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "old.xlsx")).subarray(0, 2).toString()).toBe("PK");
  });

  it("refuses a workbook in a folder that does not exist", () => {
    refused(dir, ["template", "--agency", "health", "--out", "nowhere/t.xlsx"], "nowhere/t.xlsx", "there is no folder nowhere; create it first)");
  });
});

describe("the questionnaire a command reads is an input too", () => {
  // The revision as JSON, so a report name (.json) or a link named as a workbook (.xlsx) can point at it.
  const setUp = () => {
    const dir = tempDir();
    mkdirSync(join(dir, "in"));
    writeResponses(join(dir, "in"), { health: response("health", { "DET.03": 4 }) });
    writeFileSync(join(dir, "mini.json"), JSON.stringify(parse(readFileSync(MINI, "utf8"))));
    symlinkSync(join(dir, "mini.json"), join(dir, "mini.xlsx"));
    return dir;
  };

  it.each([
    { command: "merge", argv: ["merge", "in", "-q", "mini.json", "--out", "mini.json", "--force"], out: "mini.json" },
    { command: "template", argv: ["template", "-q", "mini.json", "--agency", "health", "--out", "mini.xlsx", "--force"], out: "mini.xlsx" },
  ])("$command refuses to write over the -q file, even with --force", ({ argv, out }) => {
    const dir = setUp();
    const before = readFileSync(join(dir, "mini.json"), "utf8");
    refused(dir, argv, out, INPUT);
    expect(readFileSync(join(dir, "mini.json"), "utf8")).toBe(before);
  });
});
