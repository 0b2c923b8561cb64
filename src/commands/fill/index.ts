import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { unplacedUnmapped } from "../../core/answers/carried-answers.js";
import { invalidSaved, newResponse, progressOf, type Scope } from "../../core/fill/walk.js";
import { resumeProblems } from "../../core/fill/resume.js";
import { chooseLanguage } from "../../core/questionnaire/language.js";
import { checkCountry } from "../../core/questionnaire/country.js";
import { closest, type Issue } from "../../core/issues.js";
import { localize, type Questionnaire, type Response } from "../../core/questionnaire/model.js";
import { CancelledError, FileError, InvalidInputError, UsageError } from "../../errors.js";
import { openQuestionnaire } from "../../io/revisions/bundled.js";
import { loadResponseFile, locate } from "../../io/revisions/load.js";
import type { Prompter } from "../../io/prompter/prompter.js";
import { headerComments, saveResponse, schemaRefFor, schemaRefIn } from "../../io/yaml/response-file.js";
import { EXIT, type Context } from "../../context.js";
import { unmappedLines } from "./carried-lines.js";
import { shellQuote, Texts } from "./lines.js";
import { fillWords } from "./words.js";
import { PLAIN, safeForTerminal, type Style } from "../../render/style.js";
import { carryPlan, offerCarry, type CarryPlan } from "./offer.js";
import { FillSession } from "./session.js";

export interface FillOptions {
  readonly questionnaire?: string | undefined;
  readonly country: string;
  readonly agency: string;
  readonly lang?: string | undefined;
  readonly out?: string | undefined;
  readonly area?: string | undefined;
  readonly review: boolean;
  readonly respondent?: string | undefined;
}

/** What tests replace: the prompter (a scripted fake instead of the terminal) and the clock. */
export interface FillDeps {
  readonly prompter?: Prompter;
  readonly now?: () => string;
}

/**
 * Walks one agency through its questions in the terminal, saving the response file after every
 * answer; resumes it when it exists, and offers to carry over one that answers an older revision.
 * Exit 0 when the person finishes, 130 on Ctrl-C.
 */
