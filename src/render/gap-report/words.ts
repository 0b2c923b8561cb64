/** Words and number formats shared by every rendering of the gap report. */
import type { AgencyStatus, Band, ConsolidationRule, GapReport, Outcome, SourceRole } from "../../core/gap-report/model.js";
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
  lead: "lead agency (a fact)",
  median: "median of the agencies' levels",
  lowest: "lowest answer",
  agreed: "all agree",
  single: "one answer",
  "most-common": "most common answer, ties to the first agency",
  sum: "sum of the agencies' figures",
  max: "highest figure",
  absent: "control absent: level 1",
  profile: "ruled out by the national profile",
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

/** The bands' names. */
export const BAND_WORDS: Readonly<Record<Band, string>> = { high: "high", medium: "medium", low: "low" };

/** What the priority of a gap is, in one sentence. */
export function priorityRule(report: GapReport): string {
  return `Priority = gap to the target level (${report.target} unless the question or the country's targets say otherwise) × the question's weight × its criticality (1 to 3, from the country's own risk ratings); high from two thirds of the worst a question can be against its target ((target − 1) × 3 × 3, ${Math.max(0, report.target - 1) * 9} at level ${report.target}), medium from one third, low below.`;
}

/** How the figures are computed, one sentence per rule, for the reports' method section. */
export function methodLines(report: GapReport): string[] {
  return [
    "A level answer scores level / 5 × 100 % (the SPAR rule). A scored yes counts as its declared level (3 unless the question says otherwise: a capability that exists is not yet proven or sustained), a no as level 1; an ordinal choice as the level of its option. Other answers are reported, not scored.",
    "Capabilities (level questions) consolidate to the median of the agencies' levels, the lower middle one when their number is even; the range is shown, and the lead agency is flagged when it rated itself above every other agency. Facts (counts, dates, existence, lists) take the lead agency's answer. Numbers are summed where each agency counts its own. A workshop decision stands over both.",
    "A disagreement: levels two or more apart, a mix of yes and no, or differing figures where one figure should stand.",
    "A question ruled out by the national profile is not applicable and leaves the denominator; a control that is absent counts as level 1; don't know is not scored and counts against coverage.",
    "Area scores are weighted means of their questions' scores; the overall score is the mean of the area scores. Domain scores weight each question by 1 / the number of its domains, so a domain's own questions decide it.",
    priorityRule(report) + " Within a band, ties go to the larger gap, then the higher criticality and weight, a disputed question, the area order and the question id.",
    "A level 4 or 5 claim without evidence is marked.",
  ];
}
