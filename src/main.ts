import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CancelledError, FileError, InvalidInputError, UsageError, WriteError } from "./errors.js";
import { packageRoot } from "./io/paths.js";
import { COLOUR, PLAIN, safeForTerminal, type Style } from "./render/style.js";

/** The streams and environment a run works with; tests pass fakes, `main` passes the process's. */
export interface Io {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
  readonly stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** What every command receives besides its options. */
export interface Context {
  readonly io: Io;
  /** Styling for stdout: colour only on a terminal, never with NO_COLOR or --no-color. */
  readonly style: Style;
  readonly errStyle: Style;
  out(line?: string): void;
  err(line?: string): void;
}

export const EXIT = { ok: 0, invalid: 1, usage: 2, file: 3, cancelled: 130 } as const;

export function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }).version;
}

/** Whether output to `stream` may be coloured. */
export function colourWanted(stream: { isTTY?: boolean }, env: Io["env"], argv: readonly string[]): boolean {
  if (argv.includes("--no-color") || argv.includes("--no-colour")) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true && env.TERM !== "dumb";
}

export function makeContext(io: Io, argv: readonly string[]): Context {
  return {
    io,
    style: colourWanted(io.stdout, io.env, argv) ? COLOUR : PLAIN,
    errStyle: colourWanted(io.stderr, io.env, argv) ? COLOUR : PLAIN,
    out: (line = "") => io.stdout.write(`${line}\n`),
    err: (line = "") => io.stderr.write(`${line}\n`),
  };
}

/** Runs naq with `argv` (without node and script) and returns the exit code; the only place that catches. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const help = cachedHelp(argv);
  if (help !== undefined) {
    io.stdout.write(help);
    return EXIT.ok;
  }
  const ctx = makeContext(io, argv);
  try {
    const { runCli } = await import("./cli.js");
    return await runCli(argv, ctx);
  } catch (e) {
    return report(e, ctx);
  }
}

/**
 * `naq --help` and `naq COMMAND --help` are served from text that the build renders from the same
 * commander program, so asking for help costs no more than starting Node.
 */
function cachedHelp(argv: readonly string[]): string | undefined {
  const asks = argv.length === 1 ? argv[0] === "--help" || argv[0] === "-h" : argv.length === 2 && (argv[1] === "--help" || argv[1] === "-h") && /^[a-z]+$/.test(argv[0] ?? "");
  if (!asks) return undefined;
  try {
    const all = JSON.parse(readFileSync(join(packageRoot, "dist", "help.json"), "utf8")) as Record<string, string>;
    return all[argv.length === 1 ? "" : (argv[0] ?? "")];
  } catch {
    return undefined;
  }
}

async function report(e: unknown, ctx: Context): Promise<number> {
  const s = ctx.errStyle;
  const say = (msg: string) => ctx.err(`${s.red("naq:")} ${safeForTerminal(msg)}`);
  if (e instanceof UsageError) {
    say(e.message);
    ctx.err("Run `naq --help` for usage.");
    return EXIT.usage;
  }
  if (e instanceof FileError || e instanceof WriteError) {
    say(e.message);
    return EXIT.file;
  }
  if (e instanceof InvalidInputError) {
    const { formatIssuesText } = await import("./render/issues.js");
    for (const line of formatIssuesText(e.issues, s)) ctx.err(line);
    say(e.message);
    return EXIT.invalid;
  }
  if (e instanceof CancelledError || (e instanceof Error && e.name === "ExitPromptError")) {
    say(e.message || "cancelled");
    return EXIT.cancelled;
  }
  // A bug, not a user error: say so plainly, with the detail a report needs.
  ctx.err(`${s.red("naq: internal error")} — please report it with the command you ran.`);
  ctx.err(e instanceof Error ? (e.stack ?? e.message) : String(e));
  return 70;
}

/** Entry point of the `naq` binary. */
export async function main(): Promise<void> {
  // A reader that stops early (`naq show --json | head`) closes the pipe; that is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE") throw e;
    });
  }
  process.exitCode = await run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  });
}
