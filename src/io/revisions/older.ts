/**
 * The one place where a response to an older revision meets `merge` and `status`: its answers are
 * carried to the revision being merged through the revisions' declared mappings (`naq migrate` does
 * the same and writes the result). A response that cannot be carried is left out, with guidance.
 */
import { warning, type Issue } from "../../core/issues.js";
import type { Response } from "../../core/questionnaire/model.js";
import type { ExcludedFile } from "../../core/gap-report/model.js";
import type { LoadedQuestionnaire } from "./load.js";
import { migrateToRevision, type RevisionStore } from "./store.js";

export type Carried =
  { readonly ok: true; readonly response: Response; readonly migratedFrom: string } | { readonly ok: false; readonly excluded: ExcludedFile; readonly issue: Issue };

/**
 * Brings `response` (to an older revision than `target`) into `target`, or says why it is left out and
 * what to do. `store` holds the revisions read so far, so several files carried in one run read each once.
 */
export function carryToRevision(file: string, response: Response, target: LoadedQuestionnaire, store: RevisionStore): Carried {
  const q = target.questionnaire;
  const from = `${response.questionnaire.id} ${response.questionnaire.version}`;
  // Stamped with the response's own date: carrying answers over changes none of them.
  const migrated = migrateToRevision(response, target, new Date(response.updated).toISOString(), store);
  if (migrated && migrated.problems.length === 0 && migrated.blocking.length === 0) {
    return { ok: true, response: migrated.response, migratedFrom: response.questionnaire.version };
  }
  const why = !migrated
    ? `${from} is neither bundled nor next to ${q.id} ${q.version}, so its answers cannot be carried over`
    : [...migrated.problems, ...migrated.blocking].map((i) => i.message).join("; ");
  const reason = `answers ${from}, an older revision than the ${q.version} being merged, and cannot be carried over (${why}); it is not in the report. Check it with \`naq validate ${file}\`, or have the agency answer ${q.version}`;
  return {
    ok: false,
    excluded: { file, agency: response.agency, version: response.questionnaire.version, reason },
    issue: { ...warning("OLDER_REVISION", reason, ["questionnaire", "version"]), location: { file } },
  };
}
