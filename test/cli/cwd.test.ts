// Every relative path a user gives is looked up in the run's folder (`io.cwd`), never the process's.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixture, runNaq, tempDir } from "../helpers.js";

/** A folder that is not the process's, holding two mini revisions, three responses to the older one and workshop decisions. */
function workspace(): string {
  const dir = tempDir();
  mkdirSync(join(dir, "q"));
  mkdirSync(join(dir, "in"));
  for (const v of ["1.2.0", "1.3.0"]) copyFileSync(fixture("revisions", "good", "mini", `${v}.yaml`), join(dir, "q", `${v}.yaml`));
  for (const f of ["xx-customs.yaml", "xx-health.yaml", "xx-regulator.yaml"]) copyFileSync(fixture("merge", "mini", f), join(dir, "in", f));
  copyFileSync(fixture("merge", "mini-consensus.yaml"), join(dir, "decisions.yaml"));
  return dir;
}

describe("relative paths in a run whose folder is not the process's", () => {
  let dir: string;
  beforeAll(() => {
    dir = workspace();
    expect(process.cwd()).not.toBe(dir);
  });
  const run = (...argv: string[]) => runNaq(argv, {}, dir);

  it("validate reads the files and folders given, and a -q path", async () => {
    const r = await run("validate", "in", "q/1.2.0.yaml");
    expect([r.code, r.stdout]).toEqual([0, expect.stringContaining("4 files checked") as unknown]);
    expect((await run("validate", "in", "-q", "q/1.2.0.yaml")).code).toBe(0);
  });

  it("validate reads a questionnaire named by a relative path, and the revision before it in its folder", async () => {
    const r = await run("validate", "q/1.3.0.yaml", "--format", "json");
    expect(r.code).toBe(0);
  });

  it("merge reads the responses, -q and --consensus, and writes --out there", async () => {
    const r = await run("merge", "in", "-q", "q/1.2.0.yaml", "--consensus", "decisions.yaml", "--out", "report.json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as { kind: string; coverage: unknown };
    expect(report.kind).toBe("gap-report");
  });

  it("merge carries responses to an older revision through the one found next to the -q file", async () => {
    const r = await run("merge", "in", "-q", "q/1.3.0.yaml", "--out", "carried.json");
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, "carried.json"), "utf8")) as { excluded: unknown[] };
    expect(report.excluded).toEqual([]);
  });

  it("status reads the responses and the -q file", async () => {
    expect((await run("status", "in", "-q", "q/1.2.0.yaml")).code).toBe(0);
  });

  it("migrate reads the response, --to and --from, and writes into --out-dir there", async () => {
    const r = await run("migrate", "in/xx-health.yaml", "--from", "q/1.2.0.yaml", "--to", "q/1.3.0.yaml", "--out-dir", "migrated");
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "migrated", "xx-health.yaml"), "utf8")).toContain("version: 1.3.0");
  });

  it("migrate finds the revision a response answers next to the --to file", async () => {
    const r = await run("migrate", "in/xx-customs.yaml", "--to", "q/1.3.0.yaml", "--out", "customs-1.3.0.yaml");
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "customs-1.3.0.yaml"))).toBe(true);
  });

  it("template reads a -q path", async () => {
    const r = await run("template", "-q", "q/1.3.0.yaml", "--agency", "health", "--country", "XX", "--out", "t.xlsx");
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "t.xlsx"))).toBe(true);
  });
});
