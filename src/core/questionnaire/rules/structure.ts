import { error, warning, type Issue } from "../../issues.js";
import type { Questionnaire } from "../model.js";
import { isSemver } from "../../revision/semver.js";
import type { Rule } from "./rule.js";

/** `version` must be MAJOR.MINOR.PATCH so revisions can be ordered and bumps checked. */
export const versionIsSemver: Rule = (q) =>
  isSemver(q.version) ? [] : [error("VERSION_NOT_SEMVER", `version \`${q.version}\` is not a semantic version; write MAJOR.MINOR.PATCH, e.g. 2.0.0`, ["version"])];

function duplicates<T>(items: readonly T[], key: (t: T) => string, report: (t: T, first: number, index: number) => Issue): Issue[] {
  const seen = new Map<string, number>();
  const out: Issue[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i);
    else out.push(report(item, first, i));
  });
  return out;
}

/** Area, question and agency ids are unique; languages are listed once. */
export const uniqueIds: Rule = (q) => [
  ...duplicates(
    q.languages,
    (l) => l,
    (l, _f, i) => error("DUPLICATE_LANGUAGE", `language \`${l}\` is listed twice`, ["languages", i]),
  ),
  ...duplicates(
    q.areas,
    (a) => a.id,
    (a) => error("DUPLICATE_AREA_ID", `area id \`${a.id}\` is used by another area; give each area its own id`, [...a.path, "id"]),
  ),
  ...duplicates(
    q.agencies,
    (a) => a.id,
    (a) => error("DUPLICATE_AGENCY_ID", `agency id \`${a.id}\` is declared twice`, [...a.path, "id"]),
  ),
  ...duplicates(
    q.questions,
    (x) => x.id,
    (x, f) => {
      const firstQ = q.questions[f];
      return error("DUPLICATE_QUESTION_ID", `question id \`${x.id}\` is already used in area ${firstQ?.areaId ?? "?"}; question ids must be unique in the questionnaire`, [
        ...x.path,
        "id",
      ]);
    },
  ),
];

/** Choice questions have options, uniquely valued; other types have none. */
export const optionLists: Rule = (q) => {
  const out: Issue[] = [];
  for (const x of q.questions) {
    const choice = x.type === "choice" || x.type === "multi-choice";
    if (choice && (!x.options || x.options.length === 0)) {
      out.push(error("EMPTY_OPTIONS", `${x.id} is a ${x.type} question without options; add an \`options\` list`, x.options ? [...x.path, "options"] : x.path));
    } else if (choice && x.options && x.options.length === 1) {
      out.push(warning("EMPTY_OPTIONS", `${x.id} offers a single option; a choice needs at least two`, [...x.path, "options"]));
    }
    if (!choice && x.options) {
      out.push(error("OPTIONS_NOT_ALLOWED", `${x.id} is a ${x.type} question, which takes no \`options\`; remove them or change the type to choice`, [...x.path, "options"], true));
    }
    // A workbook cell lists the options of a multi-choice answer separated by semicolons or line breaks.
    if (x.type === "multi-choice")
      (x.options ?? []).forEach((o, i) => {
        for (const [lang, label] of Object.entries(o.label))
          if (/[;\n\r]/.test(label))
            out.push(
              error(
                "OPTION_LABEL_SEPARATOR",
                `${x.id}: the ${lang} label of option \`${o.value}\` holds a semicolon or a line break, which separate the options of a multi-choice answer in a workbook cell; use a comma or parentheses`,
                [...x.path, "options", i, "label", lang],
              ),
            );
      });
    out.push(
      ...duplicates(
        x.options ?? [],
        (o) => o.value,
        (o, _f, i) => error("DUPLICATE_OPTION_VALUE", `${x.id} lists option value \`${o.value}\` twice`, [...x.path, "options", i, "value"]),
      ),
    );
  }
  return out;
};

/** Number bounds are ordered and only on number questions. */
export const numberBounds: Rule = (q) =>
  q.questions.flatMap((x) =>
    x.min !== undefined && x.max !== undefined && x.min > x.max
      ? [error("MIN_GREATER_THAN_MAX", `${x.id} has min ${x.min} greater than max ${x.max}; swap them`, [...x.path, "min"])]
      : [],
  );

