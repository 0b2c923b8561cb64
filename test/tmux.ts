import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bin } from "./helpers.js";

/**
 * Drives the built CLI in a real pseudo-terminal through tmux. Every test server runs on its own
 * socket, so a developer's tmux is never touched; panes stay after their process ends, so the last
 * screen can be read. The CLI runs under `sh -c`, which prints its exit status when it ends (tmux's
 * own pane_dead_status is not always filled in).
 */
const SOCKET = `naq-test-${process.pid}-${randomBytes(3).toString("hex")}`;
const UTF8 = { LANG: "C.UTF-8", LC_ALL: "C.UTF-8" };

function tmux(args: readonly string[], check = true): string {
  const r = spawnSync("tmux", ["-L", SOCKET, "-u", ...args], { encoding: "utf8", env: { ...process.env, ...UTF8 } });
  if (r.error) {
    throw new Error(`cannot run tmux (${r.error.message}). The pseudo-terminal tests of naq fill need it: install it with \`apt-get install tmux\` (.ci/run does)`);
  }
  if (check && r.status !== 0) throw new Error(`tmux ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

/** Starts this file's tmux server, failing loudly when tmux is missing. */
export function startTmuxServer(): void {
  tmux(["-V"]);
  tmux(["new-session", "-d", "-s", "keeper", "-x", "80", "-y", "10"]);
  tmux(["set-option", "-g", "remain-on-exit", "on"]);
  tmux(["set-option", "-g", "history-limit", "50000"]);
}

export function stopTmuxServer(): void {
  spawnSync("tmux", ["-L", SOCKET, "kill-server"]);
  // tmux leaves the socket file of a killed server behind.
  rmSync(join(process.env.TMUX_TMPDIR ?? tmpdir(), `tmux-${process.getuid?.() ?? 0}`, SOCKET), { force: true });
}

export type Key = string | { readonly text: string };

/** What the last lines of a fill screen say: how many prompts are finished (✔) and the open one (?), if any. */
export function promptState(screen: string): { done: number; open: string | undefined } {
  let done = 0;
  let lastDone = -1;
  let lastOpen = -1;
  const lines = screen.split("\n");
  lines.forEach((line, i) => {
    if (line.startsWith("✔ ")) {
      done++;
      lastDone = i;
    } else if (line.startsWith("? ")) lastOpen = i;
  });
  return { done, open: lastOpen > lastDone ? lines[lastOpen] : undefined };
}

let count = 0;

/** One pane running `node bin/naq.js ...`. */
export class Terminal {
  readonly name = `fill-${++count}-${randomBytes(3).toString("hex")}`;
  private started = false;

  /** Runs the built CLI with `argv` in `cwd`, in a 160×50 terminal. */
  start(argv: readonly string[], cwd: string, env: Record<string, string> = {}): this {
    const vars = Object.entries({ ...UTF8, TERM: "xterm-256color", ...env }).flatMap(([k, v]) => ["-e", `${k}=${v}`]);
    const wrapper = '"$@"; echo "[naq exited with $?]"';
    tmux(["new-session", "-d", "-s", this.name, "-x", "160", "-y", "50", "-c", cwd, ...vars, "sh", "-c", wrapper, "sh", process.execPath, bin, ...argv]);
    this.started = true;
    return this;
  }

  /** Everything the pane has shown, wrapped lines joined. */
  screen(): string {
    return tmux(["capture-pane", "-p", "-J", "-S", "-50000", "-t", this.name]).replace(/\s+$/, "");
  }

  send(...keys: readonly Key[]): void {
    for (const k of keys) tmux(typeof k === "string" ? ["send-keys", "-t", this.name, k] : ["send-keys", "-t", this.name, "-l", k.text]);
  }

  /** Polls the screen until `ok` holds; on timeout, fails with what the screen shows. */
  async waitFor(ok: (screen: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (ok(screen)) return screen;
      if (Date.now() > until) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}; the terminal shows:\n${screen}`);
      await new Promise((r) => setTimeout(r, 40));
    }
  }

  /** Waits until the open prompt contains `text`. */
  waitForPrompt(text: string): Promise<string> {
    return this.waitFor((s) => promptState(s).open?.includes(text) === true, `a prompt with “${text}”`);
  }

  /** Sends keys that finish the open prompt, then waits until the next open prompt contains `text`. */
  async step(keys: readonly Key[], text: string): Promise<string> {
    const before = promptState(this.screen()).done;
    this.send(...keys);
    return this.waitFor((s) => {
      const st = promptState(s);
      return st.done > before && st.open?.includes(text) === true;
    }, `the next prompt, with “${text}”`);
  }

  /** The process id of the CLI: the child of the pane's shell. */
  pid(): number {
    const shell = tmux(["display-message", "-p", "-t", this.name, "#{pane_pid}"]).trim();
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        // Fields after the command name, which is in parentheses and may hold spaces: state, ppid, ...
        const ppid = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1];
        if (ppid === shell) return Number(entry);
      } catch {
        // the process ended while the list was read
      }
    }
    throw new Error(`no process runs under the pane's shell (pid ${shell}); the terminal shows:\n${this.screen()}`);
  }

  /** Waits for the CLI to end and returns its exit status (128 + n when signal n ended it). */
  async exit(timeoutMs = 20_000): Promise<number> {
    const screen = await this.waitFor((s) => /\[naq exited with \d+\]/.test(s), "the end of naq", timeoutMs);
    return Number(/\[naq exited with (\d+)\]/.exec(screen)?.[1]);
  }

  kill(): void {
    if (this.started) tmux(["kill-session", "-t", this.name], false);
    this.started = false;
  }
}
