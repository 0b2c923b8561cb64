import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { migrateAcross, migrateResponse, type Revision } from "../../../src/core/revision/migrate.js";
import type { Answer, AnswerValue, Question, Questionnaire, Response } from "../../../src/core/questionnaire/model.js";
import { checkResponse } from "../../../src/core/answers/response-rules.js";
import { loadQuestionnaireFile } from "../../../src/io/revisions/load.js";
import { baseRevision, model, question, revise, take, type RawQ } from "./revision-fixtures.js";

const base = baseRevision();
const t = (en: string) => ({ en, fr: `${en} (fr)` });
const NOW = "2025-03-01T09:30:00Z";
const rev = (raw: RawQ): Revision => ({ questionnaire: model(raw), digest: `sha256:${raw.version.replace(/\D/g, "").padEnd(64, "0")}` });
const OLD = rev(base);

const response = (answers: Record<string, Answer>, extra: Partial<Response> = {}): Response => ({
  questionnaire: { id: "demo", version: "1.0.0", digest: OLD.digest },
  country: "XX",
  agency: "regulator",
  language: "fr",
  status: "in-progress",
  updated: "2024-05-01T10:00:00Z",
  answers,
  ...extra,
});

const migrate = (change: (r: RawQ) => void, answers: Record<string, Answer>, extra: Partial<Response> = {}) => {
  const to = rev(revise(base, "2.0.0", change));
  const result = migrateResponse(OLD, to, response(answers, extra), NOW);
  return { ...result, to };
};

interface Expected {
  answers?: Record<string, AnswerValue>;
  confirm?: string[];
  unmapped?: [string, string, string | undefined][];
}

