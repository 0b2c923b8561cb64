import { type Wiring, examples } from "./wiring.js";

/** `naq schema`: its options and help; the command module loads only when it runs. */
export function addSchema({ program, ctx, setCode }: Wiring): void {
  program
    .command("schema")
    .summary("print the JSON Schema for answers to a revision")
    .description("Print the JSON Schema that response files for revision Q must meet: per question, the values its type allows, plus dont-know and not-applicable.")
    .argument("[Q]", "bundled id, id@version or path (default: the newest bundled revision)")
    .addHelpText("after", examples("naq schema > cbrn-naq-2.0.0.response.schema.json", "naq schema cbrn-naq@1.0.0"))
    .action(async (q) => {
      const { schema } = await import("../commands/schema.js");
      setCode(schema({ questionnaire: q }, ctx));
    });
}
