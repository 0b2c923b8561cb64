// Headless Debian Chromium driven by playwright-core, for the tests that open the HTML report.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import type { GapReport } from "../src/core/gap-report/model.js";
import { renderHtml } from "../src/render/gap-report/html.js";

export const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Launches Chromium with a new, empty profile; fails loudly when it is not installed. */
export async function launch(): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: the HTML report is tested in Debian's chromium; install it with \`apt-get install -y chromium\` (.ci/run does)`);
  const { chromium } = await import("playwright-core");
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "naq-chromium-")), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1200, height: 900 },
  });
}

export interface Visit {
  readonly page: Page;
  readonly url: string;
  readonly consoleErrors: string[];
  readonly requests: string[];
}

/** Writes `report` as HTML to a file and opens it, recording console errors and every request. */
export async function open(context: BrowserContext, report: GapReport, name: string): Promise<Visit> {
  const dir = mkdtempSync(join(tmpdir(), "naq-html-"));
  const file = join(dir, `${name}.html`);
  writeFileSync(file, renderHtml(report));
  return openFile(context, file);
}

/** Opens an HTML file, recording console errors, every request and every dialog (alert, confirm, ...) it opens. */
export async function openFile(context: BrowserContext, file: string): Promise<Visit & { readonly dialogs: string[] }> {
  const url = pathToFileURL(file).href;
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  page.on("request", (r) => requests.push(r.url()));
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: "load" });
  return { page, url, consoleErrors, requests, dialogs };
}
