import { Option } from "@commander-js/extra-typings";
import { type Wiring, examples } from "./wiring.js";

/** `naq diff`: its options and help; the command module loads only when it runs. */
export function addDiff({ program, ctx, setCode }: Wiring): void {
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
      const { diff } = await import("../commands/diff.js");
      setCode(await diff({ old: oldRef, new: newRef, check: opts.check === true, format: opts.format }, ctx));
    });
}
