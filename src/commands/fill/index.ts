import { existsSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { unplacedUnmapped } from "../../core/answers/carried-answers.js";
import { invalidSaved, newResponse, progressOf, type Scope } from "../../core/fill/walk.js";
import { resumeProblems } from "../../core/fill/resume.js";
import { chooseLanguage } from "../../core/questionnaire/language.js";
import { checkCountry } from "../../core/questionnaire/country.js";
import { closest, type Issue } from "../../core/issues.js";
import { localize, type Agency, type Questionnaire, type Response } from "../../core/questionnaire/model.js";
import { CancelledError, FileError, InvalidInputError, UsageError } from "../../errors.js";
import { RevisionStore } from "../../io/revisions/store.js";
import { loadResponseFile, locate, type LoadedQuestionnaire } from "../../io/revisions/load.js";
import type { Prompter } from "../../io/prompter/prompter.js";
import { EXIT, type Context } from "../../context.js";
import { unmappedLines } from "./carried-lines.js";
import { shellQuote, Texts } from "./lines.js";
import { fillWords, type FillWords } from "./words.js";
import { PLAIN, safeForTerminal, type Style } from "../../render/style.js";
import { carryPlan, offerCarry, type CarryPlan } from "./offer.js";
import { FillSession } from "./session.js";
import { autosave } from "./autosave.js";

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

/** What tests replace: the prompter (a scripted fake instead of the terminal). The clock is the context's (`Io.now`). */
export interface FillDeps {
  readonly prompter?: Prompter;
}

/**
 * Walks one agency through its questions in the terminal, saving the response file after every
 * answer; resumes it when it exists, and offers to carry over one that answers an older revision.
 * Exit 0 when the person finishes, 130 on Ctrl-C.
 */
export async function fill(opts: FillOptions, ctx: Context, deps: FillDeps = {}): Promise<number> {
  if (!deps.prompter) requireTerminal(ctx);
  // Each answer is stamped when it is given, so fill reads the context's clock at every save.
  const now = ctx.now;
  const where = locateFill(opts, ctx, now);
  const q = where.target.questionnaire;
  const chosen = chooseLanguage(q, opts.lang, (where.offered?.plan.response ?? where.existing?.response)?.language);
  if ("problem" in chosen) throw new UsageError(chosen.problem);
  const lang = chosen.lang;
  const words = fillWords(lang);
  const texts = new Texts(q, lang, words);
  const save = autosave(where.file, where.shown, q, where.existing !== undefined);
  const s = ctx.style;

  const interrupt = new AbortController();
  const onSigint = () => interrupt.abort();
  const prompter = deps.prompter ?? (await terminalPrompter(ctx, words, interrupt.signal));
  // Between two prompts the terminal is not in raw mode, so Ctrl-C arrives as a signal: stop at the next prompt.
  if (!deps.prompter) process.on("SIGINT", onSigint);
  let session: FillSession | undefined;
  let final: Response;
  try {
    const start = await startResponse(where, opts, lang, { prompter, save, now, ctx, words });
    for (const line of openingLines(where, start, texts, s)) ctx.out(line);
    session = new FillSession(q, texts, where.scope, start, { prompter, print: (l) => ctx.out(l), style: s, save, now });
    final = await session.run(opts.review);
  } catch (e) {
    if (!(e instanceof CancelledError) || !session) throw e;
    const p = progressOf(q, where.scope, session.response.answers);
    ctx.out();
    throw new CancelledError(`${words.stopped(where.shown, p.answered, p.applicable)}\n${words.resume}\n  ${resumeCommand(opts, where.country)}`);
  } finally {
    process.off("SIGINT", onSigint);
  }
  for (const line of closingLines(where, final, opts, words, s)) ctx.out(line);
  return EXIT.ok;
}

/** An existing response file that answers an older revision: the migration to offer, and the refusal if it is declined. */
interface Offered {
  readonly plan: CarryPlan;
  readonly refusal: InvalidInputError;
}

/** What one fill is about, as checked from the command line: who answers what, and the file it writes. */
interface FillWhere {
  readonly country: string;
  readonly target: LoadedQuestionnaire;
  readonly agency: Agency;
  readonly scope: Scope;
  readonly file: string;
  /** `file` as the person named it, for messages. */
  readonly shown: string;
  readonly show: (path: string) => string;
  readonly existing?: Existing | undefined;
  readonly offered?: Offered | undefined;
}

/**
 * Checks the country, questionnaire, agency and area, and reads the response file if there is one;
 * refuses one that this session cannot continue, unless it answers an older revision it can carry over.
 */
function locateFill(opts: FillOptions, ctx: Context, now: () => string): FillWhere {
  const country = countryCode(opts.country);
  // One store for the run: the revision fill works on, and the older ones a response may be carried from.
  const store = new RevisionStore(ctx.io.cwd);
  const target = store.open(opts.questionnaire);
  const { questionnaire: q, digest } = target;
  const agency = checkAgency(q, opts.agency);
  const scope: Scope = { agency: agency.id, area: checkArea(q, agency.id, opts.area) };
  const file = resolve(ctx.io.cwd, opts.out ?? `naq-${country}-${agency.id}.yaml`);
  const show = (f: string) => displayPath(f, ctx.io.cwd);
  const shown = show(file);
  const existing = readExisting(file, shown);
  const where = { country, target, agency, scope, file, shown, show, existing };
  if (!existing) return where;
  const issues = resumeProblems(q, digest, existing.response, { country, agency: agency.id, file: shown });
  if (!issues.length) return where;
  // Only a file for an older revision of this questionnaire can be carried over; the rest is refused as it is.
  const found = issues.length === 1 && issues[0]?.code === "OTHER_REVISION" ? carryPlan(existing.response, target, now(), store) : {};
  const refusal = new InvalidInputError(`${shown} was left as it was${"why" in found && found.why ? `; ${found.why}` : ""}`, existing.locate(issues));
  if (!("response" in found)) throw refusal;
  return { ...where, offered: { plan: found, refusal } };
}

/** The prompter on the terminal, in the session's words; aborting `signal` cancels the open prompt. */
async function terminalPrompter(ctx: Context, words: FillWords, signal: AbortSignal): Promise<Prompter> {
  const { inquirerPrompter } = await import("../../io/prompter/inquirer.js");
  return inquirerPrompter({
    input: ctx.io.stdin as NodeJS.ReadableStream,
    output: ctx.io.stdout as unknown as NodeJS.WritableStream,
    plain: ctx.style === PLAIN,
    keys: words.keys,
    signal,
  });
}

/** What starting a sitting needs besides the file: how to ask, save and print, and the clock. */
interface StartIo {
  readonly prompter: Prompter;
  readonly save: (r: Response) => void;
  readonly now: () => string;
  readonly ctx: Context;
  readonly words: FillWords;
}

/**
 * The response the sitting starts from, saved: the existing one (carried over first if the person
 * accepts the offer; refused if not), with the session's language and respondent, or a new one.
 */
async function startResponse(where: FillWhere, opts: FillOptions, lang: string, io: StartIo): Promise<Response> {
  const { target, existing, offered, shown } = where;
  if (!existing) {
    const start = newResponse(target.questionnaire, target.digest, { country: where.country, agency: where.agency.id, language: lang, respondent: opts.respondent }, io.now());
    io.save(start);
    return start;
  }
  let start = existing.response;
  if (offered) {
    const offer = {
      file: where.file,
      shown,
      show: where.show,
      prompter: io.prompter,
      print: (l?: string) => io.ctx.out(l),
      style: io.ctx.style,
      words: io.words.carried,
      save: io.save,
    };
    const carried = await offerCarry(existing.response, offered.plan, target, offer).catch((e: unknown) => {
      throw e instanceof CancelledError ? new CancelledError(`stopped; ${shown} was left as it was`) : e;
    });
    if (!carried) throw offered.refusal;
    start = carried;
  }
  if (start.language !== lang || (opts.respondent !== undefined && start.respondent !== opts.respondent)) {
    start = { ...start, language: lang, ...(opts.respondent !== undefined ? { respondent: opts.respondent } : {}) };
    io.save(start);
  }
  return start;
}

/** What the session start says: who answers which revision, the file and how far it is, saved answers not valid, carried answers. */
function openingLines(where: FillWhere, start: Response, texts: Texts, s: Style): string[] {
  const { questionnaire: q } = where.target;
  const words = texts.words;
  const before = progressOf(q, where.scope, start.answers);
  return [
    s.bold(words.start(texts.t(where.agency.name), where.country, `${q.id} ${q.version}`)),
    s.dim(`${safeForTerminal(where.shown)} · ${words.progress(before.answered, before.applicable)}`),
    ...invalidSaved(q, start.answers).map((bad) => s.yellow(words.invalidNote(bad.id, safeForTerminal(bad.problem)))),
    ...carriedNotes(q, where.scope, start, texts, s),
  ];
}

/** What fill says when the person is done: the file saved, what is still open in the whole response, and how to check it. */
function closingLines(where: FillWhere, final: Response, opts: FillOptions, words: FillWords, s: Style): string[] {
  const whole = progressOf(where.target.questionnaire, { agency: where.agency.id }, final.answers);
  return [
    "",
    s.green(words.saved(safeForTerminal(where.shown), final.status === "complete")),
    ...(whole.requiredOpen.length ? [s.yellow(words.openRequired(whole.requiredOpen.length, listIds(whole.requiredOpen)))] : []),
    ...(whole.toConfirm.length ? [s.yellow(words.carried.stillToConfirm(whole.toConfirm.length, listIds(whole.toConfirm)))] : []),
    `${words.check} ${["naq", "validate", ...(opts.questionnaire !== undefined ? ["--questionnaire", opts.questionnaire] : []), where.shown].map(shellQuote).join(" ")}`,
  ];
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

/** A response file found where fill writes, and how to point its issues at lines of it. */
interface Existing {
  readonly response: Response;
  readonly locate: (issues: readonly Issue[]) => Issue[];
}

/** The response already at `file`, or undefined; refuses (never overwrites) a file that is not a response. */
function readExisting(file: string, shown: string): Existing | undefined {
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
function resumeCommand(opts: FillOptions, country: string): string {
  const args = ["naq", "fill"];
  if (opts.questionnaire !== undefined) args.push("--questionnaire", opts.questionnaire);
  args.push("--country", country, "--agency", opts.agency);
  if (opts.lang !== undefined) args.push("--lang", opts.lang);
  if (opts.out !== undefined) args.push("--out", opts.out);
  if (opts.area !== undefined) args.push("--area", opts.area);
  return args.map(shellQuote).join(" ");
}
