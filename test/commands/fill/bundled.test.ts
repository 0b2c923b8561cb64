import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fill } from "../../../src/commands/fill/index.js";
import type { Question, Questionnaire } from "../../../src/core/questionnaire/model.js";
import { checkResponse } from "../../../src/core/answers/response-rules.js";
import { CancelledError } from "../../../src/errors.js";
import { openQuestionnaire } from "../../../src/io/revisions/bundled.js";
import { loadResponseFile } from "../../../src/io/revisions/load.js";
import type { CheckboxRequest, ConfirmRequest, InputRequest, PromptChoice, Prompter, SelectRequest } from "../../../src/io/prompter/prompter.js";
import { isSeparator } from "../../../src/io/prompter/prompter.js";
import { makeContext } from "../../../src/context.js";
import { tempDir } from "../../helpers.js";

/* eslint-disable @typescript-eslint/require-await -- a fake of the async Prompter answers at once, and its throws must still reach the caller as rejections */
/**
 * A respondent who answers whatever is asked, varying the answers (levels, yes and no, options, don't
 * know, not applicable, comments, evidence) in a fixed order; stops with Ctrl-C after `stopAfter`
 * values, and changes the first answer once in the review.
 */
class Respondent implements Prompter {
  private n = 0;
  private values = 0;
  private reviews = 0;
  constructor(
    private readonly q: Questionnaire,
    private readonly stopAfter = Infinity,
  ) {}

  private question(key: string): Question | undefined {
    return this.q.questions.find((x) => x.id === key.slice(key.indexOf(":") + 1));
  }

  private countValue(key: string): void {
    if (!key.startsWith("value:")) return;
    if (++this.values > this.stopAfter) throw new CancelledError("cancelled");
  }

  async select<V>(r: SelectRequest<V>): Promise<V> {
    const choices = r.choices.filter((c) => !isSeparator(c)) as PromptChoice<V>[];
    if (r.key === "review") {
      this.reviews++;
      return (this.reviews === 1 ? choices[1] : choices[0])!.value;
    }
    this.countValue(r.key);
    const real = choices.filter((c) => !["naq:help", "naq:skip", "naq:back"].includes(String(c.value)));
    return real[this.n++ % real.length]!.value;
  }

  async checkbox<V>(r: CheckboxRequest<V>): Promise<V[]> {
    this.countValue(r.key);
    const k = this.n++ % (r.choices.length + 1);
    return r.choices.slice(0, k).map((c) => c.value);
  }

  async confirm(r: ConfirmRequest): Promise<boolean> {
    throw new Error(`unexpected question \`${r.key}\`: the respondent starts from no file`);
  }

  async input(r: InputRequest): Promise<string> {
    this.countValue(r.key);
    const i = this.n++;
    if (r.key.startsWith("comment:")) return i % 4 === 0 ? `comment ${i}` : "";
    if (r.key.startsWith("evidence:")) return i % 3 === 0 ? `Law ${i}/2020` : "";
    const question = this.question(r.key);
    if (i % 7 === 0) return ""; // opens the other answers
    const typed = question?.type === "number" ? String((question.min ?? 0) + (i % 50)) : question?.type === "date" ? "2023-11-05" : "see the annex";
    if (r.validate?.(typed) !== undefined) throw new Error(`${r.key} refused ${typed}`);
    return typed;
  }
}
/* eslint-enable @typescript-eslint/require-await */

const sink = { write: () => true, isTTY: false };

async function sitting(revision: string, agency: string, lang: string, dir: string, q: Questionnaire, stopAfter?: number) {
  const ctx = makeContext({ stdout: sink, stderr: sink, env: { NO_COLOR: "1" }, cwd: dir, now: () => "2024-06-01T10:00:00.000Z" }, []);
  return fill({ questionnaire: revision, country: "XX", agency, lang, review: false }, ctx, { prompter: new Respondent(q, stopAfter) });
}

describe.each(["cbrn-naq@2.0.0", "cbrn-naq@1.0.0"])("naq fill with the bundled %s", (revision) => {
  const loaded = openQuestionnaire(revision);
  const q = loaded.questionnaire;
  const cases = q.agencies.map((a, i) => [a.id, q.languages[i % q.languages.length] as string] as const);

  it.each(cases)("fills it for %s in %s: stop, resume, review, finish, and the file is valid", async (agency, lang) => {
    const dir = tempDir();
    await expect(sitting(revision, agency, lang, dir, q, 3)).rejects.toBeInstanceOf(CancelledError);
    expect(await sitting(revision, agency, lang, dir, q)).toBe(0);
    const file = loadResponseFile(join(dir, `naq-XX-${agency}.yaml`));
    expect(file.issues).toEqual([]);
    const r = file.value!;
    expect(r.language).toBe(lang);
    expect(r.status).toBe("complete");
    expect(checkResponse(q, loaded.digest, r).filter((i) => i.severity === "error")).toEqual([]);
  });
});
