import { existsSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import type { Response } from "../../core/questionnaire/model.js";
import { compareSemver } from "../../core/revision/semver.js";
import { FileError } from "../../errors.js";
import { copyFileExclusive } from "../../io/files.js";
import type { LoadedQuestionnaire } from "../../io/revisions/load.js";
import type { Prompter } from "../../io/prompter/prompter.js";
import { migrateToRevision, type RevisionStore } from "../../io/revisions/store.js";
import type { CarriedCounts, CarriedWords } from "./carried-words.js";
import { safeForTerminal, type Style } from "../../render/style.js";

/** A response to an older revision carried to the one fill asks, ready to offer. */
export interface CarryPlan {
  readonly response: Response;
  readonly counts: CarriedCounts;
}

/**
 * The migration fill can offer for a response to an older revision of `target`'s questionnaire, or why
 * it cannot: the response answers a newer revision or another questionnaire (then nothing is said),
 * the revision it answers cannot be found, or the response is not valid against it.
 */
export function carryPlan(r: Response, target: LoadedQuestionnaire, now: string, store: RevisionStore): CarryPlan | { readonly why?: string } {
  const { id, version } = r.questionnaire;
  if (id !== target.questionnaire.id || compareSemver(version, target.questionnaire.version) >= 0) return {};
  const m = migrateToRevision(r, target, now, store);
  if (!m) return { why: `fill cannot carry the answers over itself: ${id} ${version} is neither bundled nor next to ${target.file}` };
  if (m.problems.length || m.blocking.length) {
    return {
      why: `fill cannot carry the answers over itself: the file is not valid against ${id} ${version} (${[...m.problems, ...m.blocking][0]?.code ?? ""}); check it with \`naq validate\``,
    };
  }
  const [first] = m.reports;
  const unmapped = m.reports.reduce((n, rep) => n + rep.unmapped, 0);
  const given = first ? first.carried + first.unmapped : 0;
  const toConfirm = Object.values(m.response.answers).filter((a) => a.confirm !== undefined).length;
  return { response: m.response, counts: { carried: Math.max(0, given - unmapped), toConfirm, unmapped } };
}

/** Where fill keeps a response file it carries over: `<name>.<old version><ext>` next to it. */
export function backupFile(file: string, oldVersion: string): string {
  const ext = extname(file);
  // The version comes from the file being carried over: it must not steer the name out of the folder.
  const version = oldVersion.replace(/[^0-9A-Za-z.+-]/g, "_");
  return join(dirname(file), `${basename(file, ext)}.${version}${ext || ".yaml"}`);
}

/** What the offer needs: where the file is, how to ask and print, and the words in the session language. */
export interface OfferIo {
  readonly file: string;
  /** `file` as the person named it, and a function that shows another path the same way. */
  readonly shown: string;
  readonly show: (path: string) => string;
  readonly prompter: Prompter;
  readonly print: (line?: string) => void;
  readonly style: Style;
  readonly words: CarriedWords;
  /** Writes the carried response over `file` (the session's guarded autosave). */
  readonly save: (r: Response) => void;
}

/**
 * Says what the file holds and what carrying it over does, and asks. Yes: the file is copied, untouched,
 * to its backup name (never over an existing file), the carried response is saved over it and returned.
 * No: returns undefined, and nothing is written.
 */
export async function offerCarry(old: Response, plan: CarryPlan, target: LoadedQuestionnaire, io: OfferIo): Promise<Response | undefined> {
  const from = old.questionnaire;
  const to = `${target.questionnaire.id} ${target.questionnaire.version}`;
  const backup = backupFile(io.file, from.version);
  const backupShown = io.show(backup);
  if (existsSync(backup)) {
    throw new FileError(
      `${io.shown} answers ${from.id} ${from.version}; fill would keep it as ${backupShown} before carrying its answers over to ${target.questionnaire.version}, but that file exists, so nothing was changed. Move or rename ${backupShown} and run the same command again, or carry the answers over yourself with \`naq migrate ${io.shown} --to ${target.questionnaire.id}@${target.questionnaire.version} --out NEW-FILE\``,
    );
  }
  const s = io.style;
  const w = io.words;
  io.print(s.yellow(w.found(safeForTerminal(io.shown), Object.keys(old.answers).length, `${from.id} ${safeForTerminal(from.version)}`, to)));
  io.print(w.plan(plan.counts));
  const yes = await io.prompter.confirm({ key: "carry-over", message: w.offer(to, safeForTerminal(backupShown)), default: true });
  if (!yes) return undefined;
  copyFileExclusive(io.file, backup);
  io.save(plan.response);
  io.print(s.green(w.migrated(to, plan.counts, safeForTerminal(backupShown))));
  return plan.response;
}
