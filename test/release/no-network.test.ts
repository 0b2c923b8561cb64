import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { fixture, runBuilt } from "../helpers.js";

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
  ])("runs naq %j with the network blocked", (argv) => {
    const r = runBuilt(argv, { env: noNetwork });
    expect(r.stderr).not.toContain("NETWORK ATTEMPT");
    expect(r.code).toBe(0);
  });
});
