/**
 * The one output-safety policy of every command that writes files (merge, import, migrate, template):
 * never over an input, never two outputs to one file, never over an existing file without --force,
 * never into a folder that is not there. A command plans all its outputs with it before it writes the first.
 */
import { mkdirSync, realpathSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { WriteError } from "../errors.js";

/** A file a command means to write. */
export interface OutputRequest {
  /** The path as the user gave it or the command made it: absolute, or relative to the policy's `cwd`. */
  readonly file: string;
  /** What it is written from (a workbook, a response), named when two outputs meet in one file. */
  readonly from?: string;
}

export interface OutputPolicy {
  /** The folder relative paths start from. */
  readonly cwd: string;
  /** Every file the command reads; none of them is ever written, --force or not. */
  readonly inputs: readonly string[];
  readonly force: boolean;
  /** The folder the user named for the outputs (--out-dir): made when it is missing rather than refused. */
  readonly outDir?: string | undefined;
}

/** An output that may be written: `file` as the user sees it, `path` absolute. */
export interface PlannedOutput {
  readonly file: string;
  readonly path: string;
  readonly from?: string;
}

/** The verdict on one request: the output planned, or why it must not be written and how to fix that. */
export type OutputCheck = { readonly ok: true; readonly output: PlannedOutput } | { readonly ok: false; readonly file: string; readonly reason: string };

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** `path` with every symbolic link in its existing part followed, so `./x`, `x` and a link to x all name one file. */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), basename(path));
  }
}

/** The outputs a run has claimed so far, so that no two are written to one file however each is named. */
export class OutputClaims {
  private readonly claimed = new Map<string, OutputRequest>();

  /** Claims `path` for `request`; or, when an earlier request has it, why this one must not be written. */
  claim(path: string, request: OutputRequest): string | undefined {
    const real = realPath(path);
    const earlier = this.claimed.get(real);
    if (!earlier) {
      this.claimed.set(real, request);
      return undefined;
    }
    return earlier.from !== undefined && request.from !== undefined
      ? `it would be written twice, from ${earlier.from} and from ${request.from}; give each its own file (for workbooks of one name, separate --out-dir runs)`
      : "it is named twice as an output; give each output its own file";
  }
}

/** Checks each request against the policy, in order: the output planned, or the reason it is refused. */
export function checkOutputs(requests: readonly OutputRequest[], policy: OutputPolicy): OutputCheck[] {
  const inputs = new Set(policy.inputs.map((f) => realPath(resolve(policy.cwd, f))));
  const outDir = policy.outDir !== undefined ? resolve(policy.cwd, policy.outDir) : undefined;
  const claimed = new OutputClaims();
  return requests.map((request): OutputCheck => {
    const path = resolve(policy.cwd, request.file);
    const real = realPath(path);
    const refuse = (reason: string): OutputCheck => ({ ok: false, file: request.file, reason });
    if (inputs.has(real)) return refuse("it is one of the input files, and naq never overwrites an input; write to another file");
    const twice = claimed.claim(path, request);
    if (twice) return refuse(twice);
    const folder = dirname(path);
    const folderStat = statOf(folder);
    if (!folderStat?.isDirectory() && !(folder === outDir && folderStat === undefined)) {
      return refuse(`there is no folder ${dirname(request.file)}; create it first`);
    }
    const st = statOf(path);
    if (st?.isDirectory()) return refuse("it is a folder; name a file");
    if (st && !policy.force) return refuse("it exists; pass --force to replace it");
    return { ok: true, output: { file: request.file, path, ...(request.from !== undefined ? { from: request.from } : {}) } };
  });
}

/** Every request planned, or a `WriteError` naming the first one refused; nothing is written either way. */
export function planOutputs(requests: readonly OutputRequest[], policy: OutputPolicy): PlannedOutput[] {
  return checkOutputs(requests, policy).map((c) => {
    if (!c.ok) throw new WriteError(c.file, c.reason);
    return c.output;
  });
}

/** Makes the folder `output` goes into when it is missing (only the --out-dir the policy allowed can be); a `WriteError` when it cannot. */
export function makeFolderFor(output: PlannedOutput): void {
  try {
    mkdirSync(dirname(output.path), { recursive: true });
  } catch (e) {
    throw new WriteError(dirname(output.file), (e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
}
