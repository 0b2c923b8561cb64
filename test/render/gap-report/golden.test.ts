// Golden files: the Markdown and JSON reports of the mini fixture and of the examples, as merge writes them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSchema } from "../../../src/io/schema/check.js";
import { runNaq, tempDir } from "../../helpers.js";

async function merge(args: string[]): Promise<{ md: string; json: string }> {
  const dir = tempDir();
  const md = join(dir, "r.md");
  const json = join(dir, "r.json");
  // Relative paths, as a user types them: the report names its input files the same way.
  const r = await runNaq(["merge", ...args, "--out", md, "--out", json]);
  expect(r.code).toBe(0);
  return { md: readFileSync(md, "utf8"), json: readFileSync(json, "utf8") };
}

describe("golden reports", () => {
  it("of the mini fixture with workshop decisions", async () => {
    const { md, json } = await merge(["test/fixtures/merge/mini", "-q", "test/fixtures/valid/mini.yaml", "--consensus", "test/fixtures/merge/mini-consensus.yaml"]);
    expect(checkSchema("gap-report", JSON.parse(json))).toEqual([]);
    await expect(md).toMatchFileSnapshot("__golden__/mini.md");
    await expect(json).toMatchFileSnapshot("__golden__/mini.json");
  });

  it("of the examples", async () => {
    const { md, json } = await merge(["examples"]);
    expect(checkSchema("gap-report", JSON.parse(json))).toEqual([]);
    await expect(md).toMatchFileSnapshot("__golden__/examples.md");
    await expect(json).toMatchFileSnapshot("__golden__/examples.json");
  });
});
