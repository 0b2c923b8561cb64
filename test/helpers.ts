import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Io } from "../src/context.js";
import { run } from "../src/main.js";

export const root = fileURLToPath(new URL("../", import.meta.url));
export const fixture = (...parts: string[]) => join(root, "test", "fixtures", ...parts);
export const bin = join(root, "bin", "naq.js");

export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs naq in this process with captured streams (fast; for unit-level command tests). */
export async function runNaq(argv: string[], env: Record<string, string | undefined> = {}, cwd = root): Promise<Ran> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: { NO_COLOR: "1", ...env },
    cwd,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** Runs the built CLI (`bin/naq.js`) as a user would, end to end. Needs `npm run build` first (npm test does it). */
export function runBuilt(argv: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Ran {
  const r = spawnSync(process.execPath, [bin, ...argv], {
    cwd: opts.cwd ?? root,
    env: { ...process.env, NO_COLOR: "1", ...opts.env },
    input: opts.input ?? "",
    encoding: "utf8",
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh empty folder under the system temp folder. */
export function tempDir(prefix = "naq-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A seeded generator of numbers in [0, 1) (mulberry32), so a test that picks points at random can be repeated. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
