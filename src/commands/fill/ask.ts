import { referencesText } from "../../core/questionnaire/references.js";
import { isSpecialValue } from "../../core/answers/values.js";
import { parseDateEntry, parseNumberEntry, parseTextEntry, type Entry } from "../../core/answers/entry.js";
import { levelsOf, type Answer, type AnswerValue, type Question } from "../../core/questionnaire/model.js";
import type { Texts } from "./lines.js";
import type { Style } from "../../render/style.js";
import type { PromptChoice, PromptItem, Prompter } from "../../io/prompter/prompter.js";

/** What asking needs: the prompter, the texts in the session language, and somewhere to print. */
export interface AskContext {
  readonly prompter: Prompter;
  readonly texts: Texts;
  readonly print: (line?: string) => void;
  readonly style: Style;
}

/** The value given to a question, or `skip` for an optional question left unanswered. */
export type ValueOutcome = { readonly kind: "value"; readonly value: AnswerValue } | { readonly kind: "skip" };

// Actions offered beside the values; the colon keeps them apart from any option value.
const HELP = "naq:help";
const SKIP = "naq:skip";
const BACK = "naq:back";
const KEEP = "naq:keep";
const NONE = "naq:none";
// The actions are strings, so a pick is an answer value until it is told apart from them.
type Picked = AnswerValue;

/**
 * Asks the value of `question` with the prompt its type calls for. `previous` is the answer being
 * changed, if any: it is highlighted or ticked, and can be kept; with `prefill`, a typed one is also
 * put in the field (an answer to confirm).
 */
export async function askValue(ctx: AskContext, question: Question, previous?: Answer, prefill = false): Promise<ValueOutcome> {
  switch (question.type) {
    case "level":
    case "yes-no":
    case "choice":
      return askFromList(ctx, question, previous);
    case "multi-choice":
      return askTicks(ctx, question, previous);
    case "number":
    case "date":
    case "text":
      return askTyped(ctx, question, previous, prefill && previous !== undefined && !isSpecialValue(previous.value) ? String(previous.value) : undefined);
  }
}

function specialChoices(ctx: AskContext, question: Question, previous: Answer | undefined): PromptChoice<Picked>[] {
  const w = ctx.texts.words;
  return [
    { value: "dont-know", name: w.dontKnow },
    { value: "not-applicable", name: w.notApplicable },
    ...(question.help ? [{ value: HELP, name: `${w.help} ?`, short: w.help } as const] : []),
    ...(!question.required && previous === undefined ? [{ value: SKIP, name: w.skip } as const] : []),
  ];
}

function listChoices(ctx: AskContext, question: Question): PromptChoice<Picked>[] {
  const { texts } = ctx;
  if (question.type === "level") {
    // The question's own descriptor of each level, where it has one, says what the level means here.
    return (levelsOf(texts.q, question) ?? []).map((l) => ({
      value: l.value,
      name: `${l.value} · ${texts.t(l.label)}`,
      description: texts.t(question.levels?.[l.value] ?? l.description),
    }));
  }
  if (question.type === "yes-no")
    return [
      { value: "yes", name: texts.words.yes },
      { value: "no", name: texts.words.no },
    ];
  return (question.options ?? []).map((o) => ({ value: o.value, name: texts.t(o.label) }));
}

function printHelp(ctx: AskContext, question: Question): void {
  ctx.print(ctx.style.dim(`ℹ ${ctx.texts.t(question.help)}`));
  if (question.references.length) ctx.print(ctx.style.dim(`  ${referencesText(question.references)}`));
}

async function askFromList(ctx: AskContext, question: Question, previous: Answer | undefined): Promise<ValueOutcome> {
  const choices: PromptItem<Picked>[] = [...listChoices(ctx, question), { separator: "──────" }, ...specialChoices(ctx, question, previous)];
  for (;;) {
    const picked = await ctx.prompter.select<Picked>({
      key: `value:${question.id}`,
      message: ctx.texts.message(question),
      choices,
      ...(previous !== undefined && !Array.isArray(previous.value) ? { default: previous.value } : {}),
      pageSize: Math.min(choices.length, 12),
    });
    if (picked === HELP) printHelp(ctx, question);
    else if (picked === SKIP) return { kind: "skip" };
    else return { kind: "value", value: picked };
  }
}

