import { change, changedLanguages, describeCondition, listWords, type Change } from "./change.js";
import type { Condition, Question } from "../questionnaire/model.js";

/** What a comparison of one old question with one new question needs to know about the two revisions. */
export interface QuestionContext {
  /** Languages both revisions have: wording is compared in these only. */
  readonly languages: readonly string[];
  /** Old id → new id for questions continued by exactly one question, to compare conditions across renames. */
  readonly renames: ReadonlyMap<string, string>;
}

/**
 * The changes from old question `o` to new question `n`. Changes to what answers can be (type, scale,
 * options, bounds) are compared for every predecessor; wording and settings only for the primary one,
 * since a merged question necessarily reads differently from all but one of its predecessors.
 * `askedElsewhere`: agencies that another question continuing `o` (a split) still asks.
 */
export function compareQuestions(o: Question, n: Question, primary: boolean, ctx: QuestionContext, askedElsewhere: ReadonlySet<string> = new Set()): Change[] {
  const out: Change[] = [];
  const at = (...rest: (string | number)[]) => [...n.path, ...rest];
  const from = primary ? "" : ` (from ${o.id})`;
  const add = (kind: Parameters<typeof change>[0], message: string, path = n.path) => out.push(change(kind, n.id, message, path, { old: [o.id] }));

  if (o.type !== n.type) add("type-changed", `type ${o.type} → ${n.type}${from}`, at("type"));
  else if (o.type === "level" && (o.scale ?? "capability") !== (n.scale ?? "capability"))
    add("scale-changed", `scale ${o.scale ?? "capability"} → ${n.scale ?? "capability"}${from}`, at("scale"));
  if (o.options && n.options) out.push(...compareOptions(o, n, primary, ctx));
  if (o.type === "number" && n.type === "number") {
    for (const [bound, label] of [
      ["min", "minimum"],
      ["max", "maximum"],
    ] as const) {
      const a = o[bound];
      const b = n[bound];
      if (a === b) continue;
      const narrower = b !== undefined && (a === undefined || (bound === "min" ? b > a : b < a));
      add(narrower ? "bounds-narrowed" : "bounds-widened", `${label} ${a ?? "none"} → ${b ?? "none"}${from}`, at(b === undefined ? "type" : bound));
    }
  }
  if (!primary) return out;

  const text = changedLanguages(o.text, n.text, ctx.languages);
  if (text.length) add("text-changed", `text changed (${text.join(", ")})`, at("text", text[0] ?? 0));
  if (!o.help !== !n.help) add("help-changed", n.help ? "help added" : "help removed", n.help ? at("help") : n.path);
  else {
    const help = changedLanguages(o.help, n.help, ctx.languages);
    if (help.length) add("help-changed", `help changed (${help.join(", ")})`, at("help", help[0] ?? 0));
  }
  const unit = changedLanguages(o.unit, n.unit, ctx.languages);
  if (unit.length && (o.unit || n.unit)) add("unit-changed", n.unit ? `unit changed (${unit.join(", ")})` : "unit removed", n.unit ? at("unit") : n.path);

  const before = o.when ? describeCondition(renameRefs(o.when, ctx.renames)) : undefined;
  const after = n.when ? describeCondition(n.when) : undefined;
  if (before !== after) {
    const message =
      before === undefined
        ? `now asked only when ${after ?? ""}`
        : after === undefined
          ? `no longer conditional (was asked only when ${before})`
          : `condition ${before} → ${after}`;
    add("condition-changed", message, after === undefined ? n.path : at("when"));
  }

  const more = n.for.filter((a) => !o.for.includes(a));
  const fewer = o.for.filter((a) => !n.for.includes(a) && !askedElsewhere.has(a));
  if (more.length) add("asked-of-more", `now also asked of ${listWords(more)}`, at("for"));
  if (fewer.length) add("asked-of-fewer", `no longer asked of ${listWords(fewer)}: their answers cannot be carried`, at("for"));
  if (o.lead !== n.lead)
    add(
      "lead-changed",
      o.lead === undefined ? `lead agency ${n.lead ?? ""} named` : n.lead === undefined ? `no lead agency (was ${o.lead})` : `lead agency ${o.lead} → ${n.lead}`,
      n.lead ? at("lead") : n.path,
    );
  if (o.weight !== n.weight) add("weight-changed", `weight ${o.weight} → ${n.weight}`, at("weight"));
  if (o.domains.join() !== n.domains.join()) add("domains-changed", `domains ${o.domains.join(", ")} → ${n.domains.join(", ")}`, at("domains"));
  if (o.phase !== n.phase) add("phase-changed", `phase ${o.phase} → ${n.phase}`, at("phase"));
  if (o.required !== n.required) add("required-changed", n.required ? "now required" : "now optional", at("required"));
  if (o.evidence !== n.evidence) add("evidence-changed", `evidence ${o.evidence} → ${n.evidence}`, at("evidence"));
  if (o.scored !== n.scored && o.type === "yes-no" && n.type === "yes-no") add("scoring-changed", n.scored ? "now scored (yes 100 %, no 0 %)" : "no longer scored", at("scored"));
  return out;
}

