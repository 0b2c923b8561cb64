// A small questionnaire with every question type, in English, French and Russian, for workbook tests.
import { createHash } from "node:crypto";
import { normalizeQuestionnaire } from "../../../src/core/questionnaire/normalize.js";

export const hash = (t: string) => `sha256:${createHash("sha256").update(t).digest("hex")}`;
export const DIGEST = `sha256:${"0".repeat(64)}`;

const level = (value: number, en: string, fr: string, ru: string) => ({ value, label: { en, fr, ru }, description: { en: `${en}.`, fr: `${fr}.`, ru: `${ru}.` } });
const text = (en: string, fr = `${en} (fr)`, ru = `${en} (ru)`) => ({ en, fr, ru });

export const xq = normalizeQuestionnaire({
  id: "xq",
  version: "1.0.0",
  title: text("Workbook test questionnaire"),
  languages: ["en", "fr", "ru"],
  scales: {
    capability: {
      levels: [
        level(1, "No capacity", "Aucune capacité", "Потенциал отсутствует"),
        level(2, "Limited capacity", "Capacité limitée", "Ограниченный потенциал"),
        level(3, "Developed capacity", "Capacité développée", "Развитый потенциал"),
        level(4, "Demonstrated capacity", "Capacité démontrée", "Подтверждённый потенциал"),
        level(5, "Sustainable capacity", "Capacité pérenne", "Устойчивый потенциал"),
      ],
    },
  },
  agencies: [
    { id: "health", name: text("Ministry of Health", "Ministère de la Santé", "Министерство здравоохранения") },
    { id: "customs", name: text("Customs") },
  ],
  areas: [
    {
      id: "DET",
      title: text("Detection", "Détection", "Обнаружение"),
      questions: [
        { id: "DET.01", text: text("Is there a network?"), type: "yes-no", domains: ["R"], phase: "detection" },
        {
          id: "DET.02",
          text: text("How many stations?"),
          type: "number",
          min: 0,
          max: 100,
          unit: text("stations"),
          domains: ["R"],
          phase: "detection",
          when: { question: "DET.01", is: "yes" },
        },
        { id: "DET.03", text: text("How developed is surveillance?"), type: "level", domains: ["B"], phase: "detection", evidence: "required" },
        {
          id: "DET.04",
          text: text("Which laboratory level?"),
          type: "choice",
          options: [
            { value: "bsl-2", label: text("BSL-2 laboratory", "Laboratoire P2", "Лаборатория BSL-2") },
            { value: "bsl-3", label: text("BSL-3 laboratory", "Laboratoire P3", "Лаборатория BSL-3") },
          ],
          domains: ["B"],
          phase: "detection",
          for: ["health"],
        },
      ],
    },
    {
      id: "PRR",
      title: text("Preparedness and response", "Préparation et intervention", "Готовность и реагирование"),
      questions: [
        {
          id: "PRR.01",
          text: text("Which plans exist?"),
          type: "multi-choice",
          options: [
            { value: "national", label: text("National plan", "Plan national", "Национальный план") },
            { value: "regional", label: text("Regional plans", "Plans régionaux", "Региональные планы") },
            { value: "local", label: text("Local plans", "Plans locaux", "Местные планы") },
          ],
          domains: ["C"],
          phase: "preparedness",
          evidence: "optional",
        },
        { id: "PRR.02", text: text("When was the last exercise?"), type: "date", domains: ["C"], phase: "preparedness", when: { question: "PRR.01", is: "national" } },
        { id: "PRR.03", text: text("What else?"), type: "text", domains: ["C"], phase: "response", required: false },
        { id: "PRR.04", text: text("How ready are hospitals?"), type: "level", domains: ["B"], phase: "response", for: ["customs"], when: { question: "DET.03", atLeast: 3 } },
      ],
    },
  ],
});
