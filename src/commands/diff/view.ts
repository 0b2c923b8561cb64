import { checkBump } from "../../core/revision/bump.js";
import { diffRevisions } from "../../core/revision/diff.js";
import { locate, type LoadedQuestionnaire } from "../../io/revisions/load.js";
import type { DiffView } from "../../render/diff.js";

/** The diff of two loaded revisions with its bump check, its issues located in NEW. */
export function diffView(oldRev: LoadedQuestionnaire, newRev: LoadedQuestionnaire, checking: boolean): DiffView {
  const d = diffRevisions(oldRev.questionnaire, newRev.questionnaire);
  const check = checkBump(d);
  return {
    diff: d,
    check,
    checking,
    newFile: newRev.file,
    position: (path) => newRev.source.position(path),
    issues: locate([...d.issues, ...(checking ? check.issues : [])], newRev.source),
  };
}

/** Whether the revisions of `view` pass `--check`: the bump admits every change and NEW's `was`/`recode` name what OLD has. */
export function passes(view: DiffView): boolean {
  return view.check.ok && !view.diff.issues.some((i) => i.severity === "error");
}
