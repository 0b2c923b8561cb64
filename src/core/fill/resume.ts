import { error, type Issue } from "../issues.js";
import type { Questionnaire, Response } from "../questionnaire/model.js";

/** Who a fill session answers for and where it writes, as the command line says. */
export interface FillTarget {
  readonly country: string;
  readonly agency: string;
  /** The response file, as the person named it (for messages). */
  readonly file: string;
}

/**
 * Why an existing response file cannot be continued by this session: it belongs to another country or
 * agency (`OTHER_RESPONDENT`), or answers another revision (`OTHER_REVISION`, `DIGEST_MISMATCH`).
 * Empty when the session may resume it.
 */
export function resumeProblems(q: Questionnaire, digest: string, r: Response, target: FillTarget): Issue[] {
  if (r.country !== target.country || r.agency !== target.agency) {
    const which = r.country !== target.country ? "country" : "agency";
    return [
      error(
        "OTHER_RESPONDENT",
        `${target.file} holds the answers of ${r.agency} in ${r.country}, not of ${target.agency} in ${target.country}; naq fill writes only into its own response. Choose another --out, or give --country ${r.country} --agency ${r.agency} to continue that one`,
        [which],
      ),
    ];
  }
  const theirs = `${r.questionnaire.id}@${r.questionnaire.version}`;
  if (r.questionnaire.id !== q.id || r.questionnaire.version !== q.version) {
    return [
      error(
        "OTHER_REVISION",
        `${target.file} answers ${r.questionnaire.id} ${r.questionnaire.version}, not ${q.id} ${q.version}; one file never mixes answers to two revisions, so nothing was changed. To carry the answers over, run \`naq migrate ${target.file} --to ${q.id}@${q.version}\`; to keep answering ${r.questionnaire.version}, add \`--questionnaire ${theirs}\``,
        ["questionnaire", r.questionnaire.id !== q.id ? "id" : "version"],
      ),
    ];
  }
  if (r.questionnaire.digest !== digest) {
    return [
      error(
        "DIGEST_MISMATCH",
        `${target.file} answers ${q.id} ${q.version} with digest ${r.questionnaire.digest.slice(0, 15)}…, but the questionnaire given has digest ${digest.slice(0, 15)}…: its text differs from the one these answers were given to, so nothing was changed. Fill with the exact file these answers were given to, or compare the two with \`naq diff\` and carry the answers over with \`naq migrate\``,
        ["questionnaire", "digest"],
      ),
    ];
  }
  return [];
}
