import { basename, join, resolve, sep } from "node:path";
import { error, type Issue } from "../core/issues.js";
import { checkResponse } from "../core/answers/response-rules.js";
import { COL, META_SHEET, metaCell, RESPONDENT_CELL, templateLayout } from "../core/workbook/layout.js";
import { importWorkbook, readTemplateMeta, type QuestionCells } from "../core/workbook/import.js";
import { checkCountry } from "../core/questionnaire/country.js";
import { UsageError, WriteError } from "../errors.js";
import { writeFileAtomicAsync } from "../io/files.js";
import { checkOutputs, makeFolderFor, OutputClaims, type OutputCheck } from "../io/outputs.js";
import { sha256 } from "../io/hash.js";
import type { LoadedQuestionnaire } from "../io/revisions/load.js";
import { RevisionStore } from "../io/revisions/store.js";
import { responseYaml } from "../io/yaml/response-file.js";
import { checkSchema } from "../io/schema/check.js";
import { expandPaths } from "../io/walk.js";
import { readWorkbook } from "../io/xlsx/read.js";
import { EXIT, type Context } from "../context.js";
import { countIssues, formatIssuesText } from "../render/issues.js";
import { safeForTerminal } from "../render/style.js";

export interface ImportOptions {
  readonly files: readonly string[];
  readonly out?: string | undefined;
  readonly outDir?: string | undefined;
  readonly questionnaire?: string | undefined;
  readonly country?: string | undefined;
  readonly partial: boolean;
  readonly force: boolean;
}

const XLSX = /^(?!~\$).*\.xlsx$/i;

/** What one run of import works with, once its flags are checked. */
interface Run {
  readonly opts: ImportOptions;
  readonly ctx: Context;
  readonly country: string | undefined;
  readonly given: LoadedQuestionnaire | undefined;
  readonly store: RevisionStore;
  readonly now: string;
  readonly claims: OutputClaims;
}

/** One workbook read and checked: refused with its issues, or its response being written. */
type Imported = { readonly file: string; readonly issues: readonly Issue[] } & (
  { readonly ok: false; readonly unreadable: boolean } | { readonly ok: true; readonly written: Promise<void>; readonly line: string; readonly partial: boolean }
);

/** Turns filled templates into response files, all or nothing per workbook; exit 3 when a file cannot be read or written, 1 on errors. */
export async function importCommand(opts: ImportOptions, ctx: Context): Promise<number> {
  if (opts.out !== undefined && opts.outDir !== undefined) throw new UsageError("give --out or --out-dir, not both");
  const checked = opts.country !== undefined ? checkCountry(opts.country) : undefined;
  if (checked && "problem" in checked) throw new UsageError(`--country: ${checked.problem}`);
  const cwd = ctx.io.cwd;
  const { files, missing } = expandPaths(
    opts.files.map((f) => resolve(cwd, f)),
    XLSX,
  );
  const givenAs = new Map(opts.files.map((f) => [resolve(cwd, f), f]));
  const shown = (abs: string) => givenAs.get(abs) ?? (abs.startsWith(cwd + sep) ? abs.slice(cwd.length + 1) : abs);
  if (files.length === 0 && missing.length === 0) throw new UsageError(`no .xlsx workbooks in ${opts.files.join(", ")}`);
  if (opts.out !== undefined && files.length + missing.length > 1) throw new UsageError("--out names one response file, but several workbooks are given; use --out-dir");
  if (opts.out !== undefined && !/\.(ya?ml)$/i.test(opts.out)) throw new UsageError(`--out must name a .yaml file, not ${opts.out}`);

  // Every response file is checked before the first workbook is read, so no run writes over an input; a file
  // is claimed only by a workbook that yields a response, so a broken workbook does not block another of its name.
  const policy = { cwd, inputs: files, force: opts.force, outDir: opts.outDir };
  const targets = files.map((abs) => checkOutputs([{ file: opts.out ?? responseName(abs, opts.outDir), from: shown(abs) }], policy)[0] as OutputCheck);
  const store = new RevisionStore(cwd);
  const run: Run = {
    opts,
    ctx,
    country: checked?.code,
    given: opts.questionnaire ? store.open(opts.questionnaire) : undefined,
    store,
    now: ctx.now(),
    claims: new OutputClaims(),
  };
  const tally = { unreadable: missing.length > 0, failed: false };
  for (const m of missing) report(ctx, [{ ...error("FILE_NOT_FOUND", "no such file or folder; check the path"), location: { file: shown(m) } }]);
  // Responses are flushed to disk (file, rename, folder) while the next workbooks are read, a few at a time;
  // each result is told in workbook order once its file is on disk.
  const pending: Imported[] = [];
  for (const [i, abs] of files.entries()) {
    pending.push(await importOne(abs, shown(abs), targets[i] as OutputCheck, run));
    const oldest = pending.length > WRITES_IN_FLIGHT ? pending.shift() : undefined;
    if (oldest) await tell(oldest, ctx, tally);
  }
  for (const p of pending) await tell(p, ctx, tally);
  return tally.unreadable ? EXIT.file : tally.failed ? EXIT.invalid : EXIT.ok;
}

/** How many responses may be on their way to disk while the next workbook is read. */
const WRITES_IN_FLIGHT = 4;

/** The response file a workbook becomes: its name with .yaml, in --out-dir or the current folder. */
function responseName(workbook: string, outDir: string | undefined): string {
  const name = `${basename(workbook).replace(/\.xlsx$/i, "")}.yaml`;
  return outDir !== undefined ? join(outDir, name) : name;
}

