import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { newResponse } from "../../../src/core/fill/walk.js";
import { loadQuestionnaireFile } from "../../../src/io/revisions/load.js";
import { serializeResponse } from "../../../src/io/yaml/response-file.js";
import { fixture, root, runBuilt, seededRandom, tempDir } from "../../helpers.js";
import { promptState, startTmuxServer, stopTmuxServer, Terminal, type Key } from "../../tmux.js";

// End to end in a real pseudo-terminal: the built CLI under tmux, driven with keystrokes.
const SMALL = fixture("fill", "small.yaml");
const SMALL_ARGS = ["fill", "--questionnaire", SMALL, "--country", "XX", "--agency", "health"];
const LONG = 120_000;
const KILL_RUNS = Number(process.env.NAQ_KILL_RUNS ?? 20);

type Saved = { language: string; status: string; answers: Record<string, { value: unknown; comment?: string; evidence?: string; confirm?: string }>; irrelevant?: string[] };
const read = (file: string) => parse(readFileSync(file, "utf8")) as Saved;

let open: Terminal[] = [];
const terminal = () => {
  const t = new Terminal();
  open.push(t);
  return t;
};

beforeAll(() => startTmuxServer());
afterEach(() => {
  for (const t of open) t.kill();
  open = [];
});
afterAll(() => stopTmuxServer());

