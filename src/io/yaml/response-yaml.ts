/**
 * YAML text for the plain data naq writes (maps, lists, strings, numbers, booleans), in block style.
 * Written directly rather than through a YAML library: the shapes are simple and fixed, and importing
 * a hundred workbooks, or autosaving after every answer, should not spend its time formatting.
 */
export function yamlBlock(data: Readonly<Record<string, unknown>>): string {
  return `${mapLines(data, 0).join("\n")}\n`;
}

type Plain = string | number | boolean | null | undefined | readonly unknown[] | Readonly<Record<string, unknown>>;

const isMap = (v: unknown): v is Readonly<Record<string, unknown>> => v !== null && typeof v === "object" && !Array.isArray(v);
const isList = (v: unknown): v is readonly unknown[] => Array.isArray(v);

function mapLines(map: Readonly<Record<string, unknown>>, indent: number): string[] {
  const pad = " ".repeat(indent);
  const out: string[] = [];
  for (const [key, v] of Object.entries(map) as [string, Plain][]) {
    if (v === undefined) continue;
    const head = `${pad}${scalar(key)}:`;
    if (isMap(v)) out.push(...(Object.keys(v).length ? [head, ...mapLines(v, indent + 2)] : [`${head} {}`]));
    else if (isList(v)) out.push(...(v.length ? [head, ...seqLines(v, indent + 2)] : [`${head} []`]));
    else out.push(`${head} ${scalar(v)}`);
  }
  return out;
}

function seqLines(items: readonly unknown[], indent: number): string[] {
  const pad = " ".repeat(indent);
  const out: string[] = [];
  for (const item of items as Plain[]) {
    if (isMap(item) && Object.keys(item).length) {
      // The first entry shares the dash's line; the others line up under it.
      const [first = "", ...rest] = mapLines(item, indent + 2);
      out.push(`${pad}- ${first.slice(indent + 2)}`, ...rest);
    } else if (isList(item)) out.push(...(item.length ? [`${pad}-`, ...seqLines(item, indent + 2)] : [`${pad}- []`]));
    else out.push(`${pad}- ${isMap(item) ? "{}" : scalar(item ?? null)}`);
  }
  return out;
}

// Plain scalars that YAML 1.2's core schema would read as something other than this string.
const CORE_NON_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
// … and those YAML 1.1 readers would (yes, no, on, off, dates, 1_000, 1:20), so that files stay
// unambiguous to other tools as well.
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
// Besides the line breaks and controls, what YAML does not count as printable: U+FFFE, U+FFFF and a lone surrogate.
// eslint-disable-next-line no-control-regex
const UNSAFE_INSIDE = /: |:$| #|[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A scalar in YAML: plain when that reads back as the same value, else double-quoted. */
export function scalar(v: string | number | boolean | null): string {
  if (v === null) return "null";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : ".nan";
  if (typeof v === "boolean") return v ? "true" : "false";
  const plain = v !== "" && v.trim() === v && !INDICATOR_START.test(v) && !UNSAFE_INSIDE.test(v) && !CORE_NON_STRING.test(v) && !YAML_11_NON_STRING.test(v);
  if (plain) return v;
  // JSON's string syntax is YAML's double-quoted syntax; escape what YAML wants escaped besides.
  return JSON.stringify(v).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
