// `naq diff --check` of two 1,000-question revisions, and `naq migrate` of four responses from one to
// the other, against `naq validate` of the same files: each must read and check the same revisions,
// so the ratio shows what comparing and carrying add on top.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { bigQuestionnaire } from "./generate.js";
import { naq, report, root, timeCommand } from "./lib.js";

/** Revision 2.0.0 of the generated questionnaire: every tenth question renamed, every seventh reworded, a new area. */
function revised(old) {
  const next = globalThis.structuredClone(old);
  next.version = "2.0.0";
  let n = 0;
  for (const area of next.areas) {
    for (const q of area.questions) {
      n++;
      q.was = q.id;
      if (n % 10 === 0 && !next.areas.some((a) => a.questions.some((x) => x.when?.question === q.id))) q.id = q.id.replace(/\.(\d+)$/, (_, d) => `.${String(Number(d) + 500)}`);
      if (n % 7 === 0) q.text = Object.fromEntries(Object.entries(q.text).map(([l, s]) => [l, `${s}, reworded`]));
    }
  }
  next.areas.push({
    id: "NEW",
    title: next.areas[0].title,
    questions: [{ ...globalThis.structuredClone(next.areas[0].questions[0]), id: "NEW.001", was: undefined, when: undefined }],
  });
  return JSON.parse(JSON.stringify(next));
}

/** A response of `agency` answering every question it is asked, with the first level or option. */
function response(q, agency, digest) {
  const answers = {};
  for (const area of q.areas) {
    for (const x of area.questions) {
      if (!x.for.includes(agency) || x.when) continue;
      const value = { level: 3, "yes-no": "yes", choice: x.options?.[0]?.value, "multi-choice": [x.options?.[0]?.value], number: 12, text: "Answer.", date: "2024-01-31" }[x.type];
      answers[x.id] = { value };
    }
  }
  return {
    kind: "response",
    questionnaire: { id: q.id, version: q.version, digest },
    country: "XX",
    agency,
    language: "en",
    status: "in-progress",
    updated: "2024-02-01T10:00:00Z",
    answers,
  };
}

export default async function revisionsBench() {
  const dir = join(root, "bench", "out", "revisions");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "bench"), { recursive: true });
  const v1 = bigQuestionnaire(1000);
  const v2 = revised(v1);
  const f1 = join(dir, "bench", "1.0.0.yaml");
  const f2 = join(dir, "bench", "2.0.0.yaml");
  writeFileSync(f1, stringify(v1));
  writeFileSync(f2, stringify(v2));

  const diff = timeCommand([process.execPath, naq, "diff", "--check", f1, f2], { runs: 10 });
  const validate = timeCommand([process.execPath, naq, "validate", f1, f2], { runs: 10 });
  report("naq diff --check (1,000 → 1,001 questions)", diff, "naq validate of both revisions", validate, 1.5);

  const digest = JSON.parse(spawnSync(process.execPath, [naq, "show", f1, "--json"], { encoding: "utf8" }).stdout).digest;
  const responses = ["health", "customs", "border-guard", "emergency"].map((agency) => {
    const file = join(dir, `XX-${agency}.yaml`);
    writeFileSync(file, stringify(response(v1, agency, digest)));
    return file;
  });
  const out = join(dir, "migrated");
  const migrate = timeCommand([process.execPath, naq, "migrate", ...responses, "--to", f2, "--out-dir", out, "--force"], { runs: 10 });
  const check = timeCommand([process.execPath, naq, "validate", f1, f2, ...responses], { runs: 10 });
  // Migrate also checks each response against the new revision and writes it: about twice the work.
  report("naq migrate (4 responses, 1,000 questions)", migrate, "naq validate of both revisions and the responses", check, 2);
}
