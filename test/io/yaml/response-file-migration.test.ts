import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Response } from "../../../src/core/questionnaire/model.js";
import { loadResponseFile } from "../../../src/io/revisions/load.js";
import { schemaRefFor, serializeResponse } from "../../../src/io/yaml/response-file.js";
import { tempDir } from "../../helpers.js";

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
    "LEG.13": {
      value: 2,
      confirm: "LEG.13 merges LEG.13 (4) and LEG.14 (2): check it",
      mergedFrom: [
        { question: "LEG.13", value: 4 },
        { question: "LEG.14", value: 2, comment: "# not a comment" },
      ],
    },
    "STC.01": { value: "yes", evidence: "Decree 41, art. 2" },
    "STC.06": { value: ["export", "no"], comment: "First line.\nSecond line: with a colon." },
  },
  unmapped: [
    {
      question: "DET.01",
      version: "1.0.0",
      value: "no",
      comment: "Old comment.",
      reason: "type-changed",
      note: "DET.01 is now a level question",
      target: "DET.01",
      resolved: "2025-03-02T10:00:00Z",
    },
  ],
};

describe("response files of migrated responses", () => {
  it("keep the migration records, confirmations, merge records and unmapped answers when written and read back", () => {
    const file = join(tempDir(), "r.yaml");
    writeFileSync(file, serializeResponse(response, undefined, schemaRefFor(file)));
    const loaded = loadResponseFile(file);
    expect(loaded.issues).toEqual([]);
    expect(loaded.value).toEqual(response);
  });

  it("put `migrated` before the answers and `unmapped` after them", () => {
    const keys = [...serializeResponse(response, undefined, "s.json").matchAll(/^([a-z]+):/gm)].map((m) => m[1]);
    expect(keys).toEqual(["kind", "questionnaire", "country", "agency", "respondent", "language", "status", "updated", "migrated", "answers", "unmapped"]);
  });
});
