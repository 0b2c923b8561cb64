import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { statusData } from "../../src/render/status.js";
import { fixture, runBuilt, runNaq, tempDir } from "../helpers.js";
import { MINI, response, writeResponses } from "../merge-helpers.js";

const MINI_DIR = fixture("merge", "mini");

describe("naq status", () => {
  it("prints the agency × area matrix with each agency's status", async () => {
    const r = await runNaq(["status", MINI_DIR, "-q", MINI]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.find((l) => l.startsWith("AGENCY"))).toMatch(/AGENCY\s+STATUS\s+DET\s+PRR\s+ALL/);
    expect(lines.find((l) => l.startsWith("health"))).toMatch(/^health\s+in progress\s+100 %\s+50 %\s+60 %$/);
    expect(lines.find((l) => l.startsWith("customs"))).toMatch(/^customs\s+complete\s+100 %\s+75 %\s+80 %$/);
  });

  it("lists the agencies that have not answered and exits 0", async () => {
    const dir = tempDir();
    writeResponses(dir, { regulator: response("regulator", { "DET.01": "yes" }) });
    const r = await runNaq(["status", dir, "-q", MINI]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^health\s+missing\s+0 %/m);
    expect(r.stdout).toContain("Not answered: health (Ministry of Health), customs (Customs)");
  });

  it("prints JSON for scripts", async () => {
    const r = await runNaq(["status", MINI_DIR, "-q", MINI, "--json"]);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as ReturnType<typeof statusData>;
    expect(data.missing).toEqual([]);
    expect(data.agencies.map((a) => [a.id, a.status, a.share])).toEqual([
      ["health", "in-progress", 60],
      ["customs", "complete", 80],
      ["regulator", "complete", 100],
    ]);
    expect(data.agencies[0]?.areas.PRR).toEqual({ relevant: 4, answered: 2, share: 50 });
  });

  it("shows unfinished work with errors instead of refusing it, and points at validate", async () => {
    const dir = tempDir();
    writeResponses(dir, { health: response("health", { "DET.03": 4 }, { status: "complete" }) });
    const r = await runNaq(["status", dir, "-q", MINI, "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as ReturnType<typeof statusData>).agencies[0]).toMatchObject({ id: "health", status: "complete", problems: 1 });
    const text = await runNaq(["status", dir, "-q", MINI]);
    expect(text.stdout).toContain(`1 error: naq validate ${join(dir, "health.json")}`);
  });

  it("refuses files from two countries, as merge does", async () => {
    const dir = tempDir();
    writeResponses(dir, { health: response("health", {}), customs: response("customs", {}, { country: "YY" }) });
    const r = await runNaq(["status", dir, "-q", MINI]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("MIXED_COUNTRIES");
  });

  it("works end to end through the built CLI", () => {
    const r = runBuilt(["status", MINI_DIR, "-q", MINI]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Completeness · XX · mini 1.2.0 · 3 of 3 agencies answered it");
  });
});
