import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { migrateResponse } from "../../src/core/revision/migrate.js";
import { checkResponse } from "../../src/core/answers/response-rules.js";
import { answerSchema } from "../../src/core/questionnaire/answer-schema.js";
import { loadQuestionnaireFile, loadResponseFile } from "../../src/io/revisions/load.js";
import { checkAgainst } from "../../src/io/schema/check.js";
import { runBuilt, tempDir } from "../helpers.js";

const v1 = loadQuestionnaireFile("questionnaires/cbrn-naq/1.0.0.yaml").value!;
const v2 = loadQuestionnaireFile("questionnaires/cbrn-naq/2.0.0.yaml").value!;
const EXAMPLES = [
  ["examples/responses/XX-customs-1.0.0.yaml", 28, 26, 2],
  ["examples/responses/XX-defence-1.0.0.yaml", 22, 18, 4],
] as const;

describe("the fictional country's responses still on 1.0.0", () => {
  it.each(EXAMPLES)("%s migrates to 2.0.0 with nothing lost: %i old answers = %i carried + %i unmapped", (file, old, carried, unmapped) => {
    const response = loadResponseFile(file).value!;
    expect(response.questionnaire.version).toBe("1.0.0");
    const { response: r, report } = migrateResponse(v1, v2, response, "2025-01-15T08:00:00Z");
    expect(Object.keys(response.answers)).toHaveLength(old);
    expect([report.carried, report.unmapped]).toEqual([carried, unmapped]);
    expect(report.carried + report.unmapped).toBe(old);
    // Every old answer is in the new file: under the questions it was carried to, or whole in `unmapped`.
    for (const fate of report.answers) {
      const given = response.answers[fate.question]!;
      if (fate.fate === "carried") {
        expect(fate.to.length).toBeGreaterThan(0);
        for (const id of fate.to) expect(r.answers[id]?.mergedFrom?.some((m) => m.question === fate.question) ?? r.answers[id] !== undefined).toBe(true);
      } else {
        expect(r.unmapped).toContainEqual(
          expect.objectContaining({ question: fate.question, version: "1.0.0", value: given.value, ...(given.comment ? { comment: given.comment } : {}) }),
        );
      }
    }
    expect(r.unmapped).toHaveLength(unmapped);
    expect(checkResponse(v2.questionnaire, v2.digest, r)).toEqual([]);
  });

  it("migrate together through the CLI into files, named for 2.0.0, that validate under --strict with no warning and meet `naq schema cbrn-naq@2.0.0`", () => {
    const out = join(tempDir(), "migrated");
    const r = runBuilt(["migrate", ...EXAMPLES.map(([f]) => f), "--to", "cbrn-naq@2.0.0", "--out-dir", out]);
    expect(r.code).toBe(0);
    for (const [, old, carried, unmapped] of EXAMPLES) expect(r.stdout).toContain(`cbrn-naq 1.0.0 → 2.0.0: ${old} answers, ${carried} carried, ${unmapped} unmapped`);
    const files = ["XX-customs-2.0.0.yaml", "XX-defence-2.0.0.yaml"].map((f) => join(out, f));
    const v = runBuilt(["validate", "--strict", ...files]);
    expect(v.stdout).toContain("2 files checked: 0 errors, 0 warnings");
    expect(v.code).toBe(0);
    for (const f of files) expect(checkAgainst(answerSchema(v2.questionnaire, v2.digest), parse(readFileSync(f, "utf8")))).toEqual([]);
    const customs = parse(readFileSync(files[0]!, "utf8")) as { migrated: { from: { version: string } }[]; unmapped: { question: string; reason: string; target: string }[] };
    expect(customs.migrated.map((m) => m.from.version)).toEqual(["1.0.0"]);
    expect(customs.unmapped.map((u) => [u.question, u.reason, u.target])).toEqual([
      ["PRV.06", "not-asked", "PRV.06"],
      ["DET.04", "removed", "DET.42"],
    ]);
  });
});
