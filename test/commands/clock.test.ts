import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import type { Io } from "../../src/context.js";
import { run } from "../../src/main.js";
import { root, tempDir } from "../helpers.js";

/** Runs naq in this process with its clock pinned at `now`, so any stamp from another clock shows. */
async function runAt(now: string, argv: string[]): Promise<number> {
  const sink = { write: () => true, isTTY: false };
  const io: Io = { stdout: sink, stderr: sink, env: { NO_COLOR: "1" }, cwd: root, now: () => now };
  return run(argv, io);
}

const read = (file: string) => parse(readFileSync(file, "utf8")) as { updated: string; migrated?: { at: string }[] };

// Long before the example files were written, so a stamp from the system's clock cannot pass for it.
const PINNED = "2001-02-03T04:05:06.789Z";

describe("the clock a command reads", () => {
  it("stamps a migrated response's updated and migrated.at with the run's clock, to the second", async () => {
    const out = join(tempDir(), "customs-2.0.0.yaml");
    expect(await runAt(PINNED, ["migrate", "examples/responses/XX-customs-1.0.0.yaml", "--out", out])).toBe(0);
    const r = read(out);
    expect(r.updated).toBe("2001-02-03T04:05:06Z");
    expect(r.migrated?.map((m) => m.at)).toEqual(["2001-02-03T04:05:06Z"]);
  });

  it("stamps an imported workbook saved after the run's clock with that clock", async () => {
    const dir = tempDir();
    expect(await runAt(PINNED, ["import", "examples/workbooks/XX-health.xlsx", "--out-dir", dir])).toBe(0);
    expect(read(join(dir, "XX-health.yaml")).updated).toBe(PINNED);
  });

  it("dates a template with the run's clock, which the import of that template then keeps", async () => {
    const dir = tempDir();
    const book = join(dir, "health.xlsx");
    expect(await runAt(PINNED, ["template", "--agency", "health", "--country", "XX", "--out", book])).toBe(0);
    expect(await runAt("2002-01-01T00:00:00.000Z", ["import", book, "--out-dir", dir, "--partial"])).toBe(0);
    // A workbook keeps its dates to the second.
    expect(read(join(dir, "health.yaml")).updated).toBe("2001-02-03T04:05:06.000Z");
  });
});
