/** The domain model: plain data that every edge (YAML, workbook, prompt) is converted into. */

/** A text in every declared language, keyed by language code (`en`, `fr`, `ru`, ...). */
export type LocalText = Readonly<Record<string, string>>;

/** A location in a source document, as a list of map keys and sequence indexes. */
export type Path = readonly (string | number)[];

export const QUESTION_TYPES = ["level", "yes-no", "choice", "multi-choice", "number", "text", "date"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const DOMAINS = ["C", "B", "R", "N"] as const;
export type Domain = (typeof DOMAINS)[number];

export const PHASES = ["prevention", "detection", "preparedness", "response", "recovery", "cross-cutting"] as const;
export type Phase = (typeof PHASES)[number];

export type EvidenceRule = "none" | "optional" | "required";

/** Answers every question admits besides the values of its type. */
export const SPECIAL_VALUES = ["dont-know", "not-applicable"] as const;
export type SpecialValue = (typeof SPECIAL_VALUES)[number];

export const DEFAULT_SCALE = "capability";

export interface ScaleLevel {
  readonly value: number;
  readonly label: LocalText;
  readonly description: LocalText;
}

export interface Scale {
  readonly id: string;
  readonly levels: readonly ScaleLevel[];
  readonly path: Path;
}

export interface Agency {
  readonly id: string;
  readonly name: LocalText;
  readonly path: Path;
}

export interface Option {
  readonly value: string;
  readonly label: LocalText;
  /** For an ordinal choice: the capability level the option stands for. */
  readonly level?: number;
}

/** The kinds of reference a question may cite: a closed set, as the schema's `reference` has it. */
export const REFERENCE_KINDS = ["instrument", "jee3", "spar2", "nss", "iaea", "r1540", "fatf", "iso", "who", "woah", "opcw"] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/** One instrument, standard or indicator a question follows: `{kind: "instrument", id: "CWC", article: "VII(4)"}`, `{kind: "jee3", id: "P7.1"}`. */
export interface Reference {
  readonly kind: ReferenceKind;
  readonly id: string;
  readonly article?: string;
}

/** How agencies' answers to a question are consolidated: a capability by the median of their levels, a fact by the lead's answer. */
export type QuestionKind = "capability" | "fact";

/** How agencies' numbers make the national figure. */
export type Aggregate = "lead" | "sum" | "max";

/** What a question counts as when its condition does not hold: not applicable, or a gap (the control it rates is absent). */
export type Otherwise = "not-applicable" | "gap";

/** One scenario of the national risk assessment (rated by a question) and the domains and phases it bears on. */
export interface RiskLink {
  readonly question: string;
  readonly domains: readonly Domain[];
  readonly phases: readonly Phase[];
  readonly path: Path;
}

/** A condition on earlier answers; data, never code. */
export type Condition =
  | { readonly question: string; readonly is: string | number | boolean }
  | { readonly question: string; readonly in: readonly (string | number)[] }
  | { readonly question: string; readonly atLeast: number }
  | { readonly question: string; readonly atMost: number }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

export interface Question {
  readonly id: string;
  readonly areaId: string;
  readonly text: LocalText;
  readonly help?: LocalText;
  readonly type: QuestionType;
  /** The scale of a `level` question (default `capability`). */
  readonly scale?: string;
  /** Question-specific descriptors of the scale's levels, by level value; the scale's generic ones when absent. */
  readonly levels?: Readonly<Record<number, LocalText>>;
  readonly references: readonly Reference[];
  readonly kind: QuestionKind;
  /** For number questions: how agencies' numbers combine (default `lead`). */
  readonly aggregate: Aggregate;
  /** For a scored yes-no: the level a yes counts as (a no counts as level 1). */
  readonly yesLevel: number;
  /** What the question counts as when its condition does not hold. */
  readonly otherwise: Otherwise;
  /** The question's own national target level, when it has one. */
  readonly target?: number;
  readonly options?: readonly Option[];
  readonly min?: number;
  readonly max?: number;
  readonly unit?: LocalText;
  readonly domains: readonly Domain[];
  readonly phase: Phase;
  readonly weight: number;
  /** Agencies asked; the questionnaire's every agency when the file does not say. */
  readonly for: readonly string[];
  readonly lead?: string;
  readonly when?: Condition;
  readonly required: boolean;
  readonly evidence: EvidenceRule;
  /** Whether answers count in the scores: always for levels; for a yes-no when declared; for a choice whose options carry levels unless declared `false`. */
  readonly scored: boolean;
  /** Ids this question had in the previous revision. */
  readonly was: readonly string[];
  /** Old option value -> new option value, for answers carried from the previous revision. */
  readonly recode?: Readonly<Record<string, string>>;
  readonly path: Path;
}

export interface Area {
  readonly id: string;
  readonly title: LocalText;
  /** The national profile: answered once, its conditions rule questions out as not applicable. */
  readonly profile: boolean;
  readonly questionIds: readonly string[];
  readonly path: Path;
}

export interface Questionnaire {
  readonly id: string;
  readonly version: string;
  readonly released?: string;
  readonly title: LocalText;
  readonly languages: readonly string[];
  readonly target: number;
  readonly scales: Readonly<Record<string, Scale>>;
  readonly agencies: readonly Agency[];
  readonly areas: readonly Area[];
  /** The scenario ratings that make questions critical for this country. */
  readonly criticality: readonly RiskLink[];
  /** Every question in file order. */
  readonly questions: readonly Question[];
}

/** A value as a response holds it; a string is also how the special values (`SPECIAL_VALUES`) are written. */
export type AnswerValue = number | string | boolean | readonly string[];

export interface Answer {
  readonly value: AnswerValue;
  readonly comment?: string;
  readonly evidence?: string;
  /**
   * Set by migration when it carried this answer on a guess (a split question, a merge of differing
   * answers, a choice that became a multi-choice): what the respondent should check. Removed once confirmed.
   */
  readonly confirm?: string;
  /** The answers to the older revision that this answer was merged from, as they were. */
  readonly mergedFrom?: readonly OldAnswer[];
}

/** An answer as it was given to an older revision's question. */
export interface OldAnswer {
  readonly question: string;
  readonly value: AnswerValue;
  readonly comment?: string;
  readonly evidence?: string;
}

/** Why migration could not carry an answer to the newer revision. */
export const UNMAPPED_REASONS = ["removed", "type-changed", "option-removed", "out-of-range", "not-asked", "invalid", "unknown-question"] as const;
export type UnmappedReason = (typeof UNMAPPED_REASONS)[number];

/** An answer to an older revision that migration could not carry: kept whole, with why, and where it most likely belongs now. */
export interface UnmappedAnswer extends OldAnswer {
  /** The version of the revision the answer was given to; `question` is that revision's id. */
  readonly version: string;
  readonly reason: UnmappedReason;
  /** The reason in words, for the respondent. */
  readonly note: string;
  /** The question of the current revision the answer most likely belongs to, when there is one. */
  readonly target?: string;
  /** When the respondent answered `target` in `naq fill` with this old answer shown: it has been taken into account. */
  readonly resolved?: string;
}

/** One migration the response went through: the revision it answered before, and when. */
export interface MigrationStep {
  readonly from: QuestionnaireRef;
  readonly at: string;
}

export type ResponseStatus = "in-progress" | "complete";

export interface QuestionnaireRef {
  readonly id: string;
  readonly version: string;
  readonly digest: string;
}

export interface Response {
  readonly questionnaire: QuestionnaireRef;
  readonly country: string;
  readonly agency: string;
  readonly respondent?: string;
  readonly language: string;
  readonly status: ResponseStatus;
  readonly updated: string;
  readonly answers: Readonly<Record<string, Answer>>;
  /** Answered questions that no longer apply given later answers: kept, never scored. */
  readonly irrelevant?: readonly string[];
  /** Answers to older revisions that migration could not carry. */
  readonly unmapped?: readonly UnmappedAnswer[];
  /** The migrations that brought the response to its revision, oldest first. */
  readonly migrated?: readonly MigrationStep[];
}

/** Whether answers to `question` count in the scores: a level, a yes-no declared `scored`, a choice whose options carry levels (unless declared `scored: false`). */
export function isScored(question: Question): boolean {
  if (question.type === "level") return true;
  if (question.type === "yes-no") return question.scored;
  return question.type === "choice" && question.scored && (question.options ?? []).some((o) => o.level !== undefined);
}

/** The capability level an answer claims: a level, or an ordinal option's level; undefined for anything else. */
export function claimedLevel(question: Question, value: AnswerValue): number | undefined {
  if (question.type === "level") return typeof value === "number" ? value : undefined;
  if (question.type === "choice" && typeof value === "string") return question.options?.find((o) => o.value === value)?.level;
  return undefined;
}

/** Whether an answer claims level 4 or 5 (demonstrated, sustainable) of a scored capability without the evidence the question invites. */
export function unsupportedClaim(question: Question, answer: Answer): boolean {
  return question.evidence === "optional" && isScored(question) && (claimedLevel(question, answer.value) ?? 0) >= 4 && !answer.evidence?.trim();
}

/** Looks up a question by id; built once per questionnaire. */
export function questionIndex(q: Questionnaire): ReadonlyMap<string, Question> {
  return new Map(q.questions.map((x) => [x.id, x]));
}

/** The scale levels a `level` question is answered on, or undefined when its scale is not defined. */
export function levelsOf(q: Questionnaire, question: Question): readonly ScaleLevel[] | undefined {
  return q.scales[question.scale ?? DEFAULT_SCALE]?.levels;
}

/** Text in `lang`, falling back to the questionnaire's binding language. */
export function localize(text: LocalText | undefined, lang: string, fallback: string): string {
  if (!text) return "";
  return text[lang] ?? text[fallback] ?? Object.values(text)[0] ?? "";
}
