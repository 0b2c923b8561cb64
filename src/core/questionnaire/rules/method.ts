import { error, warning, type Issue } from "../../issues.js";
import { isScored as scored, levelsOf } from "../model.js";
import type { Rule } from "./rule.js";

const ORDERED_KINDS = new Set(["level", "yes-no"]);

/**
 * Level descriptors: keyed by the levels of the question's scale, only on level questions; once a
 * revision gives its level questions their own descriptors, one left on the generic scale is a warning.
 */
export const levelDescriptors: Rule = (q) => {
  const out: Issue[] = [];
  const levelQuestions = q.questions.filter((x) => x.type === "level");
  const described = levelQuestions.filter((x) => x.levels !== undefined).length;
  for (const x of q.questions) {
    if (x.levels === undefined) {
      if (x.type === "level" && described > 0) {
        out.push(
          warning(
            "GENERIC_LEVELS",
            `${x.id} falls back to the generic descriptions of its scale, while ${described} of the ${levelQuestions.length} level questions say what each level means for them; add \`levels:\` with what must be true at each level`,
            [...x.path, "type"],
          ),
        );
      }
      continue;
    }
    if (x.type !== "level") {
      out.push(error("LEVELS_MISMATCH", `${x.id} is a ${x.type} question; \`levels\` describes the levels of a level question: remove it`, [...x.path, "levels"], true));
      continue;
    }
    const wanted = (levelsOf(q, x) ?? []).map((l) => l.value);
    if (wanted.length === 0) continue;
    const given = Object.keys(x.levels).map(Number);
    const missing = wanted.filter((v) => !given.includes(v));
    const extra = given.filter((v) => !wanted.includes(v));
    if (missing.length || extra.length) {
      const parts = [missing.length ? `no descriptor for level ${missing.join(", ")}` : "", extra.length ? `level ${extra.join(", ")} is not on scale \`${x.scale ?? ""}\`` : ""];
      out.push(error("LEVELS_MISMATCH", `${x.id}: ${parts.filter(Boolean).join("; ")}; describe exactly the levels ${wanted.join(", ")}`, [...x.path, "levels"], true));
    }
  }
  return out;
};

/** Once a revision cites references, a question that cites none is a warning: reports cite them and national reporting maps through them. */
export const referencesGiven: Rule = (q) => {
  const citing = q.questions.filter((x) => x.references.length > 0).length;
  if (citing === 0) return [];
  return q.questions
    .filter((x) => x.references.length === 0)
    .map((x) =>
      warning(
        "MISSING_REFERENCES",
        `${x.id} cites no reference, while ${citing} of the ${q.questions.length} questions do; add \`references:\` (the instrument, standard or JEE/SPAR indicator it follows)`,
        [...x.path, "id"],
      ),
    );
};

/** The scoring fields fit the question: ordinal levels on all options or none, a weight only where it counts (in a revision written to the method), `aggregate`, `kind` and `otherwise` where they mean something. */
export const scoringFields: Rule = (q) => {
  const out: Issue[] = [];
  // Weights on unscored questions are flagged in revisions written to the method (their own level
  // descriptors or references somewhere): an older revision, frozen by its digest, is not held to it.
  const toMethod = q.questions.some((x) => x.levels !== undefined || x.references.length > 0);
  for (const x of q.questions) {
    const withLevel = (x.options ?? []).filter((o) => o.level !== undefined).length;
    if (withLevel > 0 && (x.type !== "choice" || withLevel < (x.options ?? []).length)) {
      const i = (x.options ?? []).findIndex((o) => (x.type !== "choice" ? o.level !== undefined : o.level === undefined));
      out.push(
        error(
          "ORDINAL_LEVELS_PARTIAL",
          x.type !== "choice"
            ? `${x.id} is a ${x.type} question; only the options of a single choice can stand for levels: remove \`level\``
            : `${x.id} gives levels to ${withLevel} of its ${(x.options ?? []).length} options; an ordinal choice gives every option a level (or none)`,
          [...x.path, "options", Math.max(0, i)],
        ),
      );
    }
    if (toMethod && x.weight !== 1 && !scored(x)) {
      out.push(
        warning(
          "WEIGHT_NOT_SCORED",
          `${x.id} has weight ${x.weight} but is never scored (a ${x.type}${x.type === "yes-no" ? " without `scored: true`" : x.type === "choice" ? " whose options carry no levels" : ""}), so it can never become a priority; score it or remove the weight`,
          [...x.path, "weight"],
          true,
        ),
      );
    }
    if (x.aggregate !== "lead" && x.type !== "number") {
      out.push(error("FIELD_NOT_FOR_TYPE", `${x.id} is a ${x.type} question; \`aggregate\` only combines numbers: remove it`, [...x.path, "aggregate"], true));
    }
    const ordinal = x.type === "choice" && withLevel > 0;
    if (x.kind === "capability" && !ORDERED_KINDS.has(x.type) && !ordinal) {
      out.push(
        error(
          "FIELD_NOT_FOR_TYPE",
          `${x.id} is a ${x.type} question without an order of levels; \`kind: capability\` takes the median of levels: use \`kind: fact\``,
          [...x.path, "kind"],
          true,
        ),
      );
    }
    if (x.otherwise === "gap" && (!x.when || !scored(x))) {
      out.push(
        error(
          "FIELD_NOT_FOR_TYPE",
          !x.when
            ? `${x.id} has \`otherwise: gap\` but no \`when\`; it only says what the question counts as when its condition does not hold`
            : `${x.id} is not scored, so \`otherwise: gap\` cannot count it as level 1`,
          [...x.path, "otherwise"],
          true,
        ),
      );
    }
  }
  return out;
};

/** At most one profile area, and it comes first: every question its answers rule out comes after it. */
export const profileArea: Rule = (q) => {
  const out: Issue[] = [];
  q.areas.forEach((a, i) => {
    if (!a.profile) return;
    if (i > 0)
      out.push(
        error(
          "PROFILE_MISPLACED",
          `area ${a.id} is the national profile but comes after ${q.areas[0]?.id ?? "?"}; move it first, so conditions on it come after it`,
          [...a.path, "profile"],
          true,
        ),
      );
    for (const x of q.questions) {
      if (x.areaId === a.id && scored(x))
        out.push(warning("PROFILE_MISPLACED", `${x.id} is a profile question but is scored; the profile describes the country, it is not a capability`, [...x.path, "type"]));
    }
  });
  return out;
};

/** Each criticality link names a scenario-rating question: a single choice whose options all carry levels, kept out of the scores. */
export const riskLinks: Rule = (q) => {
  const index = new Map(q.questions.map((x) => [x.id, x]));
  const out: Issue[] = [];
  for (const link of q.criticality) {
    const x = index.get(link.question);
    if (!x) out.push(error("UNKNOWN_QUESTION_REF", `criticality names question ${link.question}, which does not exist`, [...link.path, "question"]));
    else if (x.type !== "choice" || !(x.options ?? []).every((o) => o.level !== undefined))
      out.push(
        error("BAD_RISK_LINK", `criticality names ${x.id}, which is not a choice whose every option carries a level (very low 1 … very high 5)`, [...link.path, "question"]),
      );
    else if (x.scored) out.push(warning("BAD_RISK_LINK", `${x.id} rates a risk but is scored as a capability; add \`scored: false\``, [...x.path, "type"]));
  }
  return out;
};
