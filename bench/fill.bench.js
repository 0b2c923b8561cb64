// `naq fill` on a generated 1,000-question questionnaire: the time from confirming an answer to the next
// prompt (recording the answer, re-evaluating the conditions it affects, the autosave, choosing the next question)
// against the time to serialize and atomically write the same response file alone. Measured in process,
// with a prompter that answers at once, so only naq's own work is timed.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { FillSession } from "../dist/commands/fill/session.js";
import { settle } from "../dist/core/fill/walk.js";
import { loadQuestionnaireFile } from "../dist/io/revisions/load.js";
import { saveResponse, schemaRefFor } from "../dist/io/yaml/response-file.js";
import { Texts } from "../dist/commands/fill/lines.js";
import { fillWords } from "../dist/commands/fill/words.js";
import { PLAIN } from "../dist/render/style.js";
import { writeBigQuestionnaire } from "./generate.js";
import { median, report, root } from "./lib.js";

const AGENCY = "health";
const OPEN = 60; // questions left to answer in the timed sitting

const sample = { level: 3, "yes-no": "yes", choice: "opt-a", "multi-choice": ["opt-a"], number: "5", text: "as planned", date: "2024-01-01" };

/**
 * Answers every prompt at once and notes how long naq took between a confirmed answer and the next
 * prompt. While a value prompt is open (the person thinking), it times the baseline: writing the
 * current response alone; so both are measured side by side under the same load.
 */
class InstantPrompter {
  constructor(q, baseline) {
    this.types = new Map(q.questions.map((x) => [x.id, x.type]));
    this.baseline = baseline;
    this.gaps = [];
    this.baselines = [];
    this.confirmedAt = undefined;
  }
  asked(key) {
    if (this.confirmedAt !== undefined) this.gaps.push({ key, ms: performance.now() - this.confirmedAt });
    if (key.startsWith("value:") && this.confirmedAt !== undefined) {
      const t = performance.now();
      this.baseline();
      this.baselines.push(performance.now() - t);
    }
  }
  answer(value) {
    this.confirmedAt = performance.now();
    return value;
  }
  async select(r) {
    this.asked(r.key);
    if (r.key === "review") return this.answer("naq:done");
    return this.answer(sample[this.types.get(r.key.slice(6))]);
  }
  async checkbox(r) {
    this.asked(r.key);
    return this.answer(sample["multi-choice"]);
  }
  async input(r) {
    this.asked(r.key);
    return this.answer(r.key.startsWith("value:") ? sample[this.types.get(r.key.slice(6))] : "");
  }
}

export default async function fillBench() {
  const loaded = loadQuestionnaireFile(writeBigQuestionnaire(1000)).value;
  if (!loaded) throw new Error("the generated questionnaire does not load");
  const q = loaded.questionnaire;
  const dir = join(root, "bench", "out");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "fill-response.yaml");
  const schemaRef = schemaRefFor(file);

  // A response with every question of the agency answered except the last OPEN ones.
  const asked = q.questions.filter((x) => x.for.includes(AGENCY));
  const answers = {};
  for (const x of asked.slice(0, asked.length - OPEN)) {
    const v = sample[x.type];
    answers[x.id] = { value: x.type === "number" ? Number(v) : v };
  }
  const now = () => new Date().toISOString();
  const start = settle(
    q,
    { questionnaire: { id: q.id, version: q.version, digest: loaded.digest }, country: "XX", agency: AGENCY, language: "en", status: "in-progress", updated: now(), answers },
    now(),
  );

  let session;
  const prompter = new InstantPrompter(q, () => saveResponse(file, session.response, q, schemaRef));
  session = new FillSession(q, new Texts(q, "en", fillWords("en")), { agency: AGENCY }, start, {
    prompter,
    print: () => {},
    style: PLAIN,
    save: (r) => saveResponse(file, r, q, schemaRef),
    now,
  });
  const final = await session.run();

  // One answer = value, then comment: the gap before the comment holds the autosave, the gap before
  // the next question's value holds the walk to it. Their sum is the wait after confirming an answer.
  const perAnswer = [];
  for (let i = 0; i < prompter.gaps.length - 1; i++) {
    const gap = prompter.gaps[i];
    const next = prompter.gaps[i + 1];
    if (gap.key.startsWith("comment:") && next.key.startsWith("value:")) perAnswer.push(gap.ms + next.ms);
  }
  if (perAnswer.length < OPEN / 2) throw new Error(`only ${perAnswer.length} answers were timed`);
  console.log(`${Object.keys(final.answers).length} answers in the file; ${perAnswer.length} answers timed`);
  report("fill: confirmed answer → next prompt (1,000 questions)", median(perAnswer), "serialize + atomic write alone", median(prompter.baselines), 1.5);
}