export async function fill(opts: FillOptions, ctx: Context, deps: FillDeps = {}): Promise<number> {
  if (!deps.prompter) requireTerminal(ctx);
  const country = countryCode(opts.country);
  const target = openQuestionnaire(opts.questionnaire);
  const { questionnaire: q, digest } = target;
  const agency = checkAgency(q, opts.agency);
  const scope: Scope = { agency: agency.id, area: checkArea(q, agency.id, opts.area) };
  const now = deps.now ?? (() => new Date().toISOString());

  const given = opts.out ?? `naq-${country}-${agency.id}.yaml`;
  const file = resolve(ctx.io.cwd, given);
  const shown = displayPath(file, ctx.io.cwd);
  const existing = readExisting(file, shown);
  let offered: { plan: CarryPlan; refusal: InvalidInputError } | undefined;
  if (existing) {
    const issues = resumeProblems(q, digest, existing.response, { country, agency: agency.id, file: shown });
    if (issues.length) {
      // Only a file for an older revision of this questionnaire can be carried over; the rest is refused as it is.
      const found = issues.length === 1 && issues[0]?.code === "OTHER_REVISION" ? carryPlan(existing.response, target, new Date(now())) : {};
      const refusal = new InvalidInputError(`${shown} was left as it was${"why" in found && found.why ? `; ${found.why}` : ""}`, existing.locate(issues));
      if (!("response" in found)) throw refusal;
      offered = { plan: found, refusal };
    }
  }
  const chosen = chooseLanguage(q, opts.lang, (offered?.plan.response ?? existing?.response)?.language);
  if ("problem" in chosen) throw new UsageError(chosen.problem);
  const lang = chosen.lang;
  const words = fillWords(lang);
  const texts = new Texts(q, lang, words);

  // The comments a response file starts with (a notice, who wrote it) and its schema line are kept.
  const text = existing ? readFileSync(file, "utf8") : "";
  const header = headerComments(text);
  const schemaRef = schemaRefIn(text) ?? schemaRefFor(file);
  const save = guardedSave(file, shown, (r) => saveResponse(file, r, q, schemaRef, header), existing !== undefined);
  const s = ctx.style;

  const interrupt = new AbortController();
  const onSigint = () => interrupt.abort();
  let prompter = deps.prompter;
  if (!prompter) {
    const { inquirerPrompter } = await import("../../io/prompter/inquirer.js");
    prompter = inquirerPrompter({
      input: ctx.io.stdin as NodeJS.ReadableStream,
      output: ctx.io.stdout as unknown as NodeJS.WritableStream,
      plain: ctx.style === PLAIN,
      keys: words.keys,
      signal: interrupt.signal,
    });
    // Between two prompts the terminal is not in raw mode, so Ctrl-C arrives as a signal: stop at the next prompt.
    process.on("SIGINT", onSigint);
  }
  let session: FillSession | undefined;
  let final: Response;
  try {
    let start: Response;
    if (existing) {
      start = existing.response;
      if (offered) {
        const offer = { file, shown, show: (f: string) => displayPath(f, ctx.io.cwd), prompter, print: (l?: string) => ctx.out(l), style: s, words: words.carried, save };
        const carried = await offerCarry(existing.response, offered.plan, target, offer).catch((e: unknown) => {
          throw e instanceof CancelledError ? new CancelledError(`stopped; ${shown} was left as it was`) : e;
        });
        if (!carried) throw offered.refusal;
        start = carried;
      }
      if (start.language !== lang || (opts.respondent !== undefined && start.respondent !== opts.respondent)) {
        start = { ...start, language: lang, ...(opts.respondent !== undefined ? { respondent: opts.respondent } : {}) };
        save(start);
      }
    } else {
      start = newResponse(q, digest, { country, agency: agency.id, language: lang, respondent: opts.respondent }, now());
      save(start);
    }

    ctx.out(s.bold(words.start(texts.t(agency.name), country, `${q.id} ${q.version}`)));
    const before = progressOf(q, scope, start.answers);
    ctx.out(s.dim(`${safeForTerminal(shown)} · ${words.progress(before.answered, before.applicable)}`));
    for (const bad of invalidSaved(q, start.answers)) ctx.out(s.yellow(words.invalidNote(bad.id, safeForTerminal(bad.problem))));
    for (const line of carriedNotes(q, scope, start, texts, s)) ctx.out(line);

    session = new FillSession(q, texts, scope, start, { prompter, print: (l) => ctx.out(l), style: s, save, now });
    final = await session.run(opts.review);
  } catch (e) {
    if (!(e instanceof CancelledError) || !session) throw e;
    const p = progressOf(q, scope, session.response.answers);
    ctx.out();
    throw new CancelledError(`${words.stopped(shown, p.answered, p.applicable)}\n${words.resume}\n  ${resumeCommand(opts)}`);
  } finally {
    process.off("SIGINT", onSigint);
  }

  const whole = progressOf(q, { agency: agency.id }, final.answers);
  ctx.out();
  ctx.out(s.green(words.saved(safeForTerminal(shown), final.status === "complete")));
  if (whole.requiredOpen.length) ctx.out(s.yellow(words.openRequired(whole.requiredOpen.length, listIds(whole.requiredOpen))));
  if (whole.toConfirm.length) ctx.out(s.yellow(words.carried.stillToConfirm(whole.toConfirm.length, listIds(whole.toConfirm))));
  ctx.out(`${words.check} ${["naq", "validate", ...(opts.questionnaire !== undefined ? ["--questionnaire", opts.questionnaire] : []), shown].map(shellQuote).join(" ")}`);
  return EXIT.ok;
}

/**
 * The autosave, refusing to overwrite the file when another program (another fill on the same file, an
 * editor) changed it since this session last read or wrote it: its answers would be lost.
 */
function guardedSave(file: string, shown: string, write: (r: Response) => void, exists: boolean): (r: Response) => void {
  const stamp = () => {
    try {
      const st = statSync(file);
      return `${st.ino}:${st.size}:${st.mtimeMs}`;
    } catch {
      return undefined;
    }
  };
  let last = exists ? stamp() : undefined;
  return (r) => {
    const now = stamp();
    if (now !== undefined && now !== last) {
      throw new FileError(
        `${shown} was changed by another program while fill was running, so the last answer was not written over it. Run the same command again to continue from the file as it is now`,
      );
    }
    write(r);
    last = stamp();
  };
}

const listIds = (ids: readonly string[]) => ids.slice(0, 8).join(", ") + (ids.length > 8 ? ", …" : "");

