import { Option } from "@commander-js/extra-typings";
import { type Wiring, examples } from "./wiring.js";

/** `naq validate`: its options and help; the command module loads only when it runs. */
export function addValidate({ program, ctx, setCode }: Wiring): void {
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
      const { validate } = await import("../commands/validate.js");
      setCode(validate({ paths, questionnaire: opts.questionnaire, format: opts.format, strict: opts.strict === true }, ctx));
    });
}
