import { type Wiring, examples } from "./wiring.js";

/** `naq import`: its options and help; the command module loads only when it runs. */
export function addImport({ program, ctx, setCode }: Wiring): void {
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
      const { importCommand } = await import("../commands/import.js");
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
}
