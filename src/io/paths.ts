import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** The installed package's root folder (the one holding package.json), from src/io or dist/io alike. */
export const packageRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Where the JSON Schema of a file format lives. */
export function schemaPath(name: string): string {
  return join(packageRoot, "schemas", `${name}.schema.json`);
}

/** The folder of bundled questionnaire revisions. */
export const bundledDir = join(packageRoot, "questionnaires");
