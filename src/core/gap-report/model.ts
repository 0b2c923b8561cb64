/**
 * The gap report: the one model that `naq merge` computes and every rendering (terminal, Markdown,
 * HTML, XLSX, JSON) is drawn from. Its JSON form is described by schemas/gap-report.schema.json.
 * Percentages are numbers from 0 to 100 rounded to one decimal; `null` means "nothing to measure".
 */
import type { AnswerValue, Domain, Phase, QuestionKind, QuestionType, Reference, ResponseStatus } from "../questionnaire/model.js";

/** What one agency's answer did in the consolidation of a question. */
export const SOURCE_ROLES = [
  /** The answer the consolidated value was taken from (the lead agency's, or the lowest). */
  "stands",
  /** A usable answer that did not set the value (a higher level, or outranked by the lead). */
  "considered",
  /** A usable answer replaced by a workshop decision. */
  "superseded",
  "not-applicable",
  "dont-know",
  /** Answered, but the question's condition does not hold for this agency's other answers. */
  "irrelevant",
  /** Answered, though the question is not asked of this agency: kept as information. */
  "not-asked",
] as const;
export type SourceRole = (typeof SOURCE_ROLES)[number];

/** How a consolidated value was reached. */
export const RULES = [
  /** A workshop decision. */
  "consensus",
  /** The lead agency's answer to a fact. */
  "lead",
  /** The median of the agencies' levels of a capability (the lower one of the two middle levels when their number is even). */
  "median",
  /** Without a lead: the lowest of differing answers of an ordered type. */
  "lowest",
  "agreed",
  "single",
  /** Without a lead, for answers with no order: the most common. */
  "most-common",
  /** The sum of the agencies' numbers (each counts its own). */
  "sum",
  /** The largest of the agencies' numbers. */
  "max",
  /** The control the question rates is absent (its condition does not hold and it declares `otherwise: gap`): level 1. */
  "absent",
  /** The national profile rules the question out: not applicable. */
  "profile",
] as const;
export type ConsolidationRule = (typeof RULES)[number];

