import { describe, expect, it } from "vitest";
import { renderHtml } from "../../../src/render/gap-report/html.js";
import { esc, heat } from "../../../src/render/gap-report/svg.js";
import { hostileReport } from "../../merge-helpers.js";

describe("HTML report", () => {
  it.each([
    [`<img src=x onerror="alert(1)">`, "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"],
    ["O'Neil & co", "O&#39;Neil &amp; co"],
  ])("escapes %j", (text, expected) => {
    expect(esc(text)).toBe(expected);
  });

  it.each([
    [null, "#e6e6e6"],
    [0, "hsl(0 62% 72%)"],
    [100, "hsl(120 62% 72%)"],
  ])("colours a score of %s as %s", (score, colour) => {
    expect(heat(score)).toBe(colour);
  });

  it("is self-contained: no script, no external resource, and a policy forbidding both", async () => {
    const html = renderHtml(await hostileReport());
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'`);
    expect(html).not.toMatch(/<script|<img|<link|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(src|href|action)\s*=\s*["']?(https?:|\/\/|javascript:)/i);
    expect(html).toContain("=HYPERLINK(&quot;http://evil.example/&quot;");
  });

  it("draws one bar per area with a score and a full domain × phase grid", async () => {
    const report = await hostileReport();
    const html = renderHtml(report);
    const areas = html.slice(html.indexOf('<svg id="chart-areas"'), html.indexOf("</svg>", html.indexOf('<svg id="chart-areas"')));
    expect(areas.match(/<rect class="bar"/g)).toHaveLength(report.areas.filter((a) => a.score !== null).length);
    const matrix = html.slice(html.indexOf('<svg id="chart-matrix"'));
    expect(matrix.slice(0, matrix.indexOf("</svg>")).match(/<rect class="cell"/g)).toHaveLength(24);
  });

  it("shows every agency's answer to a disagreement side by side", async () => {
    const html = renderHtml(await hostileReport());
    const block = html.slice(html.indexOf('<article class="disagreement" id="d-DET.03"'));
    const article = block.slice(0, block.indexOf("</article>"));
    expect(article.match(/<div class="answer /g)).toHaveLength(2);
  });
});
