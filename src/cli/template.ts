import { type Wiring, examples } from "./wiring.js";

/** `naq template`: its options and help; the command module loads only when it runs. */
export function addTemplate({ program, ctx, setCode }: Wiring): void {
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
      const { template } = await import("../commands/template.js");
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
}
