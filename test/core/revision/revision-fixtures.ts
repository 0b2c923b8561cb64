import { normalizeQuestionnaire } from "../../../src/core/questionnaire/normalize.js";
import type { Questionnaire } from "../../../src/core/questionnaire/model.js";

/** Raw questionnaire data, as a YAML file would hold it: small enough to mutate case by case. */
export interface RawQ {
  id: string;
  version: string;
  title: Record<string, string>;
  languages: string[];
  target?: number;
  scales: Record<string, { levels: { value: number; label: Record<string, string>; description: Record<string, string> }[] }>;
  agencies: { id: string; name: Record<string, string> }[];
  areas: { id: string; title: Record<string, string>; questions: Record<string, unknown>[] }[];
}

const t = (en: string) => ({ en, fr: `${en} (fr)` });

/** A two-area questionnaire with one question of each kind the tests change. */
export function baseRevision(): RawQ {
  return {
    id: "demo",
    version: "1.0.0",
    title: t("Demo questionnaire"),
    languages: ["en", "fr"],
    scales: {
      capability: { levels: [1, 2, 3, 4, 5].map((v) => ({ value: v, label: t(`Level ${v}`), description: t(`Description ${v}`) })) },
    },
    agencies: [
      { id: "health", name: t("Health") },
      { id: "customs", name: t("Customs") },
      { id: "regulator", name: t("Regulator") },
    ],
    areas: [
      {
        id: "DET",
        title: t("Detection"),
        questions: [
          { id: "DET.01", text: t("Is there a radiation monitoring network?"), type: "yes-no", domains: ["R"], phase: "detection", for: ["customs", "regulator"] },
          {
            id: "DET.02",
            text: t("How many stations does it have?"),
            type: "number",
            min: 0,
            max: 100,
            domains: ["R"],
            phase: "detection",
            for: ["regulator"],
            when: { question: "DET.01", is: "yes" },
          },
          {
            id: "DET.03",
            text: t("How developed is laboratory surveillance?"),
            help: t("Think of JEE D.1."),
            type: "level",
            domains: ["B"],
            phase: "detection",
            weight: 2,
            for: ["health", "regulator"],
          },
          { id: "DET.04", text: t("How developed is field detection?"), type: "level", domains: ["C"], phase: "detection", for: ["health", "customs"] },
        ],
      },
      {
        id: "PRR",
        title: t("Preparedness"),
        questions: [
          {
            id: "PRR.01",
            text: t("Which plans exist?"),
            type: "multi-choice",
            options: [
              { value: "national", label: t("National plan") },
              { value: "regional", label: t("Regional plans") },
            ],
            domains: ["C", "B"],
            phase: "preparedness",
            for: ["health", "customs", "regulator"],
          },
          {
            id: "PRR.02",
            text: t("Who coordinates?"),
            type: "choice",
            options: [
              { value: "interior", label: t("Interior") },
              { value: "emergency", label: t("Emergency ministry") },
            ],
            domains: ["C"],
            phase: "response",
            for: ["health", "customs", "regulator"],
            lead: "health",
          },
          { id: "PRR.03", text: t("Describe the main gap."), type: "text", required: false, domains: ["C"], phase: "cross-cutting", for: ["health", "customs", "regulator"] },
        ],
      },
    ],
  };
}

/** The model of `raw` (which must be schema-valid). */
export function model(raw: RawQ): Questionnaire {
  return normalizeQuestionnaire(structuredClone(raw));
}

/** A question of `raw` by id, to change in place. */
export function question(raw: RawQ, id: string): Record<string, unknown> {
  for (const a of raw.areas) for (const q of a.questions) if (q.id === id) return q;
  throw new Error(`no question ${id}`);
}

/** Removes a question from `raw` and returns it. */
export function take(raw: RawQ, id: string): Record<string, unknown> {
  for (const a of raw.areas) {
    const i = a.questions.findIndex((q) => q.id === id);
    if (i >= 0) return a.questions.splice(i, 1)[0] as Record<string, unknown>;
  }
  throw new Error(`no question ${id}`);
}

/** A new revision: a copy of `raw` at `version`, changed by `change`. */
export function revise(raw: RawQ, version: string, change: (r: RawQ) => void): RawQ {
  const next = structuredClone(raw);
  next.version = version;
  change(next);
  return next;
}
