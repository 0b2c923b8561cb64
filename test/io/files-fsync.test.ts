import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { tempDir } from "../helpers.js";

// Every open, fsync and rename the writers make, in order, with the path each descriptor stands for.
const calls: string[] = [];
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const paths = new Map<number, string>();
  const named = (fd: number) => paths.get(fd) ?? `fd ${fd}`;
  type Done<T> = (e: NodeJS.ErrnoException | null, value: T) => void;
  return {
    ...fs,
    openSync: (path: string, flags: string, mode?: number) => {
      const fd = fs.openSync(path, flags, mode);
      paths.set(fd, path);
      return fd;
    },
    open: (path: string, flags: string, done: Done<number>) =>
      fs.open(path, flags, (e, fd) => {
        if (!e) paths.set(fd, path);
        done(e, fd);
      }),
    fsyncSync: (fd: number) => {
      calls.push(`fsync ${named(fd)}`);
      fs.fsyncSync(fd);
    },
    fsync: (fd: number, done: (e: NodeJS.ErrnoException | null) => void) => {
      calls.push(`fsync ${named(fd)}`);
      fs.fsync(fd, done);
    },
    renameSync: (from: string, to: string) => {
      calls.push(`rename to ${to}`);
      fs.renameSync(from, to);
    },
    rename: (from: string, to: string, done: (e: NodeJS.ErrnoException | null) => void) => {
      calls.push(`rename to ${to}`);
      fs.rename(from, to, done);
    },
  };
});

const { writeFileAtomic, writeFileAtomicAsync } = await import("../../src/io/files.js");

beforeEach(() => {
  calls.length = 0;
});

describe.each([
  ["writeFileAtomic", (file: string) => Promise.resolve(writeFileAtomic(file, "answers\n"))],
  ["writeFileAtomicAsync", (file: string) => writeFileAtomicAsync(file, "answers\n")],
])("%s", (_name, write) => {
  it("flushes the file, renames it, then flushes the folder that holds it", async () => {
    const dir = join(tempDir(), "responses");
    mkdirSync(dir);
    const file = join(dir, "naq-XX-health.yaml");
    await write(file);
    expect(calls).toHaveLength(3);
    expect(calls[0]).toMatch(/^fsync .*\/\.naq-XX-health\.yaml\.naq-tmp-[0-9a-f]{8}$/);
    expect(calls.slice(1)).toEqual([`rename to ${file}`, `fsync ${dirname(file)}`]);
  });
});
