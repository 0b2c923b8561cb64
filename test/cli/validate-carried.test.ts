import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root, runBuilt, tempDir } from "../helpers.js";

const HEALTH = join(root, "examples", "responses", "XX-health.yaml");

/** The health ministry's complete example response, changed by `edit`, in a temporary folder. */
function edited(edit: (text: string) => string): string {
  const file = join(tempDir(), "XX-health.yaml");
  writeFileSync(file, edit(readFileSync(HEALTH, "utf8")));
  return file;
}

describe("naq validate on answers carried from an older revision", () => {
  it("reports UNCONFIRMED_ANSWER (exit 1) for a complete response with an answer still to confirm", () => {
    const file = edited((t) => t.replace(/^answers:\n( {2}[A-Z]+\.\d+:\n)/m, "answers:\n$1    confirm: LEG.07 was split; check it\n"));
    const r = runBuilt(["validate", "--format", "json", file]);
    expect(r.code).toBe(1);
    const issues = JSON.parse(r.stdout) as { code: string; line: number }[];
    expect(issues.map((i) => i.code)).toEqual(["UNCONFIRMED_ANSWER"]);
    expect(issues[0]?.line).toBe(
      readFileSync(file, "utf8")
        .split("\n")
        .findIndex((l) => l.startsWith("status:")) + 1,
    );
  });

  it("accepts the same response in progress", () => {
    const file = edited((t) =>
      t.replace(/^answers:\n( {2}[A-Z]+\.\d+:\n)/m, "answers:\n$1    confirm: LEG.07 was split; check it\n").replace("status: complete", "status: in-progress"),
    );
    expect(runBuilt(["validate", file]).code).toBe(0);
  });

  it("accepts an unmapped answer marked resolved, and refuses a resolved that is not a date-time", () => {
    const entry = (resolved: string) =>
      `unmapped:\n  - question: PRV.32\n    version: 1.0.0\n    value: 3\n    reason: type-changed\n    note: PRV.32 was a level question\n    target: STC.02\n    resolved: ${resolved}\n`;
    expect(runBuilt(["validate", edited((t) => `${t.trimEnd()}\n${entry("2025-02-01T09:00:00Z")}`)]).code).toBe(0);
    const bad = runBuilt(["validate", "--format", "json", edited((t) => `${t.trimEnd()}\n${entry("yes")}`)]);
    expect(bad.code).toBe(1);
    expect((JSON.parse(bad.stdout) as { code: string }[]).map((i) => i.code)).toEqual(["INVALID_VALUE"]);
  });

  it("describes `resolved` in the schema that `naq schema` prints", () => {
    const r = runBuilt(["schema", "cbrn-naq"]);
    const schema = JSON.parse(r.stdout) as { properties: { unmapped: { items: { properties: Record<string, unknown> } } } };
    expect(schema.properties.unmapped.items.properties.resolved).toMatchObject({ type: "string", format: "date-time" });
  });
});
