/** Reads the responses (and workshop decisions) that `merge` and `status` work on, refusing what cannot be merged. */
import { checkConsensus, type Consensus } from "../core/gap-report/consensus.js";
import type { ExcludedFile } from "../core/gap-report/model.js";
import { error, type Issue } from "../core/issues.js";
import { checkConsensusFits, checkMergeSet } from "../core/gap-report/input-rules.js";
import type { MergedResponse } from "../core/gap-report/build.js";
import type { Response } from "../core/questionnaire/model.js";
import { checkResponse } from "../core/answers/response-rules.js";
import { compareSemver } from "../core/revision/semver.js";
import { FileError, InvalidInputError, UsageError } from "../errors.js";
import { bundledFile } from "./revisions/bundled.js";
import { checkTargets, type TargetsFile } from "../core/gap-report/targets.js";
import { consensusFrom, loadDocument, responseFrom, targetsFrom, type LoadedQuestionnaire } from "./revisions/load.js";
import { carryToRevision } from "./revisions/older.js";
import { RevisionStore } from "./revisions/store.js";
import { expandPaths } from "./walk.js";
import type { Source } from "./yaml/source.js";

export interface MergeInputOptions {
  readonly paths: readonly string[];
  readonly questionnaire?: string | undefined;
  readonly consensus?: string | undefined;
  /** A targets file (`kind: targets`), also found among the paths. */
  readonly targets?: string | undefined;
  /**
   * Report the problems that `checkResponse` finds in each response instead of refusing them
   * (for `status`, which shows progress on unfinished work).
   */
  readonly lenient?: boolean;
  /** The folder relative paths are looked up in (the process's folder when undefined). */
  readonly cwd?: string | undefined;
}

export interface MergeInputs {
  readonly revision: LoadedQuestionnaire;
  readonly responses: readonly MergedResponse[];
  readonly excluded: readonly ExcludedFile[];
  readonly consensus?: { readonly file: string; readonly consensus: Consensus };
  readonly targets?: { readonly file: string; readonly targets: TargetsFile };
  /** Warnings about the files merged, and why any file was left out. */
  readonly notices: readonly Issue[];
  /** Errors per merged file, when `lenient`. */
  readonly problems: ReadonlyMap<string, readonly Issue[]>;
}

/**
 * Finds the parsed source of a file again when an issue needs a line and column. Merging thousands of
 * files keeps only their data: holding every parsed document for the rare issue costs memory and time.
 */
class Sources {
  private readonly cache = new Map<string, Source | undefined>();
  constructor(private readonly cwd: string | undefined) {}
  get(file: string): Source | undefined {
    if (!this.cache.has(file)) {
      const doc = loadDocument(file, undefined, this.cwd);
      this.cache.set(file, doc.ok ? doc.source : undefined);
    }
    return this.cache.get(file);
  }
}

/** Places issues that name a file (and a path in it) at their line and column. */
function place(issues: readonly Issue[], sources: Sources): Issue[] {
  return issues.map((i) => {
    const file = i.location?.file;
    if (file === undefined || i.location === undefined || "sheet" in i.location || i.location.line !== undefined) return i;
    const source = sources.get(file);
    if (!source) return i;
    const { line, column } = source.position(i.path ?? [], i.atKey);
    return { ...i, location: { file: source.file, line, column } };
  });
}

const isError = (i: Issue) => i.severity === "error";

type Read = { readonly file: string; readonly response: Response };
type Decided = { readonly file: string; readonly consensus: Consensus };
type Targeted = { readonly file: string; readonly targets: TargetsFile };

/**
 * Reads every response under `paths` (files or folders) and the workshop decisions, and settles the
 * revision to merge against: `--questionnaire`, else the newest revision the responses answer.
 * Throws, with issues naming each file, when the files cannot be merged together.
 */
