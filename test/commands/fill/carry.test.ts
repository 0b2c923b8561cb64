import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { newResponse, recordAnswer } from "../../../src/core/fill/walk.js";
import type { Answer, Response, UnmappedAnswer } from "../../../src/core/questionnaire/model.js";
import { CancelledError, FileError, InvalidInputError } from "../../../src/errors.js";
import { loadQuestionnaireFile } from "../../../src/io/revisions/load.js";
import { serializeResponse } from "../../../src/io/yaml/response-file.js";
import { fixture, runBuilt, runNaq, tempDir } from "../../helpers.js";
import type { FillOptions } from "../../../src/commands/fill/index.js";
import { fillSession, type Ran } from "../../fill-session.js";
import { CTRL_C, type Step } from "../../scripted-prompter.js";

// Two revisions of a small questionnaire: in 2.0.0, DET.03 is split into DET.03 and DET.05, and PRR.03
// no longer offers `emergency`.
const V1 = fixture("fill-revisions", "small-1.0.0.yaml");
const V2 = fixture("fill-revisions", "small-2.0.0.yaml");
const SMALL = fixture("fill", "small.yaml");
const rev1 = loadQuestionnaireFile(V1).value!;
const small = loadQuestionnaireFile(SMALL).value!;
const NOW = "2025-02-01T09:00:00.000Z";
const DONE: Step = ["review", "naq:done"];

const session = fillSession({ questionnaire: V2 }, NOW);

async function finished(dir: string, steps: readonly Step[], opts: Partial<FillOptions> = {}): Promise<Ran> {
  const ran = await session(dir, steps, opts);
  if (ran.error) throw ran.error;
  expect(ran.prompter.left).toEqual([]);
  return ran;
}

type Saved = {
  questionnaire: { version: string };
  status: string;
  answers: Record<string, Answer>;
  unmapped?: UnmappedAnswer[];
  migrated?: unknown[];
};
const read = (file: string) => parse(readFileSync(file, "utf8")) as Saved;

/** A response of the health ministry to `rev` with `answers`, written to `file` as an earlier sitting would have. */
function written(file: string, rev: typeof rev1, answers: Record<string, Answer>, change: Partial<Response> = {}): string {
  let r = newResponse(rev.questionnaire, rev.digest, { country: "XX", agency: "health", language: "en" }, "2024-05-01T08:00:00.000Z");
  for (const [id, a] of Object.entries(answers)) r = recordAnswer(rev.questionnaire, r, id, a, "2024-05-01T08:00:00.000Z").response;
  const text = serializeResponse({ ...r, ...change }, rev.questionnaire, "schema.json");
  writeFileSync(file, text);
  return text;
}

const OLD_ANSWERS: Record<string, Answer> = {
  "DET.01": { value: "yes" },
  "DET.02": { value: 12 },
  "DET.03": { value: 3, evidence: "Decree 12/2020" },
  "PRR.01": { value: ["national"] },
  "PRR.02": { value: "2023-11-05" },
  "PRR.03": { value: "emergency", comment: "the emergency ministry leads" },
  "PRR.04": { value: "no mobile laboratory" },
};

