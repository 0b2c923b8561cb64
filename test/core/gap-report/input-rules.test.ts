import { describe, expect, it } from "vitest";
import { checkConsensusFits, checkMergeSet, type ResponseRef } from "../../../src/core/gap-report/input-rules.js";

const ref = (file: string, agency: string, over: Partial<ResponseRef> = {}): ResponseRef => ({
  file,
  agency,
  country: "XX",
  questionnaire: { id: "cbrn-naq", version: "2.0.0" },
  ...over,
});
const codes = (refs: ResponseRef[]) => checkMergeSet(refs).map((i) => [i.code, i.location?.file]);

describe("checkMergeSet", () => {
  it("accepts one file per agency of one country and questionnaire, revisions aside", () => {
    expect(codes([ref("a", "health"), ref("b", "customs", { questionnaire: { id: "cbrn-naq", version: "1.0.0" } })])).toEqual([]);
  });

  it.each([
    {
      name: "MIXED_COUNTRIES on the file from the other country",
      refs: [ref("a", "health"), ref("b", "customs"), ref("c", "defence", { country: "YY" })],
      expected: [["MIXED_COUNTRIES", "c"]],
    },
    {
      name: "MIXED_QUESTIONNAIRES on the file answering another questionnaire",
      refs: [ref("a", "health"), ref("b", "customs", { questionnaire: { id: "other", version: "1.0.0" } }), ref("c", "defence")],
      expected: [["MIXED_QUESTIONNAIRES", "b"]],
    },
    {
      name: "DUPLICATE_AGENCY_RESPONSE on every file after the first for an agency",
      refs: [ref("a", "health"), ref("b", "health"), ref("c", "health")],
      expected: [
        ["DUPLICATE_AGENCY_RESPONSE", "b"],
        ["DUPLICATE_AGENCY_RESPONSE", "c"],
      ],
    },
    {
      name: "DUPLICATE_AGENCY_RESPONSE when one of the two files answers an older revision",
      refs: [ref("a", "health"), ref("b", "health", { questionnaire: { id: "cbrn-naq", version: "1.0.0" } })],
      expected: [["DUPLICATE_AGENCY_RESPONSE", "b"]],
    },
  ])("reports $name", ({ refs, expected }) => {
    expect(codes(refs)).toEqual(expected);
  });

  it("names the other files in the message", () => {
    const [issue] = checkMergeSet([ref("a.yaml", "health"), ref("b.yaml", "health")]);
    expect(issue?.message).toContain("a.yaml");
  });
});

describe("checkConsensusFits", () => {
  it.each([
    { name: "nothing when country and revision match", c: { id: "cbrn-naq", version: "2.0.0", country: "XX" }, expected: [] },
    { name: "CONSENSUS_MISMATCH for another country", c: { id: "cbrn-naq", version: "2.0.0", country: "YY" }, expected: [["CONSENSUS_MISMATCH", ["country"]]] },
    { name: "CONSENSUS_MISMATCH for another revision", c: { id: "cbrn-naq", version: "1.0.0", country: "XX" }, expected: [["CONSENSUS_MISMATCH", ["questionnaire", "version"]]] },
  ])("reports $name", ({ c, expected }) => {
    expect(checkConsensusFits("w.yaml", c, "XX", "cbrn-naq", "2.0.0").map((i) => [i.code, i.path])).toEqual(expected);
  });
});
