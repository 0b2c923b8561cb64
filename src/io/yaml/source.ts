import { CORE_SCHEMA, load as fastLoad } from "js-yaml";
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, visit, type Document, type Node } from "yaml";
import { error, type Issue, type IssueCode } from "../../core/issues.js";
import type { Path } from "../../core/questionnaire/model.js";

/** Aliases allowed in one document: enough to reuse an option list, far too few for a billion laughs. */
const MAX_ALIASES = 100;

/** A parsed YAML or JSON document that can say where any path in it came from. */
export interface Source {
  readonly file: string;
  readonly data: unknown;
  /** Line and column (1-based) of the node at `path`, or of its nearest existing ancestor. */
  position(path: Path, atKey?: boolean): { line: number; column: number };
}

export type ParseResult = { ok: true; source: Source } | { ok: false; issues: Issue[] };

const YAML_CODES: Partial<Record<string, IssueCode>> = { DUPLICATE_KEY: "DUPLICATE_KEY" };

/*
 * Two parsers, one meaning. The `yaml` package keeps every node's position and reports problems
 * precisely, but composing a large document with it costs several times what js-yaml needs. Both
 * implement the YAML 1.2 core schema, so a plain document (no anchors, aliases, tags or merge keys)
 * reads the same in either. Such documents are read with js-yaml; positions, needed only when there
 * is something to report, come from a `yaml` parse made on first demand. Anything else, and anything
 * js-yaml refuses, takes the `yaml` path, which reports the problem with its location.
 */
const NEEDS_FULL_PARSE = /(?:^|[\s,[{])[&*!][^\s]|<<|__proto__|^%/m;

function parseFast(text: string): { data: unknown } | undefined {
  if (NEEDS_FULL_PARSE.test(text)) return undefined;
  let data: unknown;
  try {
    data = fastLoad(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  // An escaped key ("\x5f_proto__") is not in the text as written; look at the keys themselves.
  return hasProtoKey(data) ? undefined : { data };
}

function hasProtoKey(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some(hasProtoKey);
  if (Object.prototype.hasOwnProperty.call(value, "__proto__")) return true;
  return Object.values(value as Record<string, unknown>).some(hasProtoKey);
}

/** Parses YAML (JSON is YAML) text from `file`, refusing what naq never accepts: several documents, alias bombs, `__proto__` keys. */
export function parseYaml(file: string, text: string): ParseResult {
  if (text.trim() === "" || /^(\s*#[^\n]*\n?|\s*\n)*\s*$/.test(text)) {
    return parseFull(file, text);
  }
  const fast = parseFast(text);
  if (!fast) return parseFull(file, text);
  let full: Source | undefined;
  return {
    ok: true,
    source: {
      file,
      data: fast.data,
      position(path, atKey) {
        if (!full) {
          const parsed = parseFull(file, text);
          if (!parsed.ok) return { line: 1, column: 1 };
          full = parsed.source;
        }
        return full.position(path, atKey);
      },
    },
  };
}

function parseFull(file: string, text: string): ParseResult {
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { file, line: Math.max(1, p.line), column: Math.max(1, p.col) };
  };
  const fail = (code: IssueCode, message: string, offset = 0): ParseResult => ({
    ok: false,
    issues: [{ ...error(code, message), location: at(offset) }],
  });

  if (text.trim() === "" || /^(\s*#[^\n]*\n?|\s*\n)*\s*$/.test(text)) {
    return fail("EMPTY_FILE", "the file is empty; a questionnaire or response starts with a `kind:` line");
  }
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, stringKeys: true, prettyErrors: false });
  if (!Array.isArray(docs) || docs.length === 0) return fail("YAML_SYNTAX", "not valid YAML: the file holds no YAML document (a `%` directive needs a document after it)");
  if (docs.length > 1) {
    const second = docs[1] as Document;
    return fail("MULTIPLE_DOCUMENTS", "the file holds several YAML documents (separated by `---`); put each in its own file", second.range?.[0] ?? 0);
  }
  const doc = docs[0] as Document;
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        ...error(YAML_CODES[e.code] ?? "YAML_SYNTAX", yamlMessage(e.code, e.message)),
        location: at(e.pos[0]),
      })),
    };
  }
  let aliases = 0;
  let problem: { code: IssueCode; message: string; offset: number } | undefined;
  visit(doc, {
    Alias(_, node) {
      aliases++;
      if (aliases > MAX_ALIASES) {
        problem = {
          code: "ALIAS_LIMIT",
          message: `more than ${MAX_ALIASES} YAML aliases (*name); naq refuses alias-heavy files, which can expand without bound: write the content out`,
          offset: node.range?.[0] ?? 0,
        };
        return visit.BREAK;
      }
      return undefined;
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === "__proto__") {
        problem = { code: "FORBIDDEN_KEY", message: "the key `__proto__` is not allowed; rename or remove it", offset: pair.key.range?.[0] ?? 0 };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (problem) return fail(problem.code, problem.message, problem.offset);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    return fail("ALIAS_LIMIT", `aliases in this file expand too far (${(e as Error).message}); write the content out`);
  }
  const contents = doc.contents;
  return {
    ok: true,
    source: {
      file,
      data,
      position(path, atKey = false) {
        const node = nodeAt(contents, path, atKey);
        const offset = node?.range?.[0] ?? 0;
        const p = lineCounter.linePos(offset);
        return { line: p.line, column: p.col };
      },
    },
  };
}

function nodeAt(root: Node | null, path: Path, atKey: boolean): Node | null {
  let node: unknown = root;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const last = i === path.length - 1;
    if (isAlias(node)) return node;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) return node;
      if (last && atKey) return pair.key as Node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key];
      if (item === undefined) return node;
      node = item;
    } else {
      return (node as Node | null) ?? null;
    }
  }
  return node as Node | null;
}

function yamlMessage(code: string, message: string): string {
  const first = message.split("\n")[0] ?? message;
  if (code === "DUPLICATE_KEY") return "a key appears twice in the same mapping; remove or rename one of them";
  return `not valid YAML: ${first.replace(/ at line \d+, column \d+.*$/, "")}`;
}