describe("naq fill, a response to an older revision", () => {
  it("offers to carry it over; yes keeps the old file as a backup, writes the carried answers and goes on with what is left", async () => {
    const dir = tempDir();
    const file = join(dir, "naq-XX-health.yaml");
    const before = written(file, rev1, OLD_ANSWERS);
    const { out, prompter } = await finished(dir, [
      ["carry-over", true],
      ["value:DET.03", 3],
      ["comment:DET.03", ""],
      ["evidence:DET.03", ""],
      ["value:DET.05", 2],
      ["comment:DET.05", ""],
      ["value:PRR.03", "civil-protection"],
      ["comment:PRR.03", ""],
      DONE,
    ]);
    expect(readdirSync(dir).sort()).toEqual(["naq-XX-health.1.0.0.yaml", "naq-XX-health.yaml"]);
    expect(readFileSync(join(dir, "naq-XX-health.1.0.0.yaml"), "utf8")).toBe(before);
    expect(prompter.asked[0]).toMatchObject({ key: "carry-over", default: true });
    expect(prompter.asked[0]?.message).toContain("naq-XX-health.1.0.0.yaml");
    expect(out).toContain("naq-XX-health.yaml holds 7 answers to small 1.0.0; this session asks small 2.0.0.");
    expect(out).toContain("Carried over to small 2.0.0: 6 carried, 2 to confirm, 1 unmapped.");

    const r = read(file);
    expect(r.questionnaire.version).toBe("2.0.0");
    expect(r.migrated).toHaveLength(1);
    expect(r.answers["DET.03"]).toEqual({ value: 3, evidence: "Decree 12/2020" });
    expect(r.answers["DET.05"]).toEqual({ value: 2, evidence: "Decree 12/2020" });
    expect(r.answers["PRR.03"]).toEqual({ value: "civil-protection" });
    expect(r.unmapped).toEqual([
      expect.objectContaining({ question: "PRR.03", value: "emergency", reason: "option-removed", target: "PRR.03", resolved: "2025-02-01T09:00:00.000Z" }),
    ]);
    expect(r.status).toBe("complete");
    const checked = await runNaq(["validate", V2, file]);
    expect(checked.stdout + checked.stderr).toContain("0 errors, 0 warnings");
  });

  it("says no: stops with OTHER_REVISION and writes nothing", async () => {
    const dir = tempDir();
    const file = join(dir, "naq-XX-health.yaml");
    const before = written(file, rev1, OLD_ANSWERS);
    const { error, prompter } = await session(dir, [["carry-over", false]]);
    expect(prompter.left).toEqual([]);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues.map((i) => i.code)).toEqual(["OTHER_REVISION"]);
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(readdirSync(dir)).toEqual(["naq-XX-health.yaml"]);
  });

  it("stops with Ctrl-C at the offer and writes nothing", async () => {
    const dir = tempDir();
    const file = join(dir, "naq-XX-health.yaml");
    const before = written(file, rev1, OLD_ANSWERS);
    const { error } = await session(dir, [["carry-over", CTRL_C]]);
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as Error).message).toContain("naq-XX-health.yaml was left as it was");
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(readdirSync(dir)).toEqual(["naq-XX-health.yaml"]);
  });

  it("refuses, before asking, when the backup name is taken, and changes neither file", async () => {
    const dir = tempDir();
    const file = join(dir, "answers.yaml");
    const before = written(file, rev1, OLD_ANSWERS);
    writeFileSync(join(dir, "answers.1.0.0.yaml"), "an older backup\n");
    const { error, prompter } = await session(dir, [], { out: "answers.yaml" });
    expect(prompter.asked).toEqual([]);
    expect(error).toBeInstanceOf(FileError);
    expect((error as Error).message).toContain("answers.1.0.0.yaml");
    expect((error as Error).message).toContain("naq migrate answers.yaml --to small@2.0.0");
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(readFileSync(join(dir, "answers.1.0.0.yaml"), "utf8")).toBe("an older backup\n");
  });

  it.each<[string, Partial<Response>]>([
    ["a newer revision", { questionnaire: { id: "small", version: "3.0.0", digest: rev1.digest } }],
    ["another questionnaire", { questionnaire: { id: "other", version: "1.0.0", digest: rev1.digest } }],
    ["a revision naq cannot find", { questionnaire: { id: "small", version: "0.9.0", digest: rev1.digest } }],
  ])("keeps refusing a file that answers %s, without asking", async (_name, change) => {
    const dir = tempDir();
    const file = join(dir, "naq-XX-health.yaml");
    const before = written(file, rev1, OLD_ANSWERS, change);
    const { error, prompter } = await session(dir, []);
    expect(prompter.asked).toEqual([]);
    expect((error as InvalidInputError).issues.map((i) => i.code)).toEqual(["OTHER_REVISION"]);
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(readdirSync(dir)).toEqual(["naq-XX-health.yaml"]);
  });

  it("keeps refusing, without asking, a file that is not valid against the revision it answers", async () => {
    const dir = tempDir();
    const file = join(dir, "naq-XX-health.yaml");
    written(file, rev1, OLD_ANSWERS, { questionnaire: { id: "small", version: "1.0.0", digest: `sha256:${"2".repeat(64)}` } });
    const { error, prompter } = await session(dir, []);
    expect(prompter.asked).toEqual([]);
    expect((error as Error).message).toContain("not valid against small 1.0.0");
  });
});

/** A session stopped by Ctrl-C, having played its whole script. */
async function stopped(dir: string, steps: readonly Step[], opts: Partial<FillOptions> = {}): Promise<Ran> {
  const ran = await session(dir, steps, opts);
  expect(ran.error).toBeInstanceOf(CancelledError);
  expect(ran.prompter.left).toEqual([]);
  return ran;
}

/** The lines of `out` from the one that contains `from` up to (not including) the next one that contains `to`. */
function between(out: string, from: string, to: string): string[] {
  const lines = out.split("\n");
  const start = lines.findIndex((l) => l.includes(from));
  const end = lines.findIndex((l, i) => i > start && l.includes(to));
  return lines.slice(start, end);
}

