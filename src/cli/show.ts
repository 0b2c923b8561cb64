import { type Wiring, examples } from "./wiring.js";

/** `naq show`: its options and help; the command module loads only when it runs. */
export function addShow({ program, ctx, setCode }: Wiring): void {
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
      const { show } = await import("../commands/show.js");
      setCode(show({ questionnaire: q, lang: opts.lang, questions: opts.questions === true, json: opts.json === true }, ctx));
    });
}
