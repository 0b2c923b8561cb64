import { closeSync, openSync, ftruncateSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDocument, loadQuestionnaireFile, loadResponseFile } from "../../src/io/revisions/load.js";
import { fixture, root, runBuilt, tempDir } from "../helpers.js";

const tmp = tempDir();
const file = (name: string, content: string | Buffer) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

describe("reading files that are not what naq expects", () => {
  it.each([
    { what: "text that is not YAML", content: "kind: questionnaire\n  title: [unclosed\n", code: "YAML_SYNTAX" },
    { what: "a directive with no document", content: "%", code: "YAML_SYNTAX" },
    { what: "a mapping with a duplicate key", content: "kind: questionnaire\nid: a\nid: b\n", code: "DUPLICATE_KEY" },
    { what: "two YAML documents", content: "kind: questionnaire\n---\nkind: response\n", code: "MULTIPLE_DOCUMENTS" },
    { what: "a `__proto__` key", content: "kind: questionnaire\n__proto__: {admin: true}\n", code: "FORBIDDEN_KEY" },
    { what: "a `__proto__` key written with an escape", content: 'kind: questionnaire\nareas: [{"\\x5f_proto__": {admin: true}}]\n', code: "FORBIDDEN_KEY" },
    { what: "an empty file", content: "", code: "EMPTY_FILE" },
    { what: "a file of only comments and blank lines", content: "# nothing\n\n   \n", code: "EMPTY_FILE" },
    { what: "binary bytes", content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]), code: "BINARY_FILE" },
    { what: "bytes that are not UTF-8", content: Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xc3, 0x28]), code: "BINARY_FILE" },
    { what: "a file with a wrong kind", content: "kind: report\nid: x\n", code: "UNKNOWN_KIND" },
    { what: "a file with no kind", content: "id: x\nversion: 1.0.0\n", code: "UNKNOWN_KIND" },
    { what: "a YAML list instead of a mapping", content: "- a\n- b\n", code: "UNKNOWN_KIND" },
  ])("reports $code for $what", ({ what, content, code }) => {
    const loaded = loadDocument(file(`${what.replace(/\W+/g, "-")}.yaml`, content));
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.issues.map((i) => i.code)).toContain(code);
      for (const i of loaded.issues) {
        const at = i.location && "line" in i.location ? [typeof i.location.file, typeof i.location.line, typeof i.location.column] : i.location;
        expect(at).toEqual(["string", "number", "number"]);
      }
    }
  });

  it("refuses a billion-laughs alias bomb without expanding it", () => {
    let text = 'kind: questionnaire\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    const names = "bcdefghijklmnopqrstuvwxyz".split("");
    let prev = "a";
    for (const n of names) {
      text += `${n}: &${n} [${Array(10).fill(`*${prev}`).join(",")}]\n`;
      prev = n;
    }
    const before = process.memoryUsage().heapUsed;
    const loaded = loadDocument(file("bomb.yaml", text));
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.issues[0]?.code).toBe("ALIAS_LIMIT");
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
  });

  it("refuses a 50 MB file before reading it", () => {
    const big = join(tmp, "big.yaml");
    const fd = openSync(big, "w");
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const loaded = loadDocument(big);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.issues[0]?.code).toBe("FILE_TOO_LARGE");
  });

  it("suggests the property meant when one is misspelt", () => {
    const loaded = loadQuestionnaireFile(fixture("invalid", "UNKNOWN_PROPERTY.yaml"));
    const issue = loaded.issues.find((i) => i.code === "UNKNOWN_PROPERTY");
    expect(issue?.message).toContain("`required`");
  });

  it("suggests the kind meant when it is misspelt", () => {
    const loaded = loadDocument(fixture("invalid", "UNKNOWN_KIND.yaml"));
    expect(!loaded.ok && loaded.issues[0]?.message).toContain("`questionnaire`");
  });

  it("exits 3 and names the file when it does not exist", () => {
    const r = runBuilt(["validate", join(tmp, "missing.yaml")]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain("missing.yaml");
    expect(r.stdout).toContain("FILE_NOT_FOUND");
  });

  it.each(["YAML_SYNTAX", "DUPLICATE_KEY", "ALIAS_LIMIT", "FORBIDDEN_KEY", "EMPTY_FILE"])("exits 1 with no stack trace through the CLI for %s", (code) => {
    const r = runBuilt(["validate", fixture("invalid", `${code}.yaml`)]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toContain(code);
  });
});

describe("limits", () => {
  it.each([
    ["a comment over 20,000 characters", (t: string) => t.replace(/^(\s+)comment: .*$/m, `$1comment: ${"x".repeat(20_001)}`)],
    ["an evidence reference over 5,000 characters", (t: string) => t.replace(/^(\s+)evidence: .*$/m, `$1evidence: ${"y".repeat(5_001)}`)],
  ])("refuses %s with INVALID_VALUE at its line", (_name, change) => {
    const text = change(readFileSync(`${root}examples/responses/XX-health.yaml`, "utf8"));
    const loaded = loadResponseFile(file("limit.yaml", text));
    expect(loaded.issues.map((i) => i.code)).toEqual(["INVALID_VALUE"]);
    const line = text.split("\n").findIndex((l) => /^\s+(comment|evidence): [xy]{100}/.test(l)) + 1;
    expect(loaded.issues[0]?.location).toMatchObject({ line });
  });

  it("refuses a questionnaire with more than 50 areas", () => {
    const areas = Array.from(
      { length: 51 },
      (_, i) => `  - {id: A${i}, title: {en: A}, questions: [{id: A${i}.1, text: {en: Q}, type: text, domains: [C], phase: prevention}]}`,
    ).join("\n");
    const loaded = loadQuestionnaireFile(
      file("many-areas.yaml", `kind: questionnaire\nid: many\nversion: 1.0.0\ntitle: {en: M}\nlanguages: [en]\nagencies: [{id: a, name: {en: A}}]\nareas:\n${areas}\n`),
    );
    expect(loaded.issues.map((i) => i.code)).toContain("INVALID_VALUE");
    expect(loaded.issues.find((i) => i.code === "INVALID_VALUE")?.message).toContain("at most 50");
  });
});
