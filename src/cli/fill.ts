import { type Wiring, examples } from "./wiring.js";

/** `naq fill`: its options and help; the command module loads only when it runs. */
export function addFill({ program, ctx, setCode }: Wiring): void {
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
      const { fill } = await import("../commands/fill/index.js");
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
}
