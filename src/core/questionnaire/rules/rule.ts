import type { Issue } from "../../issues.js";
import type { Questionnaire } from "../model.js";

/** One semantic check of a questionnaire: returns its issues, changes nothing. */
export type Rule = (q: Questionnaire) => Issue[];
