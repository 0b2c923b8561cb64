import { describe, expect, it } from "vitest";
import { mapRevisions, primaryPredecessor, renames } from "../../../src/core/revision/revision-map.js";
import { baseRevision, model, question, revise, take } from "./revision-fixtures.js";

const base = baseRevision();

describe("mapRevisions", () => {
  const next = revise(base, "2.0.0", (r) => {
    Object.assign(question(r, "DET.01"), { id: "DET.10", was: "DET.01" });
    take(r, "DET.04");
    question(r, "DET.03").was = ["DET.03", "DET.04"];
    question(r, "PRR.01").was = "PRR.01";
    r.areas[1]?.questions.push({ ...question(r, "PRR.01"), id: "PRR.09", was: "PRR.01" });
    take(r, "PRR.03");
  });
  const map = mapRevisions(model(base), model(next));

  it.each([
    ["an unchanged id continues itself", "DET.02", ["DET.02"]],
    ["a renamed question continues its `was`", "DET.10", ["DET.01"]],
    ["a merged question continues every id in its `was`", "DET.03", ["DET.03", "DET.04"]],
    ["each part of a split continues the split question", "PRR.09", ["PRR.01"]],
  ])("%s", (_name, id, preds) => {
    expect(map.predecessors.get(id)).toEqual(preds);
  });

  it("lists the successors of every old question, none for a removed one", () => {
    expect(Object.fromEntries(map.successors)).toEqual({
      "DET.01": ["DET.10"],
      "DET.02": ["DET.02"],
      "DET.03": ["DET.03"],
      "DET.04": ["DET.03"],
      "PRR.01": ["PRR.01", "PRR.09"],
      "PRR.02": ["PRR.02"],
      "PRR.03": [],
    });
  });

  it("compares a merged question with the predecessor of the same id, else the first", () => {
    expect(primaryPredecessor(map, "DET.03")).toBe("DET.03");
    expect(primaryPredecessor(map, "DET.10")).toBe("DET.01");
    expect(primaryPredecessor(map, "PRR.77")).toBeUndefined();
  });

  it("renames only questions continued by exactly one question", () => {
    expect(renames(map).get("DET.01")).toBe("DET.10");
    expect(renames(map).has("PRR.01")).toBe(false);
  });

  it("maps two files of the same version by id alone, since their `was` names an older revision", () => {
    const edited = revise(next, "2.0.0", (r) => (question(r, "DET.02").help = { en: "More help.", fr: "Plus d'aide." }));
    const same = mapRevisions(model(next), model(edited));
    expect([...same.predecessors].filter(([id, preds]) => preds.join() !== id)).toEqual([]);
    expect(same.unknownRefs).toEqual([]);
  });

  it("collects `was` entries that name no old question", () => {
    const bad = mapRevisions(model(base), model(revise(base, "2.0.0", (r) => (question(r, "DET.02").was = ["DET.02", "DET.20"]))));
    expect(bad.unknownRefs.map((u) => [u.question.id, u.ref, u.index])).toEqual([["DET.02", "DET.20", 1]]);
    expect(bad.predecessors.get("DET.02")).toEqual(["DET.02"]);
  });
});
