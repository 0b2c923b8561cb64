import { describe, expect, it } from "vitest";
import { wasRefsKnown } from "../../../src/core/revision/rules.js";
import { baseRevision, model, question, revise } from "./revision-fixtures.js";

const base = baseRevision();

describe("wasRefsKnown", () => {
  it("accepts `was` entries that name questions of the previous revision", () => {
    expect(wasRefsKnown(model(base), model(revise(base, "2.0.0", (r) => (question(r, "DET.03").was = ["DET.03", "DET.04"]))))).toEqual([]);
  });

  it.each([
    ["a single `was`", "DET.30", ["areas", 0, "questions", 2, "was"], "DET.03"],
    ["an entry of a `was` list", ["DET.03", "DET.40"], ["areas", 0, "questions", 2, "was", 1], "DET.03"],
  ])("reports UNKNOWN_WAS_REF at %s that names an id the previous revision lacks", (_name, was, path, hint) => {
    const issues = wasRefsKnown(model(base), model(revise(base, "2.0.0", (r) => (question(r, "DET.03").was = was))));
    expect(issues.map((i) => [i.code, i.severity, i.path])).toEqual([["UNKNOWN_WAS_REF", "error", path]]);
    expect(issues[0]?.message).toContain(`Did you mean \`${hint}\`?`);
  });
});
