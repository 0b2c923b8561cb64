import { describe, expect, it } from "vitest";
import { CHANGE_KINDS } from "../../../src/core/revision/change.js";
import { diffRevisions, largestLevel } from "../../../src/core/revision/diff.js";
import { loadQuestionnaireFile } from "../../../src/io/revisions/load.js";
import { baseRevision, model, question, revise, take, type RawQ } from "./revision-fixtures.js";

const base = baseRevision();
const changesOf = (next: RawQ) => diffRevisions(model(base), model(next)).changes.map((c) => [c.kind, c.level, c.subject]);
const t = (en: string) => ({ en, fr: `${en} (fr)` });

type Case = [string, (r: RawQ) => void, [string, string, string][]];

const CASES: Case[] = [
  [
    "a new question is minor",
    (r) => r.areas[0]?.questions.push({ id: "DET.05", text: t("New?"), type: "yes-no", domains: ["R"], phase: "detection" }),
    [["question-added", "minor", "DET.05"]],
  ],
  ["a removed question is breaking", (r) => take(r, "PRR.03"), [["question-removed", "breaking", "PRR.03"]]],
  ["a question renamed through `was` is minor", (r) => Object.assign(question(r, "DET.04"), { id: "DET.09", was: "DET.04" }), [["question-renamed", "minor", "DET.09"]]],
  ["a question moved to another area is minor", (r) => r.areas[1]?.questions.push({ ...take(r, "DET.04"), id: "PRR.09", was: "DET.04" }), [["question-moved", "minor", "PRR.09"]]],
  [
    "a split (one old id in two `was`) is breaking",
    (r) => {
      question(r, "DET.03").was = "DET.03";
      r.areas[0]?.questions.push({ ...question(r, "DET.03"), id: "DET.05", was: "DET.03" });
    },
    [["question-split", "breaking", "DET.03"]],
  ],
  [
    "a merge (two old ids in one `was`) is breaking",
    (r) => {
      take(r, "DET.04");
      question(r, "DET.03").was = ["DET.03", "DET.04"];
    },
    [["question-merged", "breaking", "DET.03"]],
  ],
  ["changed wording is a patch, per language", (r) => ((question(r, "DET.03").text as Record<string, string>).fr = "Autre texte"), [["text-changed", "patch", "DET.03"]]],
  ["changed help is a patch", (r) => (question(r, "DET.03").help = t("Think of JEE D.2.")), [["help-changed", "patch", "DET.03"]]],
  ["added help is a patch", (r) => (question(r, "DET.04").help = t("New help.")), [["help-changed", "patch", "DET.04"]]],
  ["a changed type is breaking", (r) => Object.assign(question(r, "DET.01"), { type: "level" }), [["type-changed", "breaking", "DET.01"]]],
  ["added options are minor", (r) => (question(r, "PRR.01").options as unknown[]).push({ value: "local", label: t("Local plans") }), [["options-added", "minor", "PRR.01"]]],
  ["a removed option is breaking", (r) => (question(r, "PRR.02").options as unknown[]).pop(), [["options-removed", "breaking", "PRR.02"]]],
  [
    "an option replaced through `recode` is minor",
    (r) =>
      Object.assign(question(r, "PRR.02"), {
        options: [
          { value: "police", label: t("Interior") },
          { value: "emergency", label: t("Emergency ministry") },
        ],
        recode: { interior: "police" },
      }),
    [["options-recoded", "minor", "PRR.02"]],
  ],
  [
    "a relabelled option is a patch",
    (r) => ((question(r, "PRR.02").options as { label: Record<string, string> }[])[0]!.label.en = "Ministry of Interior"),
    [["options-relabelled", "patch", "PRR.02"]],
  ],
  ["reordered options are a patch", (r) => (question(r, "PRR.02").options as unknown[]).reverse(), [["options-reordered", "patch", "PRR.02"]]],
  ["a narrower number range is breaking", (r) => (question(r, "DET.02").max = 50), [["bounds-narrowed", "breaking", "DET.02"]]],
  ["a wider number range is minor", (r) => (question(r, "DET.02").max = 500), [["bounds-widened", "minor", "DET.02"]]],
  ["a changed condition is minor", (r) => (question(r, "DET.02").when = { question: "DET.01", is: "no" }), [["condition-changed", "minor", "DET.02"]]],
  ["a new condition is minor", (r) => (question(r, "DET.04").when = { question: "DET.03", atLeast: 2 }), [["condition-changed", "minor", "DET.04"]]],
  [
    "a condition on a renamed question is unchanged",
    (r) => {
      Object.assign(question(r, "DET.01"), { id: "DET.00", was: "DET.01" });
      question(r, "DET.02").when = { question: "DET.00", is: "yes" };
    },
    [["question-renamed", "minor", "DET.00"]],
  ],
  ["asking more agencies is minor", (r) => (question(r, "DET.02").for = ["regulator", "customs"]), [["asked-of-more", "minor", "DET.02"]]],
  ["asking fewer agencies is breaking", (r) => (question(r, "DET.03").for = ["regulator"]), [["asked-of-fewer", "breaking", "DET.03"]]],
  ["a changed lead agency is minor", (r) => (question(r, "PRR.02").lead = "customs"), [["lead-changed", "minor", "PRR.02"]]],
  ["a changed weight is minor", (r) => (question(r, "DET.03").weight = 3), [["weight-changed", "minor", "DET.03"]]],
  ["changed domains are minor", (r) => (question(r, "DET.03").domains = ["B", "C"]), [["domains-changed", "minor", "DET.03"]]],
  ["a changed phase is minor", (r) => (question(r, "DET.03").phase = "response"), [["phase-changed", "minor", "DET.03"]]],
  ["a question made optional is minor", (r) => (question(r, "DET.03").required = false), [["required-changed", "minor", "DET.03"]]],
  ["asking for evidence is minor", (r) => (question(r, "DET.03").evidence = "required"), [["evidence-changed", "minor", "DET.03"]]],
  ["scoring a yes-no question is minor", (r) => (question(r, "DET.01").scored = true), [["scoring-changed", "minor", "DET.01"]]],
  ["a changed unit is a patch", (r) => (question(r, "DET.02").unit = t("stations")), [["unit-changed", "patch", "DET.02"]]],
  ["reordered questions are a patch", (r) => r.areas[1]?.questions.reverse(), [["questions-reordered", "patch", "area PRR"]]],
  [
    "a new area is minor",
    (r) => r.areas.push({ id: "REC", title: t("Recovery"), questions: [{ id: "REC.01", text: t("Recovered?"), type: "yes-no", domains: ["C"], phase: "recovery" }] }),
    [
      ["area-added", "minor", "area REC"],
      ["question-added", "minor", "REC.01"],
    ],
  ],
  [
    "a removed area is breaking",
    (r) => r.areas.pop(),
    [
      ["area-removed", "breaking", "area PRR"],
      ["question-removed", "breaking", "PRR.01"],
      ["question-removed", "breaking", "PRR.02"],
      ["question-removed", "breaking", "PRR.03"],
    ],
  ],
  ["a retitled area is a patch", (r) => (r.areas[0]!.title = t("Detection and monitoring")), [["area-retitled", "patch", "area DET"]]],
  ["reordered areas are a patch", (r) => r.areas.reverse(), [["areas-reordered", "patch", "questionnaire"]]],
  ["a new language is minor", (r) => r.languages.push("de"), [["language-added", "minor", "language de"]]],
  ["a removed language is breaking", (r) => (r.languages = ["en"]), [["language-removed", "breaking", "language fr"]]],
  ["a new agency is minor", (r) => r.agencies.push({ id: "army", name: t("Army") }), [["agency-added", "minor", "agency army"]]],
  [
    "a removed agency is breaking",
    (r) => {
      r.agencies.pop();
      for (const a of r.areas) for (const q of a.questions) q.for = (q.for as string[]).filter((x) => x !== "regulator");
    },
    [
      ["agency-removed", "breaking", "agency regulator"],
      ["asked-of-fewer", "breaking", "DET.01"],
      ["asked-of-fewer", "breaking", "DET.02"],
      ["asked-of-fewer", "breaking", "DET.03"],
      ["asked-of-fewer", "breaking", "PRR.01"],
      ["asked-of-fewer", "breaking", "PRR.02"],
      ["asked-of-fewer", "breaking", "PRR.03"],
    ],
  ],
  ["a renamed agency is a patch", (r) => (r.agencies[0]!.name = t("Ministry of Health")), [["agency-renamed", "patch", "agency health"]]],
  ["a new scale is minor", (r) => (r.scales.maturity = structuredClone(r.scales.capability!)), [["scale-added", "minor", "scale maturity"]]],
  [
    "a level added to a scale is minor",
    (r) => r.scales.capability!.levels.push({ value: 6, label: t("Level 6"), description: t("Description 6") }),
    [["scale-levels-added", "minor", "scale capability"]],
  ],
  ["a level removed from a scale is breaking", (r) => r.scales.capability!.levels.pop(), [["scale-levels-removed", "breaking", "scale capability"]]],
  ["reworded levels are a patch", (r) => (r.scales.capability!.levels[0]!.description = t("Nothing in place.")), [["scale-relabelled", "patch", "scale capability"]]],
  ["a new title is a patch", (r) => (r.title = t("Demo, revised")), [["title-changed", "patch", "questionnaire"]]],
  ["a new target level is minor", (r) => (r.target = 4), [["target-changed", "minor", "questionnaire"]]],
];

