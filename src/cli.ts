import { Command, CommanderError, InvalidArgumentError, Option } from "@commander-js/extra-typings";
import { UsageError } from "./errors.js";
import { EXIT, version, type Context } from "./main.js";

const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;

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

  program
    .command("validate")
    .summary("check questionnaire and response files")
    .description("Check questionnaire and response files (told apart by `kind:`) against their JSON Schemas and the semantic rules.")
    .argument("<paths...>", "files or folders (folders are searched for .yaml, .yml and .json files)")
    .option("-q, --questionnaire <Q>", "revision to check responses against (bundled id, id@version or path); default: the one each response names")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json", "github"] as const).default("text" as const))
    .option("--strict", "fail on warnings too")
    .addHelpText("after", examples("naq validate questionnaires", "naq validate --strict --format github questionnaires examples", "naq validate naq-XX-health.yaml"))
    .action(async (paths, opts) => {
      const { validate } = await import("./commands/validate.js");
      setCode(await validate({ paths, questionnaire: opts.questionnaire, format: opts.format, strict: opts.strict === true }, ctx));
    });

  program
    .command("list")
    .summary("list the bundled questionnaires")
    .description("List the bundled questionnaire revisions with their versions, languages and question counts.")
    .option("--json", "print JSON")
    .addHelpText("after", examples("naq list", "naq list --json"))
    .action(async (opts) => {
      const { list } = await import("./commands/list.js");
      setCode(await list({ json: opts.json === true }, ctx));
    });

  program
    .command("show")
    .summary("outline one questionnaire")
    .description("Show the outline of a questionnaire revision: areas and their questions, agencies, languages and version.")
    .argument("[Q]", "bundled id, id@version or path (default: the newest bundled revision)")
    .option("-l, --lang <lang>", "language to show (default: the questionnaire's first)")
    .option("--questions", "list every question under its area")
    .option("--json", "print JSON")
    .addHelpText("after", examples("naq show", "naq show cbrn-naq@1.0.0 --lang ru", "naq show cbrn-naq --lang fr --questions"))
    .action(async (q, opts) => {
      const { show } = await import("./commands/show.js");
      setCode(await show({ questionnaire: q, lang: opts.lang, questions: opts.questions === true, json: opts.json === true }, ctx));
    });

  program
    .command("schema")
    .summary("print the JSON Schema for answers to a revision")
    .description("Print the JSON Schema that response files for revision Q must meet: per question, the values its type allows, plus dont-know and not-applicable.")
    .argument("[Q]", "bundled id, id@version or path (default: the newest bundled revision)")
    .addHelpText("after", examples("naq schema > cbrn-naq-2.0.0.response.schema.json", "naq schema cbrn-naq@1.0.0"))
    .action(async (q) => {
      const { schema } = await import("./commands/schema.js");
      setCode(await schema({ questionnaire: q }, ctx));
    });

  program
    .command("fill")
    .summary("answer the questionnaire for one agency in the terminal")
    .description(
      "Walk one agency through the questions that apply to it, in its language, one prompt per question. Every answer is saved at once to the response file (default naq-<country>-<agency>.yaml); run the same command again to continue where you stopped. At the end, a review lists every answer and lets you change any of them.",
    )
    .option("-q, --questionnaire <Q>", "bundled id, id@version or path (default: the newest bundled revision)")
    .requiredOption("-c, --country <CC>", "ISO 3166-1 alpha-2 code of the country (XX for an exercise)")
    .requiredOption("-a, --agency <id>", "the answering agency, one of the questionnaire's agencies (see `naq show`)")
    .option("-l, --lang <lang>", "language of the questions (default: the response file's, else the questionnaire's first)")
    .option("-o, --out <file>", "response file to write and resume (default: naq-<country>-<agency>.yaml)")
    .option("--area <id>", "answer the questions of one area only")
    .option("--review", "go straight to the review of the answers given")
    .option("--respondent <name>", "who answers (name, position), recorded in the file")
    .addHelpText("after", examples("naq fill --country XX --agency health --lang fr", "naq fill --country XX --agency customs --area DET", "naq fill --country XX --agency health --review"))
    .action(async (opts) => {
      const { fill } = await import("./commands/fill.js");
      setCode(
        await fill(
          { questionnaire: opts.questionnaire, country: opts.country, agency: opts.agency, lang: opts.lang, out: opts.out, area: opts.area, review: opts.review === true, respondent: opts.respondent },
          ctx,
        ),
      );
    });

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
    if (e instanceof InvalidArgumentError) throw new UsageError(e.message);
    throw e;
  }
  return code;
}
