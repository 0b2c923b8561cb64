import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fixture, root, runBuilt, runNaq, tempDir } from "../../helpers.js";

/** `naq diff --check ARGS` through the built CLI, outside GitHub Actions unless `env` says otherwise. */
function check(args: string[], env: Record<string, string> = {}) {
  return runBuilt(["diff", "--check", ...args], { env: { GITHUB_ACTIONS: "", GITHUB_STEP_SUMMARY: "", ...env } });
}

/** A folder holding the bundled 1.0.0 and 2.0.0 and a 2.0.1 patch release (without `was`, since its ids are unchanged). */
function threeRevisions(): string {
  const dir = join(tempDir(), "cbrn-naq");
  mkdirSync(dir);
  copyFileSync(join(root, "questionnaires/cbrn-naq/1.0.0.yaml"), join(dir, "1.0.0.yaml"));
  copyFileSync(join(root, "questionnaires/cbrn-naq/2.0.0.yaml"), join(dir, "2.0.0.yaml"));
  writeFileSync(
    join(dir, "2.0.1.yaml"),
    readFileSync(join(root, "questionnaires/cbrn-naq/2.0.0.yaml"), "utf8")
      .replace("\nversion: 2.0.0\n", "\nversion: 2.0.1\n")
      .replace("released: 2024-05-15", "released: 2024-09-01")
      .replace(/^ +was: .*\n/gm, ""),
  );
  return dir;
}

