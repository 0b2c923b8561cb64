import { readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { realPath } from "../outputs.js";
import type { Issue } from "../../core/issues.js";
import { migrateAcross, type MigrationReport } from "../../core/revision/migrate.js";
import type { QuestionnaireRef, Response } from "../../core/questionnaire/model.js";
import { checkResponse } from "../../core/answers/response-rules.js";
import { compareSemver } from "../../core/revision/semver.js";
import { bundledFile, resolveRef } from "./bundled.js";
import { loadQuestionnaireFile, usableRevision, type LoadedQuestionnaire, type QuestionnaireRead } from "./load.js";

const DATA_FILE = /\.(ya?ml|json)$/i;

/**
 * Every revision one run reads, each file read and checked once (keyed by its real path): found by a
 * bundled id, `id@version` or path (`open`), by the `{id, version}` a response or template names, next to
 * a given revision or bundled (`answered`), or among the files a command was given (`add`). Relative
 * paths are looked up in `cwd`, the process's folder when undefined, and keep the names they were given.
 */
export class RevisionStore {
  private readonly reads = new Map<string, QuestionnaireRead>();
  private readonly given = new Map<string, LoadedQuestionnaire>();

  constructor(readonly cwd?: string) {}

  /** Where `file` is on disk. */
  at(file: string): string {
    return this.cwd === undefined ? resolve(file) : resolve(this.cwd, file);
  }

  /** `file` read as a questionnaire: the revision (when its structure is sound) and every issue, read once per run. */
  read(file: string): QuestionnaireRead {
    const key = realPath(this.at(file));
    let read = this.reads.get(key);
    if (!read) {
      read = loadQuestionnaireFile(file, this.cwd);
      this.reads.set(key, read);
    }
    return read;
  }

  /** Holds `rev`, read by the command itself, so that looking it up again does not read it twice. */
  remember(rev: LoadedQuestionnaire): void {
    const key = realPath(this.at(rev.file));
    if (!this.reads.has(key)) this.reads.set(key, { value: rev, issues: [] });
  }

  /** Makes `rev` (a file the command was given) the one `answered` finds for its id and version. */
  add(rev: LoadedQuestionnaire): void {
    this.remember(rev);
    this.given.set(`${rev.questionnaire.id}@${rev.questionnaire.version}`, rev);
  }

  /** The revision a bundled id, `id@version` or path names, refusing one with errors (a usage, file or invalid-input error). */
  open(ref: string | undefined): LoadedQuestionnaire {
    const file = resolveRef(ref, this.cwd);
    return usableRevision(file, this.read(file));
  }

  /**
   * The revision `{id, version}` names: one the command was given, else the one in the folder of `near`,
   * else the bundled one; undefined when none has it.
   */
  answered(ref: Pick<QuestionnaireRef, "id" | "version">, near?: LoadedQuestionnaire): LoadedQuestionnaire | undefined {
    const given = this.given.get(`${ref.id}@${ref.version}`);
    if (given) return given;
    const beside = near ? this.revisionsIn(dirname(near.file)).find((r) => r.questionnaire.id === ref.id && r.questionnaire.version === ref.version) : undefined;
    if (beside) return beside;
    const bundled = bundledFile(ref.id, ref.version);
    return bundled ? this.read(bundled).value : undefined;
  }

  /** The questionnaire revisions directly in `dir` (not its subfolders), by id, oldest version first. */
  revisionsIn(dir: string): LoadedQuestionnaire[] {
    let names: string[];
    try {
      names = readdirSync(this.at(dir)).filter((n) => DATA_FILE.test(n) && !n.startsWith("."));
    } catch {
      return [];
    }
    const out: LoadedQuestionnaire[] = [];
    for (const name of names.sort()) {
      const file = join(dir, name);
      if (!statSync(this.at(file)).isFile()) continue;
      const r = this.read(file).value;
      if (r) out.push(r);
    }
    return out.sort((x, y) => x.questionnaire.id.localeCompare(y.questionnaire.id) || compareSemver(x.questionnaire.version, y.questionnaire.version));
  }
}

/** The revision in `file`, if it is a questionnaire whose structure naq can read (its semantic issues aside). */
export function revisionAt(file: string, store: RevisionStore): LoadedQuestionnaire | undefined {
  return store.read(file).value;
}

/** The questionnaire revisions directly in `dir` (not its subfolders), by id, oldest version first. */
export function revisionsIn(dir: string, store: RevisionStore): LoadedQuestionnaire[] {
  return store.revisionsIn(dir);
}

/** The revision of the same questionnaire that comes just before `rev` in its folder, if any. */
export function previousRevision(rev: LoadedQuestionnaire, store: RevisionStore): LoadedQuestionnaire | undefined {
  const { id, version } = rev.questionnaire;
  const older = store.revisionsIn(dirname(rev.file)).filter((r) => r.questionnaire.id === id && compareSemver(r.questionnaire.version, version) < 0);
  return older[older.length - 1];
}

/** Each revision among `files` paired with the one before it (same folder, same questionnaire id, by semantic version). */
export function revisionPairs(files: readonly string[], store: RevisionStore): { old: LoadedQuestionnaire; new: LoadedQuestionnaire }[] {
  const groups = new Map<string, LoadedQuestionnaire[]>();
  for (const file of files) {
    const r = store.read(file).value;
    if (!r) continue;
    const key = `${store.at(dirname(file))}\u0000${r.questionnaire.id}`;
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
export function revisionChain(start: LoadedQuestionnaire, target: LoadedQuestionnaire, store: RevisionStore): LoadedQuestionnaire[] {
  const between = store
    .revisionsIn(dirname(target.file))
    .filter(
      (r) =>
        r.questionnaire.id === target.questionnaire.id &&
        compareSemver(r.questionnaire.version, start.questionnaire.version) > 0 &&
        compareSemver(r.questionnaire.version, target.questionnaire.version) < 0,
    );
  return [start, ...between, target];
}

/** Revision `id` `version`: in the folder of `near` when given, else among the bundled ones; undefined when neither has it. */
export function findRevision(id: string, version: string, near: LoadedQuestionnaire | undefined, store: RevisionStore): LoadedQuestionnaire | undefined {
  return store.answered({ id, version }, near);
}

/**
 * The revisions a response to `answered` goes through to reach `target`, oldest first (for
 * `migrateAcross`): empty when it already answers `target` or a later revision, undefined when the
 * revision it answers cannot be found (next to `target` or bundled).
 */
export function migrationChain(answered: Pick<QuestionnaireRef, "id" | "version">, target: LoadedQuestionnaire, store: RevisionStore): LoadedQuestionnaire[] | undefined {
  if (answered.id !== target.questionnaire.id || compareSemver(answered.version, target.questionnaire.version) >= 0) return [];
  // The target is already loaded: looking for its neighbours must not read it again.
  store.remember(target);
  const start = store.answered(answered, target);
  return start ? revisionChain(start, target, store) : undefined;
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
export function migrateToRevision(response: Response, target: LoadedQuestionnaire, now: string, store: RevisionStore): Migrated | undefined {
  const chain = migrationChain(response.questionnaire, target, store);
  if (chain === undefined) return undefined;
  if (chain.length === 0) return { response, reports: [], problems: [], blocking: [] };
  const start = chain[0];
  const problems = start ? checkResponse(start.questionnaire, start.digest, response).filter((i) => i.severity === "error") : [];
  const { response: carried, reports } = migrateAcross(chain, response, now);
  return { response: carried, reports, problems, blocking: reports.flatMap((r) => r.issues) };
}
