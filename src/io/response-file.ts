import { dirname, relative, resolve, sep } from "node:path";
import { dump } from "js-yaml";
import type { Answer, OldAnswer, Response, UnmappedAnswer } from "../core/model.js";
import { schemaPath } from "./paths.js";

const drop = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const old = (a: OldAnswer) => drop({ question: a.question, value: a.value, comment: a.comment, evidence: a.evidence });

const answer = (a: Answer) =>
  drop({ value: a.value, comment: a.comment, evidence: a.evidence, confirm: a.confirm, mergedFrom: a.mergedFrom?.map(old) });

const unmapped = (u: UnmappedAnswer) =>
  drop({ question: u.question, version: u.version, value: u.value, comment: u.comment, evidence: u.evidence, reason: u.reason, note: u.note, target: u.target });

/**
 * A response as the YAML text of a response file: the `$schema` line that editors read (relative to
 * `file` when given), `kind: response`, then the fields in the order people read them.
 */
export function responseYaml(r: Response, file?: string): string {
  const schema = file ? relative(dirname(resolve(file)), schemaPath("response")).split(sep).join("/") : schemaPath("response");
  const data = drop({
    kind: "response",
    questionnaire: { id: r.questionnaire.id, version: r.questionnaire.version, digest: r.questionnaire.digest },
    country: r.country,
    agency: r.agency,
    respondent: r.respondent,
    language: r.language,
    status: r.status,
    updated: r.updated,
    migrated: r.migrated?.map((m) => ({ from: { id: m.from.id, version: m.from.version, digest: m.from.digest }, at: m.at })),
    answers: Object.fromEntries(Object.entries(r.answers).map(([id, a]) => [id, answer(a)])),
    irrelevant: r.irrelevant && r.irrelevant.length ? [...r.irrelevant] : undefined,
    unmapped: r.unmapped && r.unmapped.length ? r.unmapped.map(unmapped) : undefined,
  });
  // js-yaml quotes what YAML 1.1 would read otherwise (`"yes"`, `"2023-04-05"`), so readers of either version get strings.
  return `# yaml-language-server: $schema=${schema}\n${dump(data, { lineWidth: -1, noRefs: true, quotingType: '"' })}`;
}
