import { resolve } from "node:path";
import { closest, type Issue } from "../core/issues.js";
import { localize, type Response } from "../core/questionnaire/model.js";
import { checkResponse } from "../core/answers/response-rules.js";
import { planTemplate } from "../core/workbook/plan.js";
import { checkCountry } from "../core/questionnaire/country.js";
import { FileError, InvalidInputError, UsageError } from "../errors.js";
import { RevisionStore } from "../io/revisions/store.js";
import { writeFileAtomic } from "../io/files.js";
import { planOutputs, type PlannedOutput } from "../io/outputs.js";
import { sha256 } from "../io/hash.js";
import { loadResponseFile, locate, type LoadedQuestionnaire } from "../io/revisions/load.js";
import { renderTemplate } from "../io/xlsx/template.js";
import type { Source } from "../io/yaml/source.js";
import { chooseLanguage } from "../core/questionnaire/language.js";
import { EXIT, type Context } from "../context.js";
import { formatIssuesText } from "../render/issues.js";
import { safeForTerminal } from "../render/style.js";

export interface TemplateOptions {
  readonly questionnaire?: string | undefined;
  readonly agency?: string | undefined;
  readonly country?: string | undefined;
  readonly lang?: string | undefined;
  readonly from?: string | undefined;
  readonly sendTo?: string | undefined;
  readonly out: string;
  readonly force: boolean;
}

/** Writes the workbook an agency fills in: instructions, one sheet per area, dropdowns, metadata. */
export async function template(opts: TemplateOptions, ctx: Context): Promise<number> {
  if (!/\.xlsx$/i.test(opts.out)) throw new UsageError(`--out must name an .xlsx file, not ${opts.out}`);
  const checked = opts.country !== undefined ? checkCountry(opts.country) : undefined;
  if (checked && "problem" in checked) throw new UsageError(`--country: ${checked.problem}`);
  const givenCountry = checked?.code;

  const from = opts.from ? readFrom(resolve(ctx.io.cwd, opts.from), opts.from) : undefined;
  // A response names its revision; pre-filling it needs no --questionnaire.
  const loaded = new RevisionStore(ctx.io.cwd).open(opts.questionnaire ?? (from ? `${from.response.questionnaire.id}@${from.response.questionnaire.version}` : undefined));
  const [out] = planOutputs([{ file: opts.out }], { cwd: ctx.io.cwd, inputs: [loaded.file, ...(opts.from !== undefined ? [opts.from] : [])], force: opts.force });
  const q = loaded.questionnaire;
  const response = from ? checkFrom(from, opts.from ?? "", loaded, ctx) : undefined;

  const agencies = q.agencies.map((a) => a.id);
  const agency = opts.agency ?? response?.agency;
  if (!agency) throw new UsageError(`--agency is required: one of ${agencies.join(", ")}`);
  if (!agencies.includes(agency)) {
    const guess = closest(agency, agencies);
    throw new UsageError(`${q.id} ${q.version} has no agency \`${agency}\`.${guess ? ` Did you mean \`${guess}\`?` : ""} Agencies: ${agencies.join(", ")}`);
  }
  if (response && response.agency !== agency) throw new UsageError(`--from holds the answers of ${response.agency}, not ${agency}; leave out --agency or pick the right response`);
  const chosen = chooseLanguage(q, opts.lang, response?.language);
  if ("problem" in chosen) throw new UsageError(chosen.problem);
  const lang = chosen.lang;
  const country = givenCountry ?? response?.country;

  const plan = planTemplate({ questionnaire: q, digest: loaded.digest, agency, country, lang, sendTo: opts.sendTo, response, now: ctx.now(), hash: sha256 });
  const bytes = await renderTemplate(plan);
  writeFileAtomic((out as PlannedOutput).path, bytes);

  const questions = plan.areas.reduce((n, a) => n + a.rows.length, 0);
  const prefilled = response ? plan.areas.reduce((n, a) => n + a.rows.filter((r) => r.answer !== undefined).length, 0) : 0;
  const first = q.languages[0] ?? lang;
  const name = localize(q.agencies.find((a) => a.id === agency)?.name, lang, first);
  ctx.out(
    ctx.style.green(
      safeForTerminal(
        `✔ Wrote ${opts.out}: ${questions} questions on ${plan.areas.length} sheets for ${name} (${agency}), in ${lang}${response ? `, ${prefilled} answers pre-filled` : ""}.`,
      ),
    ),
  );
  return EXIT.ok;
}

function readFrom(file: string, shown: string): { response: Response; source: Source } {
  const read = loadResponseFile(file);
  if (read.unreadable) throw new FileError(`${shown}: ${read.issues[0]?.message ?? "cannot read"}`);
  if (!read.value || !read.source) throw new InvalidInputError(`${shown} is not a valid response file`, read.issues);
  return { response: read.value, source: read.source };
}

function checkFrom(from: { response: Response; source: Source }, shown: string, loaded: LoadedQuestionnaire, ctx: Context): Response {
  const r = from.response;
  const q = loaded.questionnaire;
  if (r.questionnaire.id !== q.id || r.questionnaire.version !== q.version) {
    throw new UsageError(
      `${shown} answers ${r.questionnaire.id} ${r.questionnaire.version}, but the template is for ${q.id} ${q.version}; leave out --questionnaire, or \`naq migrate\` the response first`,
    );
  }
  const issues: Issue[] = locate(checkResponse(q, loaded.digest, r), from.source);
  if (issues.some((i) => i.severity === "error"))
    throw new InvalidInputError(`${shown} has errors; fix them (see \`naq validate ${shown}\`) before pre-filling a template`, issues);
  for (const line of formatIssuesText(issues, ctx.errStyle)) ctx.err(line);
  return r;
}
