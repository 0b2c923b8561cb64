import { describe, expect, it } from "vitest";
import { checkConsensus, normalizeConsensus, type Consensus } from "../../../src/core/gap-report/consensus.js";
import { mini } from "../../merge-helpers.js";

const m = mini();
const consensus = (decisions: Consensus["decisions"], digest?: string): Consensus => ({
  questionnaire: { id: "mini", version: "1.2.0", ...(digest ? { digest } : {}) },
  country: "XX",
  decisions,
});

describe("checkConsensus", () => {
  it("accepts valid decisions, with or without the digest", () => {
    expect(checkConsensus(m.questionnaire, m.digest, consensus([{ question: "DET.03", value: 3, justification: "j" }]))).toEqual([]);
    expect(checkConsensus(m.questionnaire, m.digest, consensus([{ question: "DET.01", value: "not-applicable", justification: "j" }], m.digest))).toEqual([]);
  });

  it.each([
    {
      name: "UNKNOWN_QUESTION when a decision names a missing question",
      decisions: [{ question: "DET.09", value: 3, justification: "j" }],
      code: "UNKNOWN_QUESTION",
      path: ["decisions", 0, "question"],
    },
    {
      name: "INVALID_ANSWER when the value is not an answer to the question",
      decisions: [{ question: "DET.03", value: 7, justification: "j" }],
      code: "INVALID_ANSWER",
      path: ["decisions", 0, "value"],
    },
    {
      name: "DUPLICATE_DECISION when a question is decided twice",
      decisions: [
        { question: "DET.03", value: 3, justification: "j" },
        { question: "DET.03", value: 2, justification: "k" },
      ],
      code: "DUPLICATE_DECISION",
      path: ["decisions", 1, "question"],
    },
  ])("reports $name", ({ decisions, code, path }) => {
    const issues = checkConsensus(m.questionnaire, m.digest, consensus(decisions));
    expect(issues.map((i) => [i.code, i.path])).toEqual([[code, path]]);
  });

  it("reports DIGEST_MISMATCH when the digest names another content", () => {
    const issues = checkConsensus(m.questionnaire, m.digest, consensus([], `sha256:${"0".repeat(64)}`));
    expect(issues.map((i) => i.code)).toEqual(["DIGEST_MISMATCH"]);
  });

  it("normalizes a date written as a YAML date to text", () => {
    expect(normalizeConsensus({ kind: "consensus", questionnaire: { id: "mini", version: "1.2.0" }, country: "XX", date: "2025-03-04", decisions: [] }).date).toBe("2025-03-04");
  });
});
