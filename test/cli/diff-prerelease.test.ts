import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuilt, tempDir } from "../helpers.js";

const V1 = "questionnaires/cbrn-naq/1.0.0.yaml";

/** The bundled 1.0.0 revision written to a temp folder under `version`, its content unchanged. */
function released(dir: string, version: string): string {
  const file = join(dir, `${version}.yaml`);
  writeFileSync(file, readFileSync(V1, "utf8").replace("\nversion: 1.0.0\n", `\nversion: ${version}\n`));
  return file;
}

describe("naq diff --check on pre-releases", () => {
  it.each([
    ["1.0.0-a", "1.0.0-A"],
    ["1.0.0-9a", "1.0.0-10"],
    ["1.0.0-beta.11", "1.0.0-beta.2"],
  ])("calls %s → %s a downgrade, in the specification's pre-release order", (from, to) => {
    const dir = tempDir();
    const r = runBuilt(["diff", "--check", "--format", "json", released(dir, from), released(dir, to)]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { bump: string }).bump).toBe("downgrade");
  });

  it("passes --check from 1.0.0-A to 1.0.0-a, a pre-release step", () => {
    const dir = tempDir();
    const r = runBuilt(["diff", "--check", "--format", "json", released(dir, "1.0.0-A"), released(dir, "1.0.0-a")]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { bump: string }).bump).toBe("pre-release");
  });
});
