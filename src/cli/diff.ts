import { Option } from "@commander-js/extra-typings";
import { type Wiring, examples } from "./wiring.js";

/** `naq diff`: its options and help; the command module loads only when it runs. */
export function addDiff({ program, ctx, setCode }: Wiring): void {
  program
    .command("diff")
    .summary("what changed between two revisions")
    .description(
      "Compare two revisions of a questionnaire by question id and `was`: questions added, removed, renamed, moved, split and merged; wording, type, options, conditions, agencies and weights changed; areas, languages and agencies added or removed. Each change is classed breaking (an old answer cannot be carried without loss or a decision), minor (additions) or patch (wording). With --check, exit 1 when the version bump from OLD to NEW is smaller than the largest change needs. With --check and folders (as CI runs it), validate every revision in them, then check each against the one before it (same folder, same id, by version).",
    )
    .argument("<revisions...>", "OLD and NEW: bundled id@version or path; with --check, also folders of <id>/<version>.yaml revisions")
    .option("--check", "fail (exit 1) when the version number does not admit a change; over folders, also validate every revision")
    .addOption(
      new Option(
        "-f, --format <format>",
        "output format (markdown: a pull-request comment; github: workflow annotations; default: text, github for folders under GitHub Actions)",
      ).choices(["text", "json", "markdown", "github"] as const),
    )
    .option("--strict", "checking folders: fail on warnings as well as errors")
    .option("--markdown <file>", "checking folders: also write every pair's diff as Markdown to this file (also appended to the GitHub job summary)")
    .option("--force", "replace the --markdown file if it exists")
    .addHelpText(
      "after",
      examples(
        "naq diff questionnaires/cbrn-naq/1.0.0.yaml questionnaires/cbrn-naq/2.0.0.yaml",
        "naq diff cbrn-naq@1.0.0 cbrn-naq@2.0.0 --check",
        "naq diff old.yaml new.yaml --format markdown > comment.md",
        "naq diff --check --format github questionnaires/cbrn-naq/1.0.0.yaml questionnaires/cbrn-naq/2.0.0.yaml",
        "naq diff --check --strict --markdown report.md questionnaires",
      ),
    )
    .action(async (revisions, opts) => {
      const { diff } = await import("../commands/diff/index.js");
      setCode(diff({ revisions, check: opts.check === true, format: opts.format, strict: opts.strict === true, markdown: opts.markdown, force: opts.force === true }, ctx));
    });
}