describe("naq fill, old answers that could not be carried", () => {
  const entry = (question: string, target: string | undefined, extra: Partial<UnmappedAnswer> = {}): UnmappedAnswer => ({
    question,
    version: "0.9.0",
    value: 2,
    reason: "removed",
    note: `${question} was removed in 1.0.0`,
    ...(target !== undefined ? { target } : {}),
    ...extra,
  });
  const unmapped = [
    entry("DET.09", "DET.01", { value: "no", comment: "only mobile units", reason: "type-changed", note: "DET.09 was a yes-no question" }),
    entry("LAB.02", "DET.03", { evidence: "Lab report 2023" }),
    entry("OLD.01", undefined, { value: "a retired question's answer" }),
  ];

  it("shows each one, with its question, value, comment, evidence and reason, just before the question it most likely belongs to", async () => {
    const dir = tempDir();
    written(join(dir, "naq-XX-health.yaml"), small, { "DET.01": { value: "yes" }, "DET.02": { value: 40 } }, { unmapped });
    const { out } = await stopped(
      dir,
      [
        ["value:DET.01", "yes"],
        ["comment:DET.01", ""],
        ["value:DET.03", CTRL_C],
      ],
      { questionnaire: SMALL },
    );
    expect(between(out, "DET.01 · question", "DET.03 · question")).toEqual([
      "DET.01 · question 1 of 3 in this area · 1 of 6 overall",
      "↺ Old answer (0.9.0) to DET.09, not carried over: No",
      "    comment: only mobile units",
      "    the question's type changed: DET.09 was a yes-no question",
      "  Take it into account in the answer below.",
      "",
    ]);
    expect(between(out, "DET.03 · question", "stopped")).toEqual([
      "DET.03 · question 3 of 3 in this area · 3 of 6 overall",
      "↺ Old answer (0.9.0) to LAB.02, not carried over: 2",
      "    evidence: Lab report 2023",
      "    the question was removed: LAB.02 was removed in 1.0.0",
      "  Take it into account in the answer below.",
      "",
    ]);
    expect(out).toContain("2 old answers could not be carried; each is shown next to the question it most likely belongs to.");
    expect(between(out, "Old answers with no question for this agency", "DET · Detection")).toEqual([
      "Old answers with no question for this agency (kept in the file):",
      "↺ Old answer (0.9.0) to OLD.01, not carried over: a retired question's answer",
      "    the question was removed: OLD.01 was removed in 1.0.0",
      "",
    ]);
  });

  it("asks their question even when it is answered, keeps every entry and marks the ones taken into account resolved", async () => {
    const dir = tempDir();
    const file = join(dir, "naq-XX-health.yaml");
    written(file, small, { "DET.01": { value: "yes" }, "DET.02": { value: 40 } }, { unmapped });
    const { prompter } = await stopped(
      dir,
      [
        ["value:DET.01", "no"],
        ["comment:DET.01", "mobile units only"],
        ["value:DET.03", CTRL_C],
      ],
      { questionnaire: SMALL },
    );
    expect(prompter.asked[0]).toMatchObject({ key: "value:DET.01", default: "yes" });
    const r = read(file);
    expect(r.answers["DET.01"]).toEqual({ value: "no", comment: "mobile units only" });
    expect(r.unmapped).toEqual([{ ...unmapped[0], resolved: NOW }, unmapped[1], unmapped[2]]);
    const checked = await runNaq(["validate", SMALL, file]);
    expect(checked.code).toBe(0);
  });

  it("does not ask again a question whose old answers are all resolved, and shows them as such in the review", async () => {
    const dir = tempDir();
    const file = join(dir, "naq-XX-health.yaml");
    const resolved = [{ ...unmapped[0]!, resolved: "2025-01-01T00:00:00Z" }];
    written(file, small, { "DET.01": { value: "yes" }, "DET.02": { value: 40 } }, { unmapped: resolved });
    const { out, prompter } = await stopped(dir, [["value:DET.03", CTRL_C]], { questionnaire: SMALL });
    expect(prompter.asked.map((a) => a.key)).toEqual(["value:DET.03"]);
    expect(out).not.toContain("could not be carried");
    const { out: reviewed } = await finished(dir, [["review", "DET.01"], ["value:DET.01", "yes"], ["comment:DET.01", ""], DONE], { questionnaire: SMALL, review: true });
    expect(reviewed).toContain("↺ Old answer (0.9.0) to DET.09, not carried over: No (already taken into account)");
    expect(reviewed).not.toContain("Take it into account");
  });
});

