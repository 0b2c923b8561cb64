// The method's advice rules hold a revision to the method only once it is written to it: its own level
// descriptors or references somewhere. A released revision written before them gets no new warnings.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadQuestionnaireFile } from "../../../src/io/revisions/load.js";
import { fixture, tempDir } from "../../helpers.js";

type Doc = { areas: { questions: Record<string, unknown>[] }[] };
const base = parse(readFileSync(fixture("invalid", "WEIGHT_NOT_SCORED.yaml"), "utf8")) as Doc;

function codes(edit: (q: Record<string, unknown>) => void): string[] {
  const doc = structuredClone(base);
  for (const a of doc.areas) for (const q of a.questions) edit(q);
  const file = join(tempDir(), "mini.yaml");
  writeFileSync(file, stringify(doc));
  return loadQuestionnaireFile(file).issues.map((i) => `${i.code} ${i.message.split(" ")[0] ?? ""}`);
}

describe("WEIGHT_NOT_SCORED", () => {
  it.each([
    ["own level descriptors", (_q: Record<string, unknown>) => {}, ["WEIGHT_NOT_SCORED PRR.01"]],
    ["no descriptors and no references", (q: Record<string, unknown>) => delete q.levels, []],
    [
      "references instead of descriptors",
      (q: Record<string, unknown>) => {
        delete q.levels;
        q.references = [{ jee3: "D1.1" }];
      },
      ["WEIGHT_NOT_SCORED PRR.01"],
    ],
  ])("with %s", (_name, edit, expected) => {
    expect(codes(edit).filter((c) => c.startsWith("WEIGHT_NOT_SCORED"))).toEqual(expected);
  });
});