async function askTicks(ctx: AskContext, question: Question, previous: Answer | undefined): Promise<ValueOutcome> {
  const ticked = new Set(Array.isArray(previous?.value) ? previous.value : []);
  ctx.print(ctx.style.dim(ctx.texts.words.checkboxHint(question.help !== undefined)));
  for (;;) {
    const picked = await ctx.prompter.checkbox<string>({
      key: `value:${question.id}`,
      message: ctx.texts.message(question),
      choices: (question.options ?? []).map((o) => ({ value: o.value, name: ctx.texts.t(o.label), checked: ticked.has(o.value) })),
      pageSize: 12,
    });
    if (picked.length) return { kind: "value", value: picked };
    const other = await askOther(ctx, question, previous, true);
    if (other) return other;
  }
}

function entryOf(question: Question, text: string): Entry<AnswerValue> {
  return question.type === "number" ? parseNumberEntry(text, question) : question.type === "date" ? parseDateEntry(text) : parseTextEntry(text);
}

async function askTyped(ctx: AskContext, question: Question, previous: Answer | undefined, initial: string | undefined): Promise<ValueOutcome> {
  ctx.print(ctx.style.dim(ctx.texts.words.inputHint(question.help !== undefined)));
  for (;;) {
    const text = await ctx.prompter.input({
      key: `value:${question.id}`,
      message: ctx.texts.message(question),
      ...(initial !== undefined ? { initial } : {}),
      validate: (t) => {
        if (t.trim() === "") return undefined;
        const entry = entryOf(question, t);
        return entry.ok ? undefined : ctx.texts.words.problem(entry.problem);
      },
    });
    if (text.trim() !== "") {
      const entry = entryOf(question, text);
      if (entry.ok) return { kind: "value", value: entry.value };
      continue;
    }
    const other = await askOther(ctx, question, previous, false);
    if (other) return other;
  }
}

/** The menu behind an empty entry: don't know, not applicable, help, skip, keep; undefined means back to typing. */
async function askOther(ctx: AskContext, question: Question, previous: Answer | undefined, ticks: boolean): Promise<ValueOutcome | undefined> {
  const w = ctx.texts.words;
  const choices: PromptChoice<Picked>[] = [
    { value: BACK, name: w.back },
    ...(previous !== undefined ? [{ value: KEEP, name: w.keep(ctx.texts.value(question, previous.value)) } as const] : []),
    ...(ticks ? [{ value: NONE, name: w.none } as const] : []),
    ...specialChoices(ctx, question, previous),
  ];
  const picked = await ctx.prompter.select<Picked>({ key: `other:${question.id}`, message: w.otherAnswers, choices, default: BACK });
  if (picked === HELP) {
    printHelp(ctx, question);
    return undefined;
  }
  if (picked === BACK) return undefined;
  if (picked === SKIP) return { kind: "skip" };
  if (picked === KEEP && previous) return { kind: "value", value: previous.value };
  if (picked === NONE) return { kind: "value", value: [] };
  return { kind: "value", value: picked };
}

/**
 * Asks the optional comment and, where the question asks for it, the evidence. Evidence is not asked
 * after don't know / not applicable; a previous one is then kept as it was.
 */
export async function askNotes(ctx: AskContext, question: Question, value: AnswerValue, previous?: Answer): Promise<Pick<Answer, "comment" | "evidence">> {
  const w = ctx.texts.words;
  const comment = await ctx.prompter.input({ key: `comment:${question.id}`, message: w.comment, ...(previous?.comment ? { initial: previous.comment } : {}) });
  let evidence = previous?.evidence;
  if (question.evidence !== "none" && !isSpecialValue(value)) {
    evidence = await ctx.prompter.input({
      key: `evidence:${question.id}`,
      message: w.evidence(question.evidence === "required"),
      ...(previous?.evidence ? { initial: previous.evidence } : {}),
    });
  }
  return { ...(comment.trim() ? { comment } : {}), ...(evidence?.trim() ? { evidence } : {}) };
}