describe("diffRevisions", () => {
  it("finds no change between a revision and itself", () => {
    expect(changesOf(revise(base, "1.0.0", () => {}))).toEqual([]);
  });

  it.each(CASES)("%s", (_name, change, expected) => {
    expect(changesOf(revise(base, "1.1.0", change))).toEqual(expected);
  });

  it("reports a question answered on another scale (breaking) and a removed scale (minor)", () => {
    const next = revise(base, "2.0.0", (r) => {
      r.scales.maturity = structuredClone(r.scales.capability!);
      question(r, "DET.03").scale = "maturity";
    });
    const after = revise(next, "3.0.0", (r) => {
      delete r.scales.maturity;
      delete question(r, "DET.03").scale;
    });
    expect(diffRevisions(model(next), model(after)).changes.map((c) => [c.kind, c.level, c.subject])).toEqual([
      ["scale-removed", "minor", "scale maturity"],
      ["scale-changed", "breaking", "DET.03"],
    ]);
  });

  it("has a case for every kind of change", () => {
    const covered = new Set([...CASES.flatMap(([, , expected]) => expected.map(([kind]) => kind)), "scale-changed", "scale-removed"]);
    expect([...covered].sort()).toEqual(Object.keys(CHANGE_KINDS).sort());
  });

  it("does not report a text change for a language only one revision has", () => {
    const next = revise(base, "1.1.0", (r) => {
      r.languages.push("de");
      for (const a of r.areas) for (const q of a.questions) (q.text as Record<string, string>).de = "Frage";
    });
    expect(changesOf(next)).toEqual([["language-added", "minor", "language de"]]);
  });

  it("reports a type change against each predecessor of a merged question", () => {
    const next = revise(base, "2.0.0", (r) => {
      take(r, "DET.01");
      question(r, "DET.03").was = ["DET.03", "DET.01"];
    });
    const d = diffRevisions(model(base), model(next));
    expect(d.changes.filter((c) => c.subject === "DET.03").map((c) => [c.kind, c.message])).toEqual([
      ["question-merged", "merged from DET.03 and DET.01: differing answers are combined and need confirmation"],
      ["type-changed", "type yes-no → level (from DET.01)"],
    ]);
  });

  it("reports agencies a split part drops only when no other part asks them", () => {
    const next = revise(base, "2.0.0", (r) => {
      Object.assign(question(r, "DET.03"), { was: "DET.03", for: ["health"] });
      r.areas[0]?.questions.push({ ...question(r, "DET.03"), id: "DET.05", was: "DET.03", for: ["regulator"] });
    });
    expect(changesOf(next)).toEqual([["question-split", "breaking", "DET.03"]]);
  });

  it.each([
    ["UNKNOWN_WAS_REF", (r: RawQ) => (question(r, "DET.03").was = "DET.30")],
    ["BAD_RECODE", (r: RawQ) => (question(r, "PRR.02").recode = { police: "interior" })],
  ])("reports %s for declarations that do not fit the old revision", (code, change) => {
    const d = diffRevisions(model(base), model(revise(base, "2.0.0", change)));
    expect(d.issues.map((i) => i.code)).toEqual([code]);
  });

  it("gives the largest class of a list of changes", () => {
    expect(largestLevel([])).toBeUndefined();
    expect(largestLevel(diffRevisions(model(base), model(revise(base, "1.0.1", (r) => (r.title = t("x"))))).changes)).toBe("patch");
  });

  it("accounts for the bundled 1.0.0 → 2.0.0 revision: 150 added, 13 removed, 7 splits, 10 merges, 16 moves, 16 type changes", () => {
    const v1 = loadQuestionnaireFile("questionnaires/cbrn-naq/1.0.0.yaml").value!.questionnaire;
    const v2 = loadQuestionnaireFile("questionnaires/cbrn-naq/2.0.0.yaml").value!.questionnaire;
    const d = diffRevisions(v1, v2);
    const count = (kind: string) => d.changes.filter((c) => c.kind === kind).length;
    expect([count("question-added"), count("question-removed"), count("question-split"), count("question-merged"), count("question-moved"), count("type-changed")]).toEqual([
      150, 13, 7, 10, 16, 16,
    ]);
    expect(
      d.changes
        .filter((c) => c.kind === "question-removed")
        .map((c) => c.subject)
        .sort(),
    ).toEqual(["AUT.03", "DET.02", "DET.04", "DET.09", "PRR.14", "PRV.44", "REC.15", "RSK.05", "RSK.10", "RSK.11", "RSK.13", "RSK.15", "SUS.14"]);
    expect(d.changes.filter((c) => c.kind === "type-changed").map((c) => c.subject)).toEqual([
      "LEG.26",
      "LEG.12",
      "AUT.01",
      "AUT.04",
      "AUT.10",
      "AUT.10",
      "AUT.11",
      "AUT.13",
      "AUT.16",
      "PRV.04",
      "DET.01",
      "PRR.01",
      "PRR.26",
      "REC.14",
      "SUS.05",
      "SUS.11",
    ]);
    expect(d.issues).toEqual([]);
    expect(largestLevel(d.changes)).toBe("breaking");
  });
});
