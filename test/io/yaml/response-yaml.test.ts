import fc from "fast-check";
import { CORE_SCHEMA, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { Response } from "../../../src/core/questionnaire/model.js";
import { responseYaml } from "../../../src/io/yaml/response-file.js";
import { scalar } from "../../../src/io/yaml/response-yaml.js";
import { xq } from "../../core/workbook/xlsx-questionnaire.js";

const readBoth = (text: string) => {
  const a = parse(text) as unknown;
  const b = load(text, { schema: CORE_SCHEMA });
  expect(b).toEqual(a);
  return a;
};

describe("scalar", () => {
  it.each([
    ["Oui", "Oui"],
    ["yes", '"yes"'],
    ["Off", '"Off"'],
    ["2.0.0", "2.0.0"],
    ["2024-05-15", '"2024-05-15"'],
    ["2024-05-15T10:00:00Z", '"2024-05-15T10:00:00Z"'],
    ["1_000", '"1_000"'],
    ["1:20", '"1:20"'],
    ["LEG.07", "LEG.07"],
    ["12", '"12"'],
    ["1e5", '"1e5"'],
    ["true", '"true"'],
    ["null", '"null"'],
    ["", '""'],
    ["- a list?", '"- a list?"'],
    ["key: value", '"key: value"'],
    ["note#1", "note#1"],
    ["see # here", '"see # here"'],
    [" padded", '" padded"'],
    ["two\nlines", '"two\\nlines"'],
    ['=HYPERLINK("x")', '=HYPERLINK("x")'],
    ["\ufffe", '"\\ufffe"'],
    ["a\uffffb", '"a\\uffffb"'],
    ["\ud800x", '"\\ud800x"'],
  ])("writes %j as %s", (value, yaml) => {
    expect(scalar(value)).toBe(yaml);
  });

  it("quotes exactly what the shared response writer quotes", () => {
    const samples = [
      "yes",
      "no",
      "On",
      "y",
      "2.0.0",
      "2024-05-15",
      "2024-10-08T15:10:00.000Z",
      "12",
      "1_000",
      "1:20",
      ".5",
      "0x1F",
      "null",
      "true",
      "Oui",
      "LEG.07",
      "sha256:ab",
      "- x",
      "a: b",
      "note#1",
      "=SUM(A1)",
    ];
    for (const v of samples)
      expect(scalar(v), v).toBe(
        stringify(v, { compat: "yaml-1.1" })
          .trim()
          .replace(/^'(.*)'$/, (_m, x: string) => JSON.stringify(x.replace(/''/g, "'"))),
      );
  });

  it.each(["\ufffe", "\uffff", "\ud800x", "x\udc00", "\ud83d\ude00"])("reads %j back as itself in both YAML readers, though YAML does not count it printable", (s) => {
    expect(readBoth(`v: ${scalar(s)}\n`)).toEqual({ v: s });
  });

  it("reads back as the same string, whatever the string, in both YAML readers naq uses", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(readBoth(`v: ${scalar(s)}\n`)).toEqual({ v: s });
      }),
      { numRuns: 2000 },
    );
  });
});

describe("responseYaml", () => {
  const response: Response = {
    questionnaire: { id: "xq", version: "1.0.0", digest: `sha256:${"a".repeat(64)}` },
    country: "XX",
    agency: "health",
    respondent: "Dr A. Ndiaye: head, unit #2",
    language: "fr",
    status: "in-progress",
    updated: "2024-05-15T10:00:00.000Z",
    answers: {
      "PRR.01": { value: ["national", "local"], comment: "- two plans" },
      "DET.02": { value: 12.5 },
      "DET.01": { value: "yes", evidence: "Loi 12" },
      "PRR.02": { value: "2023-01-31" },
      "PRR.03": { value: "dont-know" },
    },
    irrelevant: ["DET.02"],
  };

  it("writes a response file that reads back as the response, answers in questionnaire order", () => {
    const text = responseYaml(response, xq, "/tmp/out/r.yaml");
    expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=.*schemas\/response\.schema\.json$/);
    const data = readBoth(text) as Record<string, unknown>;
    expect(data).toEqual({ kind: "response", ...response });
    expect(Object.keys(data.answers as object)).toEqual(["DET.01", "DET.02", "PRR.01", "PRR.02", "PRR.03"]);
  });

  it("writes no answers as an empty map", () => {
    expect(readBoth(responseYaml({ ...response, answers: {}, irrelevant: [] }, xq, "r.yaml"))).toMatchObject({ answers: {} });
  });
});