export function loadMergeInputs(opts: MergeInputOptions): MergeInputs {
  const sources = new Sources(opts.cwd);
  const store = new RevisionStore(opts.cwd);
  const { read, decisions, targets } = readFiles(opts);
  const setIssues = place(
    checkMergeSet(read.map((r) => ({ file: r.file, country: r.response.country, agency: r.response.agency, questionnaire: r.response.questionnaire }))),
    sources,
  );
  if (setIssues.length) throw new InvalidInputError("these files cannot be merged into one report", setIssues);

  const revision = chooseRevision(read, opts.questionnaire, sources, store);
  const sorted = sortResponses(read, revision, store, opts.lenient === true);
  const refusals = [...sorted.refusals];
  const decided = decisions[0];
  if (decided) refusals.push(...consensusProblems(decided, read[0]?.response.country ?? "", revision));
  const aimed = targets[0];
  if (aimed) refusals.push(...checkTargets(revision.questionnaire, aimed.targets).map((i) => ({ ...i, location: { file: aimed.file } })));
  if (refusals.length) throw new InvalidInputError(`${countFiles(refusals)} cannot be merged; fix the issues above`, place(refusals, sources));
  const problems = new Map([...sorted.problems].map(([file, issues]) => [file, place(issues, sources)]));
  return {
    revision,
    responses: sorted.responses,
    excluded: sorted.excluded,
    ...(decided ? { consensus: decided } : {}),
    ...(aimed ? { targets: aimed } : {}),
    notices: place(sorted.notices, sources),
    problems,
  };
}

/** The responses and workshop decisions among the files, refusing files that are no response or cannot be read. */
function readFiles(opts: MergeInputOptions): { read: Read[]; decisions: Decided[]; targets: Targeted[] } {
  const { files, missing } = expandPaths(opts.paths, undefined, undefined, opts.cwd);
  if (missing.length) throw new FileError(`${missing.join(", ")}: no such file or folder; check the path`);
  const consensusFiles = opts.consensus !== undefined ? [opts.consensus] : [];
  const targetFiles = opts.targets !== undefined ? [opts.targets] : [];
  const issues: Issue[] = [];
  const read: Read[] = [];
  const decisions: Decided[] = [];
  const targets: Targeted[] = [];
  for (const file of [...files, ...[...consensusFiles, ...targetFiles].filter((f) => !files.includes(f))]) {
    const doc = loadDocument(file, undefined, opts.cwd);
    if (!doc.ok) {
      if (doc.unreadable) throw new FileError(`${file}: ${doc.issues[0]?.message ?? "cannot read the file"}`);
      issues.push(...doc.issues);
      continue;
    }
    if (doc.kind === "gap-report") continue;
    if (doc.kind === "questionnaire") {
      throw new UsageError(`${file} is a questionnaire, not a response; give it with --questionnaire ${file} and list only response files and folders`);
    }
    if (doc.kind === "consensus") {
      const loaded = consensusFrom(doc.source);
      issues.push(...loaded.issues);
      if (loaded.value) decisions.push({ file, consensus: loaded.value });
      continue;
    }
    if (doc.kind === "targets") {
      const loaded = targetsFrom(doc.source);
      issues.push(...loaded.issues);
      if (loaded.value) targets.push({ file, targets: loaded.value });
      continue;
    }
    if (targetFiles.includes(file)) throw new UsageError(`--targets ${file}: the file holds \`kind: ${doc.kind}\`, not national targets (\`kind: targets\`)`);
    if (consensusFiles.includes(file)) throw new UsageError(`--consensus ${file}: the file holds \`kind: response\`, not workshop decisions (\`kind: consensus\`)`);
    const loaded = responseFrom(doc.source);
    issues.push(...loaded.issues);
    if (loaded.value) read.push({ file, response: loaded.value });
  }
  if (decisions.length > 1) throw new UsageError(`several files hold workshop decisions (${decisions.map((d) => d.file).join(", ")}); merge with one \`kind: consensus\` file`);
  if (targets.length > 1) throw new UsageError(`several files hold national targets (${targets.map((t) => t.file).join(", ")}); merge with one \`kind: targets\` file`);
  if (issues.some(isError))
    throw new InvalidInputError(`${countFiles(issues)} cannot be read as responses; fix the issues above (\`naq validate\` checks them one by one)`, issues);
  if (read.length === 0) throw new UsageError(`no response files (\`kind: response\`) in ${opts.paths.join(", ")}`);
  return { read, decisions, targets };
}

