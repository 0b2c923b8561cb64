import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { compareSemver } from "../../core/revision/semver.js";
import { UsageError } from "../../errors.js";
import { loadQuestionnaireFile, usableRevision, type LoadedQuestionnaire } from "./load.js";
import { bundledDir } from "../paths.js";

export interface BundledRevision {
  readonly id: string;
  readonly version: string;
  readonly file: string;
}

/** The questionnaire id used when none is given. */
export const DEFAULT_QUESTIONNAIRE = "cbrn-naq";

/** Bundled revisions, by id then version, oldest first. */
export function listBundled(dir = bundledDir): BundledRevision[] {
  if (!existsSync(dir)) return [];
  const out: BundledRevision[] = [];
  for (const id of readdirSync(dir).sort()) {
    const sub = join(dir, id);
    if (!statSync(sub).isDirectory()) continue;
    for (const f of readdirSync(sub)) {
      const m = /^(.+)\.ya?ml$/.exec(f);
      if (m?.[1]) out.push({ id, version: m[1], file: join(sub, f) });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id) || compareSemver(a.version, b.version));
}

const looksLikePath = (ref: string) => /[\\/]/.test(ref) || /\.(ya?ml|json)$/i.test(ref);

/** The file a questionnaire reference names: a bundled id, `id@version`, or a path (looked up in `cwd` when relative, returned as given). */
export function resolveRef(ref: string | undefined, cwd?: string): string {
  const bundled = listBundled();
  if (ref && (looksLikePath(ref) || existsSync(cwd === undefined ? ref : resolve(cwd, ref)))) return ref;
  const [id, version] = (ref ?? DEFAULT_QUESTIONNAIRE).split("@");
  const ofId = bundled.filter((b) => b.id === id);
  const known = () =>
    [...new Set(bundled.map((b) => b.id))]
      .map(
        (i) =>
          `${i} (${bundled
            .filter((b) => b.id === i)
            .map((b) => b.version)
            .join(", ")})`,
      )
      .join("; ");
  if (ofId.length === 0) throw new UsageError(`no bundled questionnaire \`${id}\`; bundled: ${known() || "none"}. Or give the path of a questionnaire file`);
  if (version === undefined) return (ofId[ofId.length - 1] as BundledRevision).file;
  const hit = ofId.find((b) => b.version === version);
  if (!hit) throw new UsageError(`${id} has no bundled version ${version}; bundled: ${ofId.map((b) => b.version).join(", ")}`);
  return hit.file;
}

/**
 * Loads the revision `ref` names, refusing one with errors (its issues say why), for a command that
 * reads one revision; commands that look up several use a `RevisionStore`, which reads each once.
 */
export function openQuestionnaire(ref: string | undefined, cwd?: string): LoadedQuestionnaire {
  const file = resolveRef(ref, cwd);
  return usableRevision(file, loadQuestionnaireFile(file, cwd));
}

/** The bundled file of revision `id@version`, if naq ships it. */
export function bundledFile(id: string, version: string): string | undefined {
  return listBundled().find((b) => b.id === id && b.version === version)?.file;
}
