import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const DATA_FILE = /\.(ya?ml|json)$/i;

/**
 * Expands files and folders into the data files they hold (.yaml, .yml, .json), sorted, skipping
 * hidden entries and node_modules. Paths that do not exist are returned in `missing`.
 */
export function expandPaths(paths: readonly string[], pattern = DATA_FILE): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith(".") || name === "node_modules") continue;
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (pattern.test(name)) files.push(p);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else files.push(p);
  }
  return { files: [...new Set(files)], missing };
}
