import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Ajv2020, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import type addFormatsModule from "ajv-formats";
import { closest, error, type Issue } from "../../core/issues.js";
import type { Path } from "../../core/questionnaire/model.js";
import { packageRoot, schemaPath } from "../paths.js";

export type SchemaName = "questionnaire" | "response" | "consensus" | "targets" | "gap-report";

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

// The schema compiler loads only when data is invalid or a schema has no precompiled validator:
// valid files, the common case, never need it.
function instance(): Ajv2020 {
  if (!ajv) {
    const require = createRequire(import.meta.url);
    const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
    const addFormats = require("ajv-formats") as typeof addFormatsModule.default;
    ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    addFormats(ajv, ["date", "date-time", "uri"]);
  }
  return ajv;
}

/** The raw JSON Schema of one of naq's file formats. */
export function loadSchema(name: SchemaName): Record<string, unknown> {
  return JSON.parse(readFileSync(schemaPath(name), "utf8")) as Record<string, unknown>;
}

function validatorFor(name: SchemaName): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    const a = instance();
    const schema = loadSchema(name);
    const existing = a.getSchema(String(schema.$id));
    v = existing ?? a.compile(schema);
    compiled.set(name, v);
  }
  return v;
}

const precompiled = new Map<string, ((data: unknown) => boolean) | null>();

/** The validator the build precompiled for `name` (dist/validators), if there is one. */
function precompiledFor(name: SchemaName): ((data: unknown) => boolean) | null {
  if (!precompiled.has(name)) {
    const file = join(packageRoot, "dist", "validators", `${name}.cjs`);
    let fn: ((data: unknown) => boolean) | null = null;
    if (existsSync(file)) {
      const mod = createRequire(import.meta.url)(file) as { default?: (data: unknown) => boolean } & ((data: unknown) => boolean);
      fn = mod.default ?? mod;
    }
    precompiled.set(name, fn);
  }
  return precompiled.get(name) ?? null;
}

/** Validates `data` against schema `name`; returns issues whose paths point into the data. */
export function checkSchema(name: SchemaName, data: unknown): Issue[] {
  // Valid data is the common case: the precompiled validator answers it without compiling the schema.
  if (precompiledFor(name)?.(data) === true) return [];
  const validate = validatorFor(name);
  if (validate(data)) return [];
  return explain(validate.errors ?? [], data, String(validate.schema && (validate.schema as { $id?: string }).$id));
}

/** Validates `data` against any JSON Schema object (used by `naq schema` output and tests). */
export function checkAgainst(schema: object, data: unknown): Issue[] {
  const a = instance();
  const id = (schema as { $id?: string }).$id;
  const validate = (id && a.getSchema(id)) || a.compile(schema);
  if (validate(data)) return [];
  return explain(validate.errors ?? [], data, id ?? "");
}

