import { chmodSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, tempDir } from "../../helpers.js";
import { startTmuxServer, stopTmuxServer, Terminal } from "../../tmux.js";

const SMALL_ARGS = ["fill", "--questionnaire", fixture("fill", "small.yaml"), "--country", "XX", "--agency", "health"];

beforeAll(() => startTmuxServer());
afterAll(() => stopTmuxServer());

describe("naq fill in a terminal, resuming a response kept chmod 600", () => {
  it("saves each answer into the file and leaves it 600", async () => {
    const dir = tempDir();
    const file = join(dir, "naq-XX-health.yaml");
    const first = new Terminal().start(SMALL_ARGS, dir);
    try {
      await first.waitForPrompt("Is there a radiation monitoring network?");
      await first.step(["Enter"], "Comment");
      await first.step(["Enter"], "How many stations");
      first.send("C-c");
      expect(await first.exit()).toBe(130);
    } finally {
      first.kill();
    }
    chmodSync(file, 0o600);

    const again = new Terminal().start(SMALL_ARGS, dir);
    try {
      await again.waitForPrompt("How many stations");
      await again.step([{ text: "12" }, "Enter"], "Comment");
      await again.step(["Enter"], "How developed is laboratory surveillance?");
      again.send("C-c");
      expect(await again.exit()).toBe(130);
    } finally {
      again.kill();
    }
    expect(readFileSync(file, "utf8")).toMatch(/DET\.02:\n\s+value: 12\n/);
    expect((statSync(file).mode & 0o777).toString(8)).toBe("600");
  }, 60_000);
});
