import { change, changedLanguages, CHANGE_LEVELS, listWords, type Change, type ChangeLevel } from "./change.js";
import { compareQuestions, type QuestionContext } from "./diff-questions.js";
import { warning, type Issue } from "../issues.js";
import { questionIndex, type Path, type Question, type Questionnaire } from "../questionnaire/model.js";
import { mapRevisions, primaryPredecessor, renames, type RevisionMap } from "./revision-map.js";
import { unknownWasRef } from "./rules.js";

/** Everything that changed from OLD to NEW, and what in NEW's `was`/`recode` does not fit OLD. */
export interface RevisionDiff {
  readonly old: { readonly id: string; readonly version: string };
  readonly new: { readonly id: string; readonly version: string };
  /** In NEW's order: questionnaire-wide changes first, then per area and question. */
  readonly changes: readonly Change[];
  /** Declarations in NEW that name what OLD does not have (paths in NEW). */
  readonly issues: readonly Issue[];
  readonly map: RevisionMap;
}

/** The largest class among `changes`, or undefined when there are none. */
export function largestLevel(changes: readonly Change[]): ChangeLevel | undefined {
  return CHANGE_LEVELS.find((l) => changes.some((c) => c.level === l));
}

/** Compares two revisions of one questionnaire by question id and `was`, and classes every change. */
export function diffRevisions(oldQ: Questionnaire, newQ: Questionnaire): RevisionDiff {
  const map = mapRevisions(oldQ, newQ);
  const ctx: QuestionContext = { languages: newQ.languages.filter((l) => oldQ.languages.includes(l)), renames: renames(map) };
  const changes = [...questionnaireChanges(oldQ, newQ, ctx.languages), ...areaChanges(oldQ, newQ, map, ctx.languages), ...questionChanges(oldQ, newQ, map, ctx)];
  return { old: { id: oldQ.id, version: oldQ.version }, new: { id: newQ.id, version: newQ.version }, changes, issues: declarationIssues(oldQ, newQ, map), map };
}

function questionnaireChanges(oldQ: Questionnaire, newQ: Questionnaire, languages: readonly string[]): Change[] {
  const out: Change[] = [];
  for (const l of newQ.languages) if (!oldQ.languages.includes(l)) out.push(change("language-added", `language ${l}`, "added", ["languages", newQ.languages.indexOf(l)]));
  for (const l of oldQ.languages)
    if (!newQ.languages.includes(l)) out.push(change("language-removed", `language ${l}`, "removed: responses in it must change language", ["languages"]));
  const title = changedLanguages(oldQ.title, newQ.title, languages);
  if (title.length) out.push(change("title-changed", "questionnaire", `title changed (${title.join(", ")})`, ["title"]));
  if (oldQ.target !== newQ.target) out.push(change("target-changed", "questionnaire", `target level ${oldQ.target} → ${newQ.target}`, ["target"]));

  const oldAgencies = new Map(oldQ.agencies.map((a) => [a.id, a]));
  for (const a of newQ.agencies) {
    const before = oldAgencies.get(a.id);
    if (!before) out.push(change("agency-added", `agency ${a.id}`, "added", a.path));
    else {
      const langs = changedLanguages(before.name, a.name, languages);
      if (langs.length) out.push(change("agency-renamed", `agency ${a.id}`, `name changed (${langs.join(", ")})`, [...a.path, "name"]));
    }
  }
  for (const a of oldQ.agencies)
    if (!newQ.agencies.some((b) => b.id === a.id)) out.push(change("agency-removed", `agency ${a.id}`, "removed: its responses cannot be carried", ["agencies"]));

  for (const [id, s] of Object.entries(newQ.scales)) {
    const before = oldQ.scales[id];
    if (!before) {
      out.push(change("scale-added", `scale ${id}`, "added", s.path));
      continue;
    }
    const oldValues = before.levels.map((l) => l.value);
    const newValues = s.levels.map((l) => l.value);
    const added = newValues.filter((v) => !oldValues.includes(v));
    const removed = oldValues.filter((v) => !newValues.includes(v));
    if (added.length) out.push(change("scale-levels-added", `scale ${id}`, `levels added: ${added.join(", ")}`, [...s.path, "levels"]));
    if (removed.length)
      out.push(
        change("scale-levels-removed", `scale ${id}`, `levels removed: ${removed.join(", ")}: answers at ${removed.length > 1 ? "those levels" : "that level"} cannot be carried`, [
          ...s.path,
          "levels",
        ]),
      );
    const relabelled = s.levels.filter((l) => {
      const b = before.levels.find((x) => x.value === l.value);
      return b && changedLanguages(b.label, l.label, languages).length + changedLanguages(b.description, l.description, languages).length > 0;
    });
    if (relabelled.length)
      out.push(
        change("scale-relabelled", `scale ${id}`, `wording of level${relabelled.length > 1 ? "s" : ""} ${relabelled.map((l) => l.value).join(", ")} changed`, [
          ...s.path,
          "levels",
          s.levels.indexOf(relabelled[0] ?? s.levels[0]!),
        ]),
      );
  }
  for (const id of Object.keys(oldQ.scales)) if (!newQ.scales[id]) out.push(change("scale-removed", `scale ${id}`, "removed", ["scales"]));
  return out;
}

