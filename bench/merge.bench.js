// `naq merge` at world scale: 64 countries × 40 agencies answering a 300-question questionnaire
// (2,560 response files), merged country by country, against merely reading and parsing the same
// files with `yaml`. Also prints the peak RSS after 16, 32 and 64 countries: it must stay flat.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { report, root } from "./lib.js";

const COUNTRIES = 64;
const AGENCIES = 40;
const AREAS = 10;
const PER_AREA = 30;
const out = join(root, "bench", "out", "merge");
const SHAPE = `${COUNTRIES}x${AGENCIES}x${AREAS * PER_AREA}-v2`;

/** A small deterministic pseudo-random sequence, so every run merges the same data. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const agencyIds = Array.from({ length: AGENCIES }, (_, i) => `agency-${String(i + 1).padStart(2, "0")}`);
const countryCodes = Array.from({ length: COUNTRIES }, (_, i) => String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)));

function questionnaireYaml() {
  const lines = ["kind: questionnaire", "id: bench-naq", "version: 1.0.0", "title: {en: Benchmark questionnaire}", "languages: [en]", "scales:", "  capability:", "    levels:"];
  for (let v = 1; v <= 5; v++) lines.push(`      - {value: ${v}, label: {en: Level ${v}}, description: {en: Level ${v} of the capability.}}`);
  lines.push("agencies:");
  for (const id of agencyIds) lines.push(`  - {id: ${id}, name: {en: Agency ${id}}}`);
  lines.push("areas:");
  const domains = ["[C]", "[B]", "[R, N]", "[C, B, R, N]"];
  const phases = ["prevention", "detection", "preparedness", "response", "recovery", "cross-cutting"];
  for (let a = 0; a < AREAS; a++) {
    const area = `A${String.fromCharCode(65 + a)}`;
    lines.push(`  - id: ${area}`, `    title: {en: Area ${area}}`, "    questions:");
    for (let n = 1; n <= PER_AREA; n++) {
      const id = `${area}.${String(n).padStart(2, "0")}`;
      lines.push(`      - id: ${id}`, `        text: {en: "How developed is capability ${id} across the agencies concerned?"}`);
      if (n % 10 === 1) lines.push("        type: yes-no", "        scored: true");
      else lines.push("        type: level");
      lines.push(`        domains: ${domains[n % domains.length]}`, `        phase: ${phases[(a + n) % phases.length]}`, `        weight: ${1 + (n % 3)}`);
      if (n % 10 === 2) lines.push(`        when: {question: ${area}.${String(n - 1).padStart(2, "0")}, is: "yes"}`);
      if (n % 7 === 0) lines.push(`        lead: ${agencyIds[n % AGENCIES]}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

async function generate() {
  const marker = join(out, "shape.txt");
  if (existsSync(marker) && readFileSync(marker, "utf8") === SHAPE) return;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const { digestOf } = await import("../dist/io/revisions/load.js");
  const qText = questionnaireYaml();
  writeFileSync(join(out, "questionnaire.yaml"), qText);
  const q = parse(qText);
  const digest = digestOf(q);
  const questions = q.areas.flatMap((a) => a.questions);
  countryCodes.forEach((country, c) => {
    const dir = join(out, "countries", country);
    mkdirSync(dir, { recursive: true });
    agencyIds.forEach((agency, i) => {
      const rnd = random(c * 1000 + i + 1);
      const lines = [
        "# yaml-language-server: $schema=../../../../../schemas/response.schema.json",
        "kind: response",
        `questionnaire: {id: bench-naq, version: 1.0.0, digest: "${digest}"}`,
        `country: ${country}`,
        `agency: ${agency}`,
        `respondent: Head of unit, ${agency}`,
        "language: en",
        `status: ${i % 9 === 0 ? "in-progress" : "complete"}`,
        "updated: 2025-02-10T09:30:00Z",
        "answers:",
      ];
      let gate = "yes";
      for (const x of questions) {
        const gated = x.when !== undefined;
        if (gated && gate !== `"yes"`) continue;
        const r = rnd();
        let value;
        if (x.type === "yes-no") value = gate = r < 0.7 ? '"yes"' : '"no"';
        else value = r < 0.04 ? "dont-know" : r < 0.06 ? "not-applicable" : String(1 + Math.floor(rnd() * 5));
        lines.push(`  ${x.id}:`, `    value: ${value}`);
        if (r > 0.75) lines.push(`    comment: "Assessed by the ${agency} team against the national plan; see the annual report, section ${Math.floor(r * 100)}."`);
        if (r > 0.9) lines.push(`    evidence: "Decree ${Math.floor(r * 1000)}/2023"`);
      }
      writeFileSync(join(dir, `${agency}.yaml`), `${lines.join("\n")}\n`);
    });
  });
  writeFileSync(marker, SHAPE);
}

const sink = { write: () => true, isTTY: false };

export default async function merge() {
  await generate();
  const { run } = await import("../dist/main.js");
  const qFile = join(out, "questionnaire.yaml");
  const reports = join(out, "reports");
  mkdirSync(reports, { recursive: true });
  const dirs = countryCodes.map((c) => join(out, "countries", c));
  const files = dirs.map((d) => readdirSync(d).map((f) => join(d, f)));

  const mergeCountry = async (i) => {
    const code = await run(["merge", dirs[i], "-q", qFile, "--out", join(reports, `${countryCodes[i]}.json`), "--force"], {
      stdout: sink,
      stderr: sink,
      env: { NO_COLOR: "1" },
      cwd: root,
    });
    if (code !== 0) throw new Error(`naq merge ${dirs[i]} exited ${code}`);
  };
  const parseCountry = (i) => {
    let answers = 0;
    for (const f of files[i]) answers += Object.keys(parse(readFileSync(f, "utf8")).answers).length;
    return answers;
  };

  // Warm both paths up on one country, so neither pays for loading modules in the timing.
  await mergeCountry(0);
  parseCountry(0);

  const cpu = (since) => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1000;
  };
  const rss = [];
  let t = process.hrtime.bigint();
  let c = process.cpuUsage();
  for (let i = 0; i < COUNTRIES; i++) {
    await mergeCountry(i);
    if (i + 1 === 16 || i + 1 === 32 || i + 1 === 64) rss.push([i + 1, process.resourceUsage().maxRSS / 1024]);
  }
  const mergeMs = Number(process.hrtime.bigint() - t) / 1e6;
  const mergeCpu = cpu(c);

  t = process.hrtime.bigint();
  c = process.cpuUsage();
  let answers = 0;
  for (let i = 0; i < COUNTRIES; i++) answers += parseCountry(i);
  const parseMs = Number(process.hrtime.bigint() - t) / 1e6;
  const parseCpu = cpu(c);

  console.log(`${COUNTRIES} countries × ${AGENCIES} agencies = ${COUNTRIES * AGENCIES} files, ${answers} answers to ${AREAS * PER_AREA} questions`);
  report("naq merge, country by country (--out .json), wall", mergeMs, "read + yaml.parse of the same files", parseMs, 1.5);
  // On a shared machine wall time moves with other load; CPU time of this process does not.
  report("naq merge, country by country (--out .json), CPU ", mergeCpu, "read + yaml.parse of the same files", parseCpu, 1.5);
  console.log(`peak RSS after ${rss.map(([n, mb]) => `${n} countries: ${mb.toFixed(0)} MB`).join(", ")}`);
}
