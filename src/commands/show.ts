import { chooseLanguage } from "../core/questionnaire/language.js";
import { localize, type Questionnaire } from "../core/questionnaire/model.js";
import { UsageError } from "../errors.js";
import { openQuestionnaire } from "../io/revisions/bundled.js";
import { EXIT, type Context } from "../context.js";
import { labelsFor } from "../render/i18n/labels.js";
import { safeForTerminal } from "../render/style.js";

export interface ShowOptions {
  readonly questionnaire?: string | undefined;
  readonly lang?: string | undefined;
  readonly questions: boolean;
  readonly json: boolean;
}

/** The outline of a revision as plain data, in one language. */
export function outline(q: Questionnaire, digest: string, lang: string) {
  const first = q.languages[0] ?? "en";
  const t = (x: Parameters<typeof localize>[0]) => localize(x, lang, first);
  return {
    id: q.id,
    version: q.version,
    released: q.released ?? null,
    title: t(q.title),
    languages: q.languages,
    language: lang,
    digest,
    agencies: q.agencies.map((a) => ({ id: a.id, name: t(a.name), questions: q.questions.filter((x) => x.for.includes(a.id)).length })),
    areas: q.areas.map((a) => ({
      id: a.id,
      title: t(a.title),
      questions: a.questionIds.map((id) => {
        const x = q.questions.find((y) => y.id === id);
        return { id, type: x?.type ?? "", domains: x?.domains ?? [], weight: x?.weight ?? 1, conditional: x?.when !== undefined, text: t(x?.text) };
      }),
    })),
  };
}

/** Prints the outline of one revision: areas with question counts, agencies, languages, version. */
export function show(opts: ShowOptions, ctx: Context): number {
  const loaded = openQuestionnaire(opts.questionnaire, ctx.io.cwd);
  const q = loaded.questionnaire;
  const chosen = chooseLanguage(q, opts.lang, undefined);
  if ("problem" in chosen) throw new UsageError(chosen.problem);
  const o = outline(q, loaded.digest, chosen.lang);
  if (opts.json) {
    ctx.out(JSON.stringify(o, null, 2));
    return EXIT.ok;
  }
  const s = ctx.style;
  const clean = safeForTerminal;
  const l = labelsFor(o.language);
  ctx.out(s.bold(clean(o.title)));
  ctx.out(`${o.id} ${o.version}${o.released ? ` (${o.released})` : ""} · ${l.languages} ${o.languages.join(", ")} · ${l.questionsIn(q.questions.length, o.areas.length)}`);
  ctx.out(s.dim(`${l.digest} ${o.digest}`));
  ctx.out();
  const idWidth = Math.max(...o.areas.map((a) => a.id.length));
  for (const a of o.areas) {
    ctx.out(`${s.bold(a.id.padEnd(idWidth))}  ${clean(a.title)}  ${s.dim(`(${a.questions.length})`)}`);
    if (opts.questions) {
      for (const x of a.questions) ctx.out(`    ${s.cyan(x.id.padEnd(8))} ${s.dim(`${x.type.padEnd(12)}`)} ${clean(x.text)}${x.conditional ? s.dim(` ↳ ${l.conditional}`) : ""}`);
    }
  }
  ctx.out();
  ctx.out(s.bold(`${l.agencies} (${o.agencies.length})`));
  const agWidth = Math.max(...o.agencies.map((a) => a.id.length));
  for (const a of o.agencies) ctx.out(`  ${a.id.padEnd(agWidth)}  ${clean(a.name)}  ${s.dim(`(${l.questions(a.questions)})`)}`);
  return EXIT.ok;
}
