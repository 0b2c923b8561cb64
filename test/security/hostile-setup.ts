// A questionnaire and responses that carry the hostile corpus into every field a person can type.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { loadQuestionnaireFile } from "../../src/io/revisions/load.js";
import { MINI } from "../merge-helpers.js";
import { HOSTILE } from "./corpus.js";

export const texts = HOSTILE.map(([, text]) => text);
export const agencyOf = (k: number) => `a${String(k).padStart(2, "0")}`;
export const REF = "ref";

/**
 * Writes `hostile.yaml` into `dir`: one agency per hostile string (named with it), a text question T.k and a
 * level question L.k per string, every one asked of every agency. Returns its path and digest.
 */
export function writeHostileQuestionnaire(dir: string): { file: string; digest: string } {
  const mini = parse(readFileSync(MINI, "utf8")) as { scales: { capability: { levels: { value: number; label: { en: string }; description: { en: string } }[] } } };
  const levels = mini.scales.capability.levels.map((l) => ({ value: l.value, label: { en: l.label.en }, description: { en: l.description.en } }));
  const q = {
    kind: "questionnaire",
    id: "hostile",
    version: "1.0.0",
    released: "2025-01-01",
    title: { en: "Hostile text" },
    languages: ["en"],
    scales: { capability: { levels } },
    agencies: [...texts.map((t, k) => ({ id: agencyOf(k), name: { en: t.slice(0, 200) } })), { id: REF, name: { en: "Reference agency" } }],
    areas: [
      {
        id: "TXT",
        title: { en: "Texts" },
        questions: texts.map((_, k) => ({
          id: `T.${k + 1}`,
          text: { en: `Text question ${k + 1}` },
          type: "text",
          required: false,
          domains: ["C"],
          phase: "detection",
          evidence: "optional",
        })),
      },
      {
        id: "LVL",
        title: { en: "Levels" },
        questions: texts.map((_, k) => ({
          id: `L.${k + 1}`,
          text: { en: `Level question ${k + 1}` },
          type: "level",
          domains: ["B"],
          phase: "response",
          weight: 2,
          evidence: "optional",
        })),
      },
    ],
  };
  const file = join(dir, "hostile.yaml");
  writeFileSync(file, JSON.stringify(q, null, 2));
  const loaded = loadQuestionnaireFile(file);
  if (!loaded.value) throw new Error(`the hostile questionnaire does not load: ${JSON.stringify(loaded.issues.slice(0, 3))}`);
  return { file, digest: loaded.value.digest };
}

/** The responses: agency k gives string k as respondent, text answer, comment and evidence; `ref` disagrees on every level. */
export function hostileResponses(digest: string): Record<string, Record<string, unknown>> {
  const base = (agency: string, respondent: string, answers: Record<string, unknown>) => ({
    kind: "response",
    questionnaire: { id: "hostile", version: "1.0.0", digest },
    country: "XX",
    agency,
    respondent,
    language: "en",
    status: "in-progress",
    updated: "2025-02-10T09:00:00Z",
    answers,
  });
  const files: Record<string, Record<string, unknown>> = {};
  texts.forEach((t, k) => {
    files[agencyOf(k)] = base(agencyOf(k), t.slice(0, 500), {
      [`T.${k + 1}`]: { value: t, comment: t, evidence: t.slice(0, 5000) },
      [`L.${k + 1}`]: { value: 1, comment: t, evidence: t.slice(0, 5000) },
    });
  });
  files[REF] = base(REF, "Reference", Object.fromEntries(texts.map((t, k) => [`L.${k + 1}`, { value: 5, comment: t }])));
  return files;
}

/** Writes the responses as JSON files into `dir`. */
export function writeHostileResponses(dir: string, digest: string): void {
  for (const [name, data] of Object.entries(hostileResponses(digest))) writeFileSync(join(dir, `${name}.json`), JSON.stringify(data, null, 2));
}
