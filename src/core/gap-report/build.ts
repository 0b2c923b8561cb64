/** Builds the gap report from the responses of one country to one revision, and the workshop's decisions. */
import { conditionRefs, evaluate, relevance } from "../questionnaire/conditions.js";
import type { Consensus } from "./consensus.js";
import { consolidate, type AgencyAnswer } from "./consolidate.js";
import { agencyCoverage, nationalCoverage, share } from "./coverage.js";
import { displayValue } from "../answers/display.js";
import type { AgencyResult, AreaResult, ExcludedFile, GapReport, InputFile, Outcome, QuestionResult, SourceAnswer, SourceRole } from "./model.js";
import { localize, type Answer, type AnswerValue, type Question, type Questionnaire, type Response } from "../questionnaire/model.js";
import { gapOf, rankPriorities } from "./priorities.js";
import { byDomain, byPhase, domainPhaseMatrix, mean, round1, scoreOf, scoreQuestions, weightedMean } from "./score.js";

export interface MergedResponse {
  readonly file: string;
  readonly response: Response;
  /** The revision the answers were carried from, when they were. */
  readonly migratedFrom?: string;
}

export interface GapReportInput {
  readonly questionnaire: Questionnaire;
  readonly digest: string;
  /** Language of the texts in the report; one of the questionnaire's. */
  readonly language: string;
  /** Target level for gaps; the questionnaire's when not given. */
  readonly target?: number;
  readonly responses: readonly MergedResponse[];
  readonly excluded?: readonly ExcludedFile[];
  readonly consensus?: { readonly file: string; readonly consensus: Consensus };
}

interface Respondent {
  readonly merged: MergedResponse;
  readonly relevant: ReadonlyMap<string, boolean>;
  readonly marked: ReadonlySet<string>;
}

