import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CancelledError, FileError, InvalidInputError, UsageError, WriteError } from "./errors.js";
import { packageRoot } from "./io/paths.js";
import { EXIT, makeContext, version, type Context, type Io } from "./context.js";
import { safeForTerminal } from "./render/style.js";

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
  return EXIT.internal;
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