/** What the session start says about answers carried from an older revision: those to confirm, and old answers set aside. */
function carriedNotes(q: Questionnaire, scope: Scope, r: Response, texts: Texts, s: Style): string[] {
  const w = texts.words.carried;
  const lines: string[] = [];
  const { toConfirm } = progressOf(q, scope, r.answers);
  if (toConfirm.length) lines.push(s.yellow(w.waiting(toConfirm.length, listIds(toConfirm))));
  const unplaced = unplacedUnmapped(q, scope.agency, r);
  const placed = (r.unmapped ?? []).filter((u) => u.resolved === undefined && !unplaced.includes(u));
  if (placed.length) lines.push(s.yellow(w.unmappedCount(placed.length)));
  if (unplaced.length) lines.push(w.unplaced, ...unmappedLines(texts, unplaced, s, false));
  return lines;
}

function requireTerminal(ctx: Context): void {
  const missing = [ctx.io.stdin?.isTTY === true ? undefined : "input", ctx.io.stdout.isTTY === true ? undefined : "output"].filter(Boolean);
  if (missing.length === 0) return;
  throw new UsageError(
    `naq fill is interactive and needs a terminal, but its ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not one. Without a terminal, make a spreadsheet with \`naq template\`, fill it in and read it back with \`naq import\`; or write the response file yourself (\`naq schema\` prints the rules its answers must meet)`,
  );
}

function countryCode(text: string): string {
  const checked = checkCountry(text);
  if ("problem" in checked) throw new UsageError(`--country: ${checked.problem}`);
  return checked.code;
}

function checkAgency(q: Questionnaire, id: string) {
  const agency = q.agencies.find((a) => a.id === id);
  if (agency) {
    if (!q.questions.some((x) => x.for.includes(id))) throw new UsageError(`${q.id} ${q.version} asks agency \`${id}\` no question`);
    return agency;
  }
  const ids = q.agencies.map((a) => a.id);
  const guess = closest(id, ids);
  throw new UsageError(`\`${id}\` is not one of ${q.id} ${q.version}'s agencies.${guess ? ` Did you mean \`${guess}\`?` : ""} Agencies: ${ids.join(", ")}`);
}

function checkArea(q: Questionnaire, agency: string, area: string | undefined): string | undefined {
  if (area === undefined) return undefined;
  const withQuestions = q.areas.filter((a) => q.questions.some((x) => x.areaId === a.id && x.for.includes(agency))).map((a) => a.id);
  const found = q.areas.find((a) => a.id === area || a.id === area.toUpperCase());
  if (!found) {
    const guess = closest(
      area,
      q.areas.map((a) => a.id),
    );
    throw new UsageError(
      `${q.id} ${q.version} has no area \`${area}\`.${guess ? ` Did you mean \`${guess}\`?` : ""} Areas: ${q.areas.map((a) => `${a.id} (${localize(a.title, "en", q.languages[0] ?? "en")})`).join(", ")}`,
    );
  }
  if (!withQuestions.includes(found.id)) throw new UsageError(`area ${found.id} has no question for ${agency}; areas with questions for ${agency}: ${withQuestions.join(", ")}`);
  return found.id;
}

/** The response already at `file`, or undefined; refuses (never overwrites) a file that is not a response. */
function readExisting(file: string, shown: string) {
  if (!existsSync(file)) return undefined;
  const loaded = loadResponseFile(file);
  if (loaded.unreadable) throw new FileError(`${shown}: ${loaded.issues[0]?.message ?? "cannot read the file"}`);
  if (!loaded.value || !loaded.source || loaded.issues.some((i) => i.severity === "error")) {
    throw new InvalidInputError(`${shown} exists and is not a naq response file, so fill will not write into it; fix it, or choose another --out`, loaded.issues);
  }
  const source = loaded.source;
  return { response: loaded.value, locate: (issues: readonly Issue[]) => locate(issues, source) };
}

function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

/** The command that continues this session: the same flags, in a fixed order. */
function resumeCommand(opts: FillOptions): string {
  const args = ["naq", "fill"];
  if (opts.questionnaire !== undefined) args.push("--questionnaire", opts.questionnaire);
  args.push("--country", opts.country.trim().toUpperCase(), "--agency", opts.agency);
  if (opts.lang !== undefined) args.push("--lang", opts.lang);
  if (opts.out !== undefined) args.push("--out", opts.out);
  if (opts.area !== undefined) args.push("--area", opts.area);
  return args.map(shellQuote).join(" ");
}
