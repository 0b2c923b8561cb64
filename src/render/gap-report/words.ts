/** Words and number formats shared by every rendering of the gap report. */
import type { AgencyStatus, ConsolidationRule, GapReport, Outcome, SourceRole } from "../../core/gap-report/model.js";
import { answerWords } from "../../core/answers/words.js";

// The report's own words are English; where they name an answer, they are naq's English answer words.
const EN = answerWords("en");

/** A percentage with one decimal, or an em dash when there is nothing to measure. */
export function pct(x: number | null): string {
  return x === null ? "—" : `${x.toFixed(1)} %`;
}

/** A percentage rounded to a whole number, for narrow cells. */
export function pct0(x: number | null): string {
  return x === null ? "—" : `${Math.round(x)} %`;
}

const ROLE_WORDS: Readonly<Record<SourceRole, string>> = {
  stands: "stands",
  considered: "considered",
  superseded: "superseded by the workshop",
  "not-applicable": EN.notApplicable,
  "dont-know": EN.dontKnow,
  irrelevant: "not used: condition does not hold",
  "not-asked": "not used: not asked of this agency",
};

export const RULE_WORDS: Readonly<Record<ConsolidationRule, string>> = {
  consensus: "workshop decision",
  lead: "lead agency",
  lowest: "lowest answer",
  agreed: "all agree",
  single: "one answer",
  "most-common": "most common answer, ties to the first agency",
};

const OUTCOME_WORDS: Readonly<Record<Outcome, string>> = {
  scored: "scored",
  answered: "answered (not scored)",
  "not-applicable": EN.notApplicable,
  "dont-know": EN.dontKnow,
  unanswered: "unanswered",
  "out-of-scope": "does not apply",
};

export const STATUS_WORDS: Readonly<Record<AgencyStatus, string>> = {
  complete: "complete",
  "in-progress": "in progress",
  missing: "missing",
  "older-revision": "older revision, not merged",
};

export const DOMAIN_NAMES: Readonly<Record<string, string>> = { C: "Chemical", B: "Biological", R: "Radiological", N: "Nuclear" };

/** What the report calls things: agency names and area titles by id, and the role and outcome words, which name an answer (don't know, not applicable) in the report's language. */
export interface Names {
  readonly agency: (id: string) => string;
  readonly area: (id: string) => string;
  readonly role: (role: SourceRole) => string;
  readonly outcome: (outcome: Outcome) => string;
}

/** The names and words of `report`, looked up by id. */
export function names(report: GapReport): Names {
  const agencies = new Map(report.agencies.map((a) => [a.id, a.name]));
  const areas = new Map(report.areas.map((a) => [a.id, a.title]));
  const said = answerWords(report.language);
  const answerWord = (x: string): string | undefined => (x === "dont-know" ? said.dontKnow : x === "not-applicable" ? said.notApplicable : undefined);
  return {
    agency: (id) => agencies.get(id) ?? id,
    area: (id) => areas.get(id) ?? id,
    role: (role) => answerWord(role) ?? ROLE_WORDS[role],
    outcome: (outcome) => answerWord(outcome) ?? OUTCOME_WORDS[outcome],
  };
}

/** "1 agency", "3 agencies". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The date part of an ISO date-time. */
export function day(iso: string | null): string {
  return iso === null ? "—" : iso.slice(0, 10);
}
