import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { fixture, runBuilt, tempDir } from "../helpers.js";

// Every command runs with socket creation and name lookup made fatal (exit 99).
const noNetwork = { NODE_OPTIONS: `--require ${fixture("no-network.cjs")}` };

describe("naq makes no network connection", () => {
  it("has a guard that really stops a connection attempt", () => {
    for (const attempt of ["require('node:net').connect(80, '127.0.0.1')", "require('node:dns').lookup('example.org', () => {})", "fetch('http://127.0.0.1:9/')"]) {
      const r = spawnSync(process.execPath, ["--require", fixture("no-network.cjs"), "-e", attempt], { encoding: "utf8" });
      expect(r.status).toBe(99);
      expect(r.stderr).toContain("NETWORK ATTEMPT");
    }
  });

  it.each([
    [["--version"]],
    [["--help"]],
    [["list"]],
    [["show", "cbrn-naq", "--lang", "ru", "--questions"]],
    [["schema"]],
    [["validate", "--strict", "questionnaires", "examples"]],
    [["status", "examples"]],
    [["merge", "examples", "--out", "OUT/r.html", "--out", "OUT/r.xlsx", "--out", "OUT/r.md", "--out", "OUT/r.json"]],
    [["diff", "questionnaires/cbrn-naq/1.0.0.yaml", "questionnaires/cbrn-naq/2.0.0.yaml", "--check"]],
    [["migrate", "examples/responses/XX-customs-1.0.0.yaml", "--to", "cbrn-naq@2.0.0", "--out", "OUT/m.yaml"]],
    [["template", "--agency", "health", "--lang", "fr", "--out", "OUT/t.xlsx"]],
    [["import", "examples/workbooks/XX-health.xlsx", "--out-dir", "OUT"]],
  ])("runs naq %j with the network blocked", (argv) => {
    const out = tempDir("naq-nonet-");
    const r = runBuilt(
      argv.map((a) => a.replace(/^OUT\//, `${out}/`).replace(/^OUT$/, out)),
      { env: noNetwork },
    );
    expect(r.stderr).not.toContain("NETWORK ATTEMPT");
    expect(r.code).toBe(0);
  });

  it("refuses fill without a terminal, with the network blocked", () => {
    const r = runBuilt(["fill", "--country", "XX", "--agency", "health"], { env: noNetwork, cwd: tempDir("naq-nonet-") });
    expect(r.stderr).not.toContain("NETWORK ATTEMPT");
    expect(r.code).toBe(2);
  });
});
