import { type Wiring, examples } from "./wiring.js";

/** `naq migrate`: its options and help; the command module loads only when it runs. */
export function addMigrate({ program, ctx, setCode }: Wiring): void {
  program
    .command("migrate")
    .summary("carry answers to a newer revision")
    .description(
      "Carry responses to a newer revision through its `was` and `recode` declarations. Renamed and merged questions carry automatically; a split copies the answer to each part and marks it for confirmation; answers that cannot be carried are kept in an `unmapped` section with the reason and the question they most likely belong to. The old files are never modified. One response goes to --out or to standard output; several need --out-dir.",
    )
    .argument("<responses...>", "response files to migrate")
    .option("-t, --to <Q>", "revision to migrate to: bundled id, id@version or path (default: the newest bundled revision of the responses' questionnaire)")
    .option("--from <Q>", "revision the responses answer, when it is neither bundled nor next to --to")
    .option("-o, --out <file>", "write the migrated response to this file")
    .option("-d, --out-dir <dir>", "write each migrated response into this folder, under its own name")
    .option("--force", "replace output files that exist")
    .addHelpText(
      "after",
      examples(
        "naq migrate examples/responses/XX-customs-1.0.0.yaml --out XX-customs-2.0.0.yaml",
        "naq migrate examples/responses/*-1.0.0.yaml --to cbrn-naq@2.0.0 --out-dir migrated",
        "naq migrate answers.yaml --from my-naq/1.0.0.yaml --to my-naq/2.0.0.yaml > answers-2.0.0.yaml",
      ),
    )
    .action(async (responses, opts) => {
      const { migrate } = await import("../commands/migrate.js");
      setCode(migrate({ responses, to: opts.to, from: opts.from, out: opts.out, outDir: opts.outDir, force: opts.force === true }, ctx));
    });
}