describe("naq fill in a terminal", () => {
  it(
    "answers with keystrokes, stops on Ctrl-C with exit 130, resumes where it stopped, reviews, finishes, and the file validates",
    async () => {
      const dir = tempDir();
      const file = join(dir, "naq-XX-health.yaml");
      const t = terminal().start(SMALL_ARGS, dir);

      let screen = await t.waitForPrompt("Is there a radiation monitoring network?");
      expect(screen).toContain("── DET · Detection");
      expect(screen).toContain("DET.01 · question 1 of 2 in this area · 1 of 5 overall");
      await t.step(["Enter"], "Comment");
      await t.step([{ text: "main network" }, "Enter"], "How many stations does it have? (stations, 0–500)");
      t.send({ text: "9999" }, "Enter");
      await t.waitFor((s) => s.includes("The largest answer allowed is 500"), "the refusal of 9999");
      await t.step(["BSpace", "BSpace", "BSpace", "BSpace", { text: "12" }, "Enter"], "Comment");
      screen = await t.step(["Enter"], "How developed is laboratory surveillance?");
      expect(screen).toContain("DET.03 · question 3 of 3 in this area · 3 of 6 overall");
      expect(screen).toContain("1 · None");
      expect(screen).toContain("Not in place.");

      t.send("C-c");
      expect(await t.exit()).toBe(130);
      screen = t.screen();
      expect(screen).toContain("Every answer you confirmed is saved in naq-XX-health.yaml (2 of 6 answered).");
      expect(screen).toContain(`naq fill --questionnaire ${SMALL} --country XX --agency health`);
      expect(read(file).answers).toEqual({ "DET.01": { value: "yes", comment: "main network" }, "DET.02": { value: 12 } });
      expect(read(file).status).toBe("in-progress");

      const again = terminal().start(SMALL_ARGS, dir);
      screen = await again.waitForPrompt("How developed is laboratory surveillance?");
      expect(screen).toContain("2 of 6 questions that apply are answered.");
      expect(promptState(screen).done).toBe(0);
      await again.step(["Down", "Down", "Enter"], "Comment");
      await again.step(["Enter"], "Evidence");
      await again.step([{ text: "Decree 12/2020" }, "Enter"], "Which plans exist?");
      await again.step(["Space", "Enter"], "Comment");
      await again.step(["Enter"], "Evidence");
      await again.step(["Enter"], "When was the last national exercise?");
      await again.step([{ text: "2023-11-05" }, "Enter"], "Comment");
      await again.step(["Enter"], "Who coordinates the response?");
      await again.step(["Down", "Enter"], "Comment");
      await again.step(["Enter"], "Describe the main gap.");
      await again.step(["Enter"], "Other answers");
      screen = await again.step(["Down", "Down", "Down", "Enter"], "Review");
      expect(screen).toContain("DET.03   How developed is laboratory surveillance?  → 3 · Developed");
      expect(screen).toContain("PRR.04   Describe the main gap.  — not answered");

      // Change DET.01 to No in the review: DET.02 stops applying, and its answer is kept.
      await again.step(["Down", "Enter"], "Is there a radiation monitoring network?");
      await again.step(["Down", "Enter"], "Comment");
      screen = await again.step(["Enter"], "Review");
      expect(screen).toContain("No longer applies given this answer (the answers are kept): DET.02");
      expect(screen).toMatch(/DET\.02 +How many stations does it have\? {2}→ 12 stations \(no longer applies\)/);
      again.send("Up", "Enter");
      expect(await again.exit()).toBe(0);
      expect(again.screen()).toContain("Saved naq-XX-health.yaml; status: complete.");

      const saved = read(file);
      expect(saved.status).toBe("complete");
      expect(saved.irrelevant).toEqual(["DET.02"]);
      expect(saved.answers).toEqual({
        "DET.01": { value: "no", comment: "main network" },
        "DET.02": { value: 12 },
        "DET.03": { value: 3, evidence: "Decree 12/2020" },
        "PRR.01": { value: ["national"] },
        "PRR.02": { value: "2023-11-05" },
        "PRR.03": { value: "emergency" },
      });
      const checked = runBuilt(["validate", SMALL, file]);
      expect(checked.stdout + checked.stderr).toContain("0 errors, 0 warnings");
      expect(checked.code).toBe(0);
    },
    LONG,
  );

  it(
    "keeps every confirmed answer in a file that parses when killed with SIGKILL between answers or inside one",
    async () => {
      const dir = tempDir();
      const file = join(dir, "naq-XX-health.yaml");
      const t = terminal().start(SMALL_ARGS, dir);
      await t.waitForPrompt("Is there a radiation monitoring network?");
      await t.step(["Enter"], "Comment");
      await t.step([{ text: "fixed stations" }, "Enter"], "How many stations");
      await t.step([{ text: "40" }, "Enter"], "Comment");
      await t.step(["Enter"], "How developed is laboratory surveillance?");
      process.kill(t.pid(), "SIGKILL");
      expect(await t.exit()).toBe(137);
      expect(read(file).answers).toEqual({ "DET.01": { value: "yes", comment: "fixed stations" }, "DET.02": { value: 40 } });
      expect(readdirSync(dir)).toEqual(["naq-XX-health.yaml"]);
      expect(runBuilt(["validate", SMALL, file]).code).toBe(0);

      // Killed after the value of DET.03 is confirmed, while its comment is open.
      const second = terminal().start(SMALL_ARGS, dir);
      await second.waitForPrompt("How developed is laboratory surveillance?");
      await second.step(["Down", "Down", "Down", "Enter"], "Comment");
      process.kill(second.pid(), "SIGKILL");
      expect(await second.exit()).toBe(137);
      expect(read(file).answers["DET.03"]).toEqual({ value: 4 });
      expect(readdirSync(dir)).toEqual(["naq-XX-health.yaml"]);

      const third = terminal().start(SMALL_ARGS, dir);
      const screen = await third.waitForPrompt("Which plans exist?");
      expect(screen).toContain("3 of 6 questions that apply are answered.");
    },
    LONG,
  );

  it(
    `keeps every confirmed answer when killed with SIGKILL at ${KILL_RUNS} random points`,
    async () => {
      // Each step finishes the open prompt; `answers` is what the file holds once the next prompt shows.
      const steps: { keys: Key[]; next: string; answers: Record<string, unknown> }[] = [];
      const step = (keys: Key[], next: string, answers: Record<string, unknown>) => steps.push({ keys, next, answers: { ...(steps.at(-1)?.answers ?? {}), ...answers } });
      step(["Enter"], "Comment", { "DET.01": { value: "yes" } });
      step([{ text: "fixed stations" }, "Enter"], "How many stations", { "DET.01": { value: "yes", comment: "fixed stations" } });
      step([{ text: "40" }, "Enter"], "Comment", { "DET.02": { value: 40 } });
      step([{ text: "counted in 2024" }, "Enter"], "How developed is laboratory surveillance?", { "DET.02": { value: 40, comment: "counted in 2024" } });
      step(["Down", "Down", "Down", "Enter"], "Comment", { "DET.03": { value: 4 } });
      step([{ text: "BSL-3" }, "Enter"], "Evidence", { "DET.03": { value: 4, comment: "BSL-3" } });
      const rnd = seededRandom(Number(process.env.NAQ_FUZZ_SEED ?? 20261121));
      const seen: string[] = [];
      for (let run = 0; run < KILL_RUNS; run++) {
        const dir = tempDir();
        const file = join(dir, "naq-XX-health.yaml");
        const t = terminal().start(SMALL_ARGS, dir);
        await t.waitForPrompt("Is there a radiation monitoring network?");
        // Some steps finished and confirmed, then the keys of the next one sent and the kill a moment later.
        const done = Math.floor(rnd() * steps.length);
        for (const s of steps.slice(0, done)) await t.step(s.keys, s.next);
        const pid = t.pid();
        const delay = Math.floor(rnd() * 30);
        t.send(...(steps[done]?.keys ?? []));
        await new Promise((r) => setTimeout(r, delay));
        process.kill(pid, "SIGKILL");
        expect(await t.exit()).toBe(137);
        const context = `run ${run}: killed ${delay} ms after the keys of step ${done + 1}`;
        const answers = existsSync(file) ? (read(file).answers ?? {}) : {};
        const before = steps[done - 1]?.answers ?? {};
        const after = steps[done]?.answers ?? {};
        expect([before, after], context).toContainEqual(answers);
        seen.push(JSON.stringify(answers) === JSON.stringify(before) ? String(done) : `${done}+`);
        for (const name of readdirSync(dir)) expect(name === "naq-XX-health.yaml" || /^\.naq-XX-health\.yaml\.naq-tmp-[0-9a-f]{8}$/.test(name), context).toBe(true);
        if (existsSync(file)) expect(runBuilt(["validate", SMALL, file]).code, context).toBe(0);
        t.kill();
      }
      // Steps confirmed before each kill, with + where the step in flight was saved too.
      console.info(`fill: ${KILL_RUNS} kills after steps ${seen.join(" ")}`);
    },
    LONG * 3,
  );

  it(
    "stops with exit 130 and says how to resume when SIGINT arrives while a prompt is open",
    async () => {
      const dir = tempDir();
      const t = terminal().start([...SMALL_ARGS, "--out", "answers.yaml"], dir);
      await t.waitForPrompt("Is there a radiation monitoring network?");
      process.kill(t.pid(), "SIGINT");
      expect(await t.exit()).toBe(130);
      expect(t.screen()).toContain(`--country XX --agency health --out answers.yaml`);
      expect(read(join(dir, "answers.yaml")).answers).toEqual({});
    },
    LONG,
  );

  it(
    "refuses a file that answers another revision, exits 1 and leaves it as it was",
    async () => {
      const dir = tempDir();
      const file = join(dir, "naq-XX-health.yaml");
      const loaded = loadQuestionnaireFile(SMALL).value!;
      const old = newResponse(loaded.questionnaire, loaded.digest, { country: "XX", agency: "health", language: "en" }, "2024-01-01T00:00:00.000Z");
      writeFileSync(file, serializeResponse({ ...old, questionnaire: { ...old.questionnaire, version: "0.9.0" } }, loaded.questionnaire, "s.json"));
      const before = readFileSync(file, "utf8");
      const t = terminal().start(SMALL_ARGS, dir);
      expect(await t.exit()).toBe(1);
      const screen = t.screen();
      expect(screen).toContain("OTHER_REVISION");
      expect(screen).toContain("naq migrate naq-XX-health.yaml --to small@1.0.0");
      expect(readFileSync(file, "utf8")).toBe(before);
    },
    LONG,
  );
});

