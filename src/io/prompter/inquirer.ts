import { checkbox, confirm, input, select, Separator } from "@inquirer/prompts";
import { CancelledError } from "../../errors.js";
import { isSeparator, type Prompter } from "./prompter.js";

export interface InquirerOptions {
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
  /** No colour in the prompts (NO_COLOR or --no-color). */
  readonly plain?: boolean;
  /** Words for the key hints under a list, by inquirer's English action name. */
  readonly keys?: Readonly<Record<string, string>>;
  /** Aborting it cancels the open prompt, as Ctrl-C does. */
  readonly signal?: AbortSignal;
}

const same = (s: string) => s;

/** A Prompter that asks in the terminal through @inquirer/prompts. Ctrl-C rejects with CancelledError. */
export function inquirerPrompter(opts: InquirerOptions = {}): Prompter {
  const context = {
    ...(opts.input ? { input: opts.input } : {}),
    ...(opts.output ? { output: opts.output } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  };
  const theme = themeOf(opts);

  return {
    async select(r) {
      return guard(
        select(
          {
            message: r.message,
            choices: r.choices.map((c) =>
              isSeparator(c)
                ? new Separator(c.separator)
                : { value: c.value, name: c.name, ...(c.short ? { short: c.short } : {}), ...(c.description ? { description: c.description } : {}) },
            ),
            ...(r.default !== undefined ? { default: r.default } : {}),
            pageSize: r.pageSize ?? 10,
            loop: false,
            theme,
          },
          context,
        ),
      );
    },
    async checkbox(r) {
      return guard(
        checkbox(
          {
            message: r.message,
            choices: r.choices.map((c) => ({
              value: c.value,
              name: c.name,
              checked: c.checked === true,
              ...(c.short ? { short: c.short } : {}),
              ...(c.description ? { description: c.description } : {}),
            })),
            pageSize: r.pageSize ?? 10,
            loop: false,
            theme,
          },
          context,
        ),
      );
    },
    async input(r) {
      const validate = r.validate;
      return guard(
        input(
          {
            message: r.message,
            ...(r.initial ? { default: r.initial, prefill: "editable" as const } : {}),
            ...(validate ? { validate: (t: string) => validate(t) ?? true } : {}),
            theme,
          },
          context,
        ),
      );
    },
    async confirm(r) {
      return guard(confirm({ message: r.message, default: r.default, theme }, context));
    },
  };
}

/** The theme every prompt shares: the key hints in the session language, and no colour or decoration when `plain`. */
function themeOf(opts: InquirerOptions) {
  const keys = opts.keys ?? {};
  const word = (key: string, action: string) => (key === "space" ? (keys.toggle ?? action) : (keys[action] ?? action));
  const tip = (pairs: [string, string][]) =>
    pairs.map(([k, a]) => (opts.plain ? `${k} ${word(k, a)}` : `\u001b[1m${k}\u001b[22m \u001b[2m${word(k, a)}\u001b[22m`)).join(opts.plain ? " • " : "\u001b[2m • \u001b[22m");
  const plain = opts.plain
    ? {
        prefix: { idle: "?", done: "✔" },
        style: {
          answer: same,
          message: same,
          error: (t: string) => `> ${t}`,
          defaultAnswer: (t: string) => `(${t})`,
          help: same,
          highlight: same,
          key: (t: string) => `<${t}>`,
          description: same,
          disabled: same,
        },
      }
    : {};
  return { ...plain, style: { ...(plain.style ?? {}), keysHelpTip: tip } };
}

/** Turns inquirer's Ctrl-C (ExitPromptError) and abort (AbortPromptError) into naq's CancelledError. */
async function guard<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (e) {
    if (e instanceof Error && (e.name === "ExitPromptError" || e.name === "AbortPromptError")) throw new CancelledError("cancelled");
    throw e;
  }
}
