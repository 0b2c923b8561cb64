import { Command, CommanderError } from "@commander-js/extra-typings";
import { EXIT, version, type Context } from "./context.js";
import { addValidate } from "./cli/validate.js";
import { addList } from "./cli/list.js";
import { addShow } from "./cli/show.js";
import { addSchema } from "./cli/schema.js";
import { addFill } from "./cli/fill.js";
import { addStatus } from "./cli/status.js";
import { addMerge } from "./cli/merge.js";
import { addDiff } from "./cli/diff.js";
import { addMigrate } from "./cli/migrate.js";
import { addTemplate } from "./cli/template.js";
import { addImport } from "./cli/import.js";

/** Builds the commander program; each action lazy-loads its command module and stores the exit code. */
export function buildProgram(ctx: Context, setCode: (code: number) => void) {
  const program = new Command()
    .name("naq")
    .description("Collect, check and consolidate answers to the CBRN Needs Assessment Questionnaire into a national gap report.")
    .version(version(), "-V, --version", "print the version")
    .option("--no-color", "never colour the output (NO_COLOR is respected too)")
    .showHelpAfterError("(run `naq --help` for usage)")
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.io.stdout.write(s), writeErr: (s) => ctx.io.stderr.write(s) });
  // The order here is the order of `naq --help`.
  for (const add of [addValidate, addList, addShow, addSchema, addFill, addStatus, addMerge, addDiff, addMigrate, addTemplate, addImport]) add({ program, ctx, setCode });
  return program;
}

/** Parses `argv` and runs the chosen command; returns its exit code. */
export async function runCli(argv: readonly string[], ctx: Context): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(ctx, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw e;
  }
  return code;
}
