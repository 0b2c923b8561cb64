import { dirname, relative, resolve, sep } from "node:path";
import type { AnswerValue, Questionnaire, Response } from "../core/model.js";
import { schemaPath } from "./paths.js";

/**
 * A response as the YAML text of a response file: the `$schema` line for editors (relative to where
 * the file is written), then the fields in a fixed order and the answers in questionnaire order.
 * Written directly rather than through a YAML library: the shape is fixed, and importing a hundred
 * workbooks should not spend its time formatting.
 */
export function responseYaml(r: Response, q: Questionnaire, file: string): string {
  const order = new Map(q.questions.map((x, i) => [x.id, i]));
  const ids = Object.keys(r.answers).sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (a < b ? -1 : 1));
  const schema = relative(dirname(resolve(file)), schemaPath("response")).split(sep).join("/");
  const lines = [
    `# yaml-language-server: $schema=${schema}`,
    "kind: response",
    "questionnaire:",
    `  id: ${scalar(r.questionnaire.id)}`,
    `  version: ${scalar(r.questionnaire.version)}`,
    `  digest: ${scalar(r.questionnaire.digest)}`,
    `country: ${scalar(r.country)}`,
    `agency: ${scalar(r.agency)}`,
    ...(r.respondent !== undefined ? [`respondent: ${scalar(r.respondent)}`] : []),
    `language: ${scalar(r.language)}`,
    `status: ${scalar(r.status)}`,
    `updated: ${scalar(r.updated)}`,
    ids.length ? "answers:" : "answers: {}",
  ];
  for (const id of ids) {
    const a = r.answers[id];
    if (!a) continue;
    lines.push(`  ${scalar(id)}:`, ...value(a.value));
    if (a.comment !== undefined) lines.push(`    comment: ${scalar(a.comment)}`);
    if (a.evidence !== undefined) lines.push(`    evidence: ${scalar(a.evidence)}`);
  }
  if (r.irrelevant?.length) lines.push("irrelevant:", ...r.irrelevant.map((id) => `  - ${scalar(id)}`));
  return `${lines.join("\n")}\n`;
}

function value(v: AnswerValue): string[] {
  if (Array.isArray(v)) return v.length ? ["    value:", ...v.map((x) => `      - ${scalar(x)}`)] : ["    value: []"];
  return [`    value: ${scalar(v as string | number | boolean)}`];
}

// Plain scalars that YAML 1.2's core schema would read as something other than this string.
const CORE_NON_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
// … and those YAML 1.1 readers would (yes, no, on, off, dates, 1_000, 1:20), quoted as the other
// response writers of naq quote them (\`serializeResponse\`).
const YAML_11_NON_STRING = new RegExp(
  [
    /^(?:Y|y|[Yy]es|YES|[Oo]n|ON|N|n|[Nn]o|NO|[Oo]ff|OFF)$/.source,
    /^[-+]?(?:0b[0-1_]+|0[0-7_]+|[0-9][0-9_]*|0x[0-9a-fA-F_]+)$/.source,
    /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/.source,
    /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/.source,
    /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.source,
    /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:t|T|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]+)?(?:[ \t]*(?:Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/.source,
  ].join("|"),
);
// Characters a plain scalar may not start with, and sequences it may not hold.
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
// eslint-disable-next-line no-control-regex
const UNSAFE_INSIDE = /: |:$| #|[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/** A scalar in YAML: plain when that reads back as the same value, else double-quoted. */
export function scalar(v: string | number | boolean): string {
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : ".nan";
  if (typeof v === "boolean") return v ? "true" : "false";
  const plain = v !== "" && v.trim() === v && !INDICATOR_START.test(v) && !UNSAFE_INSIDE.test(v) && !CORE_NON_STRING.test(v) && !YAML_11_NON_STRING.test(v);
  if (plain) return v;
  // JSON's string syntax is YAML's double-quoted syntax; escape what YAML wants escaped besides.
  return JSON.stringify(v).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