/** What became of a question nationally. */
export const OUTCOMES = [
  /** A level or a scored yes-no: it has a score and counts in the means. */
  "scored",
  /** Answered, of a type that is not scored (number, text, choice, ...). */
  "answered",
  /** Not applicable: leaves the denominator. */
  "not-applicable",
  /** Only "don't know" answers: not scored, and counts against coverage. */
  "dont-know",
  /** Nobody answered: counts against coverage. */
  "unanswered",
  /** Its condition does not hold on the consolidated answers: not asked of the country. */
  "out-of-scope",
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface SourceAnswer {
  readonly agency: string;
  readonly value: AnswerValue;
  /** The value in words, in the report's language. */
  readonly display: string;
  readonly comment?: string;
  readonly evidence?: string;
  readonly role: SourceRole;
  /** A claim of level 4 or 5 (demonstrated, sustainable) that cites no evidence. */
  readonly unsupported?: true;
}

export interface Disagreement {
  readonly kind: "levels" | "yes-no" | "numbers";
  /** The lowest and highest answer: levels (an ordinal option's level), numbers, or `no` and `yes`. */
  readonly low: number | string;
  readonly high: number | string;
  /** Whether a workshop decision settled it. */
  readonly resolved: boolean;
}

export interface Decision {
  readonly value: AnswerValue;
  readonly display: string;
  readonly justification: string;
}

/** The three priority bands, highest first. */
export const BANDS = ["high", "medium", "low"] as const;
export type Band = (typeof BANDS)[number];

export interface QuestionResult {
  readonly id: string;
  readonly area: string;
  readonly text: string;
  readonly type: QuestionType;
  readonly kind: QuestionKind;
  readonly domains: readonly Domain[];
  readonly phase: Phase;
  readonly weight: number;
  readonly lead: string | null;
  readonly references: readonly Reference[];
  /** The level the gap is measured to. */
  readonly target: number;
  /** 1 to 3: how much of the country's rated risk the question bears on. */
  readonly criticality: number;
  readonly outcome: Outcome;
  /** The consolidated value, or null when there is none. */
  readonly value: AnswerValue | null;
  readonly display: string | null;
  readonly rule: ConsolidationRule | null;
  /** 0–100 for scored questions. */
  readonly score: number | null;
  /** The level the gap is measured from: the level itself, or 5 / 1 for a scored yes / no. */
  readonly level: number | null;
  readonly gap: number | null;
  /** gap × weight × criticality, two decimals. */
  readonly priority: number | null;
  readonly band: Band | null;
  /** The lowest and highest level the agencies gave, when at least two gave one. */
  readonly range: { readonly low: number; readonly high: number } | null;
  /** The lead agency rated itself above every other agency (its answer did not set the value). */
  readonly leadHighest: boolean;
  readonly disagreement: Disagreement | null;
  readonly decision: Decision | null;
  /** Every agency's answer, in the questionnaire's agency order: nothing is dropped. */
  readonly sources: readonly SourceAnswer[];
}

export interface AreaResult {
  readonly id: string;
  readonly title: string;
  readonly score: number | null;
  /** Share of the in-scope questions with a usable consolidated answer. */
  readonly coverage: number | null;
  /**
   * Share of the answers expected from every expected agency (the questions that apply to each)
   * that were received, "don't know" not counting: agencies that have not answered pull it down.
   */
  readonly answerRate: number | null;
  /** Questions in scope (the country is asked them given the consolidated answers). */
  readonly questions: number;
  readonly scored: number;
  /** In-scope questions with a usable consolidated answer. */
  readonly covered: number;
  readonly disagreements: number;
}

export interface Breakdown<K extends string> {
  readonly id: K;
  readonly score: number | null;
  readonly scored: number;
}

export interface MatrixCell {
  readonly domain: Domain;
  readonly phase: Phase;
  readonly score: number | null;
  readonly scored: number;
}

export interface Priority {
  readonly rank: number;
  readonly band: Band;
  readonly question: string;
  readonly area: string;
  readonly level: number;
  readonly target: number;
  readonly gap: number;
  readonly weight: number;
  readonly criticality: number;
  readonly priority: number;
  readonly lead: string | null;
  /** Agencies disagree on it and no workshop decision settled it. */
  readonly disputed: boolean;
}

/** A scenario of the national risk assessment with the country's rating, as the report shows it. */
export interface RiskResult {
  readonly question: string;
  readonly text: string;
  readonly domains: readonly Domain[];
  readonly phases: readonly Phase[];
  /** 1 (very low) to 5 (very high), or null when not rated. */
  readonly level: number | null;
  readonly display: string | null;
}

export type AgencyStatus = ResponseStatus | "missing" | "older-revision";

export interface AreaCoverage {
  readonly area: string;
  /** Questions that apply to this agency given its own answers. */
  readonly relevant: number;
  /** Of those, answered with anything but "don't know". */
  readonly answered: number;
  readonly share: number | null;
}

export interface AgencyResult {
  readonly id: string;
  readonly name: string;
  readonly status: AgencyStatus;
  readonly file: string | null;
  readonly respondent: string | null;
  readonly updated: string | null;
  readonly areas: readonly AreaCoverage[];
  readonly relevant: number;
  readonly answered: number;
  readonly share: number | null;
}

export interface InputFile {
  readonly file: string;
  readonly agency: string;
  readonly status: ResponseStatus;
  readonly language: string;
  readonly updated: string;
  readonly answers: number;
  /** Set when the answers were carried from an older revision. */
  readonly migratedFrom?: string;
  /** Answers to the older revision that could not be carried: listed, never dropped. */
  readonly notCarried?: readonly NotCarried[];
}

/** An answer to an older revision's question that migration could not carry to the merged one. */
export interface NotCarried {
  /** The question's id in the older revision, and that revision's version. */
  readonly question: string;
  readonly version: string;
  /** The answer as given, in words. */
  readonly value: string;
  readonly comment?: string;
  readonly evidence?: string;
  /** Why it could not be carried. */
  readonly note: string;
  /** The question of the merged revision it most likely belongs to. */
  readonly target?: string;
}

/** A response that was read but not merged, with what to do about it. */
export interface ExcludedFile {
  readonly file: string;
  readonly agency: string;
  readonly version: string;
  readonly reason: string;
}

export interface Summary {
  readonly overall: number | null;
  readonly coverage: number | null;
  readonly answerRate: number | null;
  readonly agencies: number;
  readonly answered: number;
  readonly questions: number;
  readonly scored: number;
  readonly disagreements: number;
  readonly unresolved: number;
  readonly decisions: number;
  readonly priorities: number;
}

export interface GapReport {
  readonly kind: "gap-report";
  readonly questionnaire: { readonly id: string; readonly version: string; readonly digest: string; readonly title: string };
  readonly language: string;
  readonly country: string;
  readonly target: number;
  /** The latest `updated` of the merged responses (and the workshop date): the data's date. */
  readonly asOf: string | null;
  readonly summary: Summary;
  readonly inputs: readonly InputFile[];
  readonly excluded: readonly ExcludedFile[];
  readonly consensus: { readonly file: string; readonly workshop: string | null; readonly date: string | null; readonly decisions: number } | null;
  readonly agencies: readonly AgencyResult[];
  /** Expected agencies with no response at all. */
  readonly missing: readonly string[];
  readonly areas: readonly AreaResult[];
  readonly domains: readonly Breakdown<Domain>[];
  readonly phases: readonly Breakdown<Phase>[];
  readonly matrix: readonly MatrixCell[];
  /** The rated scenarios that set the questions' criticality. */
  readonly risks: readonly RiskResult[];
  readonly priorities: readonly Priority[];
  /** Ids of the in-scope questions where agencies disagree, in questionnaire order. */
  readonly disagreements: readonly string[];
  readonly questions: readonly QuestionResult[];
}
