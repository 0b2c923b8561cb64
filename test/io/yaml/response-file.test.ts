import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { newResponse, recordAnswer } from "../../../src/core/fill/walk.js";
import type { Response } from "../../../src/core/questionnaire/model.js";
import { normalizeResponse } from "../../../src/core/questionnaire/normalize.js";
import { checkResponse } from "../../../src/core/answers/response-rules.js";
import { loadQuestionnaireFile } from "../../../src/io/revisions/load.js";
import { headerComments, saveResponse, schemaRefFor, schemaRefIn, serializeResponse } from "../../../src/io/yaml/response-file.js";
import { checkSchema } from "../../../src/io/schema/check.js";
import { parseYaml } from "../../../src/io/yaml/source.js";
import { fixture, root, tempDir } from "../../helpers.js";

const loaded = loadQuestionnaireFile(fixture("fill", "small.yaml")).value;
if (!loaded) throw new Error("test/fixtures/fill/small.yaml does not load");
const q = loaded.questionnaire;
const NOW = "2024-06-01T10:00:00.000Z";

function filled(): Response {
  let r = newResponse(q, loaded!.digest, { country: "XX", agency: "health", language: "fr", respondent: "Dr A. Example" }, NOW);
  for (const [id, value, extra] of [
    ["PRR.03", "interior", {}],
    ["DET.01", "yes", { comment: "Réseau national\nsur deux lignes" }],
    ["DET.02", 12, {}],
    ["DET.03", 3, { evidence: "Décret n° 12/2020" }],
    ["PRR.01", ["national", "regional"], {}],
    ["PRR.02", "2023-11-05", {}],
    ["PRR.04", "123", {}],
  ] as const) {
    r = recordAnswer(q, r, id, { value: value, ...extra }, NOW).response;
  }
  return r;
}

describe("serializeResponse", () => {
  const text = serializeResponse(filled(), q, "../schemas/response.schema.json");

  it("starts with the yaml-language-server line and kind: response", () => {
    expect(text.split("\n").slice(0, 2)).toEqual(["# yaml-language-server: $schema=../schemas/response.schema.json", "kind: response"]);
  });

  it("reads back to the same response, which meets the schema and the response rules", () => {
    const parsed = parseYaml("r.yaml", text);
    if (!parsed.ok) throw new Error("does not parse");
    expect(checkSchema("response", parsed.source.data)).toEqual([]);
    const back = normalizeResponse(parsed.source.data);
    expect(back).toEqual(filled());
    expect(checkResponse(q, loaded.digest, back)).toEqual([]);
  });

  it("writes answers in questionnaire order", () => {
    const ids = [...text.matchAll(/^ {2}([A-Z]+\.\d+):$/gm)].map((m) => m[1]);
    expect(ids).toEqual(["DET.01", "DET.02", "DET.03", "PRR.01", "PRR.02", "PRR.03", "PRR.04"]);
  });

  it("quotes what a YAML 1.1 reader would take for a boolean, a date or a number", () => {
    expect(text).toContain('value: "yes"');
    expect(text).toContain('value: "2023-11-05"');
    expect(text).toContain('value: "123"');
  });
});

describe("headerComments", () => {
  it("keeps the comment lines a file starts with, but not its yaml-language-server line", () => {
    expect(headerComments("# yaml-language-server: $schema=x.json\n# Fictional example.\n# Generated.\nkind: response\n# later\n")).toEqual([
      "# Fictional example.",
      "# Generated.",
    ]);
  });

  it("finds the $schema reference of the yaml-language-server line", () => {
    expect(schemaRefIn("# Note\n# yaml-language-server: $schema=https://example.org/r.json\nkind: response\n")).toBe("https://example.org/r.json");
    expect(schemaRefIn("kind: response\n# yaml-language-server: $schema=late.json\n")).toBeUndefined();
  });

  it("puts them after the yaml-language-server line when writing", () => {
    expect(serializeResponse(filled(), q, "s.json", ["# Fictional example."]).split("\n").slice(0, 3)).toEqual([
      "# yaml-language-server: $schema=s.json",
      "# Fictional example.",
      "kind: response",
    ]);
  });
});

describe("saveResponse", () => {
  it("writes the file atomically and leaves no temporary file behind", () => {
    const dir = tempDir();
    const file = join(dir, "r.yaml");
    saveResponse(file, filled(), q);
    saveResponse(file, filled(), q);
    expect(readFileSync(file, "utf8")).toContain("kind: response");
    expect(readFileSync(file, "utf8").split("\n")[0]).toBe(`# yaml-language-server: $schema=${schemaRefFor(file)}`);
  });

  it("points $schema at the bundled response schema, relative to the file", () => {
    expect(schemaRefFor(join(root, "examples", "r.yaml"))).toBe("../schemas/response.schema.json");
  });
});