describe("naq fill in a terminal, carrying over a response to an older revision", () => {
  it(
    "offers to carry the customs example from 1.0.0 over to 2.0.0, keeps the old file, asks an answer to confirm, stops on Ctrl-C, and the file validates",
    async () => {
      const dir = tempDir();
      const example = join(root, "examples", "responses", "XX-customs-1.0.0.yaml");
      const file = join(dir, "naq-XX-customs.yaml");
      copyFileSync(example, file);
      type Carried = Saved & {
        questionnaire: { version: string };
        answers: Record<string, { value: unknown; confirm?: string; mergedFrom?: unknown[] }>;
        unmapped?: { question: string }[];
      };
      const t = terminal().start(["fill", "--country", "XX", "--agency", "customs", "--lang", "en", "--area", "LEG"], dir);

      let screen = await t.waitForPrompt("Carry the answers over to cbrn-naq 2.0.0? The old file is kept, untouched, as naq-XX-customs.1.0.0.yaml (Y/n)");
      expect(screen).toContain("naq-XX-customs.yaml holds 28 answers to cbrn-naq 1.0.0; this session asks cbrn-naq 2.0.0.");
      t.send("Enter");
      screen = await t.waitFor((x) => x.includes("Carried over to cbrn-naq 2.0.0:") && promptState(x).open !== undefined, "the first question after the carry-over");
      expect(screen).toContain("Carried over to cbrn-naq 2.0.0: 26 carried, 3 to confirm, 2 unmapped. The old file is kept as naq-XX-customs.1.0.0.yaml.");
      expect(screen).toContain("1 carried answer waits for confirmation and will be asked again: LEG.13");
      expect(screen).toContain("↺ Old answer (1.0.0) to PRV.06, not carried over: 2");
      expect(readFileSync(join(dir, "naq-XX-customs.1.0.0.yaml"), "utf8")).toBe(readFileSync(example, "utf8"));
      expect(read(file).answers["LEG.13"]?.value).toBe(3);
      expect(read(file).answers["LEG.13"]?.confirm).toContain("LEG.13 merges");

      // The legislation questions 2.0.0 added come first, answered in haste, then LEG.13 to confirm.
      screen = await pressOn(t, "Other answers", (x) => promptState(x).open?.includes("transport of dangerous goods") === true);
      expect(screen).toContain("↺ Carried from LEG.13, LEG.14 (1.0.0), please confirm:");
      expect(screen).toMatch(/❯ 3 · /);

      // Confirms LEG.13 one level higher, keeps its evidence, then answers LEG.16, which 1.0.0 did not ask of customs.
      await t.step(["Down", "Enter"], "Comment");
      await t.step(["Enter"], "Evidence");
      await t.step(["Enter"], "How many criminal cases");
      t.send({ text: "2" }, "Enter");
      await t.waitForPrompt("Comment");
      t.send("Enter");
      screen = await t.waitFor((x) => {
        const open = promptState(x).open;
        return open !== undefined && !open.includes("Comment") && !open.includes("How many criminal cases");
      }, "the prompt after LEG.16's comment");
      if (promptState(screen).open?.includes("Evidence")) await t.step(["Enter"], "");
      t.send("C-c");
      expect(await t.exit()).toBe(130);
      expect(t.screen()).toContain("naq fill --country XX --agency customs --lang en");

      const saved = read(file) as Carried;
      expect(saved.questionnaire.version).toBe("2.0.0");
      expect(saved.status).toBe("in-progress");
      expect(saved.answers["LEG.13"]?.value).toBe(4);
      expect(saved.answers["LEG.13"]?.evidence).toContain("156-З");
      expect(saved.answers["LEG.13"]?.confirm).toBeUndefined();
      expect(saved.answers["LEG.13"]?.mergedFrom).toHaveLength(2);
      expect(saved.answers["LEG.16"]).toEqual({ value: 2 });
      expect(saved.answers["AUT.10"]?.confirm).toBeDefined();
      expect(saved.unmapped?.map((u) => u.question)).toEqual(["PRV.06", "DET.04"]);
      expect(readdirSync(dir).sort()).toEqual(["naq-XX-customs.1.0.0.yaml", "naq-XX-customs.yaml"]);
      const checked = runBuilt(["validate", file]);
      expect(checked.stdout + checked.stderr).toContain("0 errors, 0 warnings");
      expect(checked.code).toBe(0);
    },
    LONG,
  );
});

