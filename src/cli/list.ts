import { type Wiring, examples } from "./wiring.js";

/** `naq list`: its options and help; the command module loads only when it runs. */
export function addList({ program, ctx, setCode }: Wiring): void {
  program
    .command("list")
    .summary("list the bundled questionnaires")
    .description("List the bundled questionnaire revisions with their versions, languages and question counts.")
    .option("--json", "print JSON")
    .addHelpText("after", examples("naq list", "naq list --json"))
    .action(async (opts) => {
      const { list } = await import("../commands/list.js");
      setCode(list({ json: opts.json === true }, ctx));
    });
}
