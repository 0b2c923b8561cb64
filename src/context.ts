import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "./io/paths.js";
import { COLOUR, PLAIN, type Style } from "./render/style.js";

/** The streams and environment a run works with; tests pass fakes, `main` passes the process's. */
export interface Io {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
  readonly stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The clock, as an ISO 8601 date-time; the system's when not given (tests pin it). */
  readonly now?: () => string;
}

/** What every command receives besides its options. */
export interface Context {
  readonly io: Io;
  /** Styling for stdout: colour only on a terminal, never with NO_COLOR or --no-color. */
  readonly style: Style;
  readonly errStyle: Style;
  readonly out: (line?: string) => void;
  readonly err: (line?: string) => void;
  /** The time now, as an ISO 8601 date-time: the one clock a command reads, once, at its start. */
  readonly now: () => string;
}

/** Exit codes; only `main` turns an outcome or an error into one. `internal` is a bug in naq, not a user error. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, file: 3, internal: 70, cancelled: 130 } as const;

/** naq's version, as its package.json says. */
export function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }).version;
}

/** Whether output to `stream` may be coloured. */
function colourWanted(stream: { isTTY?: boolean }, env: Io["env"], argv: readonly string[]): boolean {
  if (argv.includes("--no-color") || argv.includes("--no-colour")) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true && env.TERM !== "dumb";
}

/** The context a run with `argv` works in: colour decided once per stream. */
export function makeContext(io: Io, argv: readonly string[]): Context {
  return {
    io,
    style: colourWanted(io.stdout, io.env, argv) ? COLOUR : PLAIN,
    errStyle: colourWanted(io.stderr, io.env, argv) ? COLOUR : PLAIN,
    out: (line = "") => io.stdout.write(`${line}\n`),
    err: (line = "") => io.stderr.write(`${line}\n`),
    now: io.now ?? (() => new Date().toISOString()),
  };
}
