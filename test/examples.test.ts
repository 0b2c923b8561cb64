import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { relevance } from "../src/core/questionnaire/conditions.js";
import type { Domain, Questionnaire, Response } from "../src/core/questionnaire/model.js";
import { loadQuestionnaireFile, loadResponseFile } from "../src/io/revisions/load.js";
import { root, runBuilt } from "./helpers.js";

const dir = join(root, "examples", "responses");
const names = readdirSync(dir)
  .filter((n) => n.endsWith(".yaml"))
  .sort();

function questionnaire(version: string): Questionnaire {
  const loaded = loadQuestionnaireFile(join(root, "questionnaires", "cbrn-naq", `${version}.yaml`));
  if (!loaded.value) throw new Error(`cbrn-naq ${version} does not load`);
  return loaded.value.questionnaire;
}
const v2 = questionnaire("2.0.0");

const files = names.map((name) => {
  const loaded = loadResponseFile(join(dir, name));
  if (!loaded.value) throw new Error(`${name} does not load: ${loaded.issues.map((i) => i.code).join(", ")}`);
  return { name, text: readFileSync(join(dir, name), "utf8"), response: loaded.value };
});
const on = (version: string): Response[] => files.filter((f) => f.response.questionnaire.version === version).map((f) => f.response);
const answersOf = (rs: readonly Response[]) => rs.flatMap((r) => Object.values(r.answers));

/** Level questions of 2.0.0 on which two agencies that both answered differ by two levels or more. */
function disagreements(): string[] {
  const out: string[] = [];
  for (const question of v2.questions.filter((x) => x.type === "level")) {
    const levels = on("2.0.0")
      .filter((r) => question.for.includes(r.agency))
      .map((r) => r.answers[question.id]?.value)
      .filter((v): v is number => typeof v === "number");
    if (levels.length >= 2 && Math.max(...levels) - Math.min(...levels) >= 2) out.push(question.id);
  }
  return out;
}

/**
 * Mean level of the 2.0.0 detection questions tagged with `domain` (and, when `without` is given,
 * not tagged with it), over every agency's answers.
 */
function detectionMean(domain: Domain, without?: Domain): number {
  const det = new Set(v2.areas.find((a) => a.id === "DET")?.questionIds);
  const questions = v2.questions.filter((x) => det.has(x.id) && x.type === "level" && x.domains.includes(domain) && !(without && x.domains.includes(without)));
  const levels = on("2.0.0").flatMap((r) => questions.map((x) => r.answers[x.id]?.value).filter((v): v is number => typeof v === "number"));
  expect(levels.length).toBeGreaterThan(5);
  return levels.reduce((s, v) => s + v, 0) / levels.length;
}

describe("the fictional country's example responses", () => {
  it("validate, with the bundled questionnaires, with no error and no warning under --strict, through the built CLI", () => {
    const r = runBuilt(["validate", "--strict", "--format", "json", "questionnaires", "examples"]);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("are exactly what scripts/make-examples.js writes from the story", () => {
    const r = spawnSync(process.execPath, [join(root, "scripts", "make-examples.js"), "--check"], { cwd: root, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("number 15 agencies on 2.0.0 and 2 on 1.0.0", () => {
    expect(on("2.0.0")).toHaveLength(15);
    expect(on("1.0.0")).toHaveLength(2);
    expect(files).toHaveLength(17);
  });

  it("are named after the country, the agency and, for an older edition, its version", () => {
    for (const { name, response } of files) {
      const suffix = response.questionnaire.version === "2.0.0" ? "" : `-${response.questionnaire.version}`;
      expect(name).toBe(`XX-${response.agency}${suffix}.yaml`);
    }
  });

  it("are the fictional country XX's, say so, and start with the schema line", () => {
    for (const { text, response } of files) {
      expect(response.country).toBe("XX");
      expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../../schemas/response.schema.json");
      expect(text).toMatch(/^# Fictional example/m);
      expect(response.respondent).toMatch(/fictional|fictive|вымышлен/);
    }
  });

  it("are answered in English, French and Russian", () => {
    expect(new Set(files.map((f) => f.response.language))).toEqual(new Set(["en", "fr", "ru"]));
  });

  it("leave exactly one file in progress, about half done", () => {
    const unfinished = files.filter((f) => f.response.status === "in-progress").map((f) => f.response);
    expect(unfinished).toHaveLength(1);
    const r = unfinished[0] as Response;
    const q = questionnaire(r.questionnaire.version);
    const relevant = relevance(q, r.agency, r.answers);
    const open = q.questions.filter((x) => x.required && relevant.get(x.id) && r.answers[x.id] === undefined);
    expect(open.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(r.answers).length).toBeGreaterThanOrEqual(5);
  });

  it("leave five declared agencies without a file: energy, security and three of the four 2.0.0 added", () => {
    const answered = new Set(files.map((f) => f.response.agency));
    expect(v2.agencies.filter((a) => !answered.has(a.id)).map((a) => a.id)).toEqual(["energy", "security-service", "transport", "finance", "science"]);
  });

  it("disagree by two levels or more on at least 8 questions", () => {
    expect(disagreements().length).toBeGreaterThanOrEqual(8);
  });

  it("use dont-know and not-applicable", () => {
    const values = answersOf(files.map((f) => f.response)).map((a) => a.value);
    expect(values.filter((v) => v === "dont-know").length).toBeGreaterThanOrEqual(5);
    expect(values.filter((v) => v === "not-applicable").length).toBeGreaterThanOrEqual(3);
  });

  it("rate radiological detection below biological detection", () => {
    expect(detectionMean("B") - detectionMean("R")).toBeGreaterThanOrEqual(0.5);
    expect(detectionMean("B", "R") - detectionMean("R", "B")).toBeGreaterThanOrEqual(1.5);
  });

  it("carry a comment or evidence on at least a third of the answers, and a comment on a tenth", () => {
    const all = answersOf(files.map((f) => f.response));
    expect(all.filter((a) => a.comment).length).toBeGreaterThanOrEqual(all.length / 10);
    expect(all.filter((a) => a.comment || a.evidence).length).toBeGreaterThanOrEqual(all.length / 3);
  });
});
