import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FillSession } from "../../../src/commands/fill/session.js";
import { Texts } from "../../../src/commands/fill/lines.js";
import { fillWords } from "../../../src/commands/fill/words.js";
import { newResponse, settle } from "../../../src/core/fill/walk.js";
import { questionIndex, type Response } from "../../../src/core/questionnaire/model.js";
import { openQuestionnaire } from "../../../src/io/revisions/bundled.js";
import { isSeparator, type CheckboxRequest, type InputRequest, type Prompter, type SelectRequest } from "../../../src/io/prompter/prompter.js";
import { PLAIN } from "../../../src/render/style.js";

const runs = Number(process.env.NAQ_FUZZ_RUNS ?? 25);
const seed = Number(process.env.NAQ_FUZZ_SEED ?? 20261204);
const { questionnaire: q, digest } = openQuestionnaire("cbrn-naq@2.0.0");
const index = questionIndex(q);
const NOW = "2024-06-01T10:00:00.000Z";
const REVIEW_VISITS = 4;

/**
 * Answers every prompt from a tape of numbers: any choice a list offers (help, skip, don't know, the
 * menu behind an empty entry), typed values or an empty entry, and a few changed answers in the review.
 */
class TapePrompter implements Prompter {
  private at = 0;
  private visits = 0;
  prompts = 0;
  constructor(private readonly tape: readonly number[]) {}

  private draw(n: number): number {
    if (++this.prompts > 5_000) throw new Error("the session does not end");
    return n > 0 ? (this.tape[this.at++ % this.tape.length] ?? 0) % n : 0;
  }

  select<V>(r: SelectRequest<V>): Promise<V> {
    const choices = r.choices.filter((c) => !isSeparator(c)).map((c) => (c as { value: V }).value);
    if (r.key === "review") {
      const questions = choices.slice(1);
      return Promise.resolve((this.visits++ < REVIEW_VISITS && questions.length ? questions[this.draw(questions.length)] : choices[0]) as V);
    }
    return Promise.resolve(choices[this.draw(choices.length)] as V);
  }

  checkbox<V>(r: CheckboxRequest<V>): Promise<V[]> {
    return Promise.resolve(r.choices.filter(() => this.draw(3) === 0).map((c) => c.value));
  }

  input(r: InputRequest): Promise<string> {
    const [kind, id = ""] = r.key.split(":");
    if (kind !== "value") return Promise.resolve(this.draw(3) ? "" : "as planned");
    const question = index.get(id);
    const typed = question?.type === "number" ? String((question.min ?? 0) + this.draw(4)) : question?.type === "date" ? `2024-0${1 + this.draw(9)}-15` : "in place";
    const text = this.draw(5) === 0 ? "" : typed;
    return Promise.resolve(r.validate?.(text) === undefined ? text : "");
  }

  confirm(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

describe("a fill session keeping relevance answer by answer", () => {
  it("saves after every answer exactly what a full evaluation of every condition gives", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...q.agencies.map((a) => a.id)), fc.array(fc.nat(), { minLength: 50, maxLength: 400 }), async (agency, tape) => {
        const saved: Response[] = [];
        const prompter = new TapePrompter(tape);
        const start = newResponse(q, digest, { country: "XX", agency, language: "en" }, NOW);
        const session = new FillSession(q, new Texts(q, "en", fillWords("en")), { agency }, start, {
          prompter,
          print: () => {},
          style: PLAIN,
          save: (r) => saved.push(r),
          now: () => NOW,
        });
        const final = await session.run();
        for (const r of saved) expect(r).toEqual(settle(q, r, NOW));
        expect(final).toEqual(saved.at(-1) ?? start);
      }),
      // A whole session shrinks slowly; the WalkState property test gives the small counterexamples.
      { numRuns: runs, seed, endOnFailure: true },
    );
  });
});