function toPath(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

const describe = (p: Path): string => (p.length === 0 ? "the document" : `\`${p.join(".")}\``);

function explain(errors: readonly ErrorObject[], root: unknown, schemaId: string): Issue[] {
  // Report a failed `oneOf` once, by the branch the data was meant for, instead of every branch's complaint.
  const oneOfs = errors.filter((e) => e.keyword === "oneOf");
  const under = (e: ErrorObject, o: ErrorObject) => e !== o && (e.instancePath === o.instancePath || e.instancePath.startsWith(o.instancePath + "/"));
  const outer = oneOfs.filter((o) => !oneOfs.some((p) => p !== o && under(o, p)));
  const rest = errors.filter((e) => !outer.some((o) => e === o || under(e, o)));
  const issues: Issue[] = [];
  for (const o of outer) issues.push(...explainOneOf(o, schemaId));
  for (const e of rest) {
    const issue = explainOne(e);
    if (issue) issues.push(issue);
  }
  void root;
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.code}|${(i.path ?? []).join("/")}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function explainOneOf(o: ErrorObject, schemaId: string): Issue[] {
  const path = toPath(o.instancePath);
  const branches = (o.schema as unknown[]) ?? [];
  const data = o.data;
  let chosen = -1;
  if (data && typeof data === "object" && !Array.isArray(data)) {
    const keys = Object.keys(data);
    chosen = branches.findIndex((b) => {
      const req = (b as { required?: string[] }).required;
      return Array.isArray(req) && req.every((k) => keys.includes(k));
    });
    if (chosen < 0) chosen = branches.findIndex((b) => ((b as { required?: string[] }).required ?? []).some((k) => keys.includes(k) && k !== "question"));
  } else if (Array.isArray(data)) {
    chosen = branches.findIndex((b) => (b as { type?: string }).type === "array");
  }
  const description = String((o.parentSchema as { description?: string })?.description ?? "");
  if (chosen >= 0 && schemaId) {
    const sub = instance().getSchema(`${schemaId}${o.schemaPath}/${chosen}`);
    if (sub && !sub(data)) {
      const prefix = o.instancePath;
      const nested = (sub.errors ?? []).map((e) => ({ ...e, instancePath: prefix + e.instancePath }));
      const found = explain(nested, data, schemaId);
      if (found.length > 0) return found;
    }
  }
  return [error("INVALID_VALUE", `${describe(path)} is not valid here. ${description}`.trim(), path)];
}

function explainOne(e: ErrorObject): Issue | undefined {
  const path = toPath(e.instancePath);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "additionalProperties": {
      const name = String(params.additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      const guess = closest(name, allowed);
      const hint = guess ? ` Did you mean \`${guess}\`?` : allowed.length ? ` Allowed here: ${allowed.join(", ")}.` : "";
      return error("UNKNOWN_PROPERTY", `unknown property \`${name}\` in ${describe(path)}.${hint}`, [...path, name], true);
    }
    case "required":
      return error("MISSING_PROPERTY", `${describe(path)} is missing the required property \`${String(params.missingProperty)}\``, path);
    case "type":
      return error("WRONG_TYPE", `${describe(path)} should be ${article(String(params.type))}, not ${kindOf(e.data)}`, path);
    case "const":
      return error("INVALID_VALUE", `${describe(path)} must be \`${String(params.allowedValue)}\``, path);
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const guess = typeof e.data === "string" ? closest(e.data, allowed) : undefined;
      return error("INVALID_VALUE", `${describe(path)} is \`${String(e.data)}\`; allowed: ${allowed.join(", ")}.${guess ? ` Did you mean \`${guess}\`?` : ""}`, path);
    }
    case "propertyNames":
      return undefined; // reported by the nested pattern error, which names the key
    case "pattern":
      if (e.propertyName !== undefined) {
        return error("INVALID_VALUE", `key \`${e.propertyName}\` in ${describe(path)} is not valid: ${patternHint(e)}`, [...path, e.propertyName], true);
      }
      return error("INVALID_VALUE", `${describe(path)} is \`${String(e.data)}\`: ${patternHint(e)}`, path);
    case "format":
      return error(
        "INVALID_VALUE",
        `${describe(path)} is \`${String(e.data)}\`, not a valid ${String(params.format)}${params.format === "date" ? " (YYYY-MM-DD)" : params.format === "date-time" ? " (e.g. 2024-05-15T10:00:00Z)" : ""}`,
        path,
      );
    case "minItems":
      return error("INVALID_VALUE", `${describe(path)} needs at least ${String(params.limit)} item(s)`, path);
    case "minProperties":
      return error("INVALID_VALUE", `${describe(path)} needs at least ${String(params.limit)} entr${params.limit === 1 ? "y" : "ies"}`, path);
    case "uniqueItems":
      return error("INVALID_VALUE", `${describe(path)} lists the same item twice (items ${String(params.j)} and ${String(params.i)})`, path);
    case "minLength":
      return error("INVALID_VALUE", `${describe(path)} must not be empty`, path);
    case "maxLength":
      return error("INVALID_VALUE", `${describe(path)} is ${String(e.data).length} characters long; naq accepts at most ${String(params.limit)}`, path);
    case "maxItems":
      return error("INVALID_VALUE", `${describe(path)} has ${Array.isArray(e.data) ? e.data.length : "too many"} items; naq accepts at most ${String(params.limit)}`, path);
    case "maxProperties":
      return error(
        "INVALID_VALUE",
        `${describe(path)} has ${e.data && typeof e.data === "object" ? Object.keys(e.data).length : "too many"} entries; naq accepts at most ${String(params.limit)}`,
        path,
      );
    default:
      return error("INVALID_VALUE", `${describe(path)} ${e.message ?? "is not valid"}`, path);
  }
}

function patternHint(e: ErrorObject): string {
  const description = (e.parentSchema as { description?: string })?.description;
  return description ?? `must match ${String((e.params as { pattern?: string }).pattern)}`;
}

function article(type: string): string {
  const t = type.split(",")[0] ?? type;
  return `${/^[aeiou]/.test(t) ? "an" : "a"} ${type.replace(/,/g, " or ")}`;
}

function kindOf(v: unknown): string {
  if (v === null) return "empty (null)";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "number") return `the number \`${v}\``;
  if (typeof v === "boolean") return `the boolean \`${v}\``;
  return `the text \`${typeof v === "string" ? v : (JSON.stringify(v) ?? "undefined")}\``;
}
