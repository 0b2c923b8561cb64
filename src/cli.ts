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
    .command("template")
    .summary("make a workbook an agency can fill in Excel or LibreOffice")
    .description(
      "Write an .xlsx workbook for one agency in one language: an instructions sheet, one sheet per area with the questions the agency is asked, dropdown lists of the answers, comment and evidence cells. A hidden sheet records the revision and a fingerprint, so `naq import` recognises a stale or altered template.",
    )
    .requiredOption("-o, --out <file.xlsx>", "workbook to write (never replaced without --force)")
    .option("-q, --questionnaire <Q>", "revision (bundled id, id@version or path; default: the newest bundled, or the one --from answers)")
    .option("-a, --agency <id>", "agency the workbook is for (default: the --from response's)")
    .option("-c, --country <CC>", "ISO 3166 alpha-2 code of the country")
    .option("-l, --lang <lang>", "language of the workbook (default: the --from response's, else the questionnaire's first)")
    .option("--from <response>", "pre-fill the answers of this response file (to review them, or to continue work begun in `naq fill`)")
    .option("--send-to <who>", "who the workbook goes back to, as the instructions should say (e.g. a name and e-mail address)")
    .option("--force", "replace --out if it exists")
    .addHelpText(
      "after",
      examples(
        "naq template --agency health --country XX --lang fr --out naq-XX-health.xlsx",
        'naq template --agency customs --country XX --send-to "NFP secretariat, nfp@example.org" --out customs.xlsx',
        "naq template --from examples/responses/XX-customs-1.0.0.yaml --out review-customs.xlsx",
      ),
    )
    .action(async (opts) => {
      const { template } = await import("./commands/template.js");
      setCode(
        await template(
          { questionnaire: opts.questionnaire, agency: opts.agency, country: opts.country, lang: opts.lang, from: opts.from, sendTo: opts.sendTo, out: opts.out, force: opts.force === true },
          ctx,
        ),
      );
    });

  program
    .command("import")
    .summary("turn filled workbooks into response files")
    .description(
      "Read workbooks made by `naq template` and filled in any spreadsheet program into validated response files. Answers are recognised by their label in any of the questionnaire's languages or by their value. A workbook with errors produces no file (unless --partial); every problem names its sheet and cell.",
    )
    .argument("<workbooks...>", ".xlsx files or folders holding them")
    .option("-o, --out <file.yaml>", "response file to write (one workbook only)")
    .option("-d, --out-dir <dir>", "folder to write the response files to, each named after its workbook (default: the current folder)")
    .option("-q, --questionnaire <Q>", "revision the workbooks must be for (default: the bundled one each names)")
    .option("-c, --country <CC>", "country for workbooks whose template names none")
    .option("--partial", "write the valid answers of a workbook that has invalid ones, and list the rest")
    .option("--force", "replace response files that exist")
    .addHelpText("after", examples("naq import examples/workbooks/XX-health.xlsx", "naq import inbox/ --out-dir responses", "naq import late.xlsx --partial --out late.yaml"))
    .action(async (workbooks, opts) => {
      const { importCommand } = await import("./commands/import.js");
      setCode(
        await importCommand(
          { files: workbooks, out: opts.out, outDir: opts.outDir, questionnaire: opts.questionnaire, country: opts.country, partial: opts.partial === true, force: opts.force === true },
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
