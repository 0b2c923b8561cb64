import { extname } from "node:path";
import { chooseLanguage } from "../core/questionnaire/language.js";
import type { GapReport } from "../core/gap-report/model.js";
import { buildGapReport } from "../core/gap-report/build.js";
import { UsageError } from "../errors.js";
import { writeFileAtomic } from "../io/files.js";
import { loadMergeInputs } from "../io/merge-inputs.js";
import { planOutputs, type PlannedOutput } from "../io/outputs.js";
import { EXIT, type Context } from "../context.js";
import { formatIssuesText } from "../render/issues.js";
import { safeForTerminal } from "../render/style.js";
import { renderTerminal } from "../render/gap-report/terminal.js";

export interface MergeOptions {
  readonly paths: readonly string[];
  readonly questionnaire?: string | undefined;
  readonly consensus?: string | undefined;
  readonly target?: number | undefined;
  readonly targets?: string | undefined;
  readonly lang?: string | undefined;
  readonly out: readonly string[];
  readonly force: boolean;
  readonly strict: boolean;
}

export const OUTPUT_FORMATS = { ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".xlsx": "xlsx", ".json": "json" } as const;
type Format = (typeof OUTPUT_FORMATS)[keyof typeof OUTPUT_FORMATS];

/** The format each --out file is written in, chosen by its extension; refuses unknown ones (a usage error). */
function reportFormats(outs: readonly string[]): { file: string; format: Format }[] {
  return outs.map((file) => {
    const format = OUTPUT_FORMATS[extname(file).toLowerCase() as keyof typeof OUTPUT_FORMATS];
    if (!format) throw new UsageError(`--out ${file}: unknown report format \`${extname(file) || "(no extension)"}\`; use .md, .html, .xlsx or .json`);
    return { file, format };
  });
}

async function render(report: GapReport, format: Format): Promise<string | Uint8Array> {
  switch (format) {
    case "markdown":
      return (await import("../render/gap-report/markdown.js")).renderMarkdown(report);
    case "html":
      return (await import("../render/gap-report/html.js")).renderHtml(report);
    case "xlsx":
      return (await import("../render/gap-report/xlsx.js")).renderXlsx(report);
    case "json":
      return `${JSON.stringify(report, null, 2)}\n`;
  }
}

/** Merges the responses into the gap report, writes each --out file and prints the summary. */
export async function merge(opts: MergeOptions, ctx: Context): Promise<number> {
  const formats = reportFormats(opts.out);
  const inputs = loadMergeInputs({ paths: opts.paths, questionnaire: opts.questionnaire, consensus: opts.consensus, targets: opts.targets, cwd: ctx.io.cwd });
  const read = [
    inputs.revision.file,
    ...inputs.responses.map((r) => r.file),
    ...inputs.excluded.map((e) => e.file),
    ...(inputs.consensus ? [inputs.consensus.file] : []),
    ...(inputs.targets ? [inputs.targets.file] : []),
  ];
  // Checked before anything is written, so a refused path leaves no partial set of reports behind.
  const planned = planOutputs(formats, { cwd: ctx.io.cwd, inputs: read, force: opts.force });
  const outputs = formats.map((f, i) => ({ ...f, path: (planned[i] as PlannedOutput).path }));

  const q = inputs.revision.questionnaire;
  const chosen = chooseLanguage(q, opts.lang, undefined);
  if ("problem" in chosen) throw new UsageError(chosen.problem);
  const report = buildGapReport({
    questionnaire: q,
    digest: inputs.revision.digest,
    language: chosen.lang,
    ...(opts.target !== undefined ? { target: opts.target } : {}),
    ...(inputs.targets ? { targets: inputs.targets.targets } : {}),
    responses: inputs.responses,
    excluded: inputs.excluded,
    ...(inputs.consensus ? { consensus: inputs.consensus } : {}),
  });

  // Render everything before writing anything, so a failure leaves no half-written set of reports.
  const rendered = await Promise.all(outputs.map(async (o) => ({ ...o, content: await render(report, o.format) })));
  for (const r of rendered) writeFileAtomic(r.path, r.content);

  const older = inputs.notices.filter((i) => i.code === "OLDER_REVISION");
  const warnings = inputs.notices.length - older.length;
  if (older.length) for (const line of formatIssuesText(older, ctx.errStyle)) ctx.err(line);
  if (warnings) ctx.err(ctx.errStyle.yellow(`${warnings} warning${warnings === 1 ? "" : "s"} in the responses merged; \`naq validate ${opts.paths.join(" ")}\` lists them`));
  if (older.length || warnings) ctx.err();

  for (const line of renderTerminal(report, ctx.style)) ctx.out(line);
  if (rendered.length) {
    ctx.out();
    for (const r of rendered) ctx.out(ctx.style.green(`✔ wrote ${safeForTerminal(r.file)}`));
  }

  if (opts.strict) {
    const reasons = [
      ...(report.summary.unresolved ? [`${report.summary.unresolved} unresolved disagreement${report.summary.unresolved === 1 ? "" : "s"}`] : []),
      ...(report.missing.length ? [`${report.missing.length} agenc${report.missing.length === 1 ? "y has" : "ies have"} not answered`] : []),
      ...(report.excluded.length ? [`${report.excluded.length} response${report.excluded.length === 1 ? " was" : "s were"} not merged`] : []),
    ];
    if (reasons.length) {
      ctx.err(`${ctx.errStyle.red("naq:")} --strict: ${reasons.join(", ")}`);
      return EXIT.invalid;
    }
  }
  return EXIT.ok;
}