/** Weights are 1, 2 or 3. */
export const weightRange: Rule = (q) =>
  q.questions.flatMap((x) =>
    x.weight < 1 || x.weight > 3 ? [error("WEIGHT_OUT_OF_RANGE", `${x.id} has weight ${x.weight}; weights run from 1 (normal) to 3 (critical)`, [...x.path, "weight"])] : [],
  );

/** Level questions name a defined scale whose levels are distinct and ascending; the target is on it. */
export const scales: Rule = (q) => {
  const out: Issue[] = [];
  for (const x of q.questions) {
    if (x.type === "level" && x.scale && !q.scales[x.scale]) {
      const names = Object.keys(q.scales);
      out.push(
        error(
          "UNKNOWN_SCALE",
          `${x.id} is answered on scale \`${x.scale}\`, which is not defined under \`scales\`${names.length ? ` (defined: ${names.join(", ")})` : "; define it"}`,
          x.path.concat(x.scale === "capability" ? ["type"] : ["scale"]),
        ),
      );
    }
    if (x.type !== "level" && x.scale !== undefined) {
      out.push(warning("OPTIONS_NOT_ALLOWED", `${x.id} is a ${x.type} question; \`scale\` only applies to level questions`, [...x.path, "scale"], true));
    }
  }
  for (const s of Object.values(q.scales)) {
    s.levels.forEach((l, i) => {
      const prev = s.levels[i - 1];
      if (prev && l.value <= prev.value) {
        out.push(error("BAD_SCALE", `scale \`${s.id}\`: level values must ascend without repeats (${prev.value} then ${l.value})`, [...s.path, "levels", i, "value"]));
      }
    });
  }
  return out;
};

/** `for` and `lead` name declared agencies, and the lead is among those asked. */
export const agencyRefs: Rule = (q) => {
  const declared = new Set(q.agencies.map((a) => a.id));
  const out: Issue[] = [];
  const hint = (id: string) => closestHint(id, declared);
  for (const x of q.questions) {
    x.for.forEach((a, i) => {
      if (!declared.has(a)) out.push(error("UNKNOWN_AGENCY", `${x.id} is asked of \`${a}\`, which is not declared under \`agencies\`.${hint(a)}`, [...x.path, "for", i]));
    });
    if (x.lead !== undefined) {
      if (!declared.has(x.lead))
        out.push(error("UNKNOWN_AGENCY", `${x.id} names lead agency \`${x.lead}\`, which is not declared under \`agencies\`.${hint(x.lead)}`, [...x.path, "lead"]));
      else if (!x.for.includes(x.lead)) out.push(error("LEAD_NOT_ASKED", `${x.id} names \`${x.lead}\` as lead, but does not ask it; add it to \`for\``, [...x.path, "lead"]));
    }
  }
  return out;
};

/** A `recode` maps old option values onto options the question still has. */
export const recodes: Rule = (q) => {
  const out: Issue[] = [];
  for (const x of q.questions) {
    if (!x.recode) continue;
    if (x.type !== "choice" && x.type !== "multi-choice") {
      out.push(error("BAD_RECODE", `${x.id}: \`recode\` applies to choice questions only`, [...x.path, "recode"], true));
      continue;
    }
    const values = new Set((x.options ?? []).map((o) => o.value));
    for (const [from, to] of Object.entries(x.recode)) {
      if (!values.has(to)) out.push(error("BAD_RECODE", `${x.id}: recode maps \`${from}\` to \`${to}\`, which is not one of its options`, [...x.path, "recode", from]));
    }
  }
  return out;
};

function closestHint(word: string, candidates: Set<string>): string {
  let best: string | undefined;
  for (const c of candidates) if (c.startsWith(word.slice(0, 3)) || word.startsWith(c.slice(0, 3))) best ??= c;
  return best ? ` Did you mean \`${best}\`?` : "";
}

/** Every agency is asked something (a declared agency with no question is likely a typo elsewhere). */
export const agenciesUsed: Rule = (q: Questionnaire) => {
  const used = new Set(q.questions.flatMap((x) => x.for));
  return q.agencies.filter((a) => !used.has(a.id)).map((a) => warning("UNKNOWN_AGENCY", `agency \`${a.id}\` is declared but asked no question`, [...a.path, "id"]));
};
