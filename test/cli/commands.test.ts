import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { checkAgainst } from "../../src/io/schema/check.js";
import { fixture, root, runBuilt } from "../helpers.js";

const mini = fixture("valid", "mini.yaml");
const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { version: string };

describe("naq (no command)", () => {
  it("prints the version of package.json", () => {
    expect(runBuilt(["--version"]).stdout.trim()).toBe(pkg.version);
  });

  it.each([["--help"], ["validate", "--help"], ["show", "--help"], ["schema", "--help"], ["list", "--help"]])("answers %s with usage and examples", (...argv) => {
    const r = runBuilt(argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: naq");
    if (argv.length > 1) expect(r.stdout).toContain("Examples:");
  });

  it("exits 2 on an unknown command or option", () => {
    expect(runBuilt(["frobnicate"]).code).toBe(2);
    expect(runBuilt(["list", "--frob"]).code).toBe(2);
  });
});

describe("naq list", () => {
  it("lists the bundled revisions with languages and counts", () => {
    const rows = JSON.parse(runBuilt(["list", "--json"]).stdout) as { id: string; version: string; languages: string[]; questions: number }[];
    expect(rows.map((r) => `${r.id}@${r.version}`)).toEqual(["cbrn-naq@1.0.0", "cbrn-naq@2.0.0"]);
    expect(rows[1]?.languages).toEqual(["en", "fr", "ru"]);
    expect(runBuilt(["list"]).stdout).toMatch(/cbrn-naq\s+2\.0\.0\s+2024-05-15\s+en,fr,ru\s+10\s+289/);
  });
});

describe("naq show", () => {
  it("defaults to the newest bundled revision", () => {
    const o = JSON.parse(runBuilt(["show", "--json"]).stdout) as { id: string; version: string };
    expect([o.id, o.version]).toEqual(["cbrn-naq", "2.0.0"]);
  });

  it.each([
    ["cbrn-naq@1.0.0", "1.0.0"],
    ["cbrn-naq", "2.0.0"],
    [mini, "1.2.0"],
  ])("resolves %s", (ref, version) => {
    expect((JSON.parse(runBuilt(["show", ref, "--json"]).stdout) as { version: string }).version).toBe(version);
  });

  it("shows the outline in the language asked", () => {
    const r = runBuilt(["show", mini, "--lang", "fr", "--questions"]);
    expect(r.stdout).toContain("Préparation et intervention");
    expect(r.stdout).toContain("Combien de stations compte-t-il ?");
    expect(r.stdout).toContain("Ministère de la Santé");
  });

  it.each([
    [["show", "--lang", "de"], 2],
    [["show", "nope"], 2],
    [["show", "cbrn-naq@9.9.9"], 2],
    [["show", "missing/file.yaml"], 3],
    [["show", fixture("invalid", "DUPLICATE_QUESTION_ID.yaml")], 1],
  ])("refuses %j with exit %i", (argv, code) => {
    const r = runBuilt(argv);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(/^naq: /m);
  });
});

describe("naq schema", () => {
  const schema = JSON.parse(runBuilt(["schema", mini]).stdout) as object;
  const response = parse(readFileSync(fixture("responses", "mini-regulator.yaml"), "utf8")) as Record<string, unknown>;

  it("accepts a valid response", () => {
    expect(checkAgainst(schema, response)).toEqual([]);
  });

  it.each([
    ["a level off the scale", { "DET.03": { value: 9 } }],
    ["an unknown option", { "PRR.05": { value: "army" } }],
    ["an unknown question", { "XYZ.01": { value: 1 } }],
    ["a number above max", { "DET.02": { value: 10001 } }],
  ])("refuses %s", (_name, answers) => {
    expect(checkAgainst(schema, { ...response, answers: { ...(response.answers as object), ...answers } }).length).toBeGreaterThan(0);
  });

  it("allows dont-know and not-applicable for every question", () => {
    expect(checkAgainst(schema, { ...response, answers: { "DET.01": { value: "dont-know" }, "PRR.02": { value: "not-applicable" } } })).toEqual([]);
  });
});

describe("the help served without loading commander", () => {
  it("is the help commander renders for the same program", async () => {
    const { buildProgram } = await import("../../src/cli.js");
    const { PLAIN } = await import("../../src/render/style.js");
    let captured = "";
    const sink = { write: (s: string) => ((captured += s), true), isTTY: false };
    const program = buildProgram(
      { io: { stdout: sink, stderr: sink, env: {}, cwd: "." }, style: PLAIN, errStyle: PLAIN, out() {}, err() {}, now: () => "2024-01-01T00:00:00Z" },
      () => {},
    );
    const cached = JSON.parse(readFileSync(`${root}dist/help.json`, "utf8")) as Record<string, string>;
    for (const cmd of [program, ...program.commands]) {
      captured = "";
      cmd.outputHelp();
      expect(cached[cmd === program ? "" : cmd.name()]).toBe(captured);
    }
  });
});

describe("naq show in French and Russian", () => {
  it.each(["fr", "ru"])("shows every area, agency and label of cbrn-naq in %s, none in English", (lang) => {
    const text = runBuilt(["show", "cbrn-naq", "--lang", lang]).stdout;
    const en = runBuilt(["show", "cbrn-naq", "--lang", "en"]).stdout;
    for (const word of ["Detection", "Legislation", "Ministry of Health", "Agencies", "questions in", "languages"]) {
      expect(en).toContain(word);
      expect(text).not.toContain(word);
    }
    expect(text.split("\n").length).toBe(en.split("\n").length);
  });
});

describe("every command's help", () => {
  const cached = JSON.parse(readFileSync(`${root}dist/help.json`, "utf8")) as Record<string, string>;
  const commands = Object.keys(cached).filter((k) => k !== "");

  it("covers every command listed in `naq --help`", () => {
    const listed = [...(cached[""] ?? "").matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]).filter((c) => c !== "help");
    expect(commands.sort()).toEqual([...new Set(listed)].sort());
    for (const c of ["list", "show", "validate", "fill", "template", "import", "status", "merge", "diff", "migrate", "schema"]) expect(commands).toContain(c);
  });

  it.each(commands)("of %s says its purpose in one line and shows a worked example", (cmd) => {
    const help = cached[cmd] ?? "";
    const purpose = (cached[""] ?? "").split("\n").find((l) => l.startsWith(`  ${cmd} `));
    expect(purpose?.replace(/^ {2}\S+.*? {2,}/, "").trim().length).toBeGreaterThan(10);
    expect(help).toMatch(new RegExp(`Examples:\\n {2}\\$ naq ${cmd}\\b`));
  });
});
