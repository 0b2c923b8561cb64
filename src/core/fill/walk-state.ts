import { answerProblem } from "../answers/values.js";
import { appliesGiven, conditionGraph, isAskedOf, relevance, unknownProfile, type ConditionGraph } from "../questionnaire/conditions.js";
import { questionIndex, type Answer, type Question, type Questionnaire, type Response, type ResponseStatus, type UnmappedAnswer } from "../questionnaire/model.js";
import { copyAnswers, countProgress, type Answers, type Position, type Progress, type ReviewArea, type Scope, reviewOf } from "./walk.js";

/** What setting one answer changed: the questions that stopped or started applying, in questionnaire order. */
export interface Changed {
  readonly nowIrrelevant: readonly string[];
  readonly nowRelevant: readonly string[];
}

/**
 * One agency's answers and where each question stands, kept up to date answer by answer: setting an
 * answer evaluates again only the questions whose conditions read it, directly or through a chain of
 * conditions, and the status and the next question come from the kept state. It holds its own copy of
 * the answers, changed only through `set`, so what it says always matches them whatever a caller does
 * with the answers it was given or the responses it is handed.
 */
export class WalkState {
  private readonly answers: Record<string, Answer>;
  private readonly index: ReadonlyMap<string, Question>;
  private readonly order = new Map<string, number>();
  private readonly relevant: Map<string, boolean>;
  /** Profile questions the agency is not asked, which its conditions cannot read. */
  private readonly unknown: ReadonlySet<string>;
  /** Relevance and valid answers again, by place in the questionnaire: the walk to the next question reads them for every question. */
  private readonly appliesAt: Uint8Array;
  private readonly validAt: Uint8Array;
  private readonly inScope: Uint8Array;
  /** Questions holding an answer their type accepts. */
  private readonly valid = new Set<string>();
  /** Questions that apply and keep the response in progress: required and unanswered, or waiting for confirmation. */
  private readonly open = new Set<string>();
  /** Answered questions asked of the agency that do not apply. */
  private readonly stale = new Set<string>();

  constructor(
    private readonly q: Questionnaire,
    private readonly scope: Scope,
    answers: Answers,
    private readonly graph: ConditionGraph = conditionGraph(q),
  ) {
    this.answers = copyAnswers(answers);
    this.index = questionIndex(q);
    q.questions.forEach((x, i) => this.order.set(x.id, i));
    this.relevant = new Map(relevance(q, scope.agency, this.answers));
    this.unknown = unknownProfile(q, scope.agency);
    this.appliesAt = new Uint8Array(q.questions.length);
    this.validAt = new Uint8Array(q.questions.length);
    this.inScope = Uint8Array.from(q.questions, (x) => (scope.area === undefined || x.areaId === scope.area ? 1 : 0));
    for (const x of q.questions) this.refresh(x);
  }

  /** Sets (or, with undefined, clears) the answer to `id` and returns the questions that stopped or started applying. */
  set(id: string, answer: Answer | undefined): Changed {
    if (answer === undefined) delete this.answers[id];
    else this.answers[id] = answer;
    const question = this.index.get(id);
    if (question) this.refresh(question);
    const nowIrrelevant: string[] = [];
    const nowRelevant: string[] = [];
    // In questionnaire order, so each condition sees the relevance of the earlier questions it reads already brought up to date.
    for (const x of this.graph.affects.get(id) ?? []) {
      const applies = appliesGiven(x, this.scope.agency, this.answers, this.relevant, this.graph.reads.get(x.id) ?? [], this.unknown);
      if (applies === this.relevant.get(x.id)) continue;
      this.relevant.set(x.id, applies);
      (applies ? nowRelevant : nowIrrelevant).push(x.id);
      this.refresh(x);
    }
    return { nowIrrelevant, nowRelevant };
  }

  /** Whether question `id` applies given the answers so far. */
  applies(id: string): boolean {
    return this.relevant.get(id) ?? false;
  }

  /** Whether question `id` holds an answer its type accepts. */
  isAnswered(id: string): boolean {
    return this.valid.has(id);
  }

  /** The status the answers give the response: what `statusOf` says, without a pass over the questionnaire. */
  status(): ResponseStatus {
    return this.open.size ? "in-progress" : "complete";
  }

  /** Answered questions asked of the agency that no longer apply, in questionnaire order: what `irrelevantAnswered` says. */
  irrelevant(): string[] {
    return [...this.stale].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
  }

  /** `r` with these answers (a copy: later answers do not change it), their status and `irrelevant` list, stamped `now`: what `settle` gives. */
  settle(r: Response, now: string): Response {
    const irrelevant = this.irrelevant();
    const { irrelevant: _old, ...rest } = r;
    return { ...rest, answers: copyAnswers(this.answers), status: this.status(), updated: now, ...(irrelevant.length ? { irrelevant } : {}) };
  }

  /** The question to ask next and its position: what `nextQuestion` gives for these answers, from the kept state. */
  next(skip: (id: string) => boolean = () => false, attention: (id: string) => boolean = () => false): Position | undefined {
    const questions = this.q.questions;
    let at = -1;
    for (let i = 0; i < questions.length && at < 0; i++) {
      const id = (questions[i] as Question).id;
      if (this.appliesAt[i] && this.inScope[i] && !skip(id) && (!this.validAt[i] || attention(id))) at = i;
    }
    const question = questions[at];
    if (!question) return undefined;
    let n = 0;
    let total = 0;
    let areaN = 0;
    let areaTotal = 0;
    for (let i = 0; i < questions.length; i++) {
      if (!this.appliesAt[i]) continue;
      const before = i <= at ? 1 : 0;
      total++;
      n += before;
      if ((questions[i] as Question).areaId === question.areaId) {
        areaTotal++;
        areaN += before;
      }
    }
    return { question, area: { n: areaN, total: areaTotal }, overall: { n, total } };
  }

  /** What `progressOf` gives for these answers in the session's scope. */
  progress(): Progress {
    return countProgress(this.q, this.scope, this.answers, this.relevant, (x) => this.valid.has(x.id));
  }

  /** What `reviewOf` gives for these answers in the session's scope. */
  review(unmapped: readonly UnmappedAnswer[] = []): ReviewArea[] {
    return reviewOf(this.q, this.scope, this.answers, unmapped, this.relevant);
  }

  /** Brings what is kept about `x` in line with its answer and relevance. */
  private refresh(x: Question): void {
    const a = this.answers[x.id];
    const applies = this.relevant.get(x.id) ?? false;
    const valid = a !== undefined && answerProblem(this.q, x, a.value) === undefined;
    toggle(this.valid, x.id, valid);
    const at = this.order.get(x.id) ?? -1;
    this.appliesAt[at] = applies ? 1 : 0;
    this.validAt[at] = valid ? 1 : 0;
    toggle(this.open, x.id, applies && (a?.confirm !== undefined || (x.required && !valid)));
    toggle(this.stale, x.id, !applies && a !== undefined && isAskedOf(x, this.scope.agency));
  }
}

function toggle(set: Set<string>, id: string, on: boolean): void {
  if (on) set.add(id);
  else set.delete(id);
}
