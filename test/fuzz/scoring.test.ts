import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, relevance } from "../../src/core/questionnaire/conditions.js";
import { buildGapReport, type MergedResponse } from "../../src/core/gap-report/build.js";
import { levelsOf, type Answer, type AnswerValue, type Question } from "../../src/core/questionnaire/model.js";
import { openQuestionnaire } from "../../src/io/revisions/bundled.js";

const runs = Number(process.env.NAQ_FUZZ_RUNS ?? 60);
const seed = Number(process.env.NAQ_FUZZ_SEED ?? 20261121);
const { questionnaire: q, digest } = openQuestionnaire("cbrn-naq@2.0.0");

/** Any value the question accepts, including the two special answers. */
function valueFor(x: Question): fc.Arbitrary<AnswerValue> {
  const special = fc.constantFrom<AnswerValue>("dont-know", "not-applicable");
  const options = (x.options ?? []).map((o) => o.value);
  const typed: fc.Arbitrary<AnswerValue> = (() => {
    switch (x.type) {
      case "level":
        return fc.constantFrom(...(levelsOf(q, x) ?? []).map((l) => l.value));
      case "yes-no":
        return fc.constantFrom("yes", "no");
      case "choice":
        return fc.constantFrom(...options);
      case "multi-choice":
        return fc.uniqueArray(fc.constantFrom(...options), { minLength: 1, maxLength: options.length });
      case "number":
        return fc.integer({ min: x.min ?? 0, max: Math.min(x.max ?? 10_000, 10_000) });
      case "date":
        return fc.constantFrom("2019-03-01", "2023-11-30", "2024-06-15");
      case "text":
        return fc.string({ minLength: 1, maxLength: 20 });
    }
  })();
  return fc.oneof({ weight: 5, arbitrary: typed }, { weight: 1, arbitrary: special });
}

/** One agency's answers to an arbitrary subset of the questions it is asked. */
const response = (agency: string): fc.Arbitrary<MergedResponse> => {
  const asked = q.questions.filter((x) => x.for.includes(agency));
  return fc.tuple(...asked.map((x) => fc.option(valueFor(x), { freq: 3 }))).map((values) => {
    const answers: Record<string, Answer> = {};
    values.forEach((v, i) => {
      const x = asked[i];
      if (v !== null && x) answers[x.id] = { value: v };
    });
    return {
      file: `${agency}.yaml`,
      response: { questionnaire: { id: q.id, version: q.version, digest }, country: "XX", agency, language: "en", status: "in-progress", updated: "2024-01-01T00:00:00Z", answers },
    };
  });
};

const responses = fc.uniqueArray(fc.constantFrom(...q.agencies.map((a) => a.id)), { minLength: 1, maxLength: 6 }).chain((agencies) => fc.tuple(...agencies.map(response)));

const inRange = (v: number | null | undefined) => v === null || v === undefined || (Number.isFinite(v) && v >= 0 && v <= 100);

describe("scoring and consolidation under arbitrary answers", () => {
  it("keeps every score between 0 and 100, never NaN, whatever is answered not-applicable", () => {
    fc.assert(
      fc.property(responses, (rs) => {
        const report = buildGapReport({ questionnaire: q, digest, language: "en", responses: rs });
        expect(inRange(report.summary.overall)).toBe(true);
        expect(inRange(report.summary.coverage)).toBe(true);
        expect(inRange(report.summary.answerRate)).toBe(true);
        for (const a of report.areas) expect(inRange(a.score)).toBe(true);
        for (const x of report.questions) expect(inRange(x.score)).toBe(true);
        for (const m of report.matrix) expect(inRange(m.score)).toBe(true);
      }),
      { numRuns: runs, seed },
    );
  });

  it("does not depend on the order of the input files", () => {
    fc.assert(
      fc.property(responses, (rs) => {
        const forward = buildGapReport({ questionnaire: q, digest, language: "en", responses: rs });
        const backward = buildGapReport({ questionnaire: q, digest, language: "en", responses: [...rs].reverse() });
        expect(backward).toEqual(forward);
      }),
      { numRuns: runs, seed },
    );
  });

  it("scores an all not-applicable country without dividing by zero", () => {
    const all: Record<string, Answer> = Object.fromEntries(q.questions.filter((x) => x.for.includes("nfp")).map((x) => [x.id, { value: "not-applicable" as const }]));
    const report = buildGapReport({
      questionnaire: q,
      digest,
      language: "en",
      responses: [
        {
          file: "nfp.yaml",
          response: {
            questionnaire: { id: q.id, version: q.version, digest },
            country: "XX",
            agency: "nfp",
            language: "en",
            status: "in-progress",
            updated: "2024-01-01T00:00:00Z",
            answers: all,
          },
        },
      ],
    });
    expect(inRange(report.summary.overall)).toBe(true);
    expect(inRange(report.summary.coverage)).toBe(true);
    expect(inRange(report.summary.answerRate)).toBe(true);
    for (const a of report.areas) expect(inRange(a.score)).toBe(true);
  });

  it("evaluates every condition of the questionnaire on arbitrary answers without throwing, and relevance agrees with it", () => {
    fc.assert(
      fc.property(response("nfp"), (r) => {
        const rel = relevance(q, "nfp", r.response.answers);
        for (const x of q.questions) {
          if (!x.when || !rel.get(x.id)) continue;
          expect(evaluate(x.when, r.response.answers)).toBe(true);
        }
      }),
      { numRuns: runs, seed },
    );
  });
});
