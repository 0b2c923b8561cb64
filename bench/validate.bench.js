// `naq validate` of a 1,000-question, three-language questionnaire against a script that only parses it
// with `yaml`, and against ajv-cli checking the same file against the same schema (which checks less).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeBigQuestionnaire } from "./generate.js";
import { naq, report, root, timeCommand } from "./lib.js";

export default async function validateBench() {
  const file = writeBigQuestionnaire(1000);
  const parseOnly = join(root, "bench", "out", "parse-only.mjs");
  writeFileSync(parseOnly, `import { readFileSync } from "node:fs";\nimport { parse } from "yaml";\nparse(readFileSync(process.argv[2], "utf8"));\n`);
  const ajvCli = join(root, "node_modules", "ajv-cli", "dist", "index.js");
  const schema = join(root, "schemas", "questionnaire.schema.json");

  const parse = timeCommand([process.execPath, parseOnly, file], { runs: 10 });
  const validate = timeCommand([process.execPath, naq, "validate", file], { runs: 10 });
  const ajv = timeCommand([process.execPath, ajvCli, "validate", "--spec=draft2020", "-c", "ajv-formats", "--all-errors", "--allow-union-types", "-s", schema, "-d", file], {
    runs: 10,
  });
  report("naq validate (1,000 questions, 3 languages)", validate, "yaml parse only", parse, 2);
  report("naq validate (1,000 questions, 3 languages)", validate, "ajv-cli validate", ajv, 1);
}
