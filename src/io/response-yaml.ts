import { dirname, relative, resolve, sep } from "node:path";
import { stringify } from "yaml";
import type { Questionnaire, Response } from "../core/model.js";
import { schemaPath } from "./paths.js";

/**
 * A response as the YAML text of a response file: the `$schema` line for editors (relative to where
 * the file is written), then the fields in a fixed order and the answers in questionnaire order.
 */
export function responseYaml(r: Response, q: Questionnaire, file: string): string {
  const order = new Map(q.questions.map((x, i) => [x.id, i]));
  const ids = Object.keys(r.answers).sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (a < b ? -1 : 1));
  const answers: Record<string, unknown> = {};
  for (const id of ids) {
    const a = r.answers[id];
    if (a) answers[id] = { value: a.value, ...(a.comment !== undefined ? { comment: a.comment } : {}), ...(a.evidence !== undefined ? { evidence: a.evidence } : {}) };
  }
  const data = {
    kind: "response",
    questionnaire: { id: r.questionnaire.id, version: r.questionnaire.version, digest: r.questionnaire.digest },
    country: r.country,
    agency: r.agency,
    ...(r.respondent !== undefined ? { respondent: r.respondent } : {}),
    language: r.language,
    status: r.status,
    updated: r.updated,
    answers,
    ...(r.irrelevant?.length ? { irrelevant: [...r.irrelevant] } : {}),
  };
  const schema = relative(dirname(resolve(file)), schemaPath("response")).split(sep).join("/");
  return `# yaml-language-server: $schema=${schema}\n${stringify(data, { lineWidth: 0 })}`;
}
