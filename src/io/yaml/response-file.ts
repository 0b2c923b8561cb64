import { dirname, relative, resolve, sep } from "node:path";
import type { OldAnswer, Questionnaire, Response, UnmappedAnswer } from "../../core/questionnaire/model.js";
import { writeFileAtomic } from "../files.js";
import { schemaPath } from "../paths.js";
import { yamlBlock } from "./response-yaml.js";

/**
 * The response as the plain document naq writes: fixed key order, answers in questionnaire order,
 * with what migration adds (`migrated`, `confirm`, `mergedFrom`, `unmapped`) kept.
 */
function responseDocument(r: Response, q?: Questionnaire): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const order = q ? [...q.questions.map((x) => x.id), ...Object.keys(r.answers)] : Object.keys(r.answers);
  for (const id of order) {
    const a = r.answers[id];
    if (a === undefined || id in answers) continue;
    answers[id] = {
      value: a.value,
      ...(a.comment !== undefined ? { comment: a.comment } : {}),
      ...(a.evidence !== undefined ? { evidence: a.evidence } : {}),
      ...(a.confirm !== undefined ? { confirm: a.confirm } : {}),
      ...(a.mergedFrom?.length ? { mergedFrom: a.mergedFrom.map(oldAnswer) } : {}),
    };
  }
  return {
    kind: "response",
    questionnaire: { id: r.questionnaire.id, version: r.questionnaire.version, digest: r.questionnaire.digest },
    country: r.country,
    agency: r.agency,
    ...(r.respondent !== undefined ? { respondent: r.respondent } : {}),
    language: r.language,
    status: r.status,
    updated: r.updated,
    ...(r.migrated?.length ? { migrated: r.migrated.map((m) => ({ from: { id: m.from.id, version: m.from.version, digest: m.from.digest }, at: m.at })) } : {}),
    answers,
    ...(r.irrelevant?.length ? { irrelevant: [...r.irrelevant] } : {}),
    ...(r.unmapped?.length ? { unmapped: r.unmapped.map(unmappedAnswer) } : {}),
  };
}

const oldAnswer = (a: OldAnswer) => ({
  question: a.question,
  value: a.value,
  ...(a.comment !== undefined ? { comment: a.comment } : {}),
  ...(a.evidence !== undefined ? { evidence: a.evidence } : {}),
});

const unmappedAnswer = (u: UnmappedAnswer) => ({
  question: u.question,
  version: u.version,
  value: u.value,
  ...(u.comment !== undefined ? { comment: u.comment } : {}),
  ...(u.evidence !== undefined ? { evidence: u.evidence } : {}),
  reason: u.reason,
  note: u.note,
  ...(u.target !== undefined ? { target: u.target } : {}),
  ...(u.resolved !== undefined ? { resolved: u.resolved } : {}),
});

/** The `$schema` reference for a response written to `file`: the bundled schema, relative to the file's folder. */
export function schemaRefFor(file: string): string {
  return relative(dirname(resolve(file)), schemaPath("response"))
    .split(sep)
    .join("/");
}

/**
 * A response as YAML text, starting with the `yaml-language-server` line that lets editors check it,
 * then the `header` comment lines. Strings that YAML 1.1 readers would take for booleans or dates
 * (`yes`, `no`, `2024-05-15`) are quoted.
 */
export function serializeResponse(r: Response, q: Questionnaire | undefined, schemaRef: string, header: readonly string[] = []): string {
  return `# yaml-language-server: $schema=${schemaRef}\n${header.map((l) => `${l}\n`).join("")}${yamlBlock(responseDocument(r, q))}`;
}

/** The text of a response file written to `file`, its `$schema` reference relative to it. */
export function responseYaml(r: Response, q: Questionnaire, file: string): string {
  return serializeResponse(r, q, schemaRefFor(file));
}

/** The comment lines a response file starts with (its notes to readers), without the yaml-language-server line unless asked. */
export function headerComments(text: string, withSchemaLine = false): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith("#")) break;
    if (withSchemaLine || !line.startsWith("# yaml-language-server:")) out.push(line);
  }
  return out;
}

/** The `$schema` reference of a file's yaml-language-server line, if it has one. */
export function schemaRefIn(text: string): string | undefined {
  return /^# yaml-language-server: \$schema=(\S+)/m.exec(headerComments(text, true).join("\n"))?.[1];
}

/** Writes `r` to `file` atomically (temporary file, flush, rename): a crash leaves the old file or the new one. */
export function saveResponse(file: string, r: Response, q?: Questionnaire, schemaRef = schemaRefFor(file), header: readonly string[] = []): void {
  writeFileAtomic(file, serializeResponse(r, q, schemaRef, header));
}