function report(ctx: Context, issues: readonly Issue[]): void {
  for (const line of formatIssuesText(issues, ctx.errStyle)) ctx.err(line);
}

/** Reads and checks one workbook and, when it holds a valid response and its target may be written, starts writing it. */
async function importOne(abs: string, file: string, target: OutputCheck, run: Run): Promise<Imported> {
  const refused = (issues: readonly Issue[], unreadable = false): Imported => ({ ok: false, file, issues, unreadable });
  const read = await readWorkbook(abs);
  if (!read.ok) return refused([{ ...read.issue, location: { file } }], read.unreadable);
  const wb = { ...read.workbook, file };
  const metaRead = readTemplateMeta(wb);
  if (!metaRead.meta) return refused(metaRead.issues);
  const meta = metaRead.meta;
  const revision = run.given ?? run.store.answered({ id: meta.questionnaire, version: meta.version });
  if (!revision) {
    return refused([
      {
        ...error("QUESTIONNAIRE_NOT_FOUND", `the template is for ${meta.questionnaire} ${meta.version}, which naq does not bundle; pass its file with --questionnaire`),
        location: { file, sheet: META_SHEET, cell: metaCell("questionnaire") },
      },
    ]);
  }
  const result = importWorkbook({
    workbook: wb,
    meta,
    questionnaire: revision.questionnaire,
    digest: revision.digest,
    country: run.country,
    partial: run.opts.partial,
    now: run.now,
    hash: sha256,
  });
  const response = result.response;
  const issues = [...result.issues];
  if (response) {
    const instructions = templateLayout(revision.questionnaire, meta.agency, meta.language).instructions;
    const where = (i: Issue) => cellOf(i, file, result.cells, instructions);
    issues.push(...checkSchema("response", { kind: "response", ...response }).map(where));
    issues.push(...checkResponse(revision.questionnaire, revision.digest, response).map(where));
  }
  const forgiven = (i: Issue) => run.opts.partial && result.dropped.length > 0 && (i.code === "INVALID_ANSWER" || i.code === "COMMENT_WITHOUT_ANSWER");
  if (!response || issues.some((i) => i.severity === "error" && !forgiven(i))) return refused(issues);
  const twice = target.ok ? run.claims.claim(target.output.path, target.output) : undefined;
  if (!target.ok) return refused([...issues, { ...error("OUTPUT_EXISTS", target.reason), location: { file: target.file } }], true);
  if (twice) return refused([...issues, { ...error("OUTPUT_EXISTS", twice), location: { file: target.output.file } }], true);

  const output = target.output;
  const written = (async () => {
    makeFolderFor(output);
    await writeFileAtomicAsync(output.path, responseYaml(response, revision.questionnaire, output.path));
  })();
  // Told (and awaited) in order later; meanwhile a failure must not count as unhandled.
  written.catch(() => undefined);
  const count = Object.keys(response.answers).length;
  const left = result.dropped.length ? ` (${result.dropped.length} left out: ${result.dropped.join(", ")})` : "";
  const line = `${result.dropped.length ? "⚠" : "✔"} ${file} → ${output.file}: ${count} answer${count === 1 ? "" : "s"}${left}, ${response.status}`;
  return { ok: true, file, issues, written, line, partial: result.dropped.length > 0 };
}

/** Prints what became of one workbook, once its response is on disk, and counts it in the exit code. */
async function tell(imported: Imported, ctx: Context, tally: { unreadable: boolean; failed: boolean }): Promise<void> {
  const s = ctx.style;
  const { file, issues } = imported;
  if (!imported.ok) {
    tally.unreadable ||= imported.unreadable;
    tally.failed = true;
    report(ctx, issues);
    ctx.out(s.red(safeForTerminal(`✖ ${file}: ${countIssues(issues).text}; nothing written`)));
    return;
  }
  try {
    await imported.written;
  } catch (e) {
    tally.unreadable = true;
    tally.failed = true;
    report(ctx, issues);
    ctx.out(s.red(safeForTerminal(`✖ ${file}: nothing written`)));
    ctx.err(safeForTerminal(`naq: ${e instanceof WriteError ? e.message : `${file}: cannot write (${(e as Error).message})`}`));
    return;
  }
  tally.failed ||= imported.partial;
  report(ctx, issues);
  ctx.out(imported.partial ? s.yellow(safeForTerminal(imported.line)) : s.green(safeForTerminal(imported.line)));
}

/** Places an issue about the response at the workbook cell it came from. */
function cellOf(i: Issue, file: string, cells: ReadonlyMap<string, QuestionCells>, instructions: string): Issue {
  if (i.location) return i;
  const p = i.path ?? [];
  const at = (sheet: string, cell: string): Issue => ({ ...i, location: { file, sheet, cell } });
  if (p[0] === "answers" && typeof p[1] === "string") {
    const c = cells.get(p[1]);
    if (c) return at(c.sheet, `${p[2] === "comment" ? COL.comment : p[2] === "evidence" ? COL.evidence : COL.answer}${c.row}`);
  }
  if (p[0] === "respondent") return at(instructions, RESPONDENT_CELL);
  if (p[0] === "country" || p[0] === "agency" || p[0] === "language") return at(META_SHEET, metaCell(p[0]));
  if (p[0] === "questionnaire") return at(META_SHEET, metaCell("questionnaire"));
  return { ...i, location: { file } };
}
