import fc from "fast-check";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Issue } from "../../src/core/issues.js";
import { loadDocument, questionnaireFrom, responseFrom } from "../../src/io/revisions/load.js";
import { parseYaml } from "../../src/io/yaml/source.js";
import { fixture, root, tempDir } from "../helpers.js";

// Bounded, seeded runs in `npm test`; `npm run fuzz` raises the counts through NAQ_FUZZ_RUNS.
const runs = Number(process.env.NAQ_FUZZ_RUNS ?? 150);
const seed = Number(process.env.NAQ_FUZZ_SEED ?? 20261121);
const tmp = tempDir("naq-fuzz-");

const located = (issues: readonly Issue[]) => issues.every((i) => i.location !== undefined && i.location.file.length > 0 && ("sheet" in i.location || (i.location.line ?? 1) >= 1));

/** Loads `text` as a file the way every command does; returns the issues, or [] for a value. */
function load(text: string): Issue[] {
  const file = join(tmp, "input.yaml");
  writeFileSync(file, text);
  const doc = loadDocument(file);
  if (!doc.ok) return doc.issues;
  if (doc.kind === "questionnaire") return questionnaireFrom(doc.source).issues;
  if (doc.kind === "response") return responseFrom(doc.source).issues;
  return [];
}

const mini = readFileSync(fixture("valid", "mini.yaml"), "utf8");
const response = readFileSync(join(root, "examples", "responses", "XX-health.yaml"), "utf8");

/** A valid file with one line deleted, duplicated, cut short or replaced by noise. */
const mutated = (base: string) =>
  fc.tuple(fc.nat(), fc.constantFrom("delete", "duplicate", "truncate", "noise", "indent"), fc.string({ maxLength: 12 })).map(([n, how, noise]) => {
    const lines = base.split("\n");
    const i = n % lines.length;
    const line = lines[i] ?? "";
    if (how === "delete") lines.splice(i, 1);
    else if (how === "duplicate") lines.splice(i, 0, line);
    else if (how === "truncate") lines[i] = line.slice(0, Math.floor(line.length / 2));
    else if (how === "indent") lines[i] = ` ${line}`;
    else lines[i] = line.slice(0, 8) + noise + line.slice(8);
    return lines.join("\n");
  });

describe("the loaders under arbitrary input", () => {
  it("never throw on arbitrary text, and locate every issue", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const issues = load(text);
        expect(located(issues)).toBe(true);
      }),
      { numRuns: runs, seed },
    );
  });

  it("never throw on arbitrary YAML-shaped text", () => {
    const token = fc.constantFrom(
      "kind: ",
      "questionnaire",
      "response",
      "\n",
      "  ",
      "- ",
      ": ",
      "{",
      "}",
      "[",
      "]",
      ",",
      "&a ",
      "*a",
      "!!str ",
      '"',
      "'",
      "#",
      "---\n",
      "? ",
      "|\n",
      "__proto__",
      "id",
      "areas",
      "1.0.0",
      "é",
      "\t",
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
        expect(located(load(tokens.join("")))).toBe(true);
      }),
      { numRuns: runs, seed },
    );
  });

  it("never throw on arbitrary JSON values, and refuse those that are not naq files", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const issues = load(JSON.stringify(value));
        expect(located(issues)).toBe(true);
        expect(issues.length).toBeGreaterThan(0);
      }),
      { numRuns: runs, seed },
    );
  });

  it.each([
    ["a questionnaire", mini],
    ["a response", response],
  ])("never throw on mutations of %s, and locate every issue", (_name, base) => {
    fc.assert(
      fc.property(mutated(base), (text) => {
        expect(located(load(text))).toBe(true);
      }),
      { numRuns: runs, seed },
    );
  });

  it("read every plain document to the same data with either parser", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k.trim() === k && !/[#:&*!|>'"%@`{}[\],?-]/.test(k)),
          fc.oneof(fc.integer(), fc.boolean(), fc.string({ maxLength: 10 })),
        ),
        (obj) => {
          const text = JSON.stringify(obj, null, 2);
          const parsed = parseYaml("x.json", text);
          expect(parsed.ok && parsed.source.data).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: runs, seed },
    );
  });
});
