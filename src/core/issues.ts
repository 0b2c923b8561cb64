import type { Path } from "./questionnaire/model.js";

/** Every problem naq reports has one of these codes; the README documents each. */
export const ISSUE_CODES = [
  // reading a file
  "FILE_NOT_FOUND",
  "FILE_UNREADABLE",
  "FILE_TOO_LARGE",
  "EMPTY_FILE",
  "BINARY_FILE",
  "YAML_SYNTAX",
  "DUPLICATE_KEY",
  "MULTIPLE_DOCUMENTS",
  "ALIAS_LIMIT",
  "FORBIDDEN_KEY",
  "UNKNOWN_KIND",
  // schema
  "UNKNOWN_PROPERTY",
  "MISSING_PROPERTY",
  "WRONG_TYPE",
  "INVALID_VALUE",
  // questionnaire rules
  "VERSION_NOT_SEMVER",
  "DUPLICATE_AREA_ID",
  "DUPLICATE_QUESTION_ID",
  "DUPLICATE_AGENCY_ID",
  "DUPLICATE_OPTION_VALUE",
  "OPTION_LABEL_SEPARATOR",
  "DUPLICATE_LANGUAGE",
  "EMPTY_OPTIONS",
  "OPTIONS_NOT_ALLOWED",
  "UNKNOWN_QUESTION_REF",
  "SELF_REF",
  "FORWARD_REF",
  "IMPOSSIBLE_CONDITION_VALUE",
  "CONDITION_CYCLE",
  "CONDITION_NOT_ASKED",
  "UNKNOWN_AGENCY",
  "LEAD_NOT_ASKED",
  "MISSING_TRANSLATION",
  "UNDECLARED_LANGUAGE",
  "MIN_GREATER_THAN_MAX",
  "WEIGHT_OUT_OF_RANGE",
  "UNKNOWN_SCALE",
  "BAD_SCALE",
  "BAD_RECODE",
  "GENERIC_LEVELS",
  "LEVELS_MISMATCH",
  "MISSING_REFERENCES",
  "WEIGHT_NOT_SCORED",
  "ORDINAL_LEVELS_PARTIAL",
  "FIELD_NOT_FOR_TYPE",
  "PROFILE_MISPLACED",
  "BAD_RISK_LINK",
  // response rules
  "QUESTIONNAIRE_NOT_FOUND",
  "DIGEST_MISMATCH",
  "UNKNOWN_QUESTION",
  "INVALID_ANSWER",
  "ANSWER_NOT_ASKED",
  "ANSWER_NOT_RELEVANT",
  "MISSING_ANSWER",
  "MISSING_EVIDENCE",
  "EVIDENCE_EXPECTED",
  "LANGUAGE_NOT_DECLARED",
  // fill
  "OTHER_REVISION",
  "OTHER_RESPONDENT",
  // merging responses and workshop decisions
  "MIXED_COUNTRIES",
  "MIXED_QUESTIONNAIRES",
  "DUPLICATE_AGENCY_RESPONSE",
  "OLDER_REVISION",
  "DUPLICATE_DECISION",
  "CONSENSUS_MISMATCH",
  // revisions
  "UNKNOWN_WAS_REF",
  "VERSION_BUMP_TOO_SMALL",
  // workbooks (naq template, naq import)
  "NOT_XLSX",
  "NOT_A_WORKBOOK",
  "ENCRYPTED_WORKBOOK",
  "ZIP_BOMB",
  "TOO_MANY_ROWS",
  "VALIDATION_TOO_LARGE",
  "WORKBOOK_UNREADABLE",
  "TEMPLATE_METADATA_MISSING",
  "TEMPLATE_METADATA_ALTERED",
  "TEMPLATE_REVISION_MISMATCH",
  "TEMPLATE_ROWS_CHANGED",
  "COMMENT_WITHOUT_ANSWER",
  "OUTPUT_EXISTS",
  // answers carried by migration
  "UNCONFIRMED_ANSWER",
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];
export type Severity = "error" | "warning";

export type Location = { readonly file: string; readonly line?: number; readonly column?: number } | { readonly file: string; readonly sheet: string; readonly cell: string };

/** A problem in user input: a value, never an exception. */
export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly message: string;
  /** Where in the source document, before the edge turns it into a line and column. */
  readonly path?: Path;
  /** Point at the key of the last path segment rather than its value. */
  readonly atKey?: boolean;
  readonly location?: Location;
}

export function error(code: IssueCode, message: string, path?: Path, atKey?: boolean): Issue {
  return { code, severity: "error", message, ...(path ? { path } : {}), ...(atKey ? { atKey } : {}) };
}

export function warning(code: IssueCode, message: string, path?: Path, atKey?: boolean): Issue {
  return { code, severity: "warning", message, ...(path ? { path } : {}), ...(atKey ? { atKey } : {}) };
}

/** The closest candidate within a small edit distance, for "did you mean" hints. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