/** The gap report of `input`: consolidation, scores, gaps, priorities and coverage. Pure. */
export function buildGapReport(input: GapReportInput): GapReport {
  const q = input.questionnaire;
  const first = q.languages[0] ?? "en";
  const lang = input.language;
  const t = (x: Parameters<typeof localize>[0]) => localize(x, lang, first);
  const target = input.target ?? q.target;
  const agencyOrder = new Map(q.agencies.map((a, i) => [a.id, i]));
  const respondents: Respondent[] = [...input.responses]
    .sort((a, b) => (agencyOrder.get(a.response.agency) ?? Infinity) - (agencyOrder.get(b.response.agency) ?? Infinity))
    .map((merged) => ({ merged, relevant: relevance(q, merged.response.agency, merged.response.answers), marked: new Set(merged.response.irrelevant ?? []) }));
  const decisions = new Map((input.consensus?.consensus.decisions ?? []).map((d) => [d.question, d]));

  const national: Record<string, Answer | undefined> = {};
  const inScope = new Set<string>();
  const rawScores = new Map<string, number>();
  const shown = new Map<string, string>();
  const questions: QuestionResult[] = q.questions.map((question) => {
    const given: AgencyAnswer[] = [];
    for (const r of respondents) {
      const answer = r.merged.response.answers[question.id];
      if (!answer) continue;
      const agency = r.merged.response.agency;
      given.push({ agency, answer, asked: question.for.includes(agency), relevant: r.relevant.get(question.id) === true && !r.marked.has(question.id) });
    }
    const decision = decisions.get(question.id);
    const c = consolidate(question, given, decision?.value);
    const scope = inNationalScope(question, national, inScope);
    if (scope) {
      inScope.add(question.id);
      if (c.value !== null) national[question.id] = { value: c.value };
    }
    const outcome = outcomeOf(question, c.value, scope, q);
    const scored = outcome === "scored" ? scoreOf(q, question, c.value) : undefined;
    const gap = scored ? gapOf(scored.level, target) : null;
    if (scored) rawScores.set(question.id, scored.score);
    const show = (v: AnswerValue) => {
      // Many agencies give the same few values: word each once per question.
      const key = typeof v === "object" ? JSON.stringify(v) : `${typeof v}:${String(v)}`;
      let words = shown.get(key);
      if (words === undefined) shown.set(key, (words = displayValue(q, question, v, lang)));
      return words;
    };
    shown.clear();
    return {
      id: question.id,
      area: question.areaId,
      text: t(question.text),
      type: question.type,
      domains: question.domains,
      phase: question.phase,
      weight: question.weight,
      lead: question.lead ?? null,
      outcome,
      value: c.value,
      display: c.value === null ? null : show(c.value),
      rule: c.rule,
      score: scored ? round1(scored.score) : null,
      level: scored ? scored.level : null,
      gap,
      priority: gap === null ? null : gap * question.weight,
      disagreement: scope ? c.disagreement : null,
      decision: decision ? { value: decision.value, display: show(decision.value), justification: decision.justification } : null,
      sources: given.map((g, i) => source(g, show(g.answer.value), c.roles[i] ?? "considered")),
    };
  });

  // The overall score is the mean of the area means before rounding, so rounding is done once.
  const rawAreaScores = q.areas.map((area) =>
    weightedMean(questions.filter((x) => x.area === area.id && rawScores.has(x.id)).map((x) => ({ score: rawScores.get(x.id) ?? 0, weight: x.weight }))),
  );
  const overall = mean(rawAreaScores.filter((s): s is number => s !== null));

  const byAgency = new Map(respondents.map((r) => [r.merged.response.agency, r]));
  const excludedBy = new Map((input.excluded ?? []).map((e) => [e.agency, e]));
  const agencies: AgencyResult[] = q.agencies
    .filter((a) => q.questions.some((x) => x.for.includes(a.id)))
    .map((a) => {
      const r = byAgency.get(a.id);
      const excluded = excludedBy.get(a.id);
      const cov = r ? agencyCoverage(q, withoutMarked(r), r.merged.response.answers) : agencyCoverage(q, relevance(q, a.id, {}), {});
      const blank = !r && excluded !== undefined;
      return {
        id: a.id,
        name: t(a.name),
        status: r ? r.merged.response.status : excluded ? "older-revision" : "missing",
        file: r?.merged.file ?? excluded?.file ?? null,
        respondent: r?.merged.response.respondent ?? null,
        updated: r?.merged.response.updated ?? null,
        areas: blank ? cov.areas.map((x) => ({ ...x, answered: 0, share: null })) : cov.areas,
        relevant: cov.relevant,
        answered: blank ? 0 : cov.answered,
        share: blank ? null : cov.share,
      };
    });

  const areas: AreaResult[] = q.areas.map((area, i) => {
    const own = questions.filter((x) => x.area === area.id);
    const cov = nationalCoverage(own);
    const expected = agencies.reduce((n, a) => n + (a.areas[i]?.relevant ?? 0), 0);
    const received = agencies.reduce((n, a) => n + (a.areas[i]?.answered ?? 0), 0);
    return {
      id: area.id,
      title: t(area.title),
      ...scoreQuestions(own),
      coverage: cov.coverage,
      answerRate: share(received, expected),
      questions: cov.questions,
      covered: cov.covered,
      disagreements: own.filter((x) => x.disagreement !== null).length,
    };
  });
  const expectedAll = agencies.reduce((n, a) => n + a.relevant, 0);
  const receivedAll = agencies.reduce((n, a) => n + a.answered, 0);

  const priorities = rankPriorities(
    questions,
    q.areas.map((a) => a.id),
  );
  const disagreements = questions.filter((x) => x.disagreement !== null);
  const cov = nationalCoverage(questions);
  const inputs: InputFile[] = respondents.map(({ merged: m }) => ({
    file: m.file,
    agency: m.response.agency,
    status: m.response.status,
    language: m.response.language,
    updated: m.response.updated,
    answers: Object.keys(m.response.answers).length,
    ...(m.migratedFrom !== undefined ? { migratedFrom: m.migratedFrom } : {}),
    ...(m.response.unmapped?.length
      ? {
          notCarried: m.response.unmapped.map((u) => ({
            question: u.question,
            version: u.version,
            value: Array.isArray(u.value) ? u.value.join("; ") : String(u.value),
            ...(u.comment !== undefined ? { comment: u.comment } : {}),
            ...(u.evidence !== undefined ? { evidence: u.evidence } : {}),
            note: u.note,
            ...(u.target !== undefined ? { target: u.target } : {}),
          })),
        }
      : {}),
  }));
  const consensus = input.consensus;
  return {
    kind: "gap-report",
    questionnaire: { id: q.id, version: q.version, digest: input.digest, title: t(q.title) },
    language: lang,
    country: respondents[0]?.merged.response.country ?? consensus?.consensus.country ?? "",
    target,
    asOf: latest([...respondents.map((r) => r.merged.response.updated), ...(consensus?.consensus.date ? [consensus.consensus.date] : [])]),
    summary: {
      overall: overall === null ? null : round1(overall),
      coverage: cov.coverage,
      answerRate: share(receivedAll, expectedAll),
      agencies: agencies.length,
      answered: respondents.length,
      questions: cov.questions,
      scored: questions.filter((x) => x.outcome === "scored").length,
      disagreements: disagreements.length,
      unresolved: disagreements.filter((x) => !x.disagreement?.resolved).length,
      decisions: consensus?.consensus.decisions.length ?? 0,
      priorities: priorities.length,
    },
    inputs,
    excluded: input.excluded ?? [],
    consensus: consensus
      ? { file: consensus.file, workshop: consensus.consensus.workshop ?? null, date: consensus.consensus.date ?? null, decisions: consensus.consensus.decisions.length }
      : null,
    agencies,
    missing: agencies.filter((a) => a.status === "missing").map((a) => a.id),
    areas,
    domains: byDomain(questions),
    phases: byPhase(questions),
    matrix: domainPhaseMatrix(questions),
    priorities,
    disagreements: disagreements.map((x) => x.id),
    questions,
  };
}

