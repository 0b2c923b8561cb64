// Generates large, valid questionnaires for benchmarks (deterministic, no randomness).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { root } from "./lib.js";

const LANGS = ["en", "fr", "ru"];
const t = (s) => Object.fromEntries(LANGS.map((l) => [l, `${s} [${l}]`]));
const AGENCIES = ["health", "customs", "border-guard", "emergency", "interior", "nuclear-regulator", "agriculture"];
const TYPES = ["level", "level", "level", "level", "yes-no", "choice", "multi-choice", "number", "text", "date"];

/** A questionnaire object with `questions` questions in `areas` areas, in three languages. */
export function bigQuestionnaire(questions = 1000, areas = 10) {
  const perArea = Math.ceil(questions / areas);
  const areaList = [];
  let n = 0;
  for (let a = 0; a < areas && n < questions; a++) {
    const id = `A${String(a).padStart(2, "0")}`;
    const qs = [];
    for (let i = 0; i < perArea && n < questions; i++, n++) {
      const type = TYPES[n % TYPES.length];
      const q = {
        id: `${id}.${String(i + 1).padStart(3, "0")}`,
        text: t(`Question ${n + 1}: how developed is capability ${n + 1} in this area of work, considering plans, staff and equipment`),
        help: t(`Guidance for question ${n + 1}: describe the evidence that supports the answer`),
        type,
        domains: [["C", "B", "R", "N"][n % 4]],
        phase: ["prevention", "detection", "preparedness", "response", "recovery", "cross-cutting"][n % 6],
        weight: (n % 3) + 1,
        for: AGENCIES.slice(0, 3 + (n % 5)),
      };
      if (type === "choice" || type === "multi-choice") q.options = ["a", "b", "c", "d"].map((v) => ({ value: `opt-${v}`, label: t(`Option ${v}`) }));
      if (type === "number") Object.assign(q, { min: 0, max: 100000, unit: t("units") });
      if (type === "yes-no") q.scored = true;
      if (i > 0 && i % 7 === 0) {
        const prev = qs[i - 1];
        if (prev.type === "level") q.when = { question: prev.id, atLeast: 2 };
        else if (prev.type === "yes-no") q.when = { question: prev.id, is: "yes" };
        if (q.when) q.for = prev.for.slice(0, 3);
      }
      qs.push(q);
    }
    areaList.push({ id, title: t(`Area ${a + 1}`), questions: qs });
  }
  return {
    kind: "questionnaire",
    id: "bench",
    version: "1.0.0",
    title: t("Benchmark questionnaire"),
    languages: LANGS,
    scales: {
      capability: {
        levels: [1, 2, 3, 4, 5].map((v) => ({ value: v, label: t(`Level ${v}`), description: t(`Description of level ${v}`) })),
      },
    },
    agencies: AGENCIES.map((id) => ({ id, name: t(`Agency ${id}`) })),
    areas: areaList,
  };
}

/** Writes a generated questionnaire under bench/out/ and returns its path. */
export function writeBigQuestionnaire(questions = 1000, name = `q${questions}.yaml`) {
  const dir = join(root, "bench", "out");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, stringify(bigQuestionnaire(questions)));
  return file;
}