describe("migrateResponse", () => {
  it.each<[string, (r: RawQ) => void, Record<string, Answer>, Expected]>([
    ["carries an unchanged question as it is", () => {}, { "DET.03": { value: 3, comment: "Two labs." } }, { answers: { "DET.03": 3 } }],
    ["carries a renamed question", (r) => Object.assign(question(r, "DET.03"), { id: "DET.09", was: "DET.03" }), { "DET.03": { value: 3 } }, { answers: { "DET.09": 3 } }],
    [
      "carries a question moved to another area",
      (r) => r.areas[1]?.questions.push({ ...take(r, "DET.03"), id: "PRR.09", was: "DET.03" }),
      { "DET.03": { value: 4 } },
      { answers: { "PRR.09": 4 } },
    ],
    [
      "copies a split question's answer to each part and marks both for confirmation",
      (r) => {
        question(r, "DET.03").was = "DET.03";
        r.areas[0]?.questions.push({ ...question(r, "DET.03"), id: "DET.05", was: "DET.03" });
      },
      { "DET.03": { value: 2 } },
      { answers: { "DET.03": 2, "DET.05": 2 }, confirm: ["DET.03", "DET.05"] },
    ],
    [
      "merges equal answers without asking for confirmation",
      (r) => {
        take(r, "DET.04");
        question(r, "DET.03").was = ["DET.03", "DET.04"];
        question(r, "DET.03").for = ["health", "regulator", "customs"];
      },
      { "DET.03": { value: 3 }, "DET.04": { value: 3 } },
      { answers: { "DET.03": 3 } },
    ],
    [
      "merges differing levels into the lowest and asks for confirmation",
      (r) => {
        take(r, "DET.04");
        question(r, "DET.03").was = ["DET.03", "DET.04"];
      },
      { "DET.03": { value: 4 }, "DET.04": { value: 2 } },
      { answers: { "DET.03": 2 }, confirm: ["DET.03"] },
    ],
    [
      "sets aside a yes-no answer to a question that became a level",
      (r) => (question(r, "DET.01").type = "level"),
      { "DET.01": { value: "yes" } },
      { unmapped: [["DET.01", "type-changed", "DET.01"]] },
    ],
    ["carries dont-know across a type change", (r) => (question(r, "DET.01").type = "level"), { "DET.01": { value: "dont-know" } }, { answers: { "DET.01": "dont-know" } }],
    [
      "recodes an option through `recode`",
      (r) =>
        Object.assign(question(r, "PRR.02"), {
          options: [
            { value: "police", label: t("Police") },
            { value: "emergency", label: t("Emergency") },
          ],
          recode: { interior: "police" },
        }),
      { "PRR.02": { value: "interior" } },
      { answers: { "PRR.02": "police" } },
    ],
    [
      "sets aside an option that is gone",
      (r) => (question(r, "PRR.02").options as unknown[]).shift(),
      { "PRR.02": { value: "interior" } },
      { unmapped: [["PRR.02", "option-removed", "PRR.02"]] },
    ],
    [
      "carries the options still offered of a multi-choice answer and sets the others aside",
      (r) => (question(r, "PRR.01").options as unknown[]).pop(),
      { "PRR.01": { value: ["national", "regional"] } },
      { answers: { "PRR.01": ["national"] }, confirm: ["PRR.01"], unmapped: [["PRR.01", "option-removed", "PRR.01"]] },
    ],
    [
      "turns a choice into a one-item multi-choice and asks for the others",
      (r) => (question(r, "PRR.02").type = "multi-choice"),
      { "PRR.02": { value: "emergency" } },
      { answers: { "PRR.02": ["emergency"] }, confirm: ["PRR.02"] },
    ],
    [
      "sets aside a number outside the new range",
      (r) => (question(r, "DET.02").max = 10),
      { "DET.01": { value: "yes" }, "DET.02": { value: 40 } },
      { answers: { "DET.01": "yes" }, unmapped: [["DET.02", "out-of-range", "DET.02"]] },
    ],
    ["sets aside the answer to a removed question", (r) => take(r, "PRR.03"), { "PRR.03": { value: "Few detectors." } }, { unmapped: [["PRR.03", "removed", undefined]] }],
    [
      "points a removed question's answer at the question closest in wording",
      (r) => {
        take(r, "DET.03");
        r.areas[0]?.questions.push({
          id: "DET.05",
          text: t("How developed is laboratory surveillance of pathogens?"),
          type: "level",
          domains: ["B"],
          phase: "detection",
          for: ["regulator"],
        });
      },
      { "DET.03": { value: 2 } },
      { unmapped: [["DET.03", "removed", "DET.05"]] },
    ],
    [
      "sets aside an answer to a question no longer asked of the agency",
      (r) => (question(r, "DET.03").for = ["health"]),
      { "DET.03": { value: 5 } },
      { unmapped: [["DET.03", "not-asked", "DET.03"]] },
    ],
    ["sets aside an answer to a question the old revision does not have", () => {}, { "DET.77": { value: 1 } }, { unmapped: [["DET.77", "unknown-question", undefined]] }],
    ["sets aside an answer that was not valid", () => {}, { "DET.03": { value: 9 } }, { unmapped: [["DET.03", "invalid", "DET.03"]] }],
  ])("%s", (_name, change, answers, expected) => {
    const { response: r, report, to } = migrate(change, answers);
    const values = Object.fromEntries(Object.entries(r.answers).map(([id, a]) => [id, a.value]));
    expect(values).toEqual(expected.answers ?? {});
    expect(Object.keys(r.answers).filter((id) => r.answers[id]?.confirm)).toEqual(expected.confirm ?? []);
    expect((r.unmapped ?? []).map((u) => [u.question, u.reason, u.target])).toEqual(expected.unmapped ?? []);
    expect(report.carried + report.unmapped).toBe(Object.keys(answers).length);
    expect(checkResponse(to.questionnaire, to.digest, r)).toEqual([]);
  });

  it("records every merged answer, with their comments", () => {
    const { response: r } = migrate(
      (q) => {
        take(q, "DET.04");
        question(q, "DET.03").was = ["DET.03", "DET.04"];
      },
      { "DET.03": { value: 4, comment: "Two labs." }, "DET.04": { value: 2, comment: "One team.", evidence: "Report 2023" } },
    );
    expect(r.answers["DET.03"]).toEqual({
      value: 2,
      comment: "DET.03: Two labs.\n\nDET.04: One team.",
      evidence: "Report 2023",
      confirm: "DET.03 merges DET.03 (4) and DET.04 (2); the lowest level, 2, was kept: check it",
      mergedFrom: [
        { question: "DET.03", value: 4, comment: "Two labs." },
        { question: "DET.04", value: 2, comment: "One team.", evidence: "Report 2023" },
      ],
    });
  });

  it.each<[string, Question["type"], AnswerValue, AnswerValue, AnswerValue]>([
    ["keeps no over yes", "yes-no", "yes", "no", "no"],
    ["keeps the union of multi-choice options", "multi-choice", ["national"], ["regional"], ["national", "regional"]],
    ["keeps the answer to the question with the same id for a text", "text", "First.", "Second.", "First."],
    ["keeps a real answer over dont-know", "level", "dont-know", 3, 3],
  ])("merges differing answers: %s", (_name, type, a, b, merged) => {
    const options = [
      { value: "national", label: t("National") },
      { value: "regional", label: t("Regional") },
    ];
    const old = revise(base, "1.0.0", (r) => {
      for (const id of ["DET.03", "DET.04"]) Object.assign(question(r, id), { type, for: ["regulator"], ...(type === "multi-choice" ? { options } : {}) });
    });
    const next = revise(old, "2.0.0", (r) => {
      take(r, "DET.04");
      question(r, "DET.03").was = ["DET.03", "DET.04"];
    });
    const r = migrateResponse(
      rev(old),
      rev(next),
      response({ "DET.03": { value: a }, "DET.04": { value: b } }, { questionnaire: { id: "demo", version: "1.0.0", digest: rev(old).digest } }),
      NOW,
    ).response;
    expect(r.answers["DET.03"]?.value).toEqual(merged);
    expect(r.answers["DET.03"]?.confirm).toBeDefined();
  });

  it("lists carried answers whose condition no longer holds as irrelevant", () => {
    const { response: r, report } = migrate((q) => (question(q, "DET.02").when = { question: "DET.01", is: "no" }), { "DET.01": { value: "yes" }, "DET.02": { value: 12 } });
    expect(r.irrelevant).toEqual(["DET.02"]);
    expect(report.irrelevant).toEqual(["DET.02"]);
  });

  it("keeps a complete response complete when the new revision asks nothing more", () => {
    const answers = { "DET.01": { value: "no" }, "DET.03": { value: 3 }, "PRR.01": { value: ["national"] }, "PRR.02": { value: "interior" } };
    const { response: r, report } = migrate((q) => ((question(q, "DET.03").text as Record<string, string>).en = "Reworded?"), answers, { status: "complete" });
    expect(r.status).toBe("complete");
    expect(report.status).toEqual({ from: "complete", to: "complete" });
  });

  it("makes a complete response in-progress when the new revision asks a required question it has not answered", () => {
    const answers = { "DET.01": { value: "no" }, "DET.03": { value: 3 }, "PRR.01": { value: ["national"] }, "PRR.02": { value: "interior" } };
    const { response: r, report } = migrate(
      (q) => q.areas[0]?.questions.push({ id: "DET.05", text: t("New?"), type: "yes-no", domains: ["R"], phase: "detection", for: ["regulator"] }),
      answers,
      { status: "complete" },
    );
    expect(r.status).toBe("in-progress");
    expect(report.status.why).toMatch(/required questions of 2\.0\.0 are unanswered/);
  });

  it("stamps the new revision, the time, and where the answers came from", () => {
    const { response: r, to } = migrate(() => {}, {});
    expect(r.questionnaire).toEqual({ id: "demo", version: "2.0.0", digest: to.digest });
    expect(r.updated).toBe("2025-03-01T09:30:00Z");
    expect(r.migrated).toEqual([{ from: { id: "demo", version: "1.0.0", digest: OLD.digest }, at: "2025-03-01T09:30:00Z" }]);
  });

  it("falls back to the binding language when the response's is gone", () => {
    const { response: r, report } = migrate((q) => (q.languages = ["en"]), {});
    expect(r.language).toBe("en");
    expect(report.notes).toHaveLength(1);
  });

  it("reports UNKNOWN_AGENCY when the agency is not in the new revision", () => {
    const { report } = migrate(
      (q) => {
        q.agencies = q.agencies.filter((a) => a.id !== "regulator");
        for (const a of q.areas) for (const x of a.questions) x.for = (x.for as string[]).filter((y) => y !== "regulator");
      },
      { "DET.03": { value: 3 } },
    );
    expect(report.issues.map((i) => i.code)).toEqual(["UNKNOWN_AGENCY"]);
    expect(report.unmapped).toBe(1);
  });

  it("migrates through each revision in turn, keeping earlier unmapped answers with their likely question renamed", () => {
    const v2raw = revise(base, "2.0.0", (r) => (question(r, "DET.01").type = "level"));
    const v3raw = revise(v2raw, "3.0.0", (r) => Object.assign(question(r, "DET.01"), { id: "DET.10", was: "DET.01" }));
    const { response: r, reports } = migrateAcross([OLD, rev(v2raw), rev(v3raw)], response({ "DET.01": { value: "yes" }, "DET.03": { value: 3 } }), NOW);
    expect(reports.map((x) => [x.from.version, x.to.version, x.carried, x.unmapped])).toEqual([
      ["1.0.0", "2.0.0", 1, 1],
      ["2.0.0", "3.0.0", 1, 0],
    ]);
    expect(r.unmapped?.map((u) => [u.question, u.version, u.target])).toEqual([["DET.01", "1.0.0", "DET.10"]]);
    expect(r.migrated?.map((m) => m.from.version)).toEqual(["1.0.0", "2.0.0"]);
  });
});

