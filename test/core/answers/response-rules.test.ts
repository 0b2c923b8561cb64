import { describe, expect, it } from "vitest";
import type { Answer, Response } from "../../../src/core/questionnaire/model.js";
import { checkResponse } from "../../../src/core/answers/response-rules.js";
import { loadQuestionnaireFile } from "../../../src/io/revisions/load.js";
import { fixture } from "../../helpers.js";

const loaded = loadQuestionnaireFile(fixture("valid", "mini.yaml")).value!;
const q = loaded.questionnaire;
const digest = loaded.digest;

const response = (answers: Record<string, Answer>, extra: Partial<Response> = {}): Response => ({
  questionnaire: { id: "mini", version: "1.2.0", digest },
  country: "XX",
  agency: "regulator",
  language: "en",
  status: "in-progress",
  updated: "2024-05-01T10:00:00Z",
  answers,
  ...extra,
});
const codes = (r: Response) => checkResponse(q, digest, r).map((i) => `${i.severity}:${i.code}`);

describe("checkResponse", () => {
  it.each<[string, Response, string[]]>([
    [
      "accepts valid answers of every type",
      response({
        "DET.01": { value: "yes" },
        "DET.02": { value: 40 },
        "DET.03": { value: 3 },
        "PRR.01": { value: ["national"], evidence: "Plan 2023" },
        "PRR.02": { value: "2023-10-04" },
        "PRR.04": { value: "Few detectors." },
        "PRR.05": { value: "interior" },
      }),
      [],
    ],
    ["accepts dont-know and not-applicable anywhere", response({ "DET.01": { value: "dont-know" }, "DET.03": { value: "not-applicable" } }), []],
    ["refuses a level off the scale", response({ "DET.03": { value: 6 } }), ["error:INVALID_ANSWER"]],
    ["refuses yes-no given as a boolean", response({ "DET.01": { value: true } }), ["error:INVALID_ANSWER"]],
    ["refuses a number above its max", response({ "DET.01": { value: "yes" }, "DET.02": { value: 20000 } }), ["error:INVALID_ANSWER"]],
    ["refuses an impossible date", response({ "PRR.01": { value: ["national"] }, "PRR.02": { value: "2023-02-30" } }), ["error:INVALID_ANSWER"]],
    ["refuses an unknown option", response({ "PRR.05": { value: "army" } }), ["error:INVALID_ANSWER"]],
    ["refuses a repeated multi-choice option", response({ "PRR.01": { value: ["national", "national"] } }), ["error:INVALID_ANSWER"]],
    ["refuses an empty text", response({ "PRR.04": { value: "  " } }), ["error:INVALID_ANSWER"]],
    ["reports an answer to a question that does not exist", response({ "DET.99": { value: 1 } }), ["error:UNKNOWN_QUESTION"]],
    ["warns about an answer to a question the agency is not asked", response({ "PRR.03": { value: 2 } }), ["warning:ANSWER_NOT_ASKED"]],
    ["warns about an answer whose condition does not hold", response({ "DET.01": { value: "no" }, "DET.02": { value: 4 } }), ["warning:ANSWER_NOT_RELEVANT"]],
    ["accepts such an answer when the file lists it as irrelevant", response({ "DET.01": { value: "no" }, "DET.02": { value: 4 } }, { irrelevant: ["DET.02"] }), []],
    ["reports an undeclared agency", response({}, { agency: "navy" }), ["error:UNKNOWN_AGENCY"]],
    ["reports an undeclared language", response({}, { language: "de" }), ["error:LANGUAGE_NOT_DECLARED"]],
    ["reports a digest of another revision", response({}, { questionnaire: { id: "mini", version: "1.2.0", digest: `sha256:${"0".repeat(64)}` } }), ["error:DIGEST_MISMATCH"]],
    ["reports a complete file that misses required answers", response({ "DET.01": { value: "yes" } }, { status: "complete" }), ["error:MISSING_ANSWER"]],
    [
      "warns about a complete file without required evidence",
      response({ "DET.01": { value: "no" }, "DET.03": { value: 2 }, "PRR.01": { value: ["regional"] }, "PRR.05": { value: "interior" } }, { status: "complete" }),
      ["warning:MISSING_EVIDENCE"],
    ],
  ])("%s", (_name, r, expected) => {
    expect(codes(r)).toEqual(expected);
  });
});

describe("claims of demonstrated or sustainable capacity", () => {
  const method = loadQuestionnaireFile(fixture("valid", "method.yaml")).value!;
  const complete = (answer: Answer, status: Response["status"] = "complete", question = "DET.01"): Response => ({
    questionnaire: { id: "method", version: "1.0.0", digest: method.digest },
    country: "XX",
    agency: question === "DET.01" ? "health" : "nfp",
    language: "en",
    status,
    updated: "2025-02-01",
    answers: { [question]: answer },
  });
  const found = (r: Response) => checkResponse(method.questionnaire, method.digest, r).map((i) => `${i.severity}:${i.code}`);

  it.each<[string, Answer, Response["status"], string[]]>([
    ["warns about a level 4 claim with no evidence: a demonstrated capacity needs a report that shows it", { value: 4 }, "complete", ["warning:EVIDENCE_EXPECTED"]],
    ["warns about a level 5 claim with blank evidence", { value: 5, evidence: "  " }, "complete", ["warning:EVIDENCE_EXPECTED"]],
    ["accepts a level 4 claim that names its evidence", { value: 4, evidence: "Exercise report 2024" }, "complete", []],
    ["does not ask evidence of a level 3 answer", { value: 3 }, "complete", []],
    ["waits for the response to be complete before warning", { value: 4 }, "in-progress", []],
  ])("%s", (_name, answer, status, expected) => {
    expect(found(complete(answer, status))).toEqual(expected);
  });

  it("does not ask evidence of a very high risk rating: a rating of a scenario claims no capacity", () => {
    expect(found(complete({ value: "very-high" }, "complete", "RSK.01")).filter((c) => c.endsWith("EVIDENCE_EXPECTED"))).toEqual([]);
  });
});
