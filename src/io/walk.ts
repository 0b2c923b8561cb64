import { readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import { join, resolve } from "node:path";
import { FileError, UsageError } from "../errors.js";

const DATA_FILE = /\.(ya?ml|json)$/i;

/** Most files one run of `validate`, `status`, `merge` or `import` reads: a national assessment has tens, a big archive hundreds. */
export const MAX_FILES = 5_000;

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Expands files and folders into the data files they hold (.yaml, .yml, .json), sorted, skipping
 * hidden entries and node_modules, and each folder after its first visit (a symbolic link can loop).
 * Paths that do not exist are returned in `missing`; an entry that cannot be looked at (a dangling
 * link) is returned as a file, for the reader to report. Relative paths are looked up in `cwd` (the
 * process's folder when undefined) and returned as given, so messages name files as the user did.
 * Throws a `UsageError` past `limit` files and a `FileError` for a folder that cannot be listed.
 */
export function expandPaths(paths: readonly string[], pattern = DATA_FILE, limit = MAX_FILES, cwd?: string): { files: string[]; missing: string[] } {
  const at = (p: string) => (cwd === undefined ? p : resolve(cwd, p));
  const files = new Set<string>();
  const missing: string[] = [];
  const visited = new Set<string>();
  let found = 0;
  const add = (file: string) => {
    if (files.has(file)) return;
    found++;
    // Past the limit only the count goes on, so a huge folder costs no memory before it is refused.
    if (found <= limit) files.add(file);
  };
  const walk = (dir: string) => {
    let real: string;
    let names: string[];
    try {
      real = realpathSync(at(dir));
      if (visited.has(real)) return;
      visited.add(real);
      names = readdirSync(at(dir)).sort();
    } catch (e) {
      throw new FileError(`${dir}: cannot read the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    for (const name of names) {
      if (name.startsWith(".") || name === "node_modules") continue;
      const p = join(dir, name);
      const st = statOrUndefined(at(p));
      if (st?.isDirectory()) walk(p);
      else if (pattern.test(name)) add(p);
    }
  };
  for (const p of paths) {
    const st = statOrUndefined(at(p));
    if (!st) missing.push(p);
    else if (st.isDirectory()) walk(p);
    else add(p);
  }
  if (found > limit) {
    throw new UsageError(
      `${paths.join(", ")} hold ${found.toLocaleString("en")} files to read; naq reads at most ${limit.toLocaleString("en")} in one run. Give fewer files or folders, for example one country's responses at a time`,
    );
  }
  return { files: [...files], missing };
}
