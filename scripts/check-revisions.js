#!/usr/bin/env node
// Checks the questionnaire revisions kept under the given folders, as CI does: `naq validate` on every
// file, then `naq diff --check` between each revision and the one before it (same folder, same
// questionnaire id, ordered by semantic version). Used by action.yml and .github/workflows/questionnaires.yml.
//
//   node scripts/check-revisions.js [--format text|github] [--strict] [--markdown FILE] [PATH...]
//
// PATH defaults to `questionnaires`. --markdown writes every pair's diff as Markdown (for a pull-request
// comment); under GitHub Actions the same Markdown is appended to the job summary. Exit 1 when a check fails.
import { spawnSync } from "node:child_process";
import { appendFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { revisionPairs } from "../dist/io/revisions/store.js";
import { expandPaths } from "../dist/io/walk.js";

const naq = fileURLToPath(new URL("../bin/naq.js", import.meta.url));

function parseArgs(argv) {
  const opts = { format: process.env.GITHUB_ACTIONS === "true" ? "github" : "text", strict: false, markdown: undefined, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--format") opts.format = argv[++i];
    else if (a === "--strict") opts.strict = true;
    else if (a === "--markdown") opts.markdown = argv[++i];
    else if (a === "--") {
      opts.paths.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith("-")) throw new Error(`unknown option ${a}`);
    else opts.paths.push(a);
  }
  if (!["text", "github"].includes(opts.format)) throw new Error(`--format must be text or github, not ${opts.format}`);
  if (opts.paths.length === 0) opts.paths.push("questionnaires");
  return opts;
}

function runNaq(args, capture = false) {
  const r = spawnSync(process.execPath, [naq, ...args], { stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit", encoding: "utf8" });
  if (r.error) throw r.error;
  return { code: r.status ?? 1, stdout: r.stdout ?? "" };
}

function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`check-revisions: ${e.message}`);
    return 2;
  }
  const failed = [];
  const validate = runNaq(["validate", "--format", opts.format, ...(opts.strict ? ["--strict"] : []), ...opts.paths]);
  if (validate.code !== 0) failed.push("naq validate");

  const pairs = revisionPairs(expandPaths(opts.paths).files);
  const markdown = [];
  for (const p of pairs) {
    const label = `${p.old.questionnaire.id} ${p.old.questionnaire.version} → ${p.new.questionnaire.version}`;
    console.log(`\nnaq diff --check ${p.old.file} ${p.new.file}`);
    const diff = runNaq(["diff", "--check", "--format", opts.format, p.old.file, p.new.file]);
    if (diff.code !== 0) failed.push(`naq diff ${label}`);
    markdown.push(runNaq(["diff", "--format", "markdown", p.old.file, p.new.file], true).stdout);
  }
  const report = markdown.join("\n");
  if (opts.markdown) writeFileSync(opts.markdown, report);
  if (process.env.GITHUB_STEP_SUMMARY && report) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${report}\n`);

  const revisions = new Set(pairs.flatMap((p) => [p.old.file, p.new.file])).size;
  console.log(`\n${pairs.length} pair${pairs.length === 1 ? "" : "s"} of revisions compared (${revisions} revisions in sequence).`);
  if (failed.length) {
    console.log(`✖ failed: ${failed.join(", ")}`);
    return 1;
  }
  console.log("✔ every revision is valid and every version bump admits its changes");
  return 0;
}

process.exitCode = main();
