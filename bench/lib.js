// Shared helpers for benchmarks: median wall times and ratios against a baseline measured in the same run.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../", import.meta.url));
export const naq = fileURLToPath(new URL("../bin/naq.js", import.meta.url));

/** Median of the numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median wall time in ms of running `argv` (a command and its arguments) `runs` times, after one warm-up. */
export function timeCommand(argv, { runs = 15, cwd = root, env = {} } = {}) {
  const [cmd, ...args] = argv;
  const once = () => {
    const t = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd, env: { ...process.env, NO_COLOR: "1", ...env }, stdio: ["ignore", "ignore", "pipe"] });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0 && !argv.includes("--allow-fail")) throw new Error(`${argv.join(" ")} exited ${r.status}: ${r.stderr}`);
    return ms;
  };
  once();
  const times = [];
  for (let i = 0; i < runs; i++) times.push(once());
  return median(times);
}

/** Median time in ms of an in-process function, after one warm-up. */
export async function timeFunction(fn, runs = 10) {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

/** Prints one comparison line: subject vs baseline, the ratio and whether it meets the limit. */
export function report(name, subjectMs, baselineName, baselineMs, limit) {
  const ratio = subjectMs / baselineMs;
  const verdict = limit === undefined ? "" : ratio <= limit ? `  ok (limit ${limit}×)` : `  OVER LIMIT (${limit}×)`;
  console.log(`${name}: ${subjectMs.toFixed(1)} ms vs ${baselineName}: ${baselineMs.toFixed(1)} ms  ratio ${ratio.toFixed(2)}×${verdict}`);
  return ratio;
}