interface Sorted {
  readonly responses: MergedResponse[];
  readonly excluded: ExcludedFile[];
  readonly notices: Issue[];
  readonly problems: Map<string, Issue[]>;
  readonly refusals: Issue[];
}

/** Each response checked against `revision`: merged, carried from an older revision, left out, or refused. */
function sortResponses(read: readonly Read[], revision: LoadedQuestionnaire, store: RevisionStore, lenient: boolean): Sorted {
  const q = revision.questionnaire;
  const out: Sorted = { responses: [], excluded: [], notices: [], problems: new Map(), refusals: [] };
  for (const r of read) {
    const ref = r.response.questionnaire;
    const order = compareSemver(ref.version, q.version);
    if (ref.id !== q.id || order > 0) {
      const why =
        ref.id !== q.id
          ? `answers questionnaire ${ref.id}, not ${q.id}`
          : `answers ${ref.id} ${ref.version}, newer than the ${q.version} being merged; merge against ${ref.version} (leave out --questionnaire)`;
      out.refusals.push({ ...error("MIXED_QUESTIONNAIRES", why, ["questionnaire", ref.id !== q.id ? "id" : "version"]), location: { file: r.file } });
      continue;
    }
    if (order < 0) {
      const carried = carryToRevision(r.file, r.response, revision, store);
      if (carried.ok) {
        out.responses.push({ file: r.file, response: carried.response, migratedFrom: carried.migratedFrom });
      } else {
        out.excluded.push(carried.excluded);
        out.notices.push(carried.issue);
      }
      continue;
    }
    const found = checkResponse(q, revision.digest, r.response).map((i) => ({ ...i, location: { file: r.file } }));
    out.notices.push(...found.filter((i) => !isError(i)));
    const errors = found.filter(isError);
    if (errors.length && lenient) out.problems.set(r.file, errors);
    else out.refusals.push(...errors);
    out.responses.push({ file: r.file, response: r.response });
  }
  return out;
}

/** Why the workshop decisions do not fit the responses and the revision, if they do not. */
function consensusProblems(decided: Decided, country: string, revision: LoadedQuestionnaire): Issue[] {
  const q = revision.questionnaire;
  return [
    ...checkConsensusFits(decided.file, { ...decided.consensus.questionnaire, country: decided.consensus.country }, country, q.id, q.version),
    ...checkConsensus(q, revision.digest, decided.consensus).map((i) => ({ ...i, location: { file: decided.file } })),
  ];
}

function countFiles(issues: readonly Issue[]): string {
  const n = new Set(issues.map((i) => i.location?.file)).size;
  return n === 1 ? "1 file" : `${n} files`;
}

/** The revision given with --questionnaire, else the newest revision any response answers. */
function chooseRevision(read: readonly Read[], given: string | undefined, sources: Sources, store: RevisionStore): LoadedQuestionnaire {
  if (given !== undefined) return store.open(given);
  const newest = read.reduce((best, r) => (compareSemver(r.response.questionnaire.version, best.response.questionnaire.version) > 0 ? r : best));
  const { id, version } = newest.response.questionnaire;
  const file = bundledFile(id, version);
  if (file === undefined) {
    const issue = {
      ...error("QUESTIONNAIRE_NOT_FOUND", `answers ${id} ${version}, which naq does not bundle; give its file with --questionnaire`, ["questionnaire"]),
      location: { file: newest.file },
    };
    throw new InvalidInputError(`the revision ${id} ${version} is needed to merge these responses`, place([issue], sources));
  }
  return store.open(file);
}
