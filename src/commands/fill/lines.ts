import type { Position, ReviewItem } from "../../core/fill/walk.js";
import { levelsOf, localize, type AnswerValue, type LocalText, type Question, type Questionnaire } from "../../core/questionnaire/model.js";
import type { FillWords } from "./words.js";
import { safeForTerminal, type Style } from "../../render/style.js";

/** Texts of one questionnaire in one language, made safe for the terminal. */
export class Texts {
  constructor(
    readonly q: Questionnaire,
    readonly lang: string,
    readonly words: FillWords,
  ) {}

  /** A questionnaire text in the session language (the binding language where a translation is missing). */
  t(text: LocalText | undefined): string {
    return safeForTerminal(localize(text, this.lang, this.q.languages[0] ?? "en"));
  }

  areaTitle(areaId: string): string {
    return this.t(this.q.areas.find((a) => a.id === areaId)?.title);
  }

  /** The prompt's message: the question's text, with the unit and the range a number must fall in. */
  message(question: Question): string {
    const text = this.t(question.text);
    if (question.type !== "number") return text;
    const unit = question.unit ? this.t(question.unit) : "";
    const range =
      question.min !== undefined && question.max !== undefined
        ? `${question.min}–${question.max}`
        : question.min !== undefined
          ? `≥ ${question.min}`
          : question.max !== undefined
            ? `≤ ${question.max}`
            : "";
    const extra = [unit, range].filter(Boolean).join(", ");
    return extra ? `${text} (${extra})` : text;
  }

  /** An answer as the person reads it: level and label, localized yes/no, option labels, number with unit. */
  value(question: Question, value: AnswerValue): string {
    const w = this.words;
    if (value === "dont-know") return w.dontKnow;
    if (value === "not-applicable") return w.notApplicable;
    switch (question.type) {
      case "level": {
        const level = levelsOf(this.q, question)?.find((l) => l.value === value);
        return level ? `${level.value} · ${this.t(level.label)}` : safeForTerminal(String(value));
      }
      case "yes-no":
        return value === "yes" ? w.yes : value === "no" ? w.no : safeForTerminal(String(value));
      case "choice":
        return this.optionLabel(question, String(value));
      case "multi-choice":
        return Array.isArray(value) ? (value.length ? value.map((v) => this.optionLabel(question, v)).join("; ") : w.none) : safeForTerminal(String(value));
      case "number":
        return question.unit ? `${String(value)} ${this.t(question.unit)}` : String(value);
      case "date":
      case "text":
        return safeForTerminal(String(value));
    }
  }

  optionLabel(question: Question, value: string): string {
    const o = question.options?.find((x) => x.value === value);
    return o ? this.t(o.label) : safeForTerminal(value);
  }
}

/** The heading printed when the walk enters an area. */
export function areaHeading(texts: Texts, areaId: string, s: Style): string {
  return s.bold(`── ${areaId} · ${texts.areaTitle(areaId)}`);
}

/** The line above each question: its id and where it stands in its area and overall. */
export function positionLine(pos: Position, words: FillWords, s: Style): string {
  return `${s.cyan(pos.question.id)} ${s.dim(`· ${words.position(pos.area.n, pos.area.total, pos.overall.n, pos.overall.total)}`)}`;
}

/** Shortens `text` to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

/** One line of the review list: id, the question (shortened) and its answer or state. */
export function reviewLine(texts: Texts, item: ReviewItem): string {
  const w = texts.words;
  const question = clip(texts.t(item.question.text), 56);
  let state: string;
  if (item.state === "unanswered") state = `— ${w.notAnswered}`;
  else if (item.state === "invalid") state = `— ${w.invalidSaved}`;
  else {
    const answer = clip(texts.value(item.question, item.answer?.value ?? ""), 40);
    const noEvidence =
      item.state === "answered" && item.question.evidence === "required" && item.answer?.value !== "dont-know" && item.answer?.value !== "not-applicable" && !item.answer?.evidence;
    state = `→ ${answer}${item.state === "irrelevant" ? ` (${w.noLongerApplies})` : noEvidence ? ` (${w.noEvidence})` : ""}`;
  }
  const marks = [item.toConfirm ? w.carried.toConfirm : undefined, item.openUnmapped ? w.carried.oldAnswerMark : undefined].filter((m) => m !== undefined);
  return `${item.question.id.padEnd(8)} ${question}  ${state}${marks.length ? `  [${marks.join("; ")}]` : ""}`;
}

/** A command line argument quoted for a POSIX shell when it needs to be. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9@%+=:,./_-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
