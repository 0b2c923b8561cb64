import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { GapReport } from "../../src/core/gap-report/model.js";
import { loadQuestionnaireFile } from "../../src/io/revisions/load.js";
import { resolveRef } from "../../src/io/revisions/bundled.js";
import { checkSchema } from "../../src/io/schema/check.js";
import { fixture, root, runBuilt, runNaq, tempDir } from "../helpers.js";
import { MINI, response, writeResponses } from "../merge-helpers.js";

const MINI_DIR = fixture("merge", "mini");
const CONSENSUS = fixture("merge", "mini-consensus.yaml");

/** A folder holding the three mini responses, optionally changed. */
function folder(changes: Record<string, ReturnType<typeof response> | Record<string, unknown>> = {}): string {
  const dir = tempDir();
  writeResponses(dir, {
    health: response("health", { "DET.03": 4 }),
    customs: response("customs", { "DET.01": "no" }),
    regulator: response("regulator", { "DET.01": "yes", "DET.03": 3 }),
    ...changes,
  });
  return dir;
}

const bundledDigest = (ref: string) => loadQuestionnaireFile(resolveRef(ref)).value?.digest ?? "";

describe("naq merge", () => {
  it("writes every --out format at once and prints the summary", async () => {
    const out = tempDir();
    const files = ["r.md", "r.html", "r.xlsx", "r.json"].map((f) => join(out, f));
    const r = await runNaq(["merge", MINI_DIR, "-q", MINI, ...files.flatMap((f) => ["--out", f])]);
    expect(r.code).toBe(0);
    for (const f of files) expect(existsSync(f)).toBe(true);
    expect(r.stdout).toContain("Overall score");
    // DET.03 at level 2, and DET.01 whose yes counts as level 3, both short of the target 5; with no
    // rated risk behind them, both stay far from the worst case of 36 and are low.
    expect(r.stdout).toContain("Top 2 priorities");
    expect(r.stdout).toMatch(/1\. low +DET\.03 .*\n.*2\. low +DET\.01 /);
    const report = JSON.parse(readFileSync(files[3] as string, "utf8")) as GapReport;
    expect(checkSchema("gap-report", report)).toEqual([]);
    expect(
      readFileSync(files[2] as string)
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
  });

  it("refuses to overwrite an --out file without --force, and replaces it with --force", async () => {
    const out = join(tempDir(), "r.md");
    writeFileSync(out, "keep me");
    const refused = await runNaq(["merge", MINI_DIR, "-q", MINI, "--out", out]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(out, "utf8")).toBe("keep me");
    const forced = await runNaq(["merge", MINI_DIR, "-q", MINI, "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^# National CBRN gap report/);
  });

  it.each([
    { name: "an --out with an unknown extension", args: ["--out", "report.pdf"] },
    { name: "a --target outside 1-5", args: ["--target", "7"] },
    { name: "a --lang the questionnaire lacks", args: ["--lang", "de"] },
  ])("exits 2 on $name", async ({ args }) => {
    const r = await runNaq(["merge", MINI_DIR, "-q", MINI, ...args], {}, tempDir());
    expect(r.code).toBe(2);
  });

  it("writes nothing when one --out folder does not exist", async () => {
    const dir = tempDir();
    const r = await runNaq(["merge", MINI_DIR, "-q", MINI, "--out", join(dir, "r.md"), "--out", join(dir, "missing", "r.html")]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("create it first");
    expect(existsSync(join(dir, "r.md"))).toBe(false);
  });

  it("exits 3 on the same --out twice", async () => {
    const r = await runNaq(["merge", MINI_DIR, "-q", MINI, "--out", "x.md", "--out", "./x.md"], {}, tempDir());
    expect(r.code).toBe(3);
  });

  it("never overwrites an input, even with --force (exit 3)", async () => {
    const dir = folder();
    const r = await runNaq(["merge", dir, "-q", MINI, "--out", join(dir, "health.json"), "--force"]);
    expect(r.code).toBe(3);
    expect((JSON.parse(readFileSync(join(dir, "health.json"), "utf8")) as { kind: string }).kind).toBe("response");
  });

  it("exits 3 when a path does not exist", async () => {
    expect((await runNaq(["merge", join(tempDir(), "nowhere"), "-q", MINI])).code).toBe(3);
  });

  it("exits 2 when the folders hold no response", async () => {
    expect((await runNaq(["merge", tempDir(), "-q", MINI])).code).toBe(2);
  });

  it("exits 2 when a questionnaire is given among the responses", async () => {
    expect((await runNaq(["merge", MINI_DIR, MINI, "-q", MINI])).code).toBe(2);
  });

  it.each<{ name: string; change: Record<string, ReturnType<typeof response> | Record<string, unknown>>; code: string; file: string }>([
    {
      name: "MIXED_COUNTRIES when a file answers for another country",
      change: { customs: response("customs", { "DET.01": "no" }, { country: "YY" }) },
      code: "MIXED_COUNTRIES",
      file: "customs.json",
    },
    {
      name: "DUPLICATE_AGENCY_RESPONSE when two files answer for one agency",
      change: { "health-2": response("health", {}) },
      code: "DUPLICATE_AGENCY_RESPONSE",
      file: "health.json",
    },
    { name: "INVALID_ANSWER when an answer is not valid", change: { health: response("health", { "DET.03": 9 }) }, code: "INVALID_ANSWER", file: "health.json" },
    {
      name: "DIGEST_MISMATCH when a file answers other content",
      change: { health: response("health", {}, { questionnaire: { id: "mini", version: "1.2.0", digest: `sha256:${"1".repeat(64)}` } }) },
      code: "DIGEST_MISMATCH",
      file: "health.json",
    },
    { name: "MISSING_PROPERTY when a file is not a valid response", change: { health: { kind: "response", country: "XX" } }, code: "MISSING_PROPERTY", file: "health.json" },
  ])("refuses the whole merge with $name, naming the file", async ({ change, code, file }) => {
    const out = join(tempDir(), "r.md");
    const r = await runNaq(["merge", folder(change), "-q", MINI, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(code);
    expect(r.stderr).toContain(file);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a response newer than the revision asked for", async () => {
    const dir = tempDir();
    writeResponses(dir, {
      nfp: {
        questionnaire: { id: "cbrn-naq", version: "2.0.0", digest: bundledDigest("cbrn-naq@2.0.0") },
        country: "XX",
        agency: "nfp",
        language: "en",
        status: "in-progress",
        updated: "2025-01-01T00:00:00Z",
        answers: {},
      },
    });
    const r = await runNaq(["merge", dir, "-q", "cbrn-naq@1.0.0"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("MIXED_QUESTIONNAIRES");
  });

  it("merges against the newest revision answered and carries a response to an older one through its mappings", async () => {
    const dir = tempDir();
    const base = { country: "XX", language: "en", status: "in-progress", updated: "2025-01-01T00:00:00Z" };
    writeResponses(dir, {
      nfp: { ...base, questionnaire: { id: "cbrn-naq", version: "2.0.0", digest: bundledDigest("cbrn-naq@2.0.0") }, agency: "nfp", answers: { "AUT.01": { value: 3 } } },
      "health-2019": {
        ...base,
        questionnaire: { id: "cbrn-naq", version: "1.0.0", digest: bundledDigest("cbrn-naq@1.0.0") },
        agency: "health",
        answers: { "DET.08": { value: 4 } },
      },
    });
    const json = join(tempDir(), "r.json");
    const r = await runNaq(["merge", dir, "--out", json]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("OLDER_REVISION");
    expect(r.stdout).toContain("Carried from 1.0.0: ");
    const report = JSON.parse(readFileSync(json, "utf8")) as GapReport;
    expect(report.questionnaire.version).toBe("2.0.0");
    expect(report.excluded).toEqual([]);
    expect(report.inputs).toContainEqual(expect.objectContaining({ agency: "health", migratedFrom: "1.0.0" }));
    // 1.0.0 DET.08 was split into DET.21 and DET.22 in 2.0.0: the answer reaches both.
    const answersOf = (id: string) => report.questions.find((x: { id: string }) => x.id === id)?.sources ?? [];
    expect(answersOf("DET.21")).toContainEqual(expect.objectContaining({ agency: "health", value: 4 }));
    expect(answersOf("DET.22")).toContainEqual(expect.objectContaining({ agency: "health", value: 4 }));
  });

  it("leaves out a response to an older revision it cannot find, saying which and what to do", async () => {
    const dir = tempDir();
    const base = { country: "XX", language: "en", status: "in-progress", updated: "2025-01-01T00:00:00Z" };
    writeResponses(dir, {
      nfp: { ...base, questionnaire: { id: "cbrn-naq", version: "2.0.0", digest: bundledDigest("cbrn-naq@2.0.0") }, agency: "nfp", answers: { "AUT.01": { value: 3 } } },
      "health-2017": { ...base, questionnaire: { id: "cbrn-naq", version: "0.9.0", digest: `sha256:${"1".repeat(64)}` }, agency: "health", answers: {} },
    });
    const json = join(tempDir(), "r.json");
    const r = await runNaq(["merge", dir, "--out", json]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("OLDER_REVISION");
    expect(r.stderr).toContain("health-2017.json");
    expect(r.stdout).toContain("Not merged: ");
    const report = JSON.parse(readFileSync(json, "utf8")) as GapReport;
    expect(report.excluded).toEqual([expect.objectContaining({ agency: "health", version: "0.9.0" })]);
    expect(report.agencies.find((a) => a.id === "health")?.status).toBe("older-revision");
    expect((await runNaq(["merge", dir, "--strict"])).code).toBe(1);
  });

  it("applies workshop decisions given with --consensus or found among the files", async () => {
    const json = join(tempDir(), "r.json");
    const r = await runNaq(["merge", MINI_DIR, "-q", MINI, "--consensus", CONSENSUS, "--out", json]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("settled by the workshop");
    const report = JSON.parse(readFileSync(json, "utf8")) as GapReport;
    expect(report.questions.find((x) => x.id === "DET.03")?.rule).toBe("consensus");
    const dir = folder();
    writeFileSync(join(dir, "workshop.yaml"), readFileSync(CONSENSUS, "utf8"));
    expect((await runNaq(["merge", dir, "-q", MINI])).stdout).toContain("Workshop decisions applied: 1");
  });

  it("refuses workshop decisions for another country", async () => {
    const dir = folder();
    writeFileSync(join(dir, "workshop.yaml"), readFileSync(CONSENSUS, "utf8").replace("country: XX", "country: YY"));
    const r = await runNaq(["merge", dir, "-q", MINI]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("CONSENSUS_MISMATCH");
  });

  it("exits 2 when two files hold workshop decisions", async () => {
    const dir = folder();
    writeFileSync(join(dir, "workshop.yaml"), readFileSync(CONSENSUS, "utf8"));
    const r = await runNaq(["merge", dir, "-q", MINI, "--consensus", CONSENSUS]);
    expect(r.code).toBe(2);
  });

  it.each([
    { name: "unresolved disagreements", paths: () => [MINI_DIR], reason: "unresolved disagreement" },
    { name: "agencies that have not answered", paths: () => [join(folder(), "regulator.json")], reason: "not answered" },
  ])("--strict exits 1 with $name, after writing the reports", async ({ paths, reason }) => {
    const out = join(tempDir(), "r.md");
    const r = await runNaq(["merge", ...paths(), "-q", MINI, "--strict", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(reason);
    expect(existsSync(out)).toBe(true);
  });

  it("--strict exits 0 when every agency answered and the workshop settled every disagreement", async () => {
    const r = await runNaq(["merge", folder({ customs: response("customs", { "DET.01": "yes" }) }), "-q", MINI, "--consensus", CONSENSUS, "--strict"]);
    expect(r.code).toBe(0);
  });

  it("colours the summary only when colour is wanted", async () => {
    const plain = await runNaq(["merge", MINI_DIR, "-q", MINI]);
    expect(plain.stdout).not.toContain("\u001b[");
    const coloured = await runNaq(["merge", MINI_DIR, "-q", MINI], { NO_COLOR: undefined, FORCE_COLOR: "1" });
    expect(coloured.stdout).toContain("\u001b[");
  });

  it("strips control characters from untrusted text in the summary", async () => {
    const dir = tempDir();
    const q = join(dir, "evil.yaml");
    writeFileSync(q, readFileSync(MINI, "utf8").replace("{en: How developed is laboratory surveillance?", '{en: "How developed\\e[2J\\e]0;owned\\a is laboratory surveillance?"'));
    const digest = loadQuestionnaireFile(q).value?.digest ?? "";
    const answers = join(dir, "answers");
    mkdirSync(answers);
    writeResponses(answers, { health: response("health", { "DET.03": 2 }, { questionnaire: { id: "mini", version: "1.2.0", digest } }) });
    const r = await runNaq(["merge", answers, "-q", q]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("How developed\uFFFD[2J");
    expect(r.stdout).not.toContain("\u001b");
    expect(r.stdout).not.toContain("\u0007");
  });

  it("works end to end through the built CLI", () => {
    const out = tempDir();
    const r = runBuilt(["merge", MINI_DIR, "-q", MINI, "--consensus", CONSENSUS, "--out", "r.md", "--out", "r.html", "--out", "r.xlsx", "--out", "r.json"], { cwd: out });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    for (const f of ["r.md", "r.html", "r.xlsx", "r.json"]) expect(existsSync(join(out, f))).toBe(true);
    expect(checkSchema("gap-report", JSON.parse(readFileSync(join(out, "r.json"), "utf8")))).toEqual([]);
    const again = runBuilt(["merge", MINI_DIR, "-q", MINI, "--out", "r.md"], { cwd: out });
    expect(again.code).toBe(3);
  });

  it("merges the examples into all four reports through the built CLI, as the README's first command does", () => {
    const out = tempDir();
    const r = runBuilt(["merge", join(root, "examples"), "--out", "r.md", "--out", "r.html", "--out", "r.xlsx", "--out", "r.json"], { cwd: out });
    expect(r.code).toBe(0);
    for (const f of ["r.md", "r.html", "r.xlsx", "r.json"]) expect(existsSync(join(out, f))).toBe(true);
    expect(checkSchema("gap-report", JSON.parse(readFileSync(join(out, "r.json"), "utf8")))).toEqual([]);
    expect(r.stderr).not.toContain("OLDER_REVISION");
    expect(r.stdout).toContain("Carried from 1.0.0: ");
    expect(r.stdout).toContain("Not answered: energy (Ministry of Energy), security-service (State Security Service)");
  });
});
