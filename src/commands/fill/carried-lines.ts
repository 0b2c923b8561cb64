import { carriedFrom } from "../../core/answers/carried-answers.js";
import type { Answer, AnswerValue, Question, UnmappedAnswer } from "../../core/questionnaire/model.js";
import { FILL_LAYOUT, type Texts } from "./lines.js";
import { bareValueInWords } from "../../core/answers/words.js";
import { safeForTerminal, type Style } from "../../render/style.js";

/** An answer as it was given to an older revision, whose question naq may no longer have: the value itself, yes/no and the special answers in words. */
export function oldValue(texts: Texts, value: AnswerValue): string {
  return safeForTerminal(bareValueInWords(value, texts.lang, FILL_LAYOUT));
}

/**
 * What the respondent sees of old answers that could not be carried: the old question and value, its
 * comment and evidence, and why it was not carried; the ones already taken into account say so. With
 * `hint`, a last line asks to take the open ones into account in the answer that follows.
 */
export function unmappedLines(texts: Texts, entries: readonly UnmappedAnswer[], s: Style, hint = true): string[] {
  const w = texts.words.carried;
  const lines: string[] = [];
  for (const u of entries) {
    const done = u.resolved !== undefined ? s.dim(` (${w.alreadyConsidered})`) : "";
    lines.push(`${s.yellow(`↺ ${w.oldAnswer(safeForTerminal(u.version), u.question)}`)} ${s.bold(oldValue(texts, u.value))}${done}`);
    if (u.comment) lines.push(`    ${w.comment}: ${safeForTerminal(u.comment)}`);
    if (u.evidence) lines.push(`    ${w.evidence}: ${safeForTerminal(u.evidence)}`);
    lines.push(s.dim(`    ${w.reason(u.reason)}: ${safeForTerminal(u.note)}`));
  }
  if (hint && entries.some((u) => u.resolved === undefined)) lines.push(s.yellow(`  ${w.takeIntoAccount}`));
  return lines;
}

/** The note above a question whose answer was carried on a guess: where it came from and what to check. */
export function confirmLines(texts: Texts, question: Question, answer: Answer, version: string, s: Style): string[] {
  const w = texts.words.carried;
  return [s.yellow(`↺ ${w.carriedFrom(carriedFrom(question, answer).join(", "), safeForTerminal(version))}`), s.dim(`    ${safeForTerminal(answer.confirm ?? "")}`)];
}
