import { randomBytes } from "node:crypto";
import { close, closeSync, fsync, fsyncSync, openSync, readFileSync, rename, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { error, type Issue } from "../core/issues.js";
import { WriteError } from "../errors.js";

export { WriteError };

/** Largest questionnaire or response file naq reads. A 1,000-question revision in three languages is about 1 MB. */
export const MAX_TEXT_FILE_BYTES = 8 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; issue: Issue };

/** Reads a UTF-8 text file, refusing missing, oversized and binary files with an issue that names the file. */
export function readTextFile(file: string, maxBytes = MAX_TEXT_FILE_BYTES): ReadResult {
  const fail = (issue: Issue): ReadResult => ({ ok: false, issue: { ...issue, location: { file } } });
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return fail(error("FILE_UNREADABLE", "is a folder, not a file"));
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return fail(error("FILE_NOT_FOUND", "no such file; check the path"));
    return fail(error("FILE_UNREADABLE", `cannot read the file (${code ?? (e as Error).message})`));
  }
  if (size > maxBytes) {
    return fail(error("FILE_TOO_LARGE", `the file is ${mb(size)}; naq reads files up to ${mb(maxBytes)}. Is this the right file?`));
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return fail(error("FILE_UNREADABLE", `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`));
  }
  const bad = firstBadByte(bytes);
  if (bad !== undefined) {
    const before = bytes.subarray(0, bad.offset);
    const line = before.filter((b) => b === 0x0a).length + 1;
    const column = bad.offset - (before.lastIndexOf(0x0a) + 1) + 1;
    const what = bad.nul ? "binary data (a NUL byte), not YAML or JSON text" : "bytes that are not UTF-8 text; save the file as UTF-8";
    return { ok: false, issue: { ...error("BINARY_FILE", `the file holds ${what}`), location: { file, line, column } } };
  }
  const text = bytes.toString("utf8");
  return { ok: true, text: text.startsWith("\uFEFF") ? text.slice(1) : text };
}

/** Offset of the first NUL byte or invalid UTF-8 sequence, if any. */
export function firstBadByte(bytes: Uint8Array): { offset: number; nul: boolean } | undefined {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] as number;
    if (b === 0) return { offset: i, nul: true };
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return { offset: i, nul: false };
    for (let k = 1; k < len; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return { offset: i, nul: false };
    const b1 = bytes[i + 1] as number;
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return { offset: i, nul: false };
    i += len;
  }
  return undefined;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Creates a temporary file next to `file` (so the rename stays on one file system) and writes all of
 * `content` to it; returns its name and open descriptor. Leaves nothing behind when it fails.
 */
function writeTemp(file: string, content: string | Uint8Array): { tmp: string; fd: number } {
  const tmp = join(dirname(file), `.${basename(file)}.naq-tmp-${randomBytes(4).toString("hex")}`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "wx", 0o644);
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    let written = 0;
    while (written < data.length) written += writeSync(fd, data, written, data.length - written);
    return { tmp, fd };
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmTemp(tmp);
    throw writeError(file, e);
  }
}

const writeError = (file: string, e: unknown) => (e instanceof WriteError ? e : new WriteError(file, (e as NodeJS.ErrnoException).code ?? (e as Error).message));

/**
 * Writes `content` to `file` atomically: a temporary file in the same folder, flushed, then renamed,
 * so a crash leaves either the old file or the new one, never half of one.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const { tmp, fd } = writeTemp(file, content);
  try {
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, file);
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmTemp(tmp);
    throw writeError(file, e);
  }
}

/**
 * `writeFileAtomic` without waiting for the disk: the bytes are written at once, the flush and the
 * rename run on libuv's thread pool, so a command that writes many files goes on with its next input
 * meanwhile. Rejects with a `WriteError`.
 */
export function writeFileAtomicAsync(file: string, content: string | Uint8Array): Promise<void> {
  let written: { tmp: string; fd: number };
  try {
    written = writeTemp(file, content);
  } catch (e) {
    return Promise.reject(writeError(file, e));
  }
  const { tmp, fd } = written;
  return new Promise<void>((done, reject) => {
    const fail = (e: unknown) => {
      rmTemp(tmp);
      reject(writeError(file, e));
    };
    fsync(fd, (syncError) => {
      close(fd, (closeError) => {
        if (syncError || closeError) return fail(syncError ?? closeError);
        rename(tmp, file, (renameError) => (renameError ? fail(renameError) : done()));
      });
    });
  });
}

function rmTemp(tmp: string): void {
  try {
    unlinkSync(tmp);
  } catch {
    // the temporary file was never created
  }
}

/**
 * Copies `from` to `to`, byte for byte and flushed, refusing (WriteError) when `to` exists: for a
 * backup that must never replace another file.
 */
export function copyFileExclusive(from: string, to: string): void {
  let fd: number | undefined;
  try {
    const data = readFileSync(from);
    fd = openSync(to, "wx", statSync(from).mode & 0o777);
    let written = 0;
    while (written < data.length) written += writeSync(fd, data, written, data.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (fd !== undefined) {
      closeSync(fd);
      unlinkSync(to);
    }
    throw new WriteError(to, code === "EEXIST" ? "the file exists" : (code ?? (e as Error).message));
  }
}
