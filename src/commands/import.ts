import { existsSync, mkdirSync, statSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { error, type Issue } from "../core/issues.js";
import { checkResponse } from "../core/answers/response-rules.js";
import { COL, META_SHEET, metaCell, RESPONDENT_CELL, templateLayout } from "../core/workbook/layout.js";
import { importWorkbook, readTemplateMeta, type QuestionCells } from "../core/workbook/import.js";
import { checkCountry } from "../core/questionnaire/country.js";
import { UsageError, WriteError } from "../errors.js";
import { bundledFile, openQuestionnaire } from "../io/revisions/bundled.js";
import { writeFileAtomicAsync } from "../io/files.js";
import { sha256 } from "../io/hash.js";
import { loadQuestionnaireFile, type LoadedQuestionnaire } from "../io/revisions/load.js";
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

/** Turns filled templates into response files, all or nothing per workbook; exit 3 when a file cannot be read or written, 1 on errors. */
export async function importCommand(opts: ImportOptions, ctx: Context): Promise<number> {
  if (opts.out !== undefined && opts.outDir !== undefined) throw new UsageError("give --out or --out-dir, not both");
  const checked = opts.country !== undefined ? checkCountry(opts.country) : undefined;
  if (checked && "problem" in checked) throw new UsageError(`--country: ${checked.problem}`);
  const givenCountry = checked?.code;
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

  const outDir = resolve(cwd, opts.outDir ?? ".");
  const inputs = new Set(files);
  const written = new Map<string, string>();
  const given = opts.questionnaire ? openQuestionnaire(opts.questionnaire) : undefined;
  const revisions = new Map<string, LoadedQuestionnaire | undefined>();
  const now = new Date().toISOString();
  let unreadable = false;
  let failed = false;

  const report = (issues: readonly Issue[]) => {
    for (const line of formatIssuesText(issues, ctx.errStyle)) ctx.err(line);
  };
  // Output goes through one chain, so it stays in workbook order while response files are flushed
  // in the background and the next workbook is read meanwhile.
  let chain: Promise<void> = Promise.resolve();
  const later = (f: () => void | Promise<void>) => {
    chain = chain.then(f);
  };
  for (const m of missing) {
    report([{ ...error("FILE_NOT_FOUND", "no such file or folder; check the path"), location: { file: shown(m) } }]);
    unreadable = true;
  }

  for (const abs of files) {
    const file = shown(abs);
    const s = ctx.style;
    const refuse = (issues: readonly Issue[], isUnreadable = false) => {
      unreadable ||= isUnreadable;
      failed = true;
      later(() => {
        report(issues);
        ctx.out(s.red(safeForTerminal(`✖ ${file}: ${countIssues(issues).text}; nothing written`)));
      });
    };

    const read = await readWorkbook(abs);
    if (!read.ok) {
      refuse([{ ...read.issue, location: { file } }], read.unreadable);
      continue;
    }
    const wb = { ...read.workbook, file };
    const metaRead = readTemplateMeta(wb);
    if (!metaRead.meta) {
      refuse(metaRead.issues);
      continue;
    }
    const meta = metaRead.meta;
    let revision = given;
    if (!revision) {
      const key = `${meta.questionnaire}@${meta.version}`;
      if (!revisions.has(key)) {
        const bundled = bundledFile(meta.questionnaire, meta.version);
        revisions.set(key, bundled ? loadQuestionnaireFile(bundled).value : undefined);
      }
      revision = revisions.get(key);
    }
    if (!revision) {
      refuse([
        {
          ...error("QUESTIONNAIRE_NOT_FOUND", `the template is for ${meta.questionnaire} ${meta.version}, which naq does not bundle; pass its file with --questionnaire`),
          location: { file, sheet: META_SHEET, cell: metaCell("questionnaire") },
        },
      ]);
      continue;
    }

    const result = importWorkbook({
      workbook: wb,
      meta,
      questionnaire: revision.questionnaire,
      digest: revision.digest,
      country: givenCountry,
      partial: opts.partial,
      now,
      hash: sha256,
    });
    const issues = [...result.issues];
    const response = result.response;
    if (response) {
      const instructions = templateLayout(revision.questionnaire, meta.agency, meta.language).instructions;
      const where = (i: Issue) => cellOf(i, file, result.cells, instructions);
      issues.push(...checkSchema("response", { kind: "response", ...response }).map(where));
      issues.push(...checkResponse(revision.questionnaire, revision.digest, response).map(where));
    }
    const errors = issues.filter((i) => i.severity === "error" && !(opts.partial && result.dropped.length && (i.code === "INVALID_ANSWER" || i.code === "COMMENT_WITHOUT_ANSWER")));
    if (!response || errors.length) {
      refuse(issues);
      continue;
    }

    const target = opts.out !== undefined ? resolve(cwd, opts.out) : join(outDir, `${basename(abs).replace(/\.xlsx$/i, "")}.yaml`);
    const shownTarget = opts.out ?? (opts.outDir !== undefined ? join(opts.outDir, basename(target)) : basename(target));
    const clash = outputProblem(target, opts.out !== undefined ? dirname(target) : outDir, inputs, written, opts.force);
    if (clash) {
      refuse([...issues, { ...error("OUTPUT_EXISTS", clash), location: { file: shownTarget } }], true);
      continue;
    }
    const write = (async () => {
      mkdirSync(dirname(target), { recursive: true });
      await writeFileAtomicAsync(target, responseYaml(response, revision.questionnaire, target));
    })();
    write.catch(() => undefined);
    written.set(target, file);
    const count = Object.keys(response.answers).length;
    const left = result.dropped.length ? ` (${result.dropped.length} left out: ${result.dropped.join(", ")})` : "";
    const line = `${result.dropped.length ? "⚠" : "✔"} ${file} → ${shownTarget}: ${count} answer${count === 1 ? "" : "s"}${left}, ${response.status}`;
    if (result.dropped.length) failed = true;
    later(async () => {
      try {
        await write;
      } catch (e) {
        unreadable = true;
        failed = true;
        report(issues);
        ctx.out(s.red(safeForTerminal(`✖ ${file}: nothing written`)));
        ctx.err(safeForTerminal(`naq: ${e instanceof WriteError ? e.message : `${shownTarget}: cannot write (${(e as Error).message})`}`));
        return;
      }
      report(issues);
      ctx.out(result.dropped.length ? s.yellow(safeForTerminal(line)) : s.green(safeForTerminal(line)));
    });
  }
  await chain;
  return unreadable ? EXIT.file : failed ? EXIT.invalid : EXIT.ok;
}

/** Why `target` must not be written, or undefined: it is an input, outside its folder, written already in this run, or exists without --force. */
function outputProblem(target: string, folder: string, inputs: ReadonlySet<string>, written: ReadonlyMap<string, string>, force: boolean): string | undefined {
  if (dirname(target) !== resolve(folder)) return "would be written outside the target folder";
  if (inputs.has(target)) return "is one of the workbooks being imported; naq never overwrites an input";
  const earlier = written.get(target);
  if (earlier) return `was just written from ${earlier}; two workbooks of the same name need separate --out-dir runs`;
  if (existsSync(target)) {
    if (statSync(target).isDirectory()) return "is a folder";
    if (!force) return "exists; pass --force to replace it";
  }
  return undefined;
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
