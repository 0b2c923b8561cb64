import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
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
  if (bytes.includes(0)) return fail(error("BINARY_FILE", "the file holds binary data (NUL bytes), not YAML or JSON text"));
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail(error("BINARY_FILE", "the file is not UTF-8 text; save it as UTF-8"));
  }
  return { ok: true, text: text.startsWith("\uFEFF") ? text.slice(1) : text };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Writes `content` to `file` atomically: a temporary file in the same folder, flushed, then renamed,
 * so a crash leaves either the old file or the new one, never half of one.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const tmp = join(dirname(file), `.${basename(file)}.naq-tmp-${randomBytes(4).toString("hex")}`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "wx", 0o644);
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    let written = 0;
    while (written < data.length) written += writeSync(fd, data, written, data.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // the temporary file was never created
    }
    throw new WriteError(file, (e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
}
