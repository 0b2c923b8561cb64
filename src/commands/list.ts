import { listBundled } from "../io/revisions/bundled.js";
import { loadQuestionnaireFile } from "../io/revisions/load.js";
import { EXIT, type Context } from "../context.js";
import { localize } from "../core/questionnaire/model.js";
import { safeForTerminal } from "../render/style.js";

export interface ListOptions {
  readonly json: boolean;
}

/** Lists the bundled revisions: id, version, release date, languages, question and area counts, title. */
export function list(opts: ListOptions, ctx: Context): number {
  const rows = listBundled().map((b) => {
    const loaded = loadQuestionnaireFile(b.file);
    const q = loaded.value?.questionnaire;
    return {
      id: b.id,
      version: b.version,
      released: q?.released ?? null,
      languages: q?.languages ?? [],
      areas: q?.areas.length ?? 0,
      questions: q?.questions.length ?? 0,
      title: q ? localize(q.title, q.languages[0] ?? "en", "en") : "(invalid: run naq validate)",
      digest: loaded.value?.digest ?? null,
      file: b.file,
    };
  });
  if (opts.json) {
    ctx.out(JSON.stringify(rows, null, 2));
    return EXIT.ok;
  }
  if (rows.length === 0) {
    ctx.out("No bundled questionnaires.");
    return EXIT.ok;
  }
  const header = ["ID", "VERSION", "RELEASED", "LANGUAGES", "AREAS", "QUESTIONS", "TITLE"];
  const table = rows.map((r) => [r.id, r.version, r.released ?? "", r.languages.join(","), String(r.areas), String(r.questions), safeForTerminal(r.title)]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => (t[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join("  ");
  ctx.out(ctx.style.bold(line(header)));
  for (const t of table) ctx.out(line(t));
  return EXIT.ok;
}
