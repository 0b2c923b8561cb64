import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Response } from "../../src/core/model.js";
import { loadResponseFile } from "../../src/io/load.js";
import { responseYaml } from "../../src/io/response-file.js";
import { tempDir } from "../helpers.js";

const response: Response = {
  questionnaire: { id: "cbrn-naq", version: "2.0.0", digest: `sha256:${"a".repeat(64)}` },
  country: "XX",
  agency: "customs",
  respondent: "Игорь Бекетов: «head»",
  language: "ru",
  status: "in-progress",
  updated: "2025-03-01T09:30:00Z",
  migrated: [{ from: { id: "cbrn-naq", version: "1.0.0", digest: `sha256:${"b".repeat(64)}` }, at: "2025-03-01T09:30:00Z" }],
  answers: {
    "STC.01": { value: "yes", evidence: "Decree 41, art. 2" },
    "STC.04": { value: "2022-03-01" },
    "STC.06": { value: ["export", "no"], comment: "First line.\nSecond line: with a colon." },
    "LEG.13": { value: 2, confirm: "LEG.13 merges LEG.13 (4) and LEG.14 (2): check it", mergedFrom: [{ question: "LEG.13", value: 4 }, { question: "LEG.14", value: 2, comment: "# not a comment" }] },
    "PRR.22": { value: "0755" },
  },
  irrelevant: ["STC.04"],
  unmapped: [{ question: "DET.01", version: "1.0.0", value: "no", reason: "type-changed", note: "DET.01 is now a level question", target: "DET.01" }],
};

describe("responseYaml", () => {
  it("writes a response file that reads back to the same response", () => {
    const file = join(tempDir(), "r.yaml");
    writeFileSync(file, responseYaml(response, file));
    const loaded = loadResponseFile(file);
    expect(loaded.issues).toEqual([]);
    expect(loaded.value).toEqual(response);
  });

  it("starts with the schema line for editors, relative to the file, then `kind: response`", () => {
    const text = responseYaml(response, join("/work", "answers", "r.yaml"));
    expect(text.split("\n").slice(0, 2)).toEqual([expect.stringMatching(/^# yaml-language-server: \$schema=(\.\.\/)+.*schemas\/response\.schema\.json$/), "kind: response"]);
  });

  it("quotes values a YAML 1.1 reader would take for booleans or dates", () => {
    const text = responseYaml(response);
    expect(text).toContain('value: "yes"');
    expect(text).toContain('value: "2022-03-01"');
    expect(text).toContain('- "no"');
  });
});