describe("naq fill, carried answers to confirm", () => {
  const carried = (value: Answer["value"], confirm: string, extra: Partial<Answer> = {}): Answer => ({ value, confirm, ...extra });
  const migrated = { migrated: [{ from: { id: "small", version: "0.9.0", digest: small.digest }, at: "2025-01-01T00:00:00Z" }] };

  it("asks them again with the carried value as the default and a note, and clears `confirm` when answered", async () => {
    const dir = tempDir();
    const file = join(dir, "naq-XX-health.yaml");
    const merged = [
      { question: "DET.01", value: "yes" },
      { question: "DET.06", value: "no" },
    ];
    written(
      file,
      small,
      { "DET.01": { value: "yes" }, "DET.02": { value: 40 } },
      {
        ...migrated,
        answers: {
          "DET.01": carried("yes", "DET.01 merges DET.01 and DET.06: check it", { mergedFrom: merged }),
          "DET.02": carried(40, "DET.02 was split: check it", { comment: "fixed stations" }),
        },
      },
    );
    const { out, prompter } = await stopped(
      dir,
      [
        ["value:DET.01", "yes"],
        ["comment:DET.01", ""],
        ["value:DET.02", "41"],
        ["comment:DET.02", ""],
        ["value:DET.03", CTRL_C],
      ],
      { questionnaire: SMALL },
    );
    expect(out).toContain("2 carried answers wait for confirmation and will be asked again: DET.01, DET.02");
    expect(between(out, "DET.01 · question", "DET.03 · question")).toEqual([
      "DET.01 · question 1 of 3 in this area · 1 of 6 overall",
      "↺ Carried from DET.01, DET.06 (0.9.0), please confirm:",
      "    DET.01 merges DET.01 and DET.06: check it",
      "",
      "DET.02 · question 2 of 3 in this area · 2 of 6 overall",
      "↺ Carried from DET.02 (0.9.0), please confirm:",
      "    DET.02 was split: check it",
      "Leave it empty and press Enter for: don't know, not applicable.",
      "",
    ]);
    expect(prompter.asked.find((a) => a.key === "value:DET.01")?.default).toBe("yes");
    expect(prompter.asked.find((a) => a.key === "value:DET.02")?.initial).toBe("40");
    const r = read(file);
    expect(r.answers["DET.01"]).toEqual({ value: "yes", mergedFrom: merged });
    expect(r.answers["DET.02"]).toEqual({ value: 41, comment: "fixed stations" });
  });

  it("leaves the file in progress while an answer waits for confirmation, and complete once it is confirmed", async () => {
    const dir = tempDir();
    const file = join(dir, "naq-XX-health.yaml");
    const all = {
      "DET.01": { value: "yes" },
      "DET.02": { value: 12 },
      "DET.03": { value: 3, evidence: "Decree 12/2020" },
      "PRR.01": { value: ["national"] },
      "PRR.02": { value: "2023-11-05" },
      "PRR.03": { value: "interior" },
    } as const;
    written(file, small, all, { ...migrated, status: "in-progress", answers: { ...all, "PRR.03": carried("interior", "check it") } });
    const { out } = await finished(dir, [["review", "naq:done"]], { questionnaire: SMALL, review: true });
    expect(read(file).status).toBe("in-progress");
    expect(out).toContain("1 carried answer still to confirm: PRR.03");
    await finished(dir, [["value:PRR.03", "interior"], ["comment:PRR.03", ""], ["value:PRR.04", ""], ["other:PRR.04", "naq:skip"], DONE], { questionnaire: SMALL });
    expect(read(file).status).toBe("complete");
    expect(read(file).answers["PRR.03"]).toEqual({ value: "interior" });
    expect((await runNaq(["validate", SMALL, file])).code).toBe(0);
  });

  it("marks answers to confirm and questions with old answers in the review", async () => {
    const dir = tempDir();
    written(
      join(dir, "naq-XX-health.yaml"),
      small,
      { "DET.01": { value: "yes" } },
      {
        ...migrated,
        answers: { "DET.01": carried("yes", "check it") },
        unmapped: [{ question: "LAB.02", version: "0.9.0", value: 2, reason: "removed", note: "gone", target: "DET.03" }],
      },
    );
    const { prompter } = await finished(dir, [DONE], { questionnaire: SMALL, review: true });
    const names = new Map(prompter.asked[0]?.choices?.map((c) => [c.value, c.name]));
    expect(names.get("DET.01")).toMatch(/→ Yes {2}\[to confirm\]$/);
    expect(names.get("DET.03")).toMatch(/— not answered {2}\[old answer to consider\]$/);
    expect(names.get("DET.02")).not.toContain("[");
  });
});

describe("naq fill of an older response, without a terminal", () => {
  it("exits 2 from the built CLI before offering anything, and leaves the file alone", () => {
    const dir = tempDir();
    const file = join(dir, "naq-XX-health.yaml");
    const before = written(file, rev1, OLD_ANSWERS);
    const r = runBuilt(["fill", "--questionnaire", V2, "--country", "XX", "--agency", "health"], { cwd: dir, input: "" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("naq fill is interactive");
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(readdirSync(dir)).toEqual(["naq-XX-health.yaml"]);
  });
});
