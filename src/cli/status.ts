import { type Wiring, examples } from "./wiring.js";

/** `naq status`: its options and help; the command module loads only when it runs. */
export function addStatus({ program, ctx, setCode }: Wiring): void {
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
      const { status } = await import("../commands/status.js");
      setCode(status({ paths, questionnaire: opts.questionnaire, json: opts.json === true }, ctx));
    });
}
