import { buildGapReport } from "../core/gap-report/build.js";
import { loadMergeInputs } from "../io/merge-inputs.js";
import { EXIT, type Context } from "../context.js";
import { renderStatus, statusData } from "../render/status.js";

export interface StatusOptions {
  readonly paths: readonly string[];
  readonly questionnaire?: string | undefined;
  readonly json: boolean;
}

/** Prints the completeness matrix (agency × area) and the agencies that have not answered. Exit 0 whatever the progress. */
export function status(opts: StatusOptions, ctx: Context): number {
  const inputs = loadMergeInputs({ paths: opts.paths, questionnaire: opts.questionnaire, lenient: true, cwd: ctx.io.cwd });
  const q = inputs.revision.questionnaire;
  const report = buildGapReport({ questionnaire: q, digest: inputs.revision.digest, language: q.languages[0] ?? "en", responses: inputs.responses, excluded: inputs.excluded });
  const problems = new Map([...inputs.problems].map(([file, issues]) => [file, issues.length]));
  if (opts.json) {
    ctx.out(JSON.stringify(statusData(report, problems), null, 2));
    return EXIT.ok;
  }
  for (const line of renderStatus(report, problems, ctx.style)) ctx.out(line);
  return EXIT.ok;
}