describe("migrating responses to the bundled revisions", () => {
  const v1 = loadQuestionnaireFile("questionnaires/cbrn-naq/1.0.0.yaml").value!;
  const v2 = loadQuestionnaireFile("questionnaires/cbrn-naq/2.0.0.yaml").value!;
  const q1: Questionnaire = v1.questionnaire;

  const valueOf = (x: Question): fc.Arbitrary<AnswerValue> => {
    const special = fc.constantFrom<AnswerValue>("dont-know", "not-applicable");
    const options = (x.options ?? []).map((o) => o.value);
    const typed: fc.Arbitrary<AnswerValue> =
      x.type === "level"
        ? fc.integer({ min: 1, max: 5 })
        : x.type === "yes-no"
          ? fc.constantFrom("yes", "no")
          : x.type === "choice"
            ? fc.constantFrom(...options)
            : x.type === "multi-choice"
              ? fc.subarray(options)
              : x.type === "number"
                ? fc.integer({ min: x.min ?? 0, max: x.max ?? 500 })
                : x.type === "date"
                  ? fc.constant("2023-06-30")
                  : fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== "");
    return fc.oneof({ arbitrary: typed, weight: 9 }, { arbitrary: special, weight: 1 });
  };
  const answered = fc.constantFrom(...q1.agencies.map((a) => a.id)).chain((agency) => {
    const asked = q1.questions.filter((x) => x.for.includes(agency));
    return fc.record({
      agency: fc.constant(agency),
      status: fc.constantFrom<"complete" | "in-progress">("complete", "in-progress"),
      answers: fc.record(Object.fromEntries(asked.map((x) => [x.id, fc.record({ value: valueOf(x) })])), { requiredKeys: [] }),
    });
  });

  it("always gives a response that passes every check of 2.0.0, with every old answer carried or unmapped", () => {
    fc.assert(
      fc.property(answered, ({ agency, status, answers }) => {
        const old: Response = {
          questionnaire: { id: "cbrn-naq", version: "1.0.0", digest: v1.digest },
          country: "XX",
          agency,
          language: "ru",
          status,
          updated: "2024-01-01T00:00:00Z",
          answers: answers as Record<string, Answer>,
        };
        const { response: r, report } = migrateResponse(v1, v2, old, NOW);
        expect(checkResponse(v2.questionnaire, v2.digest, r)).toEqual([]);
        expect(report.carried + report.unmapped).toBe(Object.keys(answers).length);
        for (const fate of report.answers) {
          if (fate.fate === "carried") expect(fate.to.every((id) => r.answers[id] !== undefined)).toBe(true);
          else expect(r.unmapped?.some((u) => u.question === fate.question && JSON.stringify(u.value) === JSON.stringify(answers[fate.question]?.value))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
