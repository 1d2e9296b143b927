/**
 * report.html in a real browser: Debian's Chromium driven by playwright-core, one launch for every
 * assertion. Opens the page from a file:// URL as a user would, checks the heatmaps, the worst
 * entries, that the injected script never ran, that nothing was fetched or logged as an error, parses
 * junit.xml with the browser's own XML parser, and saves screenshots under reports/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildReport, renderHtml, renderJunit } from './api.js';
import { allResults, EVIL_NAME } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const REPORTS = new URL('../../reports/', import.meta.url);
const present = existsSync(CHROMIUM);
const run = present || Boolean(process.env['CI']);
if (!run)
  console.warn(
    `html.browser.test: skipped, ${CHROMIUM} is missing (install it with: apt-get install chromium)`,
  );

const report = buildReport(allResults(), {
  version: '0.1.0',
  createdAt: '2025-01-31T12:00:00.000Z',
  seed: 42,
});
const html = renderHtml(report);

let browser: Browser;
let page: Page;
let dir: string;
let url: string;
const consoleErrors: string[] = [];
const requests: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  if (!run) return;
  if (!present) throw new Error(`${CHROMIUM} is missing on CI: install it with apt-get install chromium`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  dir = mkdtempSync(join(tmpdir(), 'gradcheck-html-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, html);
  url = pathToFileURL(file).href;
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  await page.goto(url, { waitUntil: 'load' });
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Relative luminance of a CSS `rgb(r, g, b)` colour, computed in the page's own terms. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

test.skipIf(!run)(
  'report.html renders its heatmaps, worst entries and escaped text in Chromium',
  async () => {
    // The 5×5 Jacobian with one wrong entry: 25 visible cells, colours darkening as |Δ|/allowed grows.
    const wrong = page.locator('#result-2');
    const cells = wrong.locator('.heatmap .c');
    expect(await cells.count()).toBe(25);
    const seen = await cells.evaluateAll((els) =>
      els.map((el) => {
        const box = el.getBoundingClientRect();
        return {
          ratio: Number(el.getAttribute('data-ratio')),
          color: getComputedStyle(el).backgroundColor,
          area: box.width * box.height,
          worst: el.classList.contains('w'),
          title: el.getAttribute('title') ?? '',
        };
      }),
    );
    for (const c of seen) expect(c.area).toBeGreaterThan(100);
    const byRatio = [...seen].sort((a, b) => a.ratio - b.ratio);
    for (let i = 1; i < byRatio.length; i++) {
      expect(luminance(byRatio[i]!.color)).toBeLessThanOrEqual(luminance(byRatio[i - 1]!.color) + 1e-9);
    }
    const worst = byRatio[byRatio.length - 1]!;
    expect(worst.worst).toBe(true);
    expect(worst.ratio).toBeGreaterThan(1);
    expect(worst.title).toMatch(/^J\[2,1\]\nanalytic -0\.00075806616/);
    expect(new Set(seen.map((c) => c.color)).size).toBeGreaterThan(5);

    // The 4×4 "x where s belongs" Jacobian: every cell fails and wears the darkest red.
    const all = await page
      .locator('#result-3 .heatmap .c')
      .evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
    expect(all).toHaveLength(16);
    expect(new Set(all)).toEqual(new Set(['rgb(128, 0, 38)']));
    // The gradient strip: one cell per compared value.
    expect(await page.locator('#result-4 .heatmap.strip .c').count()).toBe(8);

    // The worst entries table leads with the worst entry, and it is on screen once scrolled to.
    const firstRow = wrong.locator('table.entries tbody tr').first();
    await firstRow.scrollIntoViewIfNeeded();
    expect(await firstRow.locator('td').first().textContent()).toBe('J[2,1]');
    expect(await firstRow.isVisible()).toBe(true);
    expect(await wrong.locator('pre.replay').textContent()).toBe(
      "npx gradcheck check specs/softmax.spec.ts --seed 42 --path 17:0 --grep 'softmax jacobian (float64)'",
    );

    // The hostile name is shown as text, and its script never ran.
    expect(await page.locator('#result-4 h3 .name').textContent()).toBe(EVIL_NAME);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('script, img, iframe').count()).toBe(0);
    expect(dialogs).toEqual([]);

    // Summary cards add up.
    expect(await page.locator('.card.failed b').textContent()).toBe('8');
    expect(await page.locator('table.checks tbody tr').count()).toBe(12);

    mkdirSync(REPORTS, { recursive: true });
    await page.screenshot({ path: new URL('html-report.png', REPORTS).pathname, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('#result-2').screenshot({ path: new URL('html-report-dark.png', REPORTS).pathname });

    expect(requests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  },
);

test.skipIf(!run)("junit.xml parses with the browser's XML parser, hostile names intact", async () => {
  const junit = renderJunit(report);
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.nodeName,
      names: [...doc.querySelectorAll('testcase')].map((c) => c.getAttribute('name')),
      failures: doc.querySelectorAll('testcase > failure').length,
      errors: doc.querySelectorAll('testcase > error').length,
      skipped: doc.querySelectorAll('testcase > skipped').length,
    };
  }, junit);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('testsuites');
  expect(parsed.names.sort()).toEqual(report.results.map((r) => r.name).sort());
  expect(parsed.names).toContain(EVIL_NAME);
  expect([parsed.failures, parsed.errors, parsed.skipped]).toEqual([8, 1, 1]);
});
