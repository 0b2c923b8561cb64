import { readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Issue } from "../../core/issues.js";
import { migrateAcross, type MigrationReport } from "../../core/revision/migrate.js";
import type { QuestionnaireRef, Response } from "../../core/questionnaire/model.js";
import { checkResponse } from "../../core/answers/response-rules.js";
import { compareSemver } from "../../core/revision/semver.js";
import { bundledFile } from "./bundled.js";
import { loadQuestionnaireFile, type LoadedQuestionnaire } from "./load.js";

const DATA_FILE = /\.(ya?ml|json)$/i;

/** Revisions read once per run, by absolute file path; `undefined` for files that are not usable revisions. */
export type RevisionCache = Map<string, LoadedQuestionnaire | undefined>;

/** The revision in `file`, if it is a questionnaire whose structure naq can read (its semantic issues aside). */
export function revisionAt(file: string, cache: RevisionCache = new Map()): LoadedQuestionnaire | undefined {
  const key = resolve(file);
  if (!cache.has(key)) cache.set(key, loadQuestionnaireFile(file).value);
  return cache.get(key);
}

/** The questionnaire revisions directly in `dir` (not its subfolders), by id, oldest version first. */
export function revisionsIn(dir: string, cache: RevisionCache = new Map()): LoadedQuestionnaire[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => DATA_FILE.test(n) && !n.startsWith("."));
  } catch {
    return [];
  }
  const out: LoadedQuestionnaire[] = [];
  for (const name of names.sort()) {
    const file = join(dir, name);
    if (!statSync(file).isFile()) continue;
    const r = revisionAt(file, cache);
    if (r) out.push(r);
  }
  return out.sort((a, b) => a.questionnaire.id.localeCompare(b.questionnaire.id) || compareSemver(a.questionnaire.version, b.questionnaire.version));
}

/** The revision of the same questionnaire that comes just before `rev` in its folder, if any. */
export function previousRevision(rev: LoadedQuestionnaire, cache: RevisionCache = new Map()): LoadedQuestionnaire | undefined {
  const { id, version } = rev.questionnaire;
  const older = revisionsIn(dirname(rev.file), cache).filter((r) => r.questionnaire.id === id && compareSemver(r.questionnaire.version, version) < 0);
  return older[older.length - 1];
}

/** Each revision among `files` paired with the one before it (same folder, same questionnaire id, by semantic version). */
export function revisionPairs(files: readonly string[], cache: RevisionCache = new Map()): { old: LoadedQuestionnaire; new: LoadedQuestionnaire }[] {
  const groups = new Map<string, LoadedQuestionnaire[]>();
  for (const file of files) {
    const r = revisionAt(file, cache);
    if (!r) continue;
    const key = `${resolve(dirname(file))}\u0000${r.questionnaire.id}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const pairs: { old: LoadedQuestionnaire; new: LoadedQuestionnaire }[] = [];
  for (const [, revs] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    revs.sort((a, b) => compareSemver(a.questionnaire.version, b.questionnaire.version));
    for (let i = 1; i < revs.length; i++) {
      const prev = revs[i - 1];
      const next = revs[i];
      if (prev && next) pairs.push({ old: prev, new: next });
    }
  }
  return pairs;
}

/**
 * The revisions from `start` to `target`, with every revision between them that `target`'s folder
 * holds, oldest first: migration steps from one revision to the next, since `was` names the previous one.
 */
export function revisionChain(start: LoadedQuestionnaire, target: LoadedQuestionnaire, cache: RevisionCache = new Map()): LoadedQuestionnaire[] {
  const between = revisionsIn(dirname(target.file), cache).filter(
    (r) =>
      r.questionnaire.id === target.questionnaire.id &&
      compareSemver(r.questionnaire.version, start.questionnaire.version) > 0 &&
      compareSemver(r.questionnaire.version, target.questionnaire.version) < 0,
  );
  return [start, ...between, target];
}

/** Revision `id` `version`: in the folder of `near` when given, else among the bundled ones; undefined when neither has it. */
export function findRevision(id: string, version: string, near?: LoadedQuestionnaire, cache: RevisionCache = new Map()): LoadedQuestionnaire | undefined {
  const beside = near ? revisionsIn(dirname(near.file), cache).find((r) => r.questionnaire.id === id && r.questionnaire.version === version) : undefined;
  if (beside) return beside;
  const bundled = bundledFile(id, version);
  return bundled ? revisionAt(bundled, cache) : undefined;
}

/**
 * The revisions a response to `answered` goes through to reach `target`, oldest first (for
 * `migrateAcross`): empty when it already answers `target` or a later revision, undefined when the
 * revision it answers cannot be found (next to `target` or bundled).
 */
export function migrationChain(
  answered: Pick<QuestionnaireRef, "id" | "version">,
  target: LoadedQuestionnaire,
  cache: RevisionCache = new Map(),
): LoadedQuestionnaire[] | undefined {
  if (answered.id !== target.questionnaire.id || compareSemver(answered.version, target.questionnaire.version) >= 0) return [];
  // The target is already loaded: looking for its neighbours must not read it again.
  if (!cache.has(resolve(target.file))) cache.set(resolve(target.file), target);
  const start = findRevision(answered.id, answered.version, target, cache);
  return start ? revisionChain(start, target, cache) : undefined;
}

/** A response carried to a newer revision, with the report of each step. */
export interface Migrated {
  readonly response: Response;
  readonly reports: readonly MigrationReport[];
  /** Errors of the response against the revision it answered (it is carried all the same; answers that were not valid go to `unmapped`). */
  readonly problems: readonly Issue[];
  /** Problems that leave the carried response invalid (its agency is not in `target`): do not use it then. */
  readonly blocking: readonly Issue[];
}

/**
 * `response` carried to `target` through every revision in between (found next to `target`, else
 * bundled), for commands that take responses to older revisions on the fly; undefined when the
 * revision it answers cannot be found. A response that already answers `target` comes back as it is.
 */
export function migrateToRevision(response: Response, target: LoadedQuestionnaire, now: string, cache: RevisionCache = new Map()): Migrated | undefined {
  const chain = migrationChain(response.questionnaire, target, cache);
  if (chain === undefined) return undefined;
  if (chain.length === 0) return { response, reports: [], problems: [], blocking: [] };
  const start = chain[0];
  const problems = start ? checkResponse(start.questionnaire, start.digest, response).filter((i) => i.severity === "error") : [];
  const { response: carried, reports } = migrateAcross(chain, response, now);
  return { response: carried, reports, problems, blocking: reports.flatMap((r) => r.issues) };
}