function compareOptions(o: Question, n: Question, primary: boolean, ctx: QuestionContext): Change[] {
  const out: Change[] = [];
  const from = primary ? "" : ` (from ${o.id})`;
  const add = (kind: Parameters<typeof change>[0], message: string, path: (string | number)[]) => out.push(change(kind, n.id, message, [...n.path, ...path], { old: [o.id] }));
  const oldValues = (o.options ?? []).map((x) => x.value);
  const newValues = (n.options ?? []).map((x) => x.value);
  const recode = n.recode ?? {};
  const recoded = oldValues.filter((v) => recode[v] !== undefined && recode[v] !== v);
  const removed = oldValues.filter((v) => !newValues.includes(v) && recode[v] === undefined);
  const targets = new Set(recoded.map((v) => recode[v]));
  const added = newValues.filter((v) => !oldValues.includes(v) && !targets.has(v));
  if (recoded.length) add("options-recoded", `options recoded: ${recoded.map((v) => `${v} → ${recode[v] ?? ""}`).join(", ")}${from}`, ["recode"]);
  if (removed.length) add("options-removed", `options removed: ${removed.join(", ")}${from}`, ["options"]);
  if (added.length) add("options-added", `options added: ${added.join(", ")}${from}`, ["options", newValues.indexOf(added[0] ?? "")]);
  if (!primary) return out;
  const relabelled = (n.options ?? []).flatMap((x, i) => {
    const before = (o.options ?? []).find((y) => y.value === x.value);
    const langs = before ? changedLanguages(before.label, x.label, ctx.languages) : [];
    return langs.length ? [{ text: `${x.value} (${langs.join(", ")})`, index: i }] : [];
  });
  if (relabelled.length) add("options-relabelled", `option labels changed: ${relabelled.map((r) => r.text).join(", ")}`, ["options", relabelled[0]?.index ?? 0, "label"]);
  const common = newValues.filter((v) => oldValues.includes(v));
  const oldOrder = oldValues.filter((v) => newValues.includes(v));
  if (common.join() !== oldOrder.join()) add("options-reordered", "options reordered", ["options"]);
  return out;
}

/** `condition` with its question ids renamed as the new revision names them. */
function renameRefs(condition: Condition, renames: ReadonlyMap<string, string>): Condition {
  if ("all" in condition) return { all: condition.all.map((c) => renameRefs(c, renames)) };
  if ("any" in condition) return { any: condition.any.map((c) => renameRefs(c, renames)) };
  if ("not" in condition) return { not: renameRefs(condition.not, renames) };
  return { ...condition, question: renames.get(condition.question) ?? condition.question };
}
