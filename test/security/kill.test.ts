// No data loss, proven: naq killed with SIGKILL at points spread over its run never leaves a truncated file
// under a final name. Each output is either absent or complete.
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, truncateSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkSchema } from "../../src/io/schema/check.js";
import { bin, fixture, root, runBuilt, seededRandom, tempDir } from "../helpers.js";

const runs = Number(process.env.NAQ_KILL_RUNS ?? 25);
const seed = Number(process.env.NAQ_FUZZ_SEED ?? 20261121);
const LONG = 300_000;
// What writeFileAtomic leaves behind when killed between creating its temporary file and renaming it:
// hidden, so no later run reads it as an input.
const TEMP = /^\.[^/]+\.naq-tmp-[0-9a-f]{8}$/;

/** Runs the built CLI and kills it with SIGKILL after `delayMs` (unless it ends first); resolves with how it ended. */
function killAfter(argv: readonly string[], cwd: string, delayMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  return new Promise((done, fail) => {
    const started = Date.now();
    const child = spawn(process.execPath, [bin, ...argv], { cwd, stdio: "ignore", env: { ...process.env, NO_COLOR: "1" } });
    const timer = delayMs === Infinity ? undefined : setTimeout(() => child.kill("SIGKILL"), delayMs);
    child.on("error", fail);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, ms: Date.now() - started });
    });
  });
}

/**
 * The delays to kill at, each shifted at random within its slot: half spread over the whole run (and a
 * little past it), half over its last fifth, where the files are written.
 */
function delays(durationMs: number, rnd: () => number): number[] {
  const half = Math.ceil(runs / 2);
  const spread = (n: number, from: number, to: number) => Array.from({ length: n }, (_, i) => Math.round(durationMs * (from + ((i + rnd()) / n) * (to - from))));
  return [...spread(half, 0, 1.1), ...spread(runs - half, 0.8, 1.05)];
}

async function opensAsWorkbook(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}

describe("naq merge killed with SIGKILL", () => {
  it(
    `leaves each --out file absent or complete, over ${runs} kills spread over the run`,
    async () => {
      const names = ["big.json", "big.html", "big.xlsx"];
      const argv = (dir: string) => ["merge", join(root, "examples"), ...names.flatMap((n) => ["--out", join(dir, n)])];
      const reference = tempDir("naq-kill-merge-");
      const whole = await killAfter(argv(reference), reference, Infinity);
      expect(whole.code).toBe(0);
      const json = readFileSync(join(reference, "big.json"), "utf8");
      const html = readFileSync(join(reference, "big.html"), "utf8");
      expect(checkSchema("gap-report", JSON.parse(json))).toEqual([]);
      expect(html.trimEnd().endsWith("</html>")).toBe(true);
      const sheets = await opensAsWorkbook(join(reference, "big.xlsx"));

      const outcomes: number[] = [];
      const rnd = seededRandom(seed);
      for (const delay of delays(whole.ms, rnd)) {
        const dir = tempDir("naq-kill-merge-");
        const ended = await killAfter(argv(dir), dir, delay);
        const present = readdirSync(dir);
        const context = `killed after ${delay} ms (${ended.signal ?? `exit ${ended.code}`}): ${present.join(", ")}`;
        for (const name of present) expect(names.includes(name) || TEMP.test(name), context).toBe(true);
        // A complete file is the one an uninterrupted run writes (the workbook's zip carries a timestamp, so it is opened instead).
        if (present.includes("big.json")) expect(readFileSync(join(dir, "big.json"), "utf8"), context).toBe(json);
        if (present.includes("big.html")) expect(readFileSync(join(dir, "big.html"), "utf8"), context).toBe(html);
        if (present.includes("big.xlsx")) expect(await opensAsWorkbook(join(dir, "big.xlsx")), context).toEqual(sheets);
        if (ended.signal === null) expect(ended.code, context).toBe(0);
        if (ended.code === 0)
          expect(
            names.every((n) => present.includes(n)),
            context,
          ).toBe(true);
        outcomes.push(names.filter((n) => present.includes(n)).length);
      }
      console.info(`merge: ${runs} kills; complete reports found after each: ${outcomes.join(" ")}`);
    },
    LONG,
  );
});

describe("naq import --out-dir killed with SIGKILL", () => {
  it(
    `leaves only complete, valid response files, over ${runs} kills spread over the run`,
    async () => {
      const inbox = tempDir("naq-kill-inbox-");
      const sources = [
        join(root, "examples", "workbooks", "XX-health.xlsx"),
        join(root, "examples", "workbooks", "XX-interior.xlsx"),
        fixture("xlsx", "lo-fr-health.xlsx"),
        fixture("xlsx", "lo-ru-emergency.xlsx"),
      ];
      for (let copy = 1; copy <= 3; copy++) for (const s of sources) copyFileSync(s, join(inbox, `${copy}-${s.split("/").pop()}`));
      const argv = (dir: string) => ["import", inbox, "--out-dir", dir];

      const reference = join(tempDir("naq-kill-import-"), "out");
      const whole = await killAfter(argv(reference), inbox, Infinity);
      expect(whole.code).toBe(0);
      const expected = new Map(readdirSync(reference).map((n) => [n, readFileSync(join(reference, n), "utf8")]));
      expect(expected.size).toBe(12);
      expect(runBuilt(["validate", reference]).code).toBe(0);
      for (const text of expected.values()) expect(text.startsWith("# yaml-language-server: $schema=")).toBe(true);

      const outcomes: number[] = [];
      const rnd = seededRandom(seed + 1);
      for (const delay of delays(whole.ms, rnd)) {
        const dir = join(tempDir("naq-kill-import-"), "out");
        const ended = await killAfter(argv(dir), inbox, delay);
        const present = existsSync(dir) ? readdirSync(dir) : [];
        const context = `killed after ${delay} ms (${ended.signal ?? `exit ${ended.code}`}): ${present.join(", ")}`;
        for (const name of present) {
          if (TEMP.test(name)) continue;
          expect(expected.has(name), context).toBe(true);
          expect(readFileSync(join(dir, name), "utf8"), `${name}, ${context}`).toBe(expected.get(name));
        }
        if (ended.code === 0) expect(present.filter((n) => !TEMP.test(n)).length, context).toBe(12);
        outcomes.push(present.filter((n) => !TEMP.test(n)).length);
      }
      console.info(`import: ${runs} kills; complete response files found after each: ${outcomes.join(" ")}`);
    },
    LONG,
  );
});

describe("after a kill", () => {
  it("ignores a left-over temporary file when the folder is read again", () => {
    const dir = tempDir("naq-kill-leftover-");
    for (const f of readdirSync(join(root, "examples", "responses"))) copyFileSync(join(root, "examples", "responses", f), join(dir, f));
    // What a kill between write and rename leaves: a hidden, half-written file.
    const half = readFileSync(join(dir, "XX-health.yaml"), "utf8");
    mkdirSync(join(dir, "sub"));
    const leftover = join(dir, "sub", ".XX-health.yaml.naq-tmp-0123abcd");
    copyFileSync(join(dir, "XX-health.yaml"), leftover);
    truncateSync(leftover, Math.floor(half.length / 2));
    expect(runBuilt(["validate", dir]).code).toBe(0);
    expect(runBuilt(["status", dir]).code).toBe(0);
  });
});
