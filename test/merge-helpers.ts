// Builders for merge tests: the mini questionnaire, responses to it, and folders of response files.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Answer, AnswerValue, Response } from "../src/core/questionnaire/model.js";
import { loadQuestionnaireFile, type LoadedQuestionnaire } from "../src/io/revisions/load.js";
import { fixture } from "./helpers.js";

export const MINI = fixture("valid", "mini.yaml");

/** The mini questionnaire (agencies health, customs, regulator; areas DET and PRR). */
export function mini(): LoadedQuestionnaire {
  const loaded = loadQuestionnaireFile(MINI);
  if (!loaded.value) throw new Error("the mini fixture does not load");
  return loaded.value;
}

type Given = AnswerValue | Answer;
const isAnswer = (g: Given): g is Answer => typeof g === "object" && g !== null && !Array.isArray(g) && "value" in g;

/** A response to the mini questionnaire from `agency`, with `answers` given as values or full answers. */
export function response(agency: string, answers: Record<string, Given>, over: Partial<Response> = {}): Response {
  const m = mini();
  return {
    questionnaire: { id: "mini", version: "1.2.0", digest: m.digest },
    country: "XX",
    agency,
    language: "en",
    status: "in-progress",
    updated: "2025-02-10T09:00:00Z",
    answers: Object.fromEntries(Object.entries(answers).map(([id, g]) => [id, isAnswer(g) ? g : { value: g }])),
    ...over,
  };
}

/** Writes each response as `<name>.json` (JSON is YAML) into `dir`, with its `kind`. */
export function writeResponses(dir: string, files: Record<string, Response | Record<string, unknown>>): string[] {
  return Object.entries(files).map(([name, data]) => {
    const file = join(dir, name.includes(".") ? name : `${name}.json`);
    const body = "kind" in data ? data : { kind: "response", ...data };
    writeFileSync(file, JSON.stringify(body, null, 2));
    return file;
  });
}

export const SCRIPT_COMMENT = `<script>window.__owned = 1</script><img src=x onerror="window.__owned = 2"> & "quotes" | pipes`;
export const FORMULA_COMMENT = `=HYPERLINK("http://evil.example/","click me")`;

/** A report on the mini questionnaire whose agencies wrote hostile comments: markup, a formula. */
export async function hostileReport() {
  const { buildGapReport } = await import("../src/core/gap-report/build.js");
  const m = mini();
  const responses = [
    response("regulator", { "DET.01": "yes", "DET.03": { value: 1, comment: SCRIPT_COMMENT, evidence: "@SUM(1+1)" } }),
    response("health", { "DET.03": { value: 4, comment: FORMULA_COMMENT }, "PRR.03": 2 }),
    response("customs", { "DET.01": { value: "no", comment: "+cmd|' /C calc'!A0" }, "PRR.04": "-2+3" }),
  ];
  return buildGapReport({ questionnaire: m.questionnaire, digest: m.digest, language: "en", responses: responses.map((r) => ({ file: `${r.agency}.yaml`, response: r })) });
}
