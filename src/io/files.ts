import { randomBytes } from "node:crypto";
import { close, closeSync, fchmodSync, fchownSync, fsync, fsyncSync, open, openSync, readFileSync, rename, renameSync, statSync, unlinkSync, writeSync, type Stats } from "node:fs";
import { basename, dirname, join } from "node:path";
import { error, type Issue } from "../core/issues.js";
import { WriteError } from "../errors.js";

export { WriteError };

/** Largest questionnaire or response file naq reads. A 1,000-question revision in three languages is about 1 MB. */
const MAX_TEXT_FILE_BYTES = 8 * 1024 * 1024;

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
function firstBadByte(bytes: Uint8Array): { offset: number; nul: boolean } | undefined {
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
    const replaced = existing(file);
    fd = openSync(tmp, "wx", 0o644);
    if (replaced) keepOwnership(fd, replaced);
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

/** The file about to be replaced, or undefined when there is none (or it cannot be looked at: the write will say why). */
function existing(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Gives the temporary file the mode of the file it replaces, so a response kept `chmod 600` stays private,
 * and its owner and group where the process may set them (as root; otherwise the writer owns the file).
 */
function keepOwnership(fd: number, replaced: Stats): void {
  try {
    fchownSync(fd, replaced.uid, replaced.gid);
  } catch (e) {
    if (!REFUSED.has((e as NodeJS.ErrnoException).code ?? "")) throw e;
  }
  // after the owner: a change of owner clears the set-id bits
  fchmodSync(fd, replaced.mode & 0o7777);
}

// What a platform answers when it will not change an owner or flush a folder: nothing to do then.
const REFUSED = new Set(["EPERM", "EINVAL", "EISDIR", "ENOTSUP", "EACCES"]);

/** Flushes the folder's entry for a renamed file, so the rename itself survives a crash. */
function syncFolder(file: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dirname(file), "r");
    fsyncSync(fd);
  } catch (e) {
    if (!REFUSED.has((e as NodeJS.ErrnoException).code ?? "")) throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `syncFolder` on the thread pool: resolves once the folder is flushed or the platform refuses to. */
function syncFolderAsync(file: string, done: (e: NodeJS.ErrnoException | null) => void): void {
  const refused = (e: NodeJS.ErrnoException | null) => (e && REFUSED.has(e.code ?? "") ? null : e);
  open(dirname(file), "r", (openError, fd) => {
    if (openError) return done(refused(openError));
    fsync(fd, (syncError) => close(fd, (closeError) => done(refused(syncError) ?? closeError)));
  });
}

const writeError = (file: string, e: unknown) => (e instanceof WriteError ? e : new WriteError(file, (e as NodeJS.ErrnoException).code ?? (e as Error).message));

/**
 * Writes `content` to `file` atomically: a temporary file in the same folder, flushed, renamed, and the
 * folder flushed, so a crash leaves either the old file or the new one, never half of one. A replaced
 * file keeps its mode (and owner where permitted); a new one gets 0o644 less the umask.
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
  try {
    syncFolder(file);
  } catch (e) {
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
        rename(tmp, file, (renameError) => {
          if (renameError) return fail(renameError);
          syncFolderAsync(file, (syncFolderError) => (syncFolderError ? reject(writeError(file, syncFolderError)) : done()));
        });
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
