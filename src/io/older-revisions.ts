/**
 * The one place where a response to an older revision meets `merge` and `status`. Today such a
 * response is refused with guidance; once answers can be migrated, this is where they are carried
 * to the revision being merged (and `migratedFrom` is set).
 */
import { warning, type Issue } from "../core/issues.js";
import type { Response } from "../core/model.js";
import type { ExcludedFile } from "../core/gap-report.js";
import type { LoadedQuestionnaire } from "./load.js";

export type Carried = { readonly ok: true; readonly response: Response; readonly migratedFrom: string } | { readonly ok: false; readonly excluded: ExcludedFile; readonly issue: Issue };

/** Brings `response` (to an older revision than `target`) into `target`, or says why it is left out and what to do. */
export function carryToRevision(file: string, response: Response, target: LoadedQuestionnaire): Carried {
  const q = target.questionnaire;
  const from = `${response.questionnaire.id} ${response.questionnaire.version}`;
  const reason = `answers ${from}, an older revision than the ${q.version} being merged, so its answers are not in the report. Carry them to ${q.version} with \`naq migrate ${file} --to ${q.id}@${q.version}\` and merge the migrated file in its place, or have the agency answer ${q.version}`;
  return {
    ok: false,
    excluded: { file, agency: response.agency, version: response.questionnaire.version, reason },
    issue: { ...warning("OLDER_REVISION", reason, ["questionnaire", "version"]), location: { file } },
  };
}
