import { describe, expect, it } from "vitest";
import { md, renderMarkdown } from "../../../src/render/gap-report/markdown.js";
import { hostileReport, SCRIPT_COMMENT } from "../../merge-helpers.js";

describe("Markdown report", () => {
  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["a | b", "a \\| b"],
    ["`code` and *bold* and _it_", "\\`code\\` and \\*bold\\* and \\_it\\_"],
    ["[link](javascript:x)", "\\[link\\](javascript:x)"],
    ["AT&T", "AT&amp;T"],
    ["two\nlines", "two lines"],
  ])("escapes %j as %j", (text, expected) => {
    expect(md(text)).toBe(expected);
  });

  it("keeps agency comments as text: no raw tag and no table cell broken by a pipe", async () => {
    const out = renderMarkdown(await hostileReport());
    expect(out).not.toContain("<script");
    expect(out).not.toContain("<img");
    expect(out).toContain(md(SCRIPT_COMMENT));
    for (const line of out.split("\n").filter((l) => l.startsWith("| Regulator | 1 – None"))) {
      expect(line.split(/(?<!\\)\|/).length).toBe(7);
    }
  });
});
