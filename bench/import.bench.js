/* global Buffer */
// `naq import` of 100 filled 2.0.0 workbooks against exceljs alone loading the same workbooks, each in
// one process: the checks, recognition, validation and writing must cost little beside reading.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { median, naq, report, root } from "./lib.js";

const COUNT = 100;
const RUNS = 7;
const dir = join(root, "bench", "out", "import");
const inDir = join(dir, "in");
const outDir = join(dir, "out");

/** 100 workbooks: templates pre-filled from the example 2.0.0 responses, round the agencies. */
async function makeWorkbooks() {
  if (existsSync(inDir) && readdirSync(inDir).filter((f) => f.endsWith(".xlsx")).length === COUNT) return;
  rmSync(inDir, { recursive: true, force: true });
  mkdirSync(inDir, { recursive: true });
  const { openQuestionnaire } = await import("../dist/io/revisions/bundled.js");
  const { loadResponseFile } = await import("../dist/io/revisions/load.js");
  const { planTemplate } = await import("../dist/core/workbook/plan.js");
  const { renderTemplate } = await import("../dist/io/xlsx/template.js");
  const { sha256 } = await import("../dist/io/hash.js");
  const loaded = openQuestionnaire("cbrn-naq@2.0.0");
  const responses = readdirSync(join(root, "examples", "responses"))
    .filter((f) => /^XX-[a-z-]+\.yaml$/.test(f))
    .map((f) => loadResponseFile(join(root, "examples", "responses", f)).value)
    .filter((r) => r && r.questionnaire.version === "2.0.0");
  for (let i = 0; i < COUNT; i++) {
    const response = responses[i % responses.length];
    const plan = planTemplate({
      questionnaire: loaded.questionnaire,
      digest: loaded.digest,
      agency: response.agency,
      country: response.country,
      lang: response.language,
      response,
      now: new Date().toISOString(),
      hash: sha256,
    });
    writeFileSync(join(inDir, `${String(i).padStart(3, "0")}-${response.agency}.xlsx`), await renderTemplate(plan));
  }
}

// The baseline: exceljs reading each workbook, nothing else.
const EXCELJS_ONLY = `
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
const { default: Excel } = await import("exceljs");
const dir = process.argv[1];
for (const f of readdirSync(dir).filter((f) => f.endsWith(".xlsx")).sort()) {
  await new Excel.Workbook().xlsx.load(readFileSync(join(dir, f)));
}
`;

/** Wall time in ms of one run of `argv`, which must succeed. */
function run(argv) {
  const t = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { cwd: root, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.slice(0, 3).join(" ")} … exited ${r.status}: ${r.stderr}`);
  return ms;
}

export default async function importBench() {
  await makeWorkbooks();
  const files = readdirSync(inDir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => join(inDir, f));
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  // Runs alternate, so that a busy machine slows both sides alike; the medians are compared.
  const baseline = [process.execPath, "--input-type=module", "-e", EXCELJS_ONLY, inDir];
  const subject = [process.execPath, naq, "import", ...files, "--out-dir", outDir, "--force"];
  const times = { baseline: [], subject: [] };
  for (let i = 0; i < RUNS + 1; i++) {
    const b = run(baseline);
    const s = run(subject);
    if (i === 0) continue; // the first pair warms the disk cache
    times.baseline.push(b);
    times.subject.push(s);
  }
  const exceljs = median(times.baseline);
  const imported = median(times.subject);
  const written = readdirSync(outDir).filter((f) => f.endsWith(".yaml")).length;
  if (written !== COUNT) throw new Error(`naq import wrote ${written} response files, not ${COUNT}`);
  report(`naq import of ${COUNT} workbooks`, imported, `exceljs loading them`, exceljs, 1.3);
  await refusals(files[0]);
}

/** Refusing a zip bomb or a million-row validation must take no longer than importing a good workbook. */
async function refusals(good) {
  const { readFileSync } = await import("node:fs");
  const { unpackWorkbook } = await import("../dist/io/xlsx/zip-guard.js");
  const { storedZip } = await import("../dist/io/xlsx/zip-store.js");
  const { parts } = unpackWorkbook(readFileSync(good));
  const sheet = [...parts.keys()].find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && parts.get(n).includes("<dataValidation "));
  const validation = new Map(parts);
  validation.set(
    sheet,
    Buffer.from(
      parts
        .get(sheet)
        .toString("utf8")
        .replace(/(<dataValidation\b[^>]*\bsqref=")D(\d+)(:D\d+)?"/, '$1D$2:D1000002"'),
    ),
  );
  writeFileSync(join(dir, "validation.xlsx"), storedZip(validation));
  // A zip whose directory declares a 4 GB sheet: the central directory's size field, patched.
  const bomb = storedZip(
    new Map([
      ["xl/workbook.xml", Buffer.from("<workbook/>")],
      ["xl/worksheets/sheet1.xml", Buffer.from("<worksheet/>")],
    ]),
  );
  const central = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  bomb.writeUInt32LE(4_000_000_000, central + 24);
  writeFileSync(join(dir, "bomb.xlsx"), bomb);
  const once = (file) => {
    const t = process.hrtime.bigint();
    spawnSync(process.execPath, [naq, "import", file, "--out-dir", join(dir, "refused")], { stdio: "ignore" });
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const times = { good: [], validation: [], bomb: [] };
  for (let i = 0; i < RUNS; i++) {
    rmSync(join(dir, "refused"), { recursive: true, force: true });
    times.good.push(once(good));
    times.validation.push(once(join(dir, "validation.xlsx")));
    times.bomb.push(once(join(dir, "bomb.xlsx")));
  }
  const goodMs = median(times.good);
  report("refusing a 1,000,000-row validation", median(times.validation), "importing one good workbook", goodMs, 1.0);
  report("refusing a zip bomb declaring 4 GB", median(times.bomb), "importing one good workbook", goodMs, 1.0);
}
