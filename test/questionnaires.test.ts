import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { conditionRefs } from "../src/core/questionnaire/conditions.js";
import type { LocalText, Questionnaire } from "../src/core/questionnaire/model.js";
import { loadQuestionnaireFile } from "../src/io/revisions/load.js";
import { root, runBuilt } from "./helpers.js";

const dir = join(root, "questionnaires", "cbrn-naq");

function open(version: string): Questionnaire {
  const loaded = loadQuestionnaireFile(join(dir, `${version}.yaml`));
  expect(loaded.issues).toEqual([]);
  if (!loaded.value) throw new Error(`cbrn-naq ${version} does not load`);
  return loaded.value.questionnaire;
}

const v1 = open("1.0.0");
const v2 = open("2.0.0");

/** Every translatable text of a questionnaire, each with where it is. */
function texts(q: Questionnaire): { where: string; text: LocalText }[] {
  const out: { where: string; text: LocalText }[] = [{ where: "title", text: q.title }];
  for (const [id, scale] of Object.entries(q.scales)) {
    for (const l of scale.levels) out.push({ where: `scale ${id} ${l.value} label`, text: l.label }, { where: `scale ${id} ${l.value} description`, text: l.description });
  }
  for (const a of q.agencies) out.push({ where: `agency ${a.id}`, text: a.name });
  for (const a of q.areas) out.push({ where: `area ${a.id}`, text: a.title });
  for (const x of q.questions) {
    out.push({ where: `${x.id} text`, text: x.text });
    if (x.help) out.push({ where: `${x.id} help`, text: x.help });
    if (x.unit) out.push({ where: `${x.id} unit`, text: x.unit });
    for (const o of x.options ?? []) out.push({ where: `${x.id} option ${o.value}`, text: o.label });
  }
  return out;
}

/** Where a text is missing or blank in one of `languages`. */
const untranslated = (q: Questionnaire, languages: readonly string[]) =>
  texts(q).flatMap(({ where, text }) => languages.filter((l) => !text[l]?.trim()).map((l) => `${where} [${l}]`));

/** How deep the chain of conditions above a question goes (1: its condition names an unconditional question). */
function depth(q: Questionnaire, id: string): number {
  const question = q.questions.find((x) => x.id === id);
  if (!question?.when) return 0;
  return 1 + Math.max(...conditionRefs(question.when).map((r) => depth(q, r)));
}

