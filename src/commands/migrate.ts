import { existsSync, mkdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { error } from "../core/issues.js";
import { migrateAcross, type MigrationReport } from "../core/revision/migrate.js";
import type { Response } from "../core/questionnaire/model.js";
import { checkResponse } from "../core/answers/response-rules.js";
import { compareSemver } from "../core/revision/semver.js";
import { FileError, InvalidInputError, UsageError, WriteError } from "../errors.js";
import { openQuestionnaire } from "../io/revisions/bundled.js";
import { writeFileAtomic } from "../io/files.js";
import { loadResponseFile, locate, type LoadedQuestionnaire } from "../io/revisions/load.js";
import { schemaRefFor, serializeResponse } from "../io/yaml/response-file.js";
import { findRevision, revisionChain, type RevisionCache } from "../io/revisions/store.js";
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
  /** The clock, for the `updated` and `migrated.at` stamps (tests fix it). */
  readonly now?: Date;
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
  const now = opts.now ?? new Date();
  const cache: RevisionCache = new Map();
  const from = opts.from !== undefined ? openQuestionnaire(opts.from) : undefined;
  const plans: Planned[] = [];
  const targets = new Map<string, LoadedQuestionnaire>();
  const skipped: string[] = [];

  for (const input of opts.responses) {
    const loaded = loadResponseFile(input);
    if (loaded.unreadable) throw new FileError(`${input}: ${loaded.issues[0]?.message ?? "cannot read"}`);
    if (!loaded.value || !loaded.source) throw new InvalidInputError(`${input} is not a valid response file; run \`naq validate ${input}\``, loaded.issues);
    const response = loaded.value;
    const ref = opts.to ?? response.questionnaire.id;
    const target = targets.get(ref) ?? openQuestionnaire(ref);
    targets.set(ref, target);
    cache.set(resolve(target.file), target);
    const { id, version } = response.questionnaire;
    if (id !== target.questionnaire.id)
      throw new UsageError(`${input} answers ${id}, not ${target.questionnaire.id}; migrate carries answers between revisions of one questionnaire`);
    const order = compareSemver(version, target.questionnaire.version);
    if (order > 0) throw new UsageError(`${input} answers ${id} ${version}, which is newer than ${target.questionnaire.version}; naq migrates forward only`);
    if (order === 0) {
      skipped.push(`${input} already answers ${id} ${version}; nothing to do`);
      continue;
    }
    const start = startRevision(input, response, from, target, cache);
    const problems = checkResponse(start.questionnaire, start.digest, response).filter((i) => i.severity === "error");
    if (problems.length) {
      throw new InvalidInputError(`${input} is not valid against ${id} ${version}; correct it before migrating (naq validate ${input})`, locate(problems, loaded.source));
    }
    const { response: migrated, reports } = migrateAcross(revisionChain(start, target, cache), response, now);
    const blocking = reports.flatMap((r) => r.issues);
    if (blocking.length) throw new InvalidInputError(`${input} cannot be migrated to ${id} ${target.questionnaire.version}`, locate(blocking, loaded.source));
    const output = opts.out ?? (opts.outDir !== undefined ? join(opts.outDir, renamedFor(basename(input), version, target.questionnaire.version)) : undefined);
    plans.push({ input, target, output, response: migrated, reports });
  }

  checkOutputs(plans, opts);
  const say = plans.some((p) => p.output === undefined) ? ctx.err : ctx.out;
  for (const s of skipped) say(safeForTerminal(s));
  for (const p of plans) {
    if (p.output === undefined) ctx.io.stdout.write(serializeResponse(p.response, p.target.questionnaire, schemaRefFor(join(ctx.io.cwd, "response.yaml"))));
    else {
      makeFolder(dirname(p.output));
      writeFileAtomic(p.output, serializeResponse(p.response, p.target.questionnaire, schemaRefFor(resolve(p.output))));
    }
    say(ctx.style.bold(safeForTerminal(`${p.input} → ${p.output ?? "standard output"}`)));
    for (const r of p.reports) for (const line of formatMigrationText(r, say === ctx.out ? ctx.style : ctx.errStyle)) say(line);
  }
  return EXIT.ok;
}

/** The revision `response` answers: --from, else the same version next to the target, else the bundled one. */
function startRevision(input: string, response: Response, from: LoadedQuestionnaire | undefined, target: LoadedQuestionnaire, cache: RevisionCache): LoadedQuestionnaire {
  const { id, version } = response.questionnaire;
  if (from) {
    if (from.questionnaire.id !== id || from.questionnaire.version !== version) {
      throw new UsageError(`${input} answers ${id} ${version}, but --from names ${from.questionnaire.id} ${from.questionnaire.version}`);
    }
    return from;
  }
  const found = findRevision(id, version, target, cache);
  if (found) return found;
  throw new InvalidInputError(`cannot migrate ${input}`, [
    { ...error("QUESTIONNAIRE_NOT_FOUND", `answers ${id} ${version}, which is neither bundled nor next to ${target.file}; name its file with --from`), location: { file: input } },
  ]);
}

/** Refuses to write over an input, twice to one file, or over an existing file without --force. */
function checkOutputs(plans: readonly Planned[], opts: MigrateOptions): void {
  const inputs = new Set(opts.responses.map((f) => resolve(f)));
  const seen = new Set<string>();
  for (const p of plans) {
    if (p.output === undefined) continue;
    const out = resolve(p.output);
    if (inputs.has(out)) throw new UsageError(`${p.output} is an input: naq migrate never modifies the old file; choose another --out or --out-dir`);
    if (seen.has(out)) throw new UsageError(`two responses would be written to ${p.output}; give them different names`);
    seen.add(out);
    if (existsSync(out) && !opts.force) throw new WriteError(p.output, "the file exists; pass --force to replace it");
  }
}

function makeFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new WriteError(dir, (e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
}

/** A file name with the old version in it (`XX-customs-1.0.0.yaml`) renamed for the new one; others kept. */
export function renamedFor(name: string, from: string, to: string): string {
  const escaped = from.replace(/[.+]/g, (c) => `\\${c}`);
  return name.replace(new RegExp(`(^|[-_.@])${escaped}(?=\\.[^.]+$)`), `$1${to}`);
}
