import { readFileSync, statSync } from "node:fs";
import type { Questionnaire, Response } from "../../core/questionnaire/model.js";
import { FileError } from "../../errors.js";
import { headerComments, saveResponse, schemaRefFor, schemaRefIn } from "../../io/yaml/response-file.js";

/**
 * The autosave of the response `file` (`shown` in messages): keeps the comments an existing file starts
 * with (a notice, who wrote it) and its schema line, and is guarded (see `guardedSave`).
 */
export function autosave(file: string, shown: string, q: Questionnaire, exists: boolean): (r: Response) => void {
  const text = exists ? readFileSync(file, "utf8") : "";
  const header = headerComments(text);
  const schemaRef = schemaRefIn(text) ?? schemaRefFor(file);
  return guardedSave(file, shown, (r) => saveResponse(file, r, q, schemaRef, header), exists);
}

/**
 * The autosave, refusing to overwrite the file when another program (another fill on the same file, an
 * editor) changed it since this session last read or wrote it: its answers would be lost.
 */
function guardedSave(file: string, shown: string, write: (r: Response) => void, exists: boolean): (r: Response) => void {
  const stamp = () => {
    try {
      const st = statSync(file);
      return `${st.ino}:${st.size}:${st.mtimeMs}`;
    } catch {
      return undefined;
    }
  };
  let last = exists ? stamp() : undefined;
  return (r) => {
    const now = stamp();
    if (now !== undefined && now !== last) {
      throw new FileError(
        `${shown} was changed by another program while fill was running, so the last answer was not written over it. Run the same command again to continue from the file as it is now`,
      );
    }
    write(r);
    last = stamp();
  };
}
