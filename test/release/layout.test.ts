import { execFileSync } from "node:child_process";
import { appendFileSync, cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UNIT_TESTS } from "../../vitest.config.js";
import { root, tempDir } from "../helpers.js";

/** Runs the layer rules (`npm run lint`'s dependency-cruiser step) on a copy of src with `plant` applied. */
function cruise(plant: (src: string) => void): { code: number; output: string } {
  const dir = tempDir("naq-arrows-");
  cpSync(join(root, "src"), join(dir, "src"), { recursive: true });
  for (const f of ["tsconfig.json", ".dependency-cruiser.cjs", "package.json"]) cpSync(join(root, f), join(dir, f));
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  plant(join(dir, "src"));
  try {
    const output = execFileSync(join(root, "node_modules", ".bin", "depcruise"), ["src", "--config", ".dependency-cruiser.cjs", "--output-type", "err"], {
      cwd: dir,
      encoding: "utf8",
      stdio: "pipe",
    });
    return { code: 0, output };
  } catch (e) {
    const failed = e as { status: number; stdout: string; stderr: string };
    return { code: failed.status, output: failed.stdout + failed.stderr };
  }
}

describe("the layer arrows", () => {
  it("hold on the tree as it is", () => {
    expect(cruise(() => {})).toMatchObject({ code: 0 });
  }, 60_000);

  it.each([
    { rule: "core-is-pure", file: "core/issues.ts", line: 'import "../io/files.js";' },
    { rule: "core-no-builtins", file: "core/issues.ts", line: 'import "node:fs";' },
    { rule: "commands-stand-alone", file: "commands/list.ts", line: 'import "./show.js";' },
    { rule: "io-stays-at-the-edge", file: "io/walk.ts", line: 'import "../render/style.js";' },
    { rule: "render-returns-data", file: "render/style.ts", line: 'import "../io/files.js";' },
    { rule: "only-main-runs-the-cli", file: "commands/list.ts", line: 'import "../main.js";' },
    { rule: "no-cycles", file: "core/questionnaire/model.ts", line: 'import "../issues.js";' },
  ])(
    "fail with $rule when $file gains `$line`",
    ({ rule, file, line }) => {
      const r = cruise((src) => appendFileSync(join(src, file), `\n${line}\n`));
      expect(r.code).not.toBe(0);
      expect(r.output).toContain(rule);
    },
    60_000,
  );

  it("let a command import its own folder's modules", () => {
    const r = cruise((src) => writeFileSync(join(src, "commands", "fill", "extra.ts"), 'import "./session.js";\nexport const extra = 1;\n'));
    expect(r).toMatchObject({ code: 0 });
  }, 60_000);
});

describe("the unit tests", () => {
  it("never run the built CLI, a browser or a terminal, so npm run test:fast needs no build", () => {
    const all = readdirSync(join(root, "test"), { recursive: true, encoding: "utf8" }).map((f) => `test/${f.split("\\").join("/")}`);
    const unit = all.filter((f) => f.endsWith(".test.ts") && UNIT_TESTS.some((g) => globMatch(g, f)));
    expect(unit.length).toBeGreaterThan(30);
    const offenders = unit.filter((f) => /\brunBuilt\(|from "node:child_process"|from "[./]*(tmux|browser)\.js"|playwright/.test(readFileSync(join(root, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});

/** Whether `path` matches a vitest include glob of the forms used in vitest.config.ts. */
function globMatch(glob: string, path: string): boolean {
  const re = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*\*\//g, "(?:.*/)?")
    .replace(/\*/g, "[^/]*");
  return new RegExp(`^${re}$`).test(path);
}

describe("the runtime dependencies", () => {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  const sources = readdirSync(join(root, "src"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => readFileSync(join(root, "src", f), "utf8"))
    .join("\n");
  const escaped = (name: string) => name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const imported = (name: string) => new RegExp(`from "${escaped(name)}(/[^"]*)?"|import\\("${escaped(name)}(/[^"]*)?"\\)`).test(sources);
  const peersOf = (name: string) =>
    Object.keys((JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { peerDependencies?: Record<string, string> }).peerDependencies ?? {});

  it.each(Object.keys(pkg.dependencies))("%s is imported by src, or is the peer of a dependency that is, so users install nothing naq does not run", (name) => {
    expect(name.startsWith("@types/")).toBe(false);
    const needed = imported(name) || Object.keys(pkg.dependencies).some((other) => imported(other) && peersOf(other).includes(name));
    expect(needed).toBe(true);
  });
});
