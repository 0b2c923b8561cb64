import { needsAttention, resolveUnmapped, unmappedFor } from "../../core/answers/carried-answers.js";
import { cleanAnswer, type Scope } from "../../core/fill/walk.js";
import { WalkState, type Changed } from "../../core/fill/walk-state.js";
import { questionIndex, type Answer, type Question, type Questionnaire, type Response } from "../../core/questionnaire/model.js";
import { askNotes, askValue, type AskContext } from "./ask.js";
import type { PromptItem, Prompter } from "../../io/prompter/prompter.js";
import { confirmLines, unmappedLines } from "./carried-lines.js";
import { areaHeading, positionLine, reviewLine, type Texts } from "./lines.js";
import type { Style } from "../../render/style.js";

/** What a session works with besides the questionnaire: the prompter, output, the clock and the autosave. */
export interface SessionIo {
  readonly prompter: Prompter;
  readonly print: (line?: string) => void;
  readonly style: Style;
  /** Writes the response; called after every recorded answer, before the next question. */
  readonly save: (r: Response) => void;
  readonly now: () => string;
}

const DONE = "naq:done";

/**
 * One sitting of `naq fill`: walks the questions that apply, in order, then the review. `response`
 * is always the last saved state, so whoever catches a Ctrl-C can say what was kept.
 */
export class FillSession {
  private current: Response;
  /** The answers and where each question stands, brought up to date by every recorded answer. */
  private readonly state: WalkState;
  /** Optional questions the person chose to skip in this sitting: not asked again until the review. */
  private readonly passed = new Set<string>();
  private readonly index: ReadonlyMap<string, Question>;
  private readonly ask: AskContext;
  private lastArea: string | undefined;

  constructor(
    q: Questionnaire,
    private readonly texts: Texts,
    scope: Scope,
    start: Response,
    private readonly io: SessionIo,
  ) {
    this.current = start;
    this.state = new WalkState(q, scope, start.answers);
    this.index = questionIndex(q);
    this.ask = { prompter: io.prompter, texts, print: io.print, style: io.style };
  }

  /** The last saved state of the response. */
  get response(): Response {
    return this.current;
  }

  /** Walks every unanswered question that applies (unless `reviewOnly`), then runs the review; returns the final response. */
  async run(reviewOnly = false): Promise<Response> {
    if (!reviewOnly) {
      await this.walk();
      const p = this.state.progress();
      this.io.print();
      this.io.print(this.io.style.green(p.answered === p.applicable ? this.texts.words.allAnswered : this.texts.words.progress(p.answered, p.applicable)));
    }
    await this.review();
    return this.response;
  }

  /**
   * Asks, in order, every question that applies and has no answer, or whose carried answer waits for
   * confirmation or an old unmapped answer; `only` limits it to those ids (and the ones they switch on).
   */
  private async walk(only?: Set<string>): Promise<void> {
    for (;;) {
      const skip = (id: string) => this.passed.has(id) || (only !== undefined && !only.has(id));
      const pos = this.state.next(skip, (id) => needsAttention(this.current, id));
      if (!pos) return;
      if (pos.question.areaId !== this.lastArea) {
        this.io.print();
        this.io.print(areaHeading(this.texts, pos.question.areaId, this.io.style));
        this.lastArea = pos.question.areaId;
      }
      this.io.print();
      this.io.print(positionLine(pos, this.texts.words, this.io.style));
      const switchedOn = await this.askOne(pos.question);
      for (const id of switchedOn) only?.add(id);
    }
  }

  /**
   * Asks one question's value (saved at once), then its comment and evidence; returns the questions its
   * answer switched on. Old answers that name the question are shown first, and a carried answer to
   * confirm is offered as the default; answering confirms it.
   */
  private async askOne(question: Question): Promise<readonly string[]> {
    const saved = this.current.answers[question.id];
    const previous = saved && this.state.isAnswered(question.id) ? saved : undefined;
    for (const line of unmappedLines(this.texts, unmappedFor(this.current, question.id), this.io.style)) this.io.print(line);
    const confirming = previous?.confirm !== undefined;
    if (previous && confirming) {
      const version = this.current.migrated?.at(-1)?.from.version ?? "";
      for (const line of confirmLines(this.texts, question, previous, version, this.io.style)) this.io.print(line);
    }
    const outcome = await askValue(this.ask, question, previous, confirming);
    if (outcome.kind === "skip") {
      this.passed.add(question.id);
      return [];
    }
    const kept: Answer = {
      value: outcome.value,
      ...(previous?.comment ? { comment: previous.comment } : {}),
      ...(previous?.evidence ? { evidence: previous.evidence } : {}),
      ...(saved?.mergedFrom ? { mergedFrom: saved.mergedFrom } : {}),
    };
    const first = this.record(question.id, kept);
    const notes = await askNotes(this.ask, question, outcome.value, previous);
    if (notes.comment !== kept.comment || notes.evidence !== kept.evidence)
      this.record(question.id, { value: outcome.value, ...notes, ...(kept.mergedFrom ? { mergedFrom: kept.mergedFrom } : {}) });
    if (first.nowIrrelevant.length) this.io.print(this.io.style.yellow(this.texts.words.nowIrrelevant(first.nowIrrelevant.join(", "))));
    return first.nowRelevant;
  }

  /** Records and saves an answer; the old unmapped answers that name the question are then taken into account. */
  private record(id: string, answer: Answer): Changed {
    const now = this.io.now();
    const changed = this.state.set(id, cleanAnswer(answer));
    const response = resolveUnmapped(this.state.settle(this.current, now), id, now);
    try {
      this.io.save(response);
    } catch (e) {
      // The state must keep matching the last saved response, whoever catches this.
      this.state.set(id, this.current.answers[id]);
      throw e;
    }
    this.current = response;
    return changed;
  }

  /** Lists every answer by area until the person picks Done; a changed answer may switch on questions, which are asked at once. */
  private async review(): Promise<void> {
    let last: string = DONE;
    for (;;) {
      const choices: PromptItem<string>[] = [{ value: DONE, name: this.texts.words.done, short: this.texts.words.done.replace(/^✔ /, "") }];
      for (const area of this.state.review(this.current.unmapped)) {
        choices.push({ separator: areaHeading(this.texts, area.areaId, this.io.style) });
        for (const item of area.items) choices.push({ value: item.question.id, name: reviewLine(this.texts, item), short: item.question.id });
      }
      this.io.print();
      const picked = await this.io.prompter.select({ key: "review", message: this.texts.words.review, choices, default: last, pageSize: 16 });
      if (picked === DONE) return;
      const question = this.index.get(picked);
      if (!question) return;
      last = picked;
      this.lastArea = question.areaId;
      this.io.print();
      this.io.print(areaHeading(this.texts, question.areaId, this.io.style));
      this.io.print(this.io.style.cyan(question.id));
      const switchedOn = await this.askOne(question);
      if (switchedOn.length) await this.walk(new Set(switchedOn));
    }
  }
}