describe("naq diff --check over folders of revisions, through the built CLI", () => {
  it("validates the bundled revisions and checks 2.0.0 against 1.0.0", () => {
    const r = check(["--strict", "questionnaires"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("naq diff --check questionnaires/cbrn-naq/1.0.0.yaml questionnaires/cbrn-naq/2.0.0.yaml");
    expect(r.stdout).toContain("1 pair of revisions compared (2 revisions in sequence).");
  });

  it("passes on a folder whose bumps admit their changes", () => {
    expect(check([fixture("revisions", "good")]).code).toBe(0);
  });

  it("fails on the crafted bad bump, with GitHub annotations", () => {
    const r = check(["--format", "github", fixture("revisions", "bad-bump")]);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/^::error .*title=VERSION_BUMP_TOO_SMALL::/gm)).toHaveLength(2);
    expect(r.stdout).toContain("✖ failed: naq diff mini 1.2.0 → 1.2.1");
  });

  it("fails when `was` names an id the previous revision lacks", () => {
    const r = check([fixture("revisions", "bad-was")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("✖ failed: naq validate, naq diff mini 1.2.0 → 2.0.0");
  });

  it("pairs several revisions in order (a patch release without `was`, since its ids are unchanged) and writes their diffs as Markdown, also to the job summary", () => {
    const dir = threeRevisions();
    const markdown = join(tempDir(), "report.md");
    const summary = join(tempDir(), "summary.md");
    const r = check(["--markdown", markdown, dir], { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2 pairs of revisions compared (3 revisions in sequence).");
    const text = readFileSync(markdown, "utf8");
    expect(text.match(/^### cbrn-naq .*$/gm)).toEqual(["### cbrn-naq 1.0.0 → 2.0.0", "### cbrn-naq 2.0.0 → 2.0.1"]);
    expect(readFileSync(summary, "utf8")).toContain(text);
  });

  it("refuses an unknown option (exit 2)", () => {
    expect(check(["--nope"]).code).toBe(2);
  });
});

describe("naq diff --check over folders of revisions, in process", () => {
  const revisionsDir = fixture("revisions");

  it("annotates for GitHub by default under GitHub Actions, with paths as given, relative to the working folder", async () => {
    const r = await runNaq(["diff", "--check", "bad-bump"], { GITHUB_ACTIONS: "true" }, revisionsDir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("naq diff --check bad-bump/mini/1.2.0.yaml bad-bump/mini/1.2.1.yaml");
    expect(r.stdout.match(/^::error file=bad-bump\/mini\/1\.2\.1\.yaml,.*title=VERSION_BUMP_TOO_SMALL::/gm)).toHaveLength(2);
  });

  it("prints text unless told otherwise, and keeps warnings from failing without --strict", async () => {
    const r = await runNaq(["diff", "--check", "good"], {}, revisionsDir);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/^::/m);
    expect(r.stdout).toContain("✔ every revision is valid and every version bump admits its changes");
  });

  it("prints only the pairs' Markdown on stdout with --format markdown, the account on stderr", async () => {
    const r = await runNaq(["diff", "--check", "--format", "markdown", threeRevisions()]);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^### .*$/gm)).toEqual(["### cbrn-naq 1.0.0 → 2.0.0", "### cbrn-naq 2.0.0 → 2.0.1"]);
    expect(r.stdout).not.toContain("pairs of revisions compared");
    expect(r.stderr).toContain("2 pairs of revisions compared (3 revisions in sequence).");
  });

  it("refuses a --markdown file that exists unless --force is given, before writing anything", async () => {
    const dir = tempDir();
    const report = join(dir, "report.md");
    writeFileSync(report, "kept\n");
    const refused = await runNaq(["diff", "--check", "--markdown", "report.md", join(revisionsDir, "good")], {}, dir);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("report.md: cannot write (it exists; pass --force to replace it)");
    expect(readFileSync(report, "utf8")).toBe("kept\n");
    const forced = await runNaq(["diff", "--check", "--force", "--markdown", "report.md", join(revisionsDir, "good")], {}, dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(report, "utf8")).toMatch(/^### mini /);
  });

  it("refuses to write the Markdown over one of the revisions", async () => {
    const dir = join(tempDir(), "mini");
    mkdirSync(dir);
    copyFileSync(join(revisionsDir, "good", "mini", "1.2.0.yaml"), join(dir, "1.2.0.yaml"));
    const before = readFileSync(join(dir, "1.2.0.yaml"), "utf8");
    const r = await runNaq(["diff", "--check", "--force", "--markdown", join(dir, "1.2.0.yaml"), dir]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("it is one of the input files");
    expect(readFileSync(join(dir, "1.2.0.yaml"), "utf8")).toBe(before);
  });

  it("checks the responses kept beside the revisions as naq validate does, and fails on their errors", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "mini"));
    for (const v of ["1.2.0", "1.3.0"]) copyFileSync(join(revisionsDir, "good", "mini", `${v}.yaml`), join(dir, "mini", `${v}.yaml`));
    copyFileSync(fixture("responses", "mini-customs-bad.yaml"), join(dir, "mini", "answers.yaml"));
    const r = await runNaq(["diff", "--check", "mini"], {}, dir);
    expect(r.stdout).toMatch(/^mini\/answers\.yaml:\d+:\d+ +error +[A-Z_]+/m);
    expect(r.stdout).toContain("3 files checked");
    expect(r.code).toBe(1);
  });

  it("exits 3 with FILE_NOT_FOUND for a folder that does not exist", async () => {
    const r = await runNaq(["diff", "--check", "good", "no-such-folder"], {}, revisionsDir);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^no-such-folder +error +FILE_NOT_FOUND/m);
  });

  it.each([
    ["three revisions without --check", ["diff", "a.yaml", "b.yaml", "c.yaml"]],
    ["a folder without --check", ["diff", "good"]],
    ["--strict without --check", ["diff", "--strict", "good/mini/1.2.0.yaml", "good/mini/1.3.0.yaml"]],
    ["json over folders", ["diff", "--check", "--format", "json", "good"]],
    ["a folder with no revisions", ["diff", "--check", "."]],
  ])("exits 2 on %s", async (_, argv) => {
    const dir = _ === "a folder with no revisions" ? tempDir() : revisionsDir;
    expect((await runNaq(argv, {}, dir)).code).toBe(2);
  });
});

describe("the composite action", () => {
  const action = parse(readFileSync(join(root, "action.yml"), "utf8")) as {
    inputs: Record<string, { default: string }>;
    runs: { using: string; steps: { id?: string; run?: string; env?: Record<string, string> }[] };
  };
  const step = action.runs.steps.find((s) => s.id === "check");

  it("is a composite action whose inputs default to the usual layout", () => {
    expect(action.runs.using).toBe("composite");
    expect(action.inputs.paths?.default).toBe("questionnaires");
    expect(action.inputs.strict?.default).toBe("true");
  });

  it.each([
    ["questionnaires", 0],
    [`${fixture("revisions", "good")} ${fixture("revisions", "bad-bump")}`, 1],
  ])("runs its check step on %s and exits %i", (paths, code) => {
    const tmp = tempDir();
    const r = spawnSync("bash", ["-e", "-c", step?.run ?? "exit 99"], {
      cwd: root,
      encoding: "utf8",
      env: {
        ...process.env,
        NO_COLOR: "1",
        GITHUB_ACTION_PATH: root,
        RUNNER_TEMP: tmp,
        GITHUB_OUTPUT: join(tmp, "output"),
        GITHUB_STEP_SUMMARY: join(tmp, "summary"),
        NAQ_PATHS: paths,
        NAQ_STRICT: "true",
      },
    });
    expect(r.status).toBe(code);
    expect(readFileSync(join(tmp, "output"), "utf8")).toBe(`report=${tmp}/naq-revisions.md\n`);
    expect(readFileSync(join(tmp, "naq-revisions.md"), "utf8")).toMatch(/^### /);
  });
});

describe("the questionnaires workflow", () => {
  const workflow = parse(readFileSync(join(root, ".github", "workflows", "questionnaires.yml"), "utf8")) as {
    on: Record<string, { paths: string[] }>;
    jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }>;
  };

  it("runs the action of this repository on pushes and pull requests that touch the revisions", () => {
    expect(workflow.on.push?.paths).toContain("questionnaires/**");
    expect(workflow.on.pull_request?.paths).toContain("questionnaires/**");
    expect(workflow.jobs.revisions?.steps.find((s) => s.uses === "./")?.with).toEqual({ paths: "questionnaires" });
  });
});
