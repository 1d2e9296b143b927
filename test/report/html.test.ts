import fc from 'fast-check';
import type { PropertyResult } from 'gradcheck';
import { expect, test } from 'vitest';
import { escapeHtml } from '../../src/report/escape.js';
import { MAX_HEATMAP_SIDE } from '../../src/report/html-heatmap.js';
import { buildReport, renderHtml, replayCommand } from './api.js';
import { propertyResult } from './arbitrary.js';
import { allResults, EVIL_NAME, oneWrongEntry } from './fixtures.js';

const meta = { version: '0.1.0', createdAt: '2025-01-31T12:00:00.000Z', seed: 42 };
const html = renderHtml(buildReport(allResults(), meta));

/** The markup of the article of the result at `index`. */
const article = (page: string, index: number) =>
  page.match(new RegExp(`<article[^>]* id="result-${index}">[\\s\\S]*?</article>`))?.[0] ?? '';

const ALLOWED_TAGS = new Set(
  'html head meta title style body header main footer h1 h2 h3 h4 p div span b small code pre a table thead tbody tr th td dl dt dd article details summary'.split(
    ' ',
  ),
);

test('the page is self-contained: no script, no external reference, a policy that forbids loading anything', () => {
  expect(html.startsWith('<!doctype html>')).toBe(true);
  expect(html).not.toMatch(/https?:/);
  expect(html).not.toMatch(/<[^>]*\s(src|href)=(?!"#)|<script|<link|<img|<iframe|@import|url\(/i);
  expect(html).toContain(
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'`,
  );
});

test('every text is escaped: the hostile name appears only as text', () => {
  expect(html).not.toContain(EVIL_NAME);
  expect(html).toContain(escapeHtml(EVIL_NAME));
  expect(html).toContain('&lt;/pre&gt;&lt;script&gt;alert(3)&lt;/script&gt;');
  expect(html).toContain(
    `<pre class="replay"><code>${escapeHtml(replayCommand(allResults()[4]!))}</code></pre>`,
  );
});

test('each failing check gets an article with a heatmap cell per Jacobian entry, or a strip per entry', () => {
  const articles = html.match(/<article /g) ?? [];
  expect(articles).toHaveLength(9);
  const cellsOf = (a: string) => a.match(/<div class="c[ "]/g)?.length ?? 0;
  expect(cellsOf(article(html, 2))).toBe(25); // 5×5 softmax Jacobian
  expect(cellsOf(article(html, 3))).toBe(16); // 4×4
  expect(cellsOf(article(html, 4))).toBe(8); // gradient strip
  expect(article(html, 4)).toContain('class="heatmap strip"');
  expect(article(html, 2).match(/class="c f/g)).toHaveLength(1); // one failing entry
  expect(article(html, 2)).toMatch(
    /class="c f w" style="background:#[0-9a-f]{6}" data-ratio="[\d.]+" title="J\[2,1\]/,
  );
  expect(article(html, 2)).toContain('<td>J[2,1]</td>');
  expect(article(html, 7)).toContain('GC_FUNCTION_THREW');
});

test('a block larger than the drawing limit is drawn from its corner, with a note', () => {
  const big = oneWrongEntry();
  const n = MAX_HEATMAP_SIDE + 5;
  const zeros = new Array<number>(n * n).fill(0);
  const check =
    big.check!.verdict === 'mismatch'
      ? { ...big.check!, matrix: { rows: n, cols: n, analytic: zeros, oracle: zeros, allowed: zeros } }
      : big.check!;
  const page = renderHtml(buildReport([{ ...big, check } as PropertyResult], meta));
  expect(page.match(/<div class="c[ "]/g)).toHaveLength(MAX_HEATMAP_SIDE ** 2);
  expect(page).toContain(
    `Showing the top-left ${MAX_HEATMAP_SIDE}×${MAX_HEATMAP_SIDE} of the ${n}×${n} block`,
  );
});

test('any results render with known tags only, no event handlers and no script', () => {
  fc.assert(
    fc.property(fc.array(propertyResult, { minLength: 1, maxLength: 4 }), (results) => {
      const page = renderHtml(buildReport(results, meta));
      for (const m of page.matchAll(/<\/?([a-zA-Z][\w-]*)/g))
        expect(ALLOWED_TAGS.has(m[1]!.toLowerCase()), m[0]).toBe(true);
      expect(page).not.toMatch(/<[^>]*\son\w+\s*=/i);
      expect(page.match(/<article /g)?.length ?? 0).toBe(results.filter((r) => r.status !== 'passed').length);
    }),
    { seed: 777, numRuns: 100 },
  );
});
