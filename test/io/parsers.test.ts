import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { checkAgainst, checkSchema, loadSchema } from "../../src/io/schema/check.js";
import { parseYaml } from "../../src/io/yaml/source.js";
import { expandPaths } from "../../src/io/walk.js";
import { fixture, root } from "../helpers.js";

const files = expandPaths([`${root}questionnaires`, fixture("valid")]).files;

describe("the two YAML parsers", () => {
  it.each(files.map((f) => [f.slice(root.length)]))("read %s to the same data", (rel) => {
    const text = readFileSync(`${root}${rel}`, "utf8");
    const fast = parseYaml(rel, text);
    expect(fast.ok).toBe(true);
    const full = parseAllDocuments(text)[0];
    expect(fast.ok && fast.source.data).toEqual(full && "toJS" in full ? full.toJS() : undefined);
  });

  it.each([
    ["a date stays text", "d: 2024-05-15\n", { d: "2024-05-15" }],
    ["yes stays text", "a: yes\nb: no\nc: on\n", { a: "yes", b: "no", c: "on" }],
    ["core-schema numbers and nulls", "a: 0x1F\nb: 0o17\nc: 1e3\nd: .inf\ne: ~\nf: null\n", { a: 31, b: 15, c: 1000, d: Infinity, e: null, f: null }],
    ["an anchor and alias", "a: &x [1, 2]\nb: *x\n", { a: [1, 2], b: [1, 2] }],
  ])("agree that %s", (_name, text, expected) => {
    const parsed = parseYaml("t.yaml", text);
    expect(parsed.ok && parsed.source.data).toEqual(expected);
    expect(parseAllDocuments(text)[0]?.toJS()).toEqual(expected);
  });

  it("gives positions from a full parse when a fast-parsed document has something to report", () => {
    const parsed = parseYaml("t.yaml", "kind: questionnaire\nareas:\n  - id: DET\n    title: {en: x}\n");
    expect(parsed.ok && parsed.source.position(["areas", 0, "title"])).toEqual({ line: 4, column: 12 });
    expect(parsed.ok && parsed.source.position(["areas", 0, "title"], true)).toEqual({ line: 4, column: 5 });
  });
});

describe("the precompiled validators", () => {
  it.each(files.map((f) => [f.slice(root.length)]))("agree with the schema on %s", (rel) => {
    const parsed = parseYaml(rel, readFileSync(`${root}${rel}`, "utf8"));
    const data = parsed.ok ? parsed.source.data : undefined;
    expect(checkSchema("questionnaire", data)).toEqual(checkAgainst(loadSchema("questionnaire"), data));
  });

  it("agree with the schema on every invalid fixture", () => {
    for (const f of expandPaths([fixture("invalid")]).files) {
      const parsed = parseYaml(f, readFileSync(f, "utf8"));
      if (!parsed.ok) continue;
      expect(checkSchema("questionnaire", parsed.source.data).length > 0).toBe(checkAgainst(loadSchema("questionnaire"), parsed.source.data).length > 0);
    }
  });
});
