import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/io/yaml-source.js";

const aliases = (n: number) => `base: &a x\nlist:\n${Array.from({ length: n }, () => "  - *a").join("\n")}\n`;

describe("parseYaml's guards, with and without the walk over every node", () => {
  it.each([
    { name: "a plain __proto__ key", text: "kind: response\n__proto__: {polluted: true}\n", code: "FORBIDDEN_KEY" },
    { name: "a __proto__ key written with an escape", text: 'kind: response\n"\\x5f_proto__": {polluted: true}\n', code: "FORBIDDEN_KEY" },
    { name: "a __proto__ key written with a Unicode escape", text: 'kind: response\n"\\u005F_proto__": 1\n', code: "FORBIDDEN_KEY" },
    { name: "more aliases than allowed", text: aliases(101), code: "ALIAS_LIMIT" },
  ])("refuses $name", ({ text, code }) => {
    const r = parseYaml("f.yaml", text);
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual([code]);
  });

  it.each([
    { name: "a few aliases", text: aliases(3) },
    { name: "text with no alias, escape or __proto__", text: "kind: response\nanswers:\n  DET.01: {value: 3, comment: 'plain text'}\n" },
    { name: "a __proto__ that is a value, not a key", text: "kind: response\ncomment: __proto__\n" },
  ])("accepts $name", ({ text }) => {
    expect(parseYaml("f.yaml", text).ok).toBe(true);
  });
});
