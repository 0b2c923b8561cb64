import { chmodSync, chownSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic, writeFileAtomicAsync } from "../../src/io/files.js";
import { tempDir } from "../helpers.js";

const WRITERS = [
  ["writeFileAtomic", (file: string, content: string) => Promise.resolve(writeFileAtomic(file, content))],
  ["writeFileAtomicAsync", writeFileAtomicAsync],
] as const;
const mode = (file: string) => statSync(file).mode & 0o7777;
const umask = () => {
  const mask = process.umask(0);
  process.umask(mask);
  return mask;
};

describe.each(WRITERS)("%s", (_name, write) => {
  it.each([
    ["600", 0o600],
    ["640", 0o640],
    ["444", 0o444],
  ])("keeps the mode %s of the file it replaces", async (_octal, kept) => {
    const file = join(tempDir(), "naq-XX-health.yaml");
    writeFileSync(file, "old\n");
    chmodSync(file, kept);
    await write(file, "new\n");
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(mode(file).toString(8)).toBe(kept.toString(8));
  });

  it("gives a new file 0o644 less the umask", async () => {
    const file = join(tempDir(), "report.md");
    await write(file, "# report\n");
    expect(mode(file).toString(8)).toBe((0o644 & ~umask()).toString(8));
  });

  it.skipIf(process.getuid?.() !== 0)("keeps the owner and group of the file it replaces, as root", async () => {
    const file = join(tempDir(), "naq-XX-health.yaml");
    writeFileSync(file, "old\n");
    chownSync(file, 4321, 8765);
    await write(file, "new\n");
    expect([statSync(file).uid, statSync(file).gid]).toEqual([4321, 8765]);
  });
});
