import { Command, CommanderError, InvalidArgumentError, Option } from "@commander-js/extra-typings";
import { EXIT, version, type Context } from "./context.js";

const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;

function parseTarget(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 5) throw new InvalidArgumentError(`the target is a level from 1 to 5, not \`${value}\``);
  return n;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

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
      setCode(validate({ paths, questionnaire: opts.questionnaire, format: opts.format, strict: opts.strict === true }, ctx));
    });

  program
    .command("list")
    .summary("list the bundled questionnaires")
    .description("List the bundled questionnaire revisions with their versions, languages and question counts.")
    .option("--json", "print JSON")
    .addHelpText("after", examples("naq list", "naq list --json"))
    .action(async (opts) => {
      const { list } = await import("./commands/list.js");
      setCode(list({ json: opts.json === true }, ctx));
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
      setCode(show({ questionnaire: q, lang: opts.lang, questions: opts.questions === true, json: opts.json === true }, ctx));
    });

  program
    .command("schema")
    .summary("print the JSON Schema for answers to a revision")
    .description("Print the JSON Schema that response files for revision Q must meet: per question, the values its type allows, plus dont-know and not-applicable.")
    .argument("[Q]", "bundled id, id@version or path (default: the newest bundled revision)")
    .addHelpText("after", examples("naq schema > cbrn-naq-2.0.0.response.schema.json", "naq schema cbrn-naq@1.0.0"))
    .action(async (q) => {
      const { schema } = await import("./commands/schema.js");
      setCode(schema({ questionnaire: q }, ctx));
    });

  program
    .command("fill")
    .summary("answer the questionnaire for one agency in the terminal")
    .description(
      "Walk one agency through the questions that apply to it, in its language, one prompt per question. Every answer is saved at once to the response file (default naq-<country>-<agency>.yaml); run the same command again to continue where you stopped. At the end, a review lists every answer and lets you change any of them. A response file to an older revision is offered for migration (the old file is kept as <name>.<old version>.yaml); answers carried on a guess are asked again to confirm, and old answers that could not be carried are shown next to the question they most likely belong to.",
    )
    .option("-q, --questionnaire <Q>", "bundled id, id@version or path (default: the newest bundled revision)")
    .requiredOption("-c, --country <CC>", "ISO 3166-1 alpha-2 code of the country (XX for an exercise)")
    .requiredOption("-a, --agency <id>", "the answering agency, one of the questionnaire's agencies (see `naq show`)")
    .option("-l, --lang <lang>", "language of the questions (default: the response file's, else the questionnaire's first)")
    .option("-o, --out <file>", "response file to write and resume (default: naq-<country>-<agency>.yaml)")
    .option("--area <id>", "answer the questions of one area only")
    .option("--review", "go straight to the review of the answers given")
    .option("--respondent <name>", "who answers (name, position), recorded in the file")
    .addHelpText(
      "after",
      examples("naq fill --country XX --agency health --lang fr", "naq fill --country XX --agency customs --area DET", "naq fill --country XX --agency health --review"),
    )
    .action(async (opts) => {
      const { fill } = await import("./commands/fill/index.js");
      setCode(
        await fill(
          {
            questionnaire: opts.questionnaire,
            country: opts.country,
            agency: opts.agency,
            lang: opts.lang,
            out: opts.out,
            area: opts.area,
            review: opts.review === true,
            respondent: opts.respondent,
          },
          ctx,
        ),
      );
    });

  program
    .command("status")
    .summary("show who has answered what")
    .description(
      "Show the completeness matrix: every expected agency (rows) × area (columns), each cell the share of that agency's relevant questions it has answered; in-progress and complete responses; the agencies that have not answered.",
    )
    .argument("<paths...>", "response files or folders (folders are searched for .yaml, .yml and .json files)")
    .option("-q, --questionnaire <Q>", "revision to measure against (bundled id, id@version or path); default: the newest revision the responses answer")
    .option("--json", "print JSON")
    .addHelpText("after", examples("naq status examples", "naq status responses/ --json"))
    .action(async (paths, opts) => {
      const { status } = await import("./commands/status.js");
      setCode(status({ paths, questionnaire: opts.questionnaire, json: opts.json === true }, ctx));
    });

  program
    .command("merge")
    .summary("merge all agencies' answers into the national gap report")
    .description(
      "Merge one country's responses into the national gap report: consolidated answers (the lead agency's, else the lowest level), workshop decisions applied, scores by area, domain and phase, priorities (gap × weight), disagreements and coverage; every figure traceable to the answers behind it. A summary is printed; --out writes the full report as .md, .html, .xlsx or .json (several --out at once).",
    )
    .argument("<paths...>", "response files or folders (folders are searched for .yaml, .yml and .json files)")
    .option("-q, --questionnaire <Q>", "revision to merge against (bundled id, id@version or path); default: the newest revision the responses answer")
    .option("-c, --consensus <file>", "workshop decisions (`kind: consensus`) to apply over the consolidated answers")
    .option("-t, --target <level>", "target level that gaps are measured against (1-5; default: the questionnaire's, else 5)", parseTarget)
    .option("-l, --lang <lang>", "language of the questionnaire texts in the report (default: the questionnaire's first)")
    .option("-o, --out <file>", "write the report to FILE, in the format its extension names (.md, .html, .xlsx, .json); repeatable", collect)
    .option("-f, --force", "replace --out files that exist")
    .option("--strict", "exit 1 when disagreements are unresolved, agencies have not answered, or a response was not merged")
    .addHelpText(
      "after",
      examples(
        "naq merge examples --out gap-report.html",
        "naq merge examples --out r.md --out r.html --out r.xlsx --out r.json",
        "naq merge responses/ --consensus workshop.yaml --lang fr --out rapport.html",
        "naq merge responses/ --strict",
      ),
    )
    .action(async (paths, opts) => {
      const { merge } = await import("./commands/merge.js");
      setCode(
        await merge(
          {
            paths,
            questionnaire: opts.questionnaire,
            consensus: opts.consensus,
            target: opts.target,
            lang: opts.lang,
            out: opts.out ?? [],
            force: opts.force === true,
            strict: opts.strict === true,
          },
          ctx,
        ),
      );
    });

  program
    .command("diff")
    .summary("what changed between two revisions")
    .description(
      "Compare two revisions of a questionnaire by question id and `was`: questions added, removed, renamed, moved, split and merged; wording, type, options, conditions, agencies and weights changed; areas, languages and agencies added or removed. Each change is classed breaking (an old answer cannot be carried without loss or a decision), minor (additions) or patch (wording). With --check, exit 1 when the version bump from OLD to NEW is smaller than the largest change needs.",
    )
    .argument("<OLD>", "the older revision: bundled id@version or path")
    .argument("<NEW>", "the newer revision: bundled id@version or path")
    .option("--check", "fail (exit 1) when the version number does not admit a change")
    .addOption(
      new Option("-f, --format <format>", "output format (markdown: a pull-request comment; github: workflow annotations)")
        .choices(["text", "json", "markdown", "github"] as const)
        .default("text" as const),
    )
    .addHelpText(
      "after",
      examples(
        "naq diff questionnaires/cbrn-naq/1.0.0.yaml questionnaires/cbrn-naq/2.0.0.yaml",
        "naq diff cbrn-naq@1.0.0 cbrn-naq@2.0.0 --check",
        "naq diff old.yaml new.yaml --format markdown > comment.md",
        "naq diff --check --format github questionnaires/cbrn-naq/1.0.0.yaml questionnaires/cbrn-naq/2.0.0.yaml",
      ),
    )
    .action(async (oldRef, newRef, opts) => {
      const { diff } = await import("./commands/diff.js");
      setCode(diff({ old: oldRef, new: newRef, check: opts.check === true, format: opts.format }, ctx));
    });

  program
    .command("migrate")
    .summary("carry answers to a newer revision")
    .description(
      "Carry responses to a newer revision through its `was` and `recode` declarations. Renamed and merged questions carry automatically; a split copies the answer to each part and marks it for confirmation; answers that cannot be carried are kept in an `unmapped` section with the reason and the question they most likely belong to. The old files are never modified. One response goes to --out or to standard output; several need --out-dir.",
    )
    .argument("<responses...>", "response files to migrate")
    .option("-t, --to <Q>", "revision to migrate to: bundled id, id@version or path (default: the newest bundled revision of the responses' questionnaire)")
    .option("--from <Q>", "revision the responses answer, when it is neither bundled nor next to --to")
    .option("-o, --out <file>", "write the migrated response to this file")
    .option("-d, --out-dir <dir>", "write each migrated response into this folder, under its own name")
    .option("--force", "replace output files that exist")
    .addHelpText(
      "after",
      examples(
        "naq migrate examples/responses/XX-customs-1.0.0.yaml --out XX-customs-2.0.0.yaml",
        "naq migrate examples/responses/*-1.0.0.yaml --to cbrn-naq@2.0.0 --out-dir migrated",
        "naq migrate answers.yaml --from my-naq/1.0.0.yaml --to my-naq/2.0.0.yaml > answers-2.0.0.yaml",
      ),
    )
    .action(async (responses, opts) => {
      const { migrate } = await import("./commands/migrate.js");
      setCode(migrate({ responses, to: opts.to, from: opts.from, out: opts.out, outDir: opts.outDir, force: opts.force === true }, ctx));
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
          {
            questionnaire: opts.questionnaire,
            agency: opts.agency,
            country: opts.country,
            lang: opts.lang,
            from: opts.from,
            sendTo: opts.sendTo,
            out: opts.out,
            force: opts.force === true,
          },
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
          {
            files: workbooks,
            out: opts.out,
            outDir: opts.outDir,
            questionnaire: opts.questionnaire,
            country: opts.country,
            partial: opts.partial === true,
            force: opts.force === true,
          },
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
    throw e;
  }
  return code;
}
