import { describe, expect, it } from "vitest";
import type { Response } from "../../../src/core/questionnaire/model.js";
import { checkResponse } from "../../../src/core/answers/response-rules.js";
import { baseRevision, model } from "../revision/revision-fixtures.js";

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
      answers: {
        "DET.03": {
          value: 2,
          confirm: "check it",
          mergedFrom: [
            { question: "DET.03", value: 3 },
            { question: "DET.09", value: 2 },
          ],
        },
      },
      unmapped: [{ question: "DET.07", version: "0.9.0", value: "yes", reason: "removed", note: "DET.07 was removed", target: "DET.04" }],
      migrated: [{ from: { id: "demo", version: "0.9.0", digest }, at: "2025-01-01T00:00:00Z" }],
    });
    expect(checkResponse(q, digest, r)).toEqual([]);
  });

  it("reports UNKNOWN_QUESTION for an unmapped answer whose likely question does not exist", () => {
    const r = response({ unmapped: [{ question: "DET.07", version: "0.9.0", value: "yes", reason: "removed", note: "gone", target: "DET.99" }] });
    expect(checkResponse(q, digest, r).map((i) => [i.code, i.path])).toEqual([["UNKNOWN_QUESTION", ["unmapped", 0, "target"]]]);
  });

  it("reports UNCONFIRMED_ANSWER at the status when a complete response still has an answer to confirm", () => {
    const r = response({ status: "complete", answers: { "DET.03": { value: 2, confirm: "check it" } } });
    const issues = checkResponse(q, digest, r).filter((i) => i.code === "UNCONFIRMED_ANSWER");
    expect(issues.map((i) => [i.code, i.severity, i.path])).toEqual([["UNCONFIRMED_ANSWER", "error", ["status"]]]);
    expect(issues[0]?.message).toContain("DET.03");
  });

  it.each<[string, Partial<Response>]>([
    ["in progress", { status: "in-progress", answers: { "DET.03": { value: 2, confirm: "check it" } } }],
    [
      "complete with an answer to confirm that no longer applies",
      { status: "complete", answers: { "DET.01": { value: "no" }, "DET.02": { value: 3, confirm: "check it" } }, irrelevant: ["DET.02"] },
    ],
  ])("accepts answers to confirm in a response %s", (_name, extra) => {
    expect(checkResponse(q, digest, response(extra)).filter((i) => i.code === "UNCONFIRMED_ANSWER")).toEqual([]);
  });

  it("accepts resolved unmapped answers", () => {
    const r = response({ unmapped: [{ question: "DET.07", version: "0.9.0", value: "yes", reason: "removed", note: "gone", target: "DET.04", resolved: "2025-02-01T09:00:00Z" }] });
    expect(checkResponse(q, digest, r)).toEqual([]);
  });
});