/** One agency's answer as the report lists it, with only the fields it has. */
function source(g: AgencyAnswer, display: string, role: SourceRole): SourceAnswer {
  const out: { -readonly [K in keyof SourceAnswer]: SourceAnswer[K] } = { agency: g.agency, value: g.answer.value, display, role };
  if (g.answer.comment !== undefined) out.comment = g.answer.comment;
  if (g.answer.evidence !== undefined) out.evidence = g.answer.evidence;
  return out;
}

/** Whether the question's condition holds on the consolidated answers of the questions in scope before it. */
function inNationalScope(question: Question, national: Readonly<Record<string, Answer | undefined>>, inScope: ReadonlySet<string>): boolean {
  if (!question.when) return true;
  const visible: Record<string, Answer | undefined> = {};
  for (const ref of conditionRefs(question.when)) visible[ref] = inScope.has(ref) ? national[ref] : undefined;
  return evaluate(question.when, visible);
}

function outcomeOf(question: Question, value: AnswerValue | null, scope: boolean, q: Questionnaire): Outcome {
  if (!scope) return "out-of-scope";
  if (value === null) return "unanswered";
  if (value === "dont-know") return "dont-know";
  if (value === "not-applicable") return "not-applicable";
  return scoreOf(q, question, value) ? "scored" : "answered";
}

function withoutMarked(r: Respondent): Map<string, boolean> {
  return new Map([...r.relevant].map(([id, ok]) => [id, ok && !r.marked.has(id)]));
}

/** The latest of some ISO dates or date-times, as written. */
function latest(dates: readonly string[]): string | null {
  let best: string | null = null;
  for (const d of dates) if (best === null || Date.parse(d) > Date.parse(best)) best = d;
  return best;
}