/**
 * Answers every open prompt the way a hurried person would: Enter on the highlighted choice; on an
 * empty field or an empty list, the first real answer of the “other answers” menu. Stops when
 * `stop` holds for the screen, and returns it.
 */
async function pressOn(t: Terminal, other: string, stop: (screen: string) => boolean, maxPrompts = 600): Promise<string> {
  let before = -1;
  for (let i = 0; i < maxPrompts; i++) {
    const screen = await t.waitFor((s) => {
      const st = promptState(s);
      return st.open !== undefined && st.done > before;
    }, "the next prompt");
    if (stop(screen)) return screen;
    const st = promptState(screen);
    before = st.done;
    if (st.open?.includes(other)) t.send("Down", "Enter");
    else t.send("Enter");
  }
  throw new Error(`still asking after ${maxPrompts} prompts`);
}

describe("naq fill in a terminal, with the bundled questionnaire", () => {
  it(
    "fills cbrn-naq for the food safety agency in French: stops, resumes, finishes, and the file validates",
    async () => {
      const dir = tempDir();
      const file = join(dir, "naq-XX-food-safety.yaml");
      const args = ["fill", "--country", "XX", "--agency", "food-safety", "--lang", "fr"];
      const t = terminal().start(args, dir);
      const positions = (s: string) => s.match(/· question \d+ sur \d+ dans ce domaine · \d+ sur \d+ au total/g)?.length ?? 0;
      const atFourthValue = (s: string) => positions(s) >= 4 && !/Commentaire|Justificatif|Autres réponses/.test(promptState(s).open ?? "");
      const screen = await pressOn(t, "Autres réponses", atFourthValue);
      expect(screen).toContain("Agence de sécurité sanitaire des aliments (XX) · cbrn-naq 2.0.0");
      expect(screen).toContain("1 sur ");
      t.send("C-c");
      expect(await t.exit()).toBe(130);
      expect(t.screen()).toContain("interrompu. Chaque réponse confirmée est enregistrée dans naq-XX-food-safety.yaml");
      const stoppedAt = read(file);
      expect(stoppedAt.language).toBe("fr");
      expect(Object.keys(stoppedAt.answers)).toHaveLength(3);

      // Resumed without --lang: the file's language is used.
      const again = terminal().start(["fill", "--country", "XX", "--agency", "food-safety"], dir);
      await again.waitFor((s) => s.includes("3 questions applicables sur"), "the resume summary in French");
      await pressOn(again, "Autres réponses", (s) => promptState(s).open?.includes("Relecture") === true);
      again.send("Enter");
      expect(await again.exit()).toBe(0);
      expect(again.screen()).toContain("état : complet");
      expect(read(file).status).toBe("complete");
      const checked = runBuilt(["validate", file]);
      expect(checked.stdout).toContain("0 errors");
      expect(checked.code).toBe(0);
    },
    LONG,
  );

  it(
    "asks cbrn-naq in Russian and keeps the answers given before Ctrl-C",
    async () => {
      const dir = tempDir();
      const file = join(dir, "naq-XX-border-guard.yaml");
      const t = terminal().start(["fill", "--country", "XX", "--agency", "border-guard", "--lang", "ru"], dir);
      const second = (s: string) => (s.match(/· вопрос \d+ из \d+ в разделе/g)?.length ?? 0) >= 2 && !/Комментарий|Подтверждение|Другие варианты/.test(promptState(s).open ?? "");
      const screen = await pressOn(t, "Другие варианты ответа", second);
      expect(screen).toContain("Государственная пограничная служба (XX)");
      expect(screen).toMatch(/вопрос 1 из \d+ в разделе · 1 из \d+ всего/);
      t.send("C-c");
      expect(await t.exit()).toBe(130);
      expect(t.screen()).toContain("остановлено. Все подтверждённые ответы сохранены в naq-XX-border-guard.yaml");
      const saved = read(file);
      expect(saved.language).toBe("ru");
      expect(Object.keys(saved.answers)).toHaveLength(1);
      expect(runBuilt(["validate", file]).code).toBe(0);
    },
    LONG,
  );
});
