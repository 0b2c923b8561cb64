import { copyFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { newResponse, recordAnswer } from "../../../src/core/fill/walk.js";
import type { Answer, Response } from "../../../src/core/questionnaire/model.js";
import { CancelledError, FileError, InvalidInputError, UsageError } from "../../../src/errors.js";
import { loadQuestionnaireFile } from "../../../src/io/revisions/load.js";
import { serializeResponse } from "../../../src/io/yaml/response-file.js";
import { fixture, runBuilt, runNaq, tempDir } from "../../helpers.js";
import { fill, type FillOptions } from "../../../src/commands/fill/index.js";
import { makeContext } from "../../../src/context.js";
import { fillSession, type Ran } from "../../fill-session.js";
import { CTRL_C, type Step } from "../../scripted-prompter.js";

const SMALL = fixture("fill", "small.yaml");
const loaded = loadQuestionnaireFile(SMALL).value!;
const q = loaded.questionnaire;
const NOW = "2024-06-01T10:00:00.000Z";

/** The steps that answer one question: value, comment, and evidence where the question asks for it. */
function answer(id: string, value: unknown, notes: { comment?: string; evidence?: string } = {}): Step[] {
  const question = q.questions.find((x) => x.id === id)!;
  const special = value === "dont-know" || value === "not-applicable";
  const steps: Step[] = [];
  const typed = question.type === "number" || question.type === "date" || question.type === "text";
  if (special && typed) steps.push([`value:${id}`, ""], [`other:${id}`, value]);
  else if (question.type === "multi-choice" && (special || (Array.isArray(value) && value.length === 0)))
    steps.push([`value:${id}`, []], [`other:${id}`, special ? value : "naq:none"]);
  else steps.push([`value:${id}`, typeof value === "number" && typed ? String(value) : value]);
  steps.push([`comment:${id}`, notes.comment ?? ""]);
  if (question.evidence !== "none" && !special) steps.push([`evidence:${id}`, notes.evidence ?? ""]);
  return steps;
}

const DONE: Step = ["review", "naq:done"];

const WHOLE_WALK: Step[] = [
  ...answer("DET.01", "yes", { comment: "national network" }),
  ...answer("DET.02", 12),
  ...answer("DET.03", 3, { evidence: "Decree 12/2020" }),
  ...answer("PRR.01", ["national"]),
  ...answer("PRR.02", "2023-11-05"),
  ...answer("PRR.03", "interior"),
  ...answer("PRR.04", "no mobile laboratory"),
  DONE,
];

const session = fillSession({ questionnaire: SMALL }, NOW);

/** A session that finishes, having played its whole script. */
async function runFill(dir: string, steps: readonly Step[], opts: Partial<FillOptions> = {}): Promise<Ran> {
  const ran = await session(dir, steps, opts);
  if (ran.error) throw ran.error;
  expect(ran.prompter.left).toEqual([]);
  return ran;
}

/** A session stopped by Ctrl-C, having played its whole script. */
async function stopped(dir: string, steps: readonly Step[], opts: Partial<FillOptions> = {}): Promise<Ran & { error: CancelledError }> {
  const ran = await session(dir, steps, opts);
  expect(ran.error).toBeInstanceOf(CancelledError);
  expect(ran.prompter.left).toEqual([]);
  return ran as Ran & { error: CancelledError };
}

const readResponse = (file: string) => parse(readFileSync(file, "utf8")) as { status: string; language: string; answers: Record<string, Answer>; irrelevant?: string[] };

/** Writes a response of `agency` with the given answers to `file`, as a previous sitting would have left it. */
function previous(file: string, answers: Record<string, Answer["value"]>, change: Partial<Response> = {}) {
  let r = newResponse(q, loaded.digest, { country: "XX", agency: "health", language: "en" }, NOW);
  for (const [id, value] of Object.entries(answers)) r = recordAnswer(q, r, id, { value }, NOW).response;
  writeFileSync(file, serializeResponse({ ...r, ...change }, q, "schema.json"));
}

describe("naq fill, walking", () => {
  it("walks every question that applies, in order, and writes a complete file that validates", async () => {
    const dir = tempDir();
    const { out } = await runFill(dir, WHOLE_WALK);
    const file = join(dir, "naq-XX-health.yaml");
    const r = readResponse(file);
    expect(r.status).toBe("complete");
    expect(r.answers).toEqual({
      "DET.01": { value: "yes", comment: "national network" },
      "DET.02": { value: 12 },
      "DET.03": { value: 3, evidence: "Decree 12/2020" },
      "PRR.01": { value: ["national"] },
      "PRR.02": { value: "2023-11-05" },
      "PRR.03": { value: "interior" },
      "PRR.04": { value: "no mobile laboratory" },
    });
    expect(out).toContain("status: complete");
    expect(await runNaq(["validate", SMALL, file])).toMatchObject({ code: 0 });
  });

  it("asks only the questions asked of the agency and whose condition holds", async () => {
    const dir = tempDir();
    await runFill(
      dir,
      [...answer("DET.01", "no"), ...answer("DET.04", ["airport"]), ...answer("PRR.01", []), ...answer("PRR.03", "emergency"), ...answer("PRR.04", "none"), DONE],
      { agency: "customs" },
    );
    expect(Object.keys(readResponse(join(dir, "naq-XX-customs.yaml")).answers)).toEqual(["DET.01", "DET.04", "PRR.01", "PRR.03", "PRR.04"]);
  });

  it("records don't know and not applicable for every type of question", async () => {
    const dir = tempDir();
    await runFill(dir, [
      ...answer("DET.01", "dont-know"),
      ...answer("DET.03", "not-applicable"),
      ...answer("PRR.01", "dont-know"),
      ...answer("PRR.03", "not-applicable"),
      ...answer("PRR.04", "dont-know"),
      DONE,
    ]);
    const r = readResponse(join(dir, "naq-XX-health.yaml"));
    expect(Object.values(r.answers).map((a) => a.value)).toEqual(["dont-know", "not-applicable", "dont-know", "not-applicable", "dont-know"]);
    expect(r.status).toBe("complete");
  });

  it("shows the area, the position in the area and overall, and the question id", async () => {
    const dir = tempDir();
    const { out } = await runFill(dir, WHOLE_WALK);
    expect(out).toContain("── DET · Detection");
    expect(out).toContain("DET.01 · question 1 of 2 in this area · 1 of 5 overall");
    expect(out).toContain("DET.02 · question 2 of 3 in this area · 2 of 6 overall");
    expect(out).toContain("── PRR · Preparedness and response");
    expect(out).toContain("PRR.04 · question 4 of 4 in this area · 7 of 7 overall");
  });

  it("leaves a skipped optional question unanswered and the file still complete", async () => {
    const dir = tempDir();
    await runFill(dir, [
      ...answer("DET.01", "no"),
      ...answer("DET.03", 2),
      ...answer("PRR.01", []),
      ...answer("PRR.03", "interior"),
      ["value:PRR.04", ""],
      ["other:PRR.04", "naq:skip"],
      DONE,
    ]);
    const r = readResponse(join(dir, "naq-XX-health.yaml"));
    expect(r.answers["PRR.04"]).toBeUndefined();
    expect(r.status).toBe("complete");
  });

  it("fills one area with --area and reviews that area only", async () => {
    const dir = tempDir();
    const { prompter } = await runFill(dir, [...answer("PRR.01", []), ...answer("PRR.03", "interior"), ...answer("PRR.04", "x"), DONE], { area: "PRR" });
    const review = prompter.asked.find((a) => a.key === "review");
    expect(review?.choices?.map((c) => c.value)).toEqual(["naq:done", "PRR.01", "PRR.03", "PRR.04"]);
    expect(readResponse(join(dir, "naq-XX-health.yaml")).status).toBe("in-progress");
  });

  it("asks in the language given with --lang and records it", async () => {
    const dir = tempDir();
    const { prompter } = await stopped(dir, [...answer("DET.01", "no"), ["value:DET.03", CTRL_C]], { lang: "fr" });
    expect(prompter.asked[0]?.message).toBe("Existe-t-il un réseau de surveillance radiologique ?");
    expect(readResponse(join(dir, "naq-XX-health.yaml")).language).toBe("fr");
  });

  it("records the language of the latest sitting", async () => {
    const dir = tempDir();
    await stopped(dir, [["value:DET.01", CTRL_C]], { lang: "fr" });
    const { prompter } = await stopped(dir, [["value:DET.01", CTRL_C]], { lang: "en" });
    expect(prompter.asked[0]?.message).toBe("Is there a radiation monitoring network?");
    expect(readResponse(join(dir, "naq-XX-health.yaml")).language).toBe("en");
  });
});

describe("naq fill, autosave and Ctrl-C", () => {
  it("saves each answer before the next question, so Ctrl-C keeps every confirmed answer", async () => {
    const dir = tempDir();
    const { error: e } = await stopped(dir, [...answer("DET.01", "yes"), ...answer("DET.02", 40), ["value:DET.03", CTRL_C]]);
    const r = readResponse(join(dir, "naq-XX-health.yaml"));
    expect(r.answers).toEqual({ "DET.01": { value: "yes" }, "DET.02": { value: 40 } });
    expect(r.status).toBe("in-progress");
    expect(e.message).toContain("naq-XX-health.yaml (2 of 6 answered)");
    expect(e.message).toContain(`naq fill --questionnaire ${SMALL} --country XX --agency health`);
  });

  it("keeps a value confirmed before Ctrl-C in its comment", async () => {
    const dir = tempDir();
    await stopped(dir, [
      ["value:DET.01", "no"],
      ["comment:DET.01", CTRL_C],
    ]);
    expect(readResponse(join(dir, "naq-XX-health.yaml")).answers).toEqual({ "DET.01": { value: "no" } });
  });

  it("repeats --lang, --out and --area in the command that resumes", async () => {
    const dir = tempDir();
    const { error: e } = await stopped(dir, [["value:PRR.01", CTRL_C]], { lang: "fr", out: "mine.yaml", area: "PRR" });
    expect(e.message).toContain(`--country XX --agency health --lang fr --out mine.yaml --area PRR`);
    expect(e.message).toContain("interrompu");
  });

  it("stops rather than overwrite the file when another program changed it during the session", async () => {
    const dir = tempDir();
    const file = join(dir, "naq-XX-health.yaml");
    const edit = () => {
      writeFileSync(file, readFileSync(file, "utf8").replace("main network", "edited elsewhere"));
      return "12";
    };
    const { error } = await session(dir, [
      ["value:DET.01", "yes"],
      ["comment:DET.01", "main network"],
      ["value:DET.02", edit],
    ]);
    expect(error).toBeInstanceOf(FileError);
    expect((error as Error).message).toContain("was changed by another program");
    expect(readResponse(file).answers).toEqual({ "DET.01": { value: "yes", comment: "edited elsewhere" } });
  });

  it("writes the file before the first question and leaves no temporary file", async () => {
    const dir = tempDir();
    await stopped(dir, [["value:DET.01", CTRL_C]]);
    expect(readdirSync(dir)).toEqual(["naq-XX-health.yaml"]);
    expect(readResponse(join(dir, "naq-XX-health.yaml")).answers).toEqual({});
  });
});

describe("naq fill, resuming", () => {
  it("continues at the first unanswered question that applies", async () => {
    const dir = tempDir();
    await stopped(dir, [...answer("DET.01", "yes"), ...answer("DET.02", 40), ["value:DET.03", CTRL_C]]);
    const { out } = await runFill(dir, WHOLE_WALK.slice(WHOLE_WALK.findIndex(([key]) => key === "value:DET.03")));
    expect(out).toContain("2 of 6 questions that apply are answered.");
    expect(readResponse(join(dir, "naq-XX-health.yaml")).status).toBe("complete");
  });

  it("goes straight to the review when every question that applies is answered", async () => {
    const dir = tempDir();
    await runFill(dir, WHOLE_WALK);
    await runFill(dir, [DONE]);
  });

  it("takes the response file's language when --lang is not given", async () => {
    const dir = tempDir();
    await stopped(dir, [["value:DET.01", CTRL_C]], { lang: "fr" });
    const { error: e } = await stopped(dir, [["value:DET.01", CTRL_C]]);
    expect(e.message).toContain("interrompu");
  });

  it("keeps the comments the response file starts with", async () => {
    const dir = tempDir();
    const file = join(dir, "naq-XX-health.yaml");
    previous(file, { "DET.01": "no" });
    writeFileSync(file, readFileSync(file, "utf8").replace("kind: response", "# Fictional example: the country does not exist.\nkind: response"));
    await stopped(dir, [...answer("DET.03", 4), ["value:PRR.01", CTRL_C]]);
    expect(readFileSync(file, "utf8").split("\n").slice(0, 3)).toEqual([
      "# yaml-language-server: $schema=schema.json",
      "# Fictional example: the country does not exist.",
      "kind: response",
    ]);
    expect(readResponse(file).answers["DET.03"]).toEqual({ value: 4 });
  });

  it("asks again a question whose saved answer is not valid, and says so", async () => {
    const dir = tempDir();
    const file = join(dir, "naq-XX-health.yaml");
    previous(file, { "DET.01": "no" });
    writeFileSync(file, readFileSync(file, "utf8").replace('value: "no"', 'value: "no"\n  DET.03:\n    value: 9'));
    const { out } = await runFill(dir, [...answer("DET.03", 4), ...answer("PRR.01", []), ...answer("PRR.03", "interior"), ...answer("PRR.04", "x"), DONE]);
    expect(out).toMatch(/DET\.03: the saved answer is not accepted/);
    expect(readResponse(file).answers["DET.03"]).toEqual({ value: 4 });
  });
});

describe("naq fill, review", () => {
  it("changes an answer in the review and keeps the answers it makes irrelevant", async () => {
    const dir = tempDir();
    await runFill(dir, WHOLE_WALK);
    const { prompter } = await runFill(dir, [["review", "DET.01"], ["value:DET.01", "no"], ["comment:DET.01", ""], DONE]);
    const r = readResponse(join(dir, "naq-XX-health.yaml"));
    expect(r.answers["DET.01"]).toEqual({ value: "no", comment: "national network" });
    expect(r.answers["DET.02"]).toEqual({ value: 12 });
    expect(r.irrelevant).toEqual(["DET.02"]);
    expect(r.status).toBe("complete");
    const lastReview = prompter.asked.filter((a) => a.key === "review").at(-1);
    expect(lastReview?.choices?.find((c) => c.value === "DET.02")?.name).toContain("(no longer applies)");
    expect(lastReview?.default).toBe("DET.01");
  });

  it("asks at once a question that a changed answer switches on", async () => {
    const dir = tempDir();
    await runFill(dir, [
      ...answer("DET.01", "no"),
      ...answer("DET.03", 2),
      ...answer("PRR.01", []),
      ...answer("PRR.03", "interior"),
      ...answer("PRR.04", "x"),
      ["review", "DET.01"],
      ...answer("DET.01", "yes"),
      ...answer("DET.02", 7),
      DONE,
    ]);
    const r = readResponse(join(dir, "naq-XX-health.yaml"));
    expect(r.answers["DET.02"]).toEqual({ value: 7 });
    expect(r.status).toBe("complete");
  });

  it("goes straight to the review with --review and leaves the file in progress while questions are open", async () => {
    const dir = tempDir();
    await stopped(dir, [...answer("DET.01", "yes"), ["value:DET.02", CTRL_C]]);
    const { out, prompter } = await runFill(dir, [["review", "DET.01"], ...answer("DET.01", "no"), DONE], { review: true });
    expect(prompter.asked.find((a) => a.key === "review")?.choices?.map((c) => c.value)).toEqual(["naq:done", "DET.01", "DET.02", "DET.03", "PRR.01", "PRR.03", "PRR.04"]);
    expect(readResponse(join(dir, "naq-XX-health.yaml")).status).toBe("in-progress");
    expect(out).toContain("3 required questions still unanswered: DET.03, PRR.01, PRR.03");
  });
});

describe("naq fill, refusing", () => {
  it.each<[string, (file: string) => void, string]>([
    [
      "reports OTHER_REVISION for a file answering another version",
      (f) => previous(f, { "DET.01": "no" }, { questionnaire: { id: "small", version: "0.9.0", digest: loaded.digest } }),
      "OTHER_REVISION",
    ],
    [
      "reports DIGEST_MISMATCH for a file answering another text of the revision",
      (f) => previous(f, { "DET.01": "no" }, { questionnaire: { id: "small", version: "1.0.0", digest: `sha256:${"1".repeat(64)}` } }),
      "DIGEST_MISMATCH",
    ],
    ["reports OTHER_RESPONDENT for another agency's file", (f) => previous(f, {}, { agency: "customs" }), "OTHER_RESPONDENT"],
    ["reports OTHER_RESPONDENT for another country's file", (f) => previous(f, {}, { country: "YY" }), "OTHER_RESPONDENT"],
    ["reports UNKNOWN_KIND for a file that is not a response", (f) => copyFileSync(SMALL, f), "UNKNOWN_KIND"],
    ["reports YAML_SYNTAX for a file that is not YAML", (f) => writeFileSync(f, "kind: response\nanswers: [\n"), "YAML_SYNTAX"],
    ["reports MISSING_PROPERTY for a response missing its country", (f) => writeFileSync(f, "kind: response\nagency: health\n"), "MISSING_PROPERTY"],
  ])("%s and leaves it unchanged", async (_name, make, code) => {
    const dir = tempDir();
    const file = join(dir, "naq-XX-health.yaml");
    make(file);
    const before = readFileSync(file, "utf8");
    const { error: e } = await session(dir, []);
    expect(e).toBeInstanceOf(InvalidInputError);
    expect((e as InvalidInputError).issues.map((i) => i.code)).toContain(code);
    expect((e as InvalidInputError).issues.every((i) => i.location !== undefined)).toBe(true);
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(readdirSync(dir)).toEqual(["naq-XX-health.yaml"]);
  });

  it.each<[string, Partial<FillOptions>, RegExp]>([
    ["an agency the questionnaire does not have", { agency: "helth" }, /Did you mean `health`/],
    ["a language the questionnaire does not declare", { lang: "ru" }, /its languages are en, fr/],
    ["an area the questionnaire does not have", { area: "XYZ" }, /has no area `XYZ`/],
    ["a country that is not a two-letter code", { country: "France" }, /two-letter ISO 3166-1 code/],
  ])("refuses %s as a usage error", async (_name, opts, message) => {
    const dir = tempDir();
    const { error: e } = await session(dir, [], opts);
    expect(e).toBeInstanceOf(UsageError);
    expect((e as Error).message).toMatch(message);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses to start without a terminal for its output, even when its input is one", async () => {
    const ctx = makeContext({ stdout: { write: () => true, isTTY: false }, stderr: { write: () => true }, stdin: { isTTY: true } as never, env: {}, cwd: tempDir() }, []);
    await expect(fill({ country: "XX", agency: "health", review: false }, ctx)).rejects.toThrow(/its output is not one/);
  });
});

describe("naq fill, without a terminal", () => {
  it("exits 2 in process and points to naq template and naq import", async () => {
    const dir = tempDir();
    const r = await runNaq(["fill", "--country", "XX", "--agency", "health"], {}, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("naq template");
    expect(r.stderr).toContain("naq import");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("exits 2 at once from the built CLI when stdin is a closed pipe", () => {
    const dir = tempDir();
    const r = runBuilt(["fill", "--country", "XX", "--agency", "health"], { cwd: dir, input: "" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("naq fill is interactive");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("describes its options in the built CLI's help", () => {
    const r = runBuilt(["fill", "--help"]);
    expect(r.code).toBe(0);
    for (const option of ["--country", "--agency", "--lang", "--out", "--area", "--review", "--questionnaire"]) expect(r.stdout).toContain(option);
  });
});
