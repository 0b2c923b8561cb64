// Runs every bench/*.bench.js in turn (or those named on the command line) and prints their ratios.
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";

const dir = fileURLToPath(new URL(".", import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.js"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
for (const f of benches) {
  console.log(`\n== ${f}`);
  const mod = await import(pathToFileURL(join(dir, f)).href);
  await mod.default();
}
