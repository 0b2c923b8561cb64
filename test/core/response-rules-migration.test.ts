import { describe, expect, it } from "vitest";
import type { Response } from "../../src/core/model.js";
import { checkResponse } from "../../src/core/response-rules.js";
import { baseRevision, model } from "./revision-fixtures.js";

const q = model(baseRevision());
const digest = `sha256:${"1".repeat(64)}`;
const response = (extra: Partial<Response>): Response => ({
  questionnaire: { id: "demo", version: "1.0.0", digest },
  country: "XX",
  agency: "regulator",
  language: "en",
  status: "in-progress",
  updated: "2025-01-01T00:00:00Z",
  answers: {},
  ...extra,
});

describe("checkResponse on migrated responses", () => {
  it("accepts answers to confirm, merge records and unmapped answers", () => {
    const r = response({
      answers: { "DET.03": { value: 2, confirm: "check it", mergedFrom: [{ question: "DET.03", value: 3 }, { question: "DET.09", value: 2 }] } },
      unmapped: [{ question: "DET.07", version: "0.9.0", value: "yes", reason: "removed", note: "DET.07 was removed", target: "DET.04" }],
      migrated: [{ from: { id: "demo", version: "0.9.0", digest }, at: "2025-01-01T00:00:00Z" }],
    });
    expect(checkResponse(q, digest, r)).toEqual([]);
  });

  it("reports UNKNOWN_QUESTION for an unmapped answer whose likely question does not exist", () => {
    const r = response({ unmapped: [{ question: "DET.07", version: "0.9.0", value: "yes", reason: "removed", note: "gone", target: "DET.99" }] });
    expect(checkResponse(q, digest, r).map((i) => [i.code, i.path])).toEqual([["UNKNOWN_QUESTION", ["unmapped", 0, "target"]]]);
  });
});
