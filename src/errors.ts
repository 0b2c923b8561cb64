import type { Issue } from "./core/issues.js";

/** The command line was wrong: unknown option, missing argument, bad value. Exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A file could not be read or written. Exit 3. */
export class FileError extends Error {
  override name = "FileError";
}

/** The input is invalid; the issues say why. Exit 1. */
export class InvalidInputError extends Error {
  override name = "InvalidInputError";
  constructor(
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
  }
}

/** The person stopped the command (Ctrl-C). Exit 130. */
export class CancelledError extends Error {
  override name = "CancelledError";
}

/** A file naq could not write. Exit 3. */
export class WriteError extends Error {
  override name = "WriteError";
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: cannot write (${reason})`);
  }
}
