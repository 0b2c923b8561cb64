import { basename, join } from "node:path";
import { error } from "../core/issues.js";
import { migrateAcross, type MigrationReport } from "../core/revision/migrate.js";
import type { Response } from "../core/questionnaire/model.js";
import { checkResponse } from "../core/answers/response-rules.js";
import { compareSemver } from "../core/revision/semver.js";
import { FileError, InvalidInputError, UsageError } from "../errors.js";
import { writeFileAtomic } from "../io/files.js";
import { makeFolderFor, planOutputs } from "../io/outputs.js";
import { loadResponseFile, locate, type LoadedQuestionnaire } from "../io/revisions/load.js";
import { schemaRefFor, serializeResponse } from "../io/yaml/response-file.js";
import { revisionChain, RevisionStore } from "../io/revisions/store.js";
import { EXIT, type Context } from "../context.js";
import { formatMigrationText } from "../render/migrate.js";
import { safeForTerminal } from "../render/style.js";

export interface MigrateOptions {
  readonly responses: readonly string[];
  /** The revision to migrate to (default: the newest bundled revision of each response's questionnaire). */
  readonly to?: string | undefined;
  /** The revision the responses answer, when naq cannot find it next to `to` or among the bundled ones. */
  readonly from?: string | undefined;
  readonly out?: string | undefined;
  readonly outDir?: string | undefined;
  readonly force: boolean;
}

interface Planned {
  readonly input: string;
  readonly target: LoadedQuestionnaire;
  readonly output: string | undefined;
  readonly response: Response;
  readonly reports: readonly MigrationReport[];
}

/**
 * Carries responses to a newer revision and writes them (to --out, into --out-dir, or to stdout for
 * one response); the old files are never touched. Everything is checked before anything is written.
 */
export function migrate(opts: MigrateOptions, ctx: Context): number {
  if (opts.out !== undefined && opts.outDir !== undefined) throw new UsageError("give --out FILE or --out-dir DIR, not both");
  if (opts.responses.length > 1 && opts.outDir === undefined) throw new UsageError(`${opts.responses.length} responses need --out-dir DIR (one file each)`);
  const now = ctx.now();
  const store = new RevisionStore(ctx.io.cwd);
  const from = opts.from !== undefined ? store.open(opts.from) : undefined;
  const planned = opts.responses.map((input) => planOne(input, opts, store, from, now));
  const plans = planned.filter((p): p is Planned => typeof p !== "string");

  const files = plans.flatMap((p) => (p.output === undefined ? [] : [{ file: p.output, from: p.input }]));
  const outputs = new Map(
    planOutputs(files, {
      cwd: ctx.io.cwd,
      inputs: [...opts.responses, ...plans.map((p) => p.target.file), ...(from ? [from.file] : [])],
      force: opts.force,
      outDir: opts.outDir,
    }).map((o) => [o.file, o]),
  );
  const say = plans.some((p) => p.output === undefined) ? ctx.err : ctx.out;
  for (const s of planned) if (typeof s === "string") say(safeForTerminal(s));
  for (const p of plans) {
    const output = p.output === undefined ? undefined : outputs.get(p.output);
    if (output === undefined) ctx.io.stdout.write(serializeResponse(p.response, p.target.questionnaire, schemaRefFor(join(ctx.io.cwd, "response.yaml"))));
    else {
      makeFolderFor(output);
      writeFileAtomic(output.path, serializeResponse(p.response, p.target.questionnaire, schemaRefFor(output.path)));
    }
    say(ctx.style.bold(safeForTerminal(`${p.input} → ${p.output ?? "standard output"}`)));
    for (const r of p.reports) for (const line of formatMigrationText(r, say === ctx.out ? ctx.style : ctx.errStyle)) say(line);
  }
  return EXIT.ok;
}

/** One response carried to its target revision, or why there is nothing to do; throws when it cannot be migrated. */
function planOne(input: string, opts: MigrateOptions, store: RevisionStore, from: LoadedQuestionnaire | undefined, now: string): Planned | string {
  const loaded = loadResponseFile(input, store.cwd);
  if (loaded.unreadable) throw new FileError(`${input}: ${loaded.issues[0]?.message ?? "cannot read"}`);
  if (!loaded.value || !loaded.source) throw new InvalidInputError(`${input} is not a valid response file; run \`naq validate ${input}\``, loaded.issues);
  const response = loaded.value;
  const target = store.open(opts.to ?? response.questionnaire.id);
  const { id, version } = response.questionnaire;
  if (id !== target.questionnaire.id)
    throw new UsageError(`${input} answers ${id}, not ${target.questionnaire.id}; migrate carries answers between revisions of one questionnaire`);
  const order = compareSemver(version, target.questionnaire.version);
  if (order > 0) throw new UsageError(`${input} answers ${id} ${version}, which is newer than ${target.questionnaire.version}; naq migrates forward only`);
  if (order === 0) return `${input} already answers ${id} ${version}; nothing to do`;
  const start = startRevision(input, response, from, target, store);
  const problems = checkResponse(start.questionnaire, start.digest, response).filter((i) => i.severity === "error");
  if (problems.length) {
    throw new InvalidInputError(`${input} is not valid against ${id} ${version}; correct it before migrating (naq validate ${input})`, locate(problems, loaded.source));
  }
  const { response: migrated, reports } = migrateAcross(revisionChain(start, target, store), response, now);
  const blocking = reports.flatMap((r) => r.issues);
  if (blocking.length) throw new InvalidInputError(`${input} cannot be migrated to ${id} ${target.questionnaire.version}`, locate(blocking, loaded.source));
  const output = opts.out ?? (opts.outDir !== undefined ? join(opts.outDir, renamedFor(basename(input), version, target.questionnaire.version)) : undefined);
  return { input, target, output, response: migrated, reports };
}

/** The revision `response` answers: --from, else the same version next to the target, else the bundled one. */
function startRevision(input: string, response: Response, from: LoadedQuestionnaire | undefined, target: LoadedQuestionnaire, store: RevisionStore): LoadedQuestionnaire {
  const { id, version } = response.questionnaire;
  if (from) {
    if (from.questionnaire.id !== id || from.questionnaire.version !== version) {
      throw new UsageError(`${input} answers ${id} ${version}, but --from names ${from.questionnaire.id} ${from.questionnaire.version}`);
    }
    return from;
  }
  const found = store.answered({ id, version }, target);
  if (found) return found;
  throw new InvalidInputError(`cannot migrate ${input}`, [
    { ...error("QUESTIONNAIRE_NOT_FOUND", `answers ${id} ${version}, which is neither bundled nor next to ${target.file}; name its file with --from`), location: { file: input } },
  ]);
}

/** A file name with the old version in it (`XX-customs-1.0.0.yaml`) renamed for the new one; others kept. */
export function renamedFor(name: string, from: string, to: string): string {
  const escaped = from.replace(/[.+]/g, (c) => `\\${c}`);
  return name.replace(new RegExp(`(^|[-_.@])${escaped}(?=\\.[^.]+$)`), `$1${to}`);
}