function areaChanges(oldQ: Questionnaire, newQ: Questionnaire, map: RevisionMap, languages: readonly string[]): Change[] {
  const out: Change[] = [];
  const oldAreas = new Map(oldQ.areas.map((a) => [a.id, a]));
  const oldIndex = questionIndex(oldQ);
  for (const a of newQ.areas) {
    const before = oldAreas.get(a.id);
    if (!before) {
      out.push(change("area-added", `area ${a.id}`, `added, with ${a.questionIds.length} question${a.questionIds.length === 1 ? "" : "s"}`, a.path));
      continue;
    }
    const langs = changedLanguages(before.title, a.title, languages);
    if (langs.length) out.push(change("area-retitled", `area ${a.id}`, `title changed (${langs.join(", ")})`, [...a.path, "title"]));
    // The questions that stayed in the area, by their old position, must still ascend (a split counts where its first part is).
    const seen = new Set<string>();
    const positions = a.questionIds.flatMap((id) => {
      const p = primaryPredecessor(map, id);
      if (p === undefined || seen.has(p) || oldIndex.get(p)?.areaId !== a.id) return [];
      seen.add(p);
      return [before.questionIds.indexOf(p)];
    });
    if (positions.some((p, i) => i > 0 && p < (positions[i - 1] ?? 0))) out.push(change("questions-reordered", `area ${a.id}`, "questions reordered", [...a.path, "questions"]));
  }
  for (const a of oldQ.areas) {
    if (!newQ.areas.some((b) => b.id === a.id)) out.push(change("area-removed", `area ${a.id}`, "removed", ["areas"]));
  }
  const common = newQ.areas.map((a) => a.id).filter((id) => oldAreas.has(id));
  const oldOrder = oldQ.areas.map((a) => a.id).filter((id) => common.includes(id));
  if (common.join() !== oldOrder.join()) out.push(change("areas-reordered", "questionnaire", "areas reordered", ["areas"]));
  return out;
}

function questionChanges(oldQ: Questionnaire, newQ: Questionnaire, map: RevisionMap, ctx: QuestionContext): Change[] {
  const out: Change[] = [];
  const oldIndex = questionIndex(oldQ);
  const newIndex = questionIndex(newQ);
  const reportedSplits = new Set<string>();
  const areaPath = (areaId: string): Path => newQ.areas.find((a) => a.id === areaId)?.path ?? ["areas"];
  // A removed question is reported where its area is in NEW, after the area's surviving questions.
  const removedBy = new Map<string, Question[]>();
  for (const o of oldQ.questions) {
    if ((map.successors.get(o.id) ?? []).length === 0) removedBy.set(o.areaId, [...(removedBy.get(o.areaId) ?? []), o]);
  }
  const removed = (areaId: string) =>
    (removedBy.get(areaId) ?? []).map((o) => change("question-removed", o.id, `removed (${o.type}): answers to it cannot be carried`, areaPath(areaId), { old: [o.id] }));

  for (const area of newQ.areas) {
    for (const id of area.questionIds) {
      const n = newIndex.get(id);
      if (!n) continue;
      const preds = map.predecessors.get(id) ?? [];
      if (preds.length === 0) {
        out.push(change("question-added", id, `added (${n.type}${n.when ? ", conditional" : ""})`, n.path));
        continue;
      }
      const primary = primaryPredecessor(map, id);
      if (preds.length > 1) {
        out.push(
          change("question-merged", id, `merged from ${listWords(preds)}: differing answers are combined and need confirmation`, [...n.path, "was"], { old: preds, new: [id] }),
        );
      }
      for (const p of preds) {
        const next = map.successors.get(p) ?? [];
        if (next.length > 1 && !reportedSplits.has(p)) {
          reportedSplits.add(p);
          out.push(change("question-split", p, `split into ${listWords(next)}: answers are copied to each and need confirmation`, [...n.path, "was"], { old: [p], new: next }));
        }
      }
      const o = primary === undefined ? undefined : oldIndex.get(primary);
      if (o && preds.length === 1 && (map.successors.get(o.id) ?? []).length === 1) {
        if (o.areaId !== n.areaId)
          out.push(change("question-moved", id, `moved from area ${o.areaId} to ${n.areaId}${o.id !== id ? ` (was ${o.id})` : ""}`, [...n.path, "id"], { old: [o.id] }));
        else if (o.id !== id) out.push(change("question-renamed", id, `renamed from ${o.id}`, [...n.path, "id"], { old: [o.id] }));
      }
      for (const p of preds) {
        const before = oldIndex.get(p);
        const siblings = (map.successors.get(p) ?? []).filter((s) => s !== id);
        const askedElsewhere = new Set(siblings.flatMap((s) => newIndex.get(s)?.for ?? []));
        if (before) out.push(...compareQuestions(before, n, p === primary, ctx, askedElsewhere));
      }
    }
    out.push(...removed(area.id));
    removedBy.delete(area.id);
  }
  for (const areaId of removedBy.keys()) out.push(...removed(areaId));
  return out;
}

function declarationIssues(oldQ: Questionnaire, newQ: Questionnaire, map: RevisionMap): Issue[] {
  const out: Issue[] = [];
  for (const u of map.unknownRefs) out.push(unknownWasRef(u.question, u.ref, u.index, oldQ));
  const oldIndex = questionIndex(oldQ);
  for (const n of newQ.questions) {
    if (!n.recode) continue;
    const offered = new Set((map.predecessors.get(n.id) ?? []).flatMap((p) => (oldIndex.get(p)?.options ?? []).map((o) => o.value)));
    for (const from of Object.keys(n.recode)) {
      if (!offered.has(from)) {
        out.push(
          warning(
            "BAD_RECODE",
            `${n.id}: recode maps \`${from}\`, which ${map.predecessors.get(n.id)?.join(", ") || "no question"} in ${oldQ.version} does not offer; check the old option value`,
            [...n.path, "recode", from],
            true,
          ),
        );
      }
    }
  }
  return out;
}
