import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WriteError } from "../../src/errors.js";
import { checkOutputs, planOutputs, type OutputPolicy, type OutputRequest } from "../../src/io/outputs.js";
import { tempDir } from "../helpers.js";

/** A folder holding an input, an existing output, a subfolder, a file where a folder might be, and links to the input. */
function setup(): string {
  const dir = tempDir();
  writeFileSync(join(dir, "in.yaml"), "kind: response\n");
  writeFileSync(join(dir, "old.md"), "keep me\n");
  writeFileSync(join(dir, "plain"), "a file\n");
  mkdirSync(join(dir, "sub"));
  symlinkSync(join(dir, "in.yaml"), join(dir, "link.yaml"));
  symlinkSync(dir, join(dir, "here"));
  return dir;
}

const INPUT = /^it is one of the input files, and naq never overwrites an input; write to another file$/;

describe("the output-safety policy", () => {
  const dir = setup();
  const policy = (p: Partial<OutputPolicy> = {}): OutputPolicy => ({ cwd: dir, inputs: ["in.yaml"], force: false, ...p });
  const verdicts = (requests: readonly (string | OutputRequest)[], p?: Partial<OutputPolicy>) =>
    checkOutputs(
      requests.map((r) => (typeof r === "string" ? { file: r } : r)),
      policy(p),
    ).map((c) => (c.ok ? "ok" : c.reason));

  it.each<[string, readonly (string | OutputRequest)[], Partial<OutputPolicy>, readonly (string | RegExp)[]]>([
    ["an input named as given", ["in.yaml"], {}, [INPUT]],
    ["an input named another way", ["./sub/../in.yaml"], {}, [INPUT]],
    ["an input reached through a link to it", ["link.yaml"], {}, [INPUT]],
    ["an input reached through a linked folder", ["here/in.yaml"], {}, [INPUT]],
    ["an input, even with --force", [join(dir, "in.yaml")], { force: true }, [INPUT]],
    ["one file named twice", ["x.md", "./x.md"], {}, ["ok", "it is named twice as an output; give each output its own file"]],
    ["one file named twice through a linked folder", ["x.md", "here/x.md"], {}, ["ok", /^it is named twice/]],
    [
      "two sources written to one file",
      [
        { file: "same.yaml", from: "x/same.xlsx" },
        { file: "same.yaml", from: "y/same.xlsx" },
      ],
      {},
      ["ok", /^it would be written twice, from x\/same\.xlsx and from y\/same\.xlsx; give each its own file/],
    ],
    ["an existing file without --force", ["old.md"], {}, ["it exists; pass --force to replace it"]],
    ["an existing file with --force", ["old.md"], { force: true }, ["ok"]],
    ["a folder", ["sub"], { force: true }, ["it is a folder; name a file"]],
    ["a file in a missing folder", ["missing/r.md"], {}, ["there is no folder missing; create it first"]],
    ["a file in a file", ["plain/r.md"], {}, ["there is no folder plain; create it first"]],
    ["a file in the missing --out-dir", ["new/r.yaml"], { outDir: "new" }, ["ok"]],
    ["a file deeper than the missing --out-dir", ["new/deeper/r.yaml"], { outDir: "new" }, ["there is no folder new/deeper; create it first"]],
    ["a file in an --out-dir that is a file", ["plain/r.yaml"], { outDir: "plain" }, ["there is no folder plain; create it first"]],
    ["a new file", ["sub/new.md", "new.md"], {}, ["ok", "ok"]],
  ])("judges %s", (_name, requests, p, expected) => {
    const got = verdicts(requests, p);
    expect(got).toHaveLength(expected.length);
    expected.forEach((e, i) => (typeof e === "string" ? expect(got[i]).toBe(e) : expect(got[i]).toMatch(e)));
  });

  it("resolves relative paths against the policy's folder, not the process's", () => {
    const [planned] = planOutputs([{ file: "sub/new.md" }], policy());
    expect(planned).toEqual({ file: "sub/new.md", path: join(dir, "sub", "new.md") });
  });

  it("refuses with a WriteError that names the file as given, what is wrong and how to fix it", () => {
    let thrown: unknown;
    try {
      planOutputs([{ file: "new.md" }, { file: "old.md" }], policy());
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(WriteError);
    expect((thrown as WriteError).message).toBe("old.md: cannot write (it exists; pass --force to replace it)");
  });
});
