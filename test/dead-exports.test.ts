import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "./helpers.js";

/** Every .ts and .js file under `dir`, recursively. */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|js|mjs)$/.test(e.name) && !e.parentPath.includes("node_modules"))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

const EXPORTED_VALUE = /^export (?:async )?(?:function\*?|const|let|class) ([A-Za-z_$][\w$]*)/gm;

describe("the source tree", () => {
  it("exports no function, class or constant that nothing uses, not even its own file", () => {
    const src = sources("src");
    const text = new Map([...src, ...sources("test"), ...sources("bench"), ...sources("scripts")].map((f) => [f, readFileSync(join(root, f), "utf8")]));
    const unused = src.flatMap((file) =>
      [...(text.get(file) ?? "").matchAll(EXPORTED_VALUE)]
        .map((m) => m[1] as string)
        .filter((name) => {
          const word = new RegExp(`\\b${name.replace(/\$/g, "\\$")}\\b`, "g");
          const own = (text.get(file) ?? "").match(word)?.length ?? 0;
          return own === 1 && ![...text].some(([other, t]) => other !== file && word.test(t));
        })
        .map((name) => `${file}: ${name}`),
    );
    expect(unused).toEqual([]);
  });
});
