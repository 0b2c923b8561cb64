import { type Wiring, collect, examples, parseTarget } from "./wiring.js";

/** `naq merge`: its options and help; the command module loads only when it runs. */
export function addMerge({ program, ctx, setCode }: Wiring): void {
  program
    .command("merge")
    .summary("merge all agencies' answers into the national gap report")
    .description(
      "Merge one country's responses into the national gap report: consolidated answers (the median of the agencies' levels for a capability, the lead agency's answer for a fact), workshop decisions applied, scores by area, domain and phase, priorities in bands (gap to target × weight × the criticality the country's own risk ratings give), disagreements and coverage; every figure traceable to the answers behind it. A summary is printed; --out writes the full report as .md, .html, .xlsx or .json (several --out at once).",
    )
    .argument("<paths...>", "response files or folders (folders are searched for .yaml, .yml and .json files)")
    .option("-q, --questionnaire <Q>", "revision to merge against (bundled id, id@version or path); default: the newest revision the responses answer")
    .option("-c, --consensus <file>", "workshop decisions (`kind: consensus`) to apply over the consolidated answers")
    .option("-t, --target <level>", "target level that gaps are measured against (1-5; default: each question's, else the questionnaire's, else 5)", parseTarget)
    .option("--targets <file>", "national targets (`kind: targets`): a default, per area and per question, over --target")
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
        "naq merge responses/ --targets targets.yaml --out gap-report.html",
      ),
    )
    .action(async (paths, opts) => {
      const { merge } = await import("../commands/merge.js");
      setCode(
        await merge(
          {
            paths,
            questionnaire: opts.questionnaire,
            consensus: opts.consensus,
            target: opts.target,
            targets: opts.targets,
            lang: opts.lang,
            out: opts.out ?? [],
            force: opts.force === true,
            strict: opts.strict === true,
          },
          ctx,
        ),
      );
    });
}
