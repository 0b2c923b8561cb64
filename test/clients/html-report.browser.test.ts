// Opens the HTML report in a real browser: headless Debian Chromium driven by playwright-core.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GapReport } from "../../src/core/gap-report/model.js";
import { launch, open, type Visit } from "../browser.js";
import { root } from "../helpers.js";
import { hostileReport, SCRIPT_COMMENT } from "../merge-helpers.js";

describe("the HTML report in Chromium", () => {
  let context: BrowserContext;
  let report: GapReport;
  let visit: Visit;

  beforeAll(async () => {
    context = await launch();
    report = await hostileReport();
    visit = await open(context, report, "hostile");
  });
  afterAll(async () => {
    await context?.close();
  });

  it("loads with no console error and no request but the file itself", () => {
    expect(visit.consoleErrors).toEqual([]);
    expect(visit.requests).toEqual([visit.url]);
  });

  it("renders one bar per scored area, a full domain × phase grid and an agency × area grid", async () => {
    const { page } = visit;
    const bars = page.locator("#chart-areas rect.bar");
    expect(await bars.count()).toBe(report.areas.filter((a) => a.score !== null).length);
    for (const box of await Promise.all((await bars.all()).map((b) => b.boundingBox()))) expect(box?.width).toBeGreaterThan(0);
    expect(await page.locator("#chart-matrix rect.cell").count()).toBe(24);
    // One row per agency (blank where it is asked nothing) and one for all agencies together.
    const asked = report.agencies.flatMap((a) => a.areas.filter((c) => c.relevant > 0)).length + report.areas.length;
    expect(await page.locator("#chart-coverage rect.cell:not(.blank)").count()).toBe(asked);
  });

  it("keeps an agency comment with <script> and <img onerror> as inert text", async () => {
    const { page } = visit;
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __owned?: number }).__owned)).toBeUndefined();
    const comments = await page.locator("#d-DET\\.03 .comment").allTextContents();
    expect(comments).toContain(SCRIPT_COMMENT);
  });

  it("saves a screenshot", async () => {
    const out = join(root, "test", "out");
    mkdirSync(out, { recursive: true });
    const file = join(out, "gap-report-hostile.png");
    await visit.page.screenshot({ path: file, fullPage: true });
    expect(existsSync(file)).toBe(true);
  });

  it("lays out for print on A4 without error", async () => {
    await visit.page.emulateMedia({ media: "print" });
    const pdf = await visit.page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    expect(visit.consoleErrors).toEqual([]);
  });
});

describe("the examples' HTML report in Chromium", () => {
  let context: BrowserContext;
  let report: GapReport;
  let visit: Visit;

  beforeAll(async () => {
    context = await launch();
    const { loadMergeInputs } = await import("../../src/io/merge-inputs.js");
    const { buildGapReport } = await import("../../src/core/gap-report/build.js");
    const inputs = loadMergeInputs({ paths: [join(root, "examples")] });
    report = buildGapReport({
      questionnaire: inputs.revision.questionnaire,
      digest: inputs.revision.digest,
      language: "en",
      responses: inputs.responses,
      excluded: inputs.excluded,
    });
    visit = await open(context, report, "examples");
  });
  afterAll(async () => {
    await context?.close();
  });

  it("opens with its charts, no console error and no request but the file itself", async () => {
    const { page } = visit;
    expect(visit.consoleErrors).toEqual([]);
    expect(visit.requests).toEqual([visit.url]);
    expect(await page.locator("#chart-areas rect.bar").count()).toBe(9);
    expect(await page.locator("#chart-matrix rect.cell").count()).toBe(24);
    expect(await page.locator("#chart-coverage rect.cell").count()).toBe((report.agencies.length + 1) * report.areas.length);
    expect(await page.locator("article.disagreement").count()).toBe(report.disagreements.length);
    expect(await page.locator("#notices").textContent()).toContain("XX-customs-1.0.0.yaml");
  });

  it("saves a screenshot", async () => {
    const file = join(root, "test", "out", "gap-report-examples.png");
    mkdirSync(join(root, "test", "out"), { recursive: true });
    await visit.page.screenshot({ path: file, fullPage: true });
    expect(existsSync(file)).toBe(true);
  });
});
