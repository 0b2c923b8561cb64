import { chmodSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuilt, tempDir } from "../helpers.js";

const mode = (file: string) => (statSync(file).mode & 0o777).toString(8);

/** An output file that exists already, kept private with chmod 600, in a fresh folder. */
function privateFile(name: string): string {
  const file = join(tempDir(), name);
  writeFileSync(file, "old\n");
  chmodSync(file, 0o600);
  return file;
}

describe("a response or report kept chmod 600", () => {
  it.each([
    ["naq import --force", "naq-XX-health.yaml", (out: string) => ["import", "examples/workbooks/XX-health.xlsx", "--out", out, "--force"]],
    ["naq migrate --force", "naq-XX-customs.yaml", (out: string) => ["migrate", "examples/responses/XX-customs-1.0.0.yaml", "--out", out, "--force"]],
    ["naq merge --force", "report.md", (out: string) => ["merge", "examples/responses", "--out", out, "--force"]],
  ])("stays 600 when %s rewrites it", (_command, name, argv) => {
    const out = privateFile(name);
    const r = runBuilt(argv(out));
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(4);
    expect(mode(out)).toBe("600");
  });
});
