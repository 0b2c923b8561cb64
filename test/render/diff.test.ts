import { describe, expect, it } from "vitest";
import { diffView } from "../../src/commands/diff/view.js";
import { loadQuestionnaireFile } from "../../src/io/revisions/load.js";
import { changeSummary, formatDiffGithub, formatDiffMarkdown, formatDiffText } from "../../src/render/diff.js";
import { PLAIN } from "../../src/render/style.js";
import { fixture } from "../helpers.js";

const load = (file: string) => loadQuestionnaireFile(file).value!;
const bundled = diffView(load("questionnaires/cbrn-naq/1.0.0.yaml"), load("questionnaires/cbrn-naq/2.0.0.yaml"), true);
const badBump = diffView(load(fixture("revisions", "bad-bump", "mini", "1.2.0.yaml")), load(fixture("revisions", "bad-bump", "mini", "1.2.1.yaml")), true);

describe("the diff of the bundled 1.0.0 → 2.0.0", () => {
  it("reads as the golden text", async () => {
    await expect(`${formatDiffText(bundled, PLAIN).join("\n")}\n`).toMatchFileSnapshot("golden/cbrn-naq-1.0.0-2.0.0.txt");
  });

  it("reads as the golden pull-request comment", async () => {
    await expect(formatDiffMarkdown(bundled)).toMatchFileSnapshot("golden/cbrn-naq-1.0.0-2.0.0.md");
  });

  it("annotates the golden lines of 2.0.0 for GitHub", async () => {
    await expect(`${formatDiffGithub(bundled).join("\n")}\n`).toMatchFileSnapshot("golden/cbrn-naq-1.0.0-2.0.0.github.txt");
  });

  it("passes the version check", () => {
    expect(bundled.check.ok).toBe(true);
    expect(bundled.issues).toEqual([]);
  });
});

describe("diff renderings", () => {
  it.each([
    [[], "no changes"],
    [badBump.diff.changes, "2 changes: 1 breaking, 1 minor"],
  ])("summarise the changes by class", (changes, text) => {
    expect(changeSummary(changes)).toBe(text);
  });

  it("say in text why the bump is too small, and list a refusal per change at its line", () => {
    const text = formatDiffText(badBump, PLAIN);
    expect(text[1]).toBe("✖ 1.2.0 → 1.2.1 is only a patch bump, but 1 breaking change needs a major bump: version 2.0.0 or later");
    expect(text.filter((l) => l.includes("VERSION_BUMP_TOO_SMALL")).map((l) => l.split("  ")[0]?.replace(/^.*1\.2\.1\.yaml/, ""))).toEqual([":49:17", ":52:5"]);
  });

  it("make refused changes GitHub errors and other breaking changes warnings", () => {
    const lines = formatDiffGithub(badBump);
    expect(lines.filter((l) => l.startsWith("::error")).map((l) => /line=(\d+),col=(\d+),title=([A-Z_]+)/.exec(l)?.slice(1))).toEqual([
      ["49", "17", "VERSION_BUMP_TOO_SMALL"],
      ["52", "5", "VERSION_BUMP_TOO_SMALL"],
    ]);
    expect(lines.some((l) => l.startsWith("::warning") || l.startsWith("::notice"))).toBe(false);
    const unchecked = formatDiffGithub({ ...badBump, checking: false, issues: [] });
    expect(unchecked.filter((l) => l.startsWith("::")).map((l) => l.slice(0, l.indexOf(" ")))).toEqual(["::notice", "::warning"]);
  });

  it("escape Markdown in pull-request comments", () => {
    const view = { ...badBump, diff: { ...badBump.diff, changes: [{ ...badBump.diff.changes[0]!, message: "a | b <script> *c*" }] } };
    expect(formatDiffMarkdown(view)).toContain("a \\| b &lt;script&gt; \\*c\\*");
  });
});
