import type { Issue } from "../../issues.js";
import type { Questionnaire } from "../model.js";
import { conditionCycles, conditionRefsValid } from "./conditions.js";
import type { Rule } from "./rule.js";
import { agenciesUsed, agencyRefs, numberBounds, optionLists, recodes, scales, uniqueIds, versionIsSemver, weightRange } from "./structure.js";
import { levelDescriptors, profileArea, referencesGiven, riskLinks, scoringFields } from "./method.js";
import { translationsComplete } from "./translations.js";

/** The semantic rules every questionnaire revision must meet, in reporting order. */
export const QUESTIONNAIRE_RULES: readonly Rule[] = [
  versionIsSemver,
  uniqueIds,
  optionLists,
  numberBounds,
  weightRange,
  scales,
  agencyRefs,
  agenciesUsed,
  recodes,
  conditionRefsValid,
  conditionCycles,
  levelDescriptors,
  referencesGiven,
  scoringFields,
  profileArea,
  riskLinks,
  translationsComplete,
];

/** Runs every semantic rule over a normalized questionnaire. */
export function checkQuestionnaire(q: Questionnaire): Issue[] {
  return QUESTIONNAIRE_RULES.flatMap((rule) => rule(q));
}
