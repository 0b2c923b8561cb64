import { CancelledError } from "../src/errors.js";
import { isSeparator, type CheckboxRequest, type ConfirmRequest, type InputRequest, type PromptChoice, type Prompter, type SelectRequest } from "../src/io/prompter/prompter.js";

/** A scripted step answering Ctrl-C instead of a value. */
export const CTRL_C = Symbol("Ctrl-C");

/**
 * One expected question and its answer: `[key, answer]`, keys such as `value:DET.01`, `comment:DET.01`,
 * `review`. An answer that is a function is called when the question is asked, and its result answers
 * (for a test that does something while a prompt is open).
 */
export type Step = readonly [key: string, answer: unknown];

export interface Asked {
  readonly key: string;
  readonly message: string;
  readonly choices?: readonly PromptChoice<unknown>[];
  readonly default?: unknown;
  readonly initial?: string | undefined;
}

/* eslint-disable @typescript-eslint/require-await -- a fake of the async Prompter answers at once, and its throws must still reach the caller as rejections */
/**
 * A Prompter that plays a script and throws on any question it was not told to expect, in the manner
 * of changesets' prompt mocks. A select answer must be one of the choices offered; an input answer
 * goes through the request's validate, and a refused one is recorded in `refused` while the next step
 * (for the same key) answers again, as a person would after reading the message.
 */
export class ScriptedPrompter implements Prompter {
  readonly asked: Asked[] = [];
  readonly refused: { key: string; text: string; problem: string }[] = [];
  private readonly steps: Step[];

  constructor(steps: readonly Step[]) {
    this.steps = [...steps];
  }

  /** Steps not played yet. */
  get left(): readonly Step[] {
    return this.steps;
  }

  private take(key: string): unknown {
    const step = this.steps.shift();
    if (!step) throw new Error(`unexpected question \`${key}\`: the script has ended`);
    if (step[0] !== key) throw new Error(`unexpected question \`${key}\`: the script expects \`${step[0]}\``);
    if (step[1] === CTRL_C) throw new CancelledError("cancelled");
    return typeof step[1] === "function" ? (step[1] as () => unknown)() : step[1];
  }

  async select<V>(r: SelectRequest<V>): Promise<V> {
    const choices = r.choices.filter((c) => !isSeparator(c)) as PromptChoice<V>[];
    this.asked.push({ key: r.key, message: r.message, choices, default: r.default });
    const answer = this.take(r.key);
    if (!choices.some((c) => c.value === answer)) throw new Error(`\`${r.key}\` offers ${choices.map((c) => String(c.value)).join(", ")}, not ${String(answer)}`);
    return answer as V;
  }

  async checkbox<V>(r: CheckboxRequest<V>): Promise<V[]> {
    this.asked.push({ key: r.key, message: r.message, choices: r.choices });
    const answer = this.take(r.key);
    if (!Array.isArray(answer) || !answer.every((a) => r.choices.some((c) => c.value === a)))
      throw new Error(`\`${r.key}\` offers ${r.choices.map((c) => String(c.value)).join(", ")}, not ${String(answer)}`);
    return answer as V[];
  }

  async confirm(r: ConfirmRequest): Promise<boolean> {
    this.asked.push({ key: r.key, message: r.message, default: r.default });
    const answer = this.take(r.key);
    if (typeof answer !== "boolean") throw new Error(`\`${r.key}\` is a yes-or-no question; the script gives ${String(answer)}`);
    return answer;
  }

  async input(r: InputRequest): Promise<string> {
    this.asked.push({ key: r.key, message: r.message, initial: r.initial });
    for (;;) {
      const typed = this.take(r.key);
      if (typeof typed !== "string") throw new Error(`\`${r.key}\` is a text field; the script gives ${String(typed)}`);
      // Like the terminal: Enter on an empty field keeps the text that was there.
      const text = typed === "" && r.initial ? r.initial : typed;
      const problem = r.validate?.(text);
      if (problem === undefined) return text;
      this.refused.push({ key: r.key, text, problem });
    }
  }
}
/* eslint-enable @typescript-eslint/require-await */
