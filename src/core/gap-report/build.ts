/** Builds the gap report from the responses of one country to one revision, and the workshop's decisions. */
import { bareValueInWords } from "../answers/words.js";
import { relevance } from "../questionnaire/conditions.js";
import type { Consensus } from "./consensus.js";
import { agencyCoverage, nationalCoverage, share } from "./coverage.js";
import type { AgencyResult, AreaResult, ExcludedFile, GapReport, InputFile, QuestionResult, Summary } from "./model.js";
import { localize, type Answer, type Questionnaire, type Response } from "../questionnaire/model.js";
import { rankPriorities } from "./priorities.js";
import { nationalProfile, questionResults, type AnsweringAgency } from "./question-results.js";
import { targetFor, type Targets } from "./targets.js";
import { byDomain, byPhase, domainPhaseMatrix, mean, round1, scoreQuestions, weightedMean } from "./score.js";

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
  /** Target level for gaps of every question (`--target`); each question's own, or the questionnaire's, when not given. */
  readonly target?: number;
  /** The country's targets file, when there is one. */
  readonly targets?: Targets;
  readonly responses: readonly MergedResponse[];
  readonly excluded?: readonly ExcludedFile[];
  readonly consensus?: { readonly file: string; readonly consensus: Consensus };
}

interface Respondent extends AnsweringAgency {
  readonly merged: MergedResponse;
}

/** The gap report of `input`: consolidation, scores, gaps, priorities and coverage. Pure. */
export function buildGapReport(input: GapReportInput): GapReport {
  const q = input.questionnaire;
  const lang = input.language;
  const t = (x: Parameters<typeof localize>[0]) => localize(x, lang, q.languages[0] ?? "en");
  const target = input.target ?? input.targets?.target ?? q.target;
  const agencyOrder = new Map(q.agencies.map((a, i) => [a.id, i]));
  const decisions = new Map((input.consensus?.consensus.decisions ?? []).map((d) => [d.question, d]));
  // In the questionnaire's agency order, so that no result depends on the order the files were given in.
  const ordered = [...input.responses].sort((a, b) => (agencyOrder.get(a.response.agency) ?? Infinity) - (agencyOrder.get(b.response.agency) ?? Infinity));
  const profile = nationalProfile(
    q,
    ordered.map((m) => m.response),
    decisions,
  );
  const respondents: Respondent[] = ordered.map((merged) => ({
    merged,
    response: merged.response,
    relevant: relevance(q, merged.response.agency, merged.response.answers, profile),
    marked: new Set(merged.response.irrelevant ?? []),
  }));
  const { questions, rawScores, ratings } = questionResults({ questionnaire: q, language: lang, targetOf: targetFor(q, input.target, input.targets), respondents, decisions });
  const agencies = agencyResults(q, respondents, input.excluded ?? [], t, profile);
  const areas = areaResults(q, questions, agencies, t);
  const priorities = rankPriorities(
    questions,
    q.areas.map((a) => a.id),
  );
  const disagreements = questions.filter((x) => x.disagreement !== null);
  const consensus = input.consensus;
  return {
    kind: "gap-report",
    questionnaire: { id: q.id, version: q.version, digest: input.digest, title: t(q.title) },
    language: lang,
    country: respondents[0]?.response.country ?? consensus?.consensus.country ?? "",
    target,
    asOf: latest([...respondents.map((r) => r.response.updated), ...(consensus?.consensus.date ? [consensus.consensus.date] : [])]),
    summary: summaryOf(q, questions, rawScores, agencies, respondents.length, priorities.length, consensus?.consensus.decisions.length ?? 0),
    inputs: respondents.map((r) => inputFile(r.merged, lang)),
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
    risks: ratings.map((r) => {
      const question = questions.find((x) => x.id === r.question);
      return { question: r.question, text: question?.text ?? r.question, domains: r.domains, phases: r.phases, level: r.level, display: question?.display ?? null };
    }),
    priorities,
    disagreements: disagreements.map((x) => x.id),
    questions,
  };
}

type Localize = (x: Parameters<typeof localize>[0]) => string;

/** Coverage of every agency asked anything: those that answered, those whose file answers an older revision, and those missing. */
function agencyResults(
  q: Questionnaire,
  respondents: readonly Respondent[],
  excluded: readonly ExcludedFile[],
  t: Localize,
  profile: Readonly<Record<string, Answer | undefined>>,
): AgencyResult[] {
  const byAgency = new Map(respondents.map((r) => [r.response.agency, r]));
  const excludedBy = new Map(excluded.map((e) => [e.agency, e]));
  return q.agencies
    .filter((a) => q.questions.some((x) => x.for.includes(a.id)))
    .map((a) => {
      const r = byAgency.get(a.id);
      const excluded = excludedBy.get(a.id);
      const cov = r ? agencyCoverage(q, withoutMarked(r), r.response.answers) : agencyCoverage(q, relevance(q, a.id, {}, profile), {});
      const blank = !r && excluded !== undefined;
      return {
        id: a.id,
        name: t(a.name),
        status: r ? r.response.status : excluded ? "older-revision" : "missing",
        file: r?.merged.file ?? excluded?.file ?? null,
        respondent: r?.response.respondent ?? null,
        updated: r?.response.updated ?? null,
        areas: blank ? cov.areas.map((x) => ({ ...x, answered: 0, share: null })) : cov.areas,
        relevant: cov.relevant,
        answered: blank ? 0 : cov.answered,
        share: blank ? null : cov.share,
      };
    });
}

/** Each area's scores, coverage and answer rate (the answers received of those expected from every agency). */
function areaResults(q: Questionnaire, questions: readonly QuestionResult[], agencies: readonly AgencyResult[], t: Localize): AreaResult[] {
  return q.areas.map((area, i) => {
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
}

/** The report's headline figures. */
function summaryOf(
  q: Questionnaire,
  questions: readonly QuestionResult[],
  rawScores: ReadonlyMap<string, number>,
  agencies: readonly AgencyResult[],
  answered: number,
  priorities: number,
  decisions: number,
): Summary {
  // The overall score is the mean of the area means before rounding, so rounding is done once.
  const rawAreaScores = q.areas.map((area) =>
    weightedMean(questions.filter((x) => x.area === area.id && rawScores.has(x.id)).map((x) => ({ score: rawScores.get(x.id) ?? 0, weight: x.weight }))),
  );
  const overall = mean(rawAreaScores.filter((s): s is number => s !== null));
  const disagreements = questions.filter((x) => x.disagreement !== null);
  const cov = nationalCoverage(questions);
  return {
    overall: overall === null ? null : round1(overall),
    coverage: cov.coverage,
    answerRate: share(
      agencies.reduce((n, a) => n + a.answered, 0),
      agencies.reduce((n, a) => n + a.relevant, 0),
    ),
    agencies: agencies.length,
    answered,
    questions: cov.questions,
    scored: questions.filter((x) => x.outcome === "scored").length,
    disagreements: disagreements.length,
    unresolved: disagreements.filter((x) => !x.disagreement?.resolved).length,
    decisions,
    priorities,
  };
}

/** One input file as the report lists it, with the answers an earlier migration could not carry, in words of `lang`. */
function inputFile(m: MergedResponse, lang: string): InputFile {
  return {
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
            value: bareValueInWords(u.value, lang),
            ...(u.comment !== undefined ? { comment: u.comment } : {}),
            ...(u.evidence !== undefined ? { evidence: u.evidence } : {}),
            note: u.note,
            ...(u.target !== undefined ? { target: u.target } : {}),
          })),
        }
      : {}),
  };
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
