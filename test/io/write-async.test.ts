import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WriteError } from "../../src/errors.js";
import { writeFileAtomicAsync } from "../../src/io/files.js";
import { tempDir } from "../helpers.js";

describe("writeFileAtomicAsync", () => {
  it("writes the file whole and leaves no temporary file behind", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "r.yaml"), "old\n");
    await Promise.all([writeFileAtomicAsync(join(dir, "r.yaml"), "new\n"), writeFileAtomicAsync(join(dir, "s.yaml"), Buffer.from("bytes"))]);
    expect(readFileSync(join(dir, "r.yaml"), "utf8")).toBe("new\n");
    expect(readFileSync(join(dir, "s.yaml"), "utf8")).toBe("bytes");
    expect(readdirSync(dir).sort()).toEqual(["r.yaml", "s.yaml"]);
  });

  it("rejects with a WriteError naming the file when it cannot write", async () => {
    const file = join(tempDir(), "missing", "r.yaml");
    await expect(writeFileAtomicAsync(file, "x")).rejects.toBeInstanceOf(WriteError);
    await expect(writeFileAtomicAsync(file, "x")).rejects.toThrow(/r\.yaml: cannot write \(ENOENT\)/);
  });
});
