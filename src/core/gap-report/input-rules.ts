/** What may be merged into one report: one country, one questionnaire, one file per agency. */
import { error, type Issue } from "../issues.js";
import type { Path } from "../questionnaire/model.js";

/** What the merge needs to know about each response file to tell whether they belong together. */
export interface ResponseRef {
  readonly file: string;
  readonly country: string;
  readonly agency: string;
  readonly questionnaire: { readonly id: string; readonly version: string };
}

const at = (issue: Issue, file: string): Issue => ({ ...issue, location: { file } });

const list = (files: readonly string[]): string => (files.length <= 4 ? files.join(", ") : `${files.slice(0, 4).join(", ")} and ${files.length - 4} more`);

/** The most common key, ties going to the one seen first. */
function majority<T>(items: readonly T[], key: (t: T) => string): string | undefined {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(key(i), (counts.get(key(i)) ?? 0) + 1);
  let best: string | undefined;
  for (const [k, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = k;
  return best;
}

function strays(
  refs: readonly ResponseRef[],
  key: (r: ResponseRef) => string,
  code: "MIXED_COUNTRIES" | "MIXED_QUESTIONNAIRES",
  path: Path,
  say: (mine: string, theirs: string, files: string) => string,
): Issue[] {
  const main = majority(refs, key);
  if (main === undefined) return [];
  const others = refs.filter((r) => key(r) === main).map((r) => r.file);
  return refs.filter((r) => key(r) !== main).map((r) => at(error(code, say(key(r), main, list(others)), path), r.file));
}

/**
 * Issues that stop a merge: files from more than one country, answers to different questionnaires,
 * or two files for the same agency. Each issue is placed on the odd file out and names the others.
 */
export function checkMergeSet(refs: readonly ResponseRef[]): Issue[] {
  const out: Issue[] = [
    ...strays(
      refs,
      (r) => r.country,
      "MIXED_COUNTRIES",
      ["country"],
      (mine, theirs, files) => `answers for country ${mine}, but ${files} answer for ${theirs}; a report covers one country: merge each country's files separately`,
    ),
    ...strays(
      refs,
      (r) => r.questionnaire.id,
      "MIXED_QUESTIONNAIRES",
      ["questionnaire", "id"],
      (mine, theirs, files) => `answers questionnaire ${mine}, but ${files} answer ${theirs}; a report covers one questionnaire: merge them separately`,
    ),
  ];
  const byAgency = new Map<string, string[]>();
  for (const r of refs) byAgency.set(r.agency, [...(byAgency.get(r.agency) ?? []), r.file]);
  for (const [agency, files] of byAgency) {
    for (const file of files.slice(1)) {
      out.push(
        at(
          error(
            "DUPLICATE_AGENCY_RESPONSE",
            `is a second response for agency ${agency} (${files[0]} is one too); keep one file per agency: remove the outdated one from the files to merge`,
            ["agency"],
          ),
          file,
        ),
      );
    }
  }
  return out;
}

/** Issues when workshop decisions were taken for another country or another revision than the one merged. */
export function checkConsensusFits(file: string, consensus: ResponseRef["questionnaire"] & { readonly country: string }, country: string, id: string, version: string): Issue[] {
  const out: Issue[] = [];
  if (consensus.country !== country) {
    out.push(
      at(
        error("CONSENSUS_MISMATCH", `records decisions for country ${consensus.country}, but the responses are from ${country}; use the workshop file of ${country}`, ["country"]),
        file,
      ),
    );
  }
  if (consensus.id !== id || consensus.version !== version) {
    out.push(
      at(
        error(
          "CONSENSUS_MISMATCH",
          `decides on ${consensus.id} ${consensus.version}, but the responses are merged as ${id} ${version}; decisions apply to the revision they were taken on`,
          ["questionnaire", consensus.id !== id ? "id" : "version"],
        ),
        file,
      ),
    );
  }
  return out;
}