describe("the bundled questionnaires", () => {
  it("validate with no error and no warning under --strict, through the built CLI", () => {
    const r = runBuilt(["validate", "--strict", "--format", "json", "questionnaires"]);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe("cbrn-naq 2.0.0", () => {
  it("is the revised edition, released in 2024, labelled illustrative", () => {
    expect(v2.version).toBe("2.0.0");
    expect(v2.released?.startsWith("2024")).toBe(true);
    expect(v2.title.en).toMatch(/illustrative/i);
  });

  it("opens with the national profile, then the nine NAQ areas in order", () => {
    expect(v2.areas.map((a) => a.id)).toEqual(["PRF", "LEG", "AUT", "RSK", "PRV", "DET", "PRR", "REC", "SUS", "STC"]);
  });

  it.each([
    ["PRF", 8],
    ["LEG", 31],
    ["AUT", 27],
    ["RSK", 29],
    ["PRV", 37],
    ["DET", 33],
    ["PRR", 42],
    ["REC", 23],
    ["SUS", 23],
    ["STC", 36],
  ])("has exactly %s = %i questions", (area, count) => {
    expect(v2.areas.find((a) => a.id === area)?.questionIds).toHaveLength(count);
  });

  it("has at least 280 questions in all, mostly on the capability scale", () => {
    expect(v2.questions).toHaveLength(289);
    expect(v2.questions.length).toBeGreaterThanOrEqual(280);
    expect(v2.questions.filter((x) => x.type === "level").length).toBeGreaterThan(289 / 2);
  });

  it("says for every level question what each of the five levels means for it, in en, fr and ru", () => {
    const levelQuestions = v2.questions.filter((x) => x.type === "level");
    const lacking = levelQuestions.flatMap((x) =>
      [1, 2, 3, 4, 5].flatMap((l) => ["en", "fr", "ru"].filter((lang) => !x.levels?.[l]?.[lang]?.trim()).map((lang) => `${x.id} ${l} [${lang}]`)),
    );
    expect(levelQuestions.length).toBe(225);
    expect(lacking).toEqual([]);
  });

  it("cites references on every question", () => {
    expect(v2.questions.filter((x) => x.references.length === 0).map((x) => x.id)).toEqual([]);
  });

  it("rules nuclear-installation questions out through the national profile, for a country without nuclear material", () => {
    const gated = ["LEG.04", "PRV.01", "PRV.54", "PRV.57", "PRR.08", "REC.14", "REC.18"];
    for (const id of gated) expect(conditionRefs(v2.questions.find((x) => x.id === id)?.when ?? { question: "", is: "" }), id).toContain("PRF.01");
  });

  it("uses every question type", () => {
    expect(new Set(v2.questions.map((x) => x.type))).toEqual(new Set(["level", "yes-no", "choice", "multi-choice", "number", "text", "date"]));
  });

  it("has at least 20 conditional questions, some in chains two deep", () => {
    expect(v2.questions.filter((x) => x.when).length).toBeGreaterThanOrEqual(20);
    expect(v2.questions.filter((x) => depth(v2, x.id) >= 2).length).toBeGreaterThanOrEqual(2);
  });

  it("names at least 14 agencies", () => {
    expect(v2.agencies.length).toBeGreaterThanOrEqual(14);
  });

  it("is complete in en, fr and ru", () => {
    expect(v2.languages).toEqual(["en", "fr", "ru"]);
    expect(untranslated(v2, ["en", "fr", "ru"])).toEqual([]);
  });

  it("names a 1.0.0 question in every `was`", () => {
    const old = new Set(v1.questions.map((x) => x.id));
    const dangling = v2.questions.flatMap((x) => x.was.filter((w) => !old.has(w)).map((w) => `${x.id} was ${w}`));
    expect(dangling).toEqual([]);
    expect(v2.questions.filter((x) => x.was.length > 0).length).toBeGreaterThanOrEqual(100);
  });
});

describe("cbrn-naq 1.0.0", () => {
  it("has eight areas (no strategic trade control yet)", () => {
    expect(v1.areas.map((a) => a.id)).toEqual(["LEG", "AUT", "RSK", "PRV", "DET", "PRR", "REC", "SUS"]);
  });

  it("has 156 questions", () => {
    expect(v1.questions).toHaveLength(156);
  });

  it("is complete in en and ru", () => {
    expect(v1.languages).toEqual(["en", "ru"]);
    expect(untranslated(v1, ["en", "ru"])).toEqual([]);
  });
});

describe("CHANGES.md", () => {
  const changes = readFileSync(join(dir, "CHANGES.md"), "utf8");
  const successors = new Set(v2.questions.flatMap((x) => x.was));

  it("names every 1.0.0 question that was removed", () => {
    const removed = v1.questions.filter((x) => !successors.has(x.id)).map((x) => x.id);
    expect(removed.length).toBeGreaterThan(0);
    expect(removed.filter((id) => !changes.includes(id))).toEqual([]);
  });

  it("names every question new in 2.0.0", () => {
    const added = v2.questions.filter((x) => x.was.length === 0).map((x) => x.id);
    expect(added.length).toBeGreaterThan(0);
    expect(added.filter((id) => !changes.includes(id))).toEqual([]);
  });

  it("names every question that moved to another area", () => {
    const area = new Map(v1.questions.map((x) => [x.id, x.areaId]));
    const moved = v2.questions.filter((x) => x.was.some((w) => area.get(w) !== x.areaId)).map((x) => x.id);
    expect(moved.filter((id) => !changes.includes(id))).toEqual([]);
  });

  it("gives the question counts of both editions", () => {
    expect(changes).toContain(`| questions | ${v1.questions.length} | ${v2.questions.length} |`);
  });
});
