import fc from 'fast-check';
import { expect, test } from 'vitest';
import { luminance, NAN_COLOR, ratioColor } from '../../src/report/colors.js';
import { codeBlock, escapeHtml, escapeMarkdown, escapeXml } from '../../src/report/escape.js';
import {
  errorRatio,
  formatDuration,
  formatNumber,
  formatPair,
  formatRatio,
  formatValue,
  shorten,
} from '../../src/report/format.js';
import { forbiddenAt } from './xml.js';

test('numbers print in at most the asked significant digits, exponent form outside [1e-4, 1e6)', () => {
  expect(formatNumber(0.000012345678)).toBe('1.23457e-5');
  expect(formatNumber(123.456789)).toBe('123.457');
  expect(formatNumber(1.5)).toBe('1.5');
  expect(formatNumber(2e-7)).toBe('2e-7');
  expect(formatNumber(1e308)).toBe('1e308');
  expect(formatNumber(-1234567)).toBe('-1.23457e6');
  expect(formatNumber(Number.NaN)).toBe('NaN');
  expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
  expect(formatNumber(-0)).toBe('-0');
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      const back = Number(formatNumber(x, 6));
      expect(Math.abs(back - x)).toBeLessThanOrEqual(Math.abs(x) * 5e-6);
    }),
    { seed: 99, numRuns: 500 },
  );
});

test('formatPair adds digits until two different numbers print differently', () => {
  expect(formatPair(1.0000001, 1)).toEqual(['1.0000001', '1']);
  expect(formatPair(0.1, 0.1)).toEqual(['0.1', '0.1']);
  fc.assert(
    fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
      const [fa, fb] = formatPair(a, b);
      if (a !== b) expect(fa).not.toBe(fb);
      expect(Number(fa) === a || Math.abs(Number(fa) - a) <= Math.abs(a) * 5e-6).toBe(true);
    }),
    { seed: 98, numRuns: 500 },
  );
});

test('a ratio prints as 1 only when it is exactly 1, so a barely failing entry never reads like a pass', () => {
  expect(formatRatio(1 + 2 ** -52)).toBe('1.0000000000000002');
  expect(Number(formatRatio(1 - 2 ** -53))).toBeLessThan(1);
  expect(formatRatio(1)).toBe('1');
  expect(formatRatio(18.94511)).toBe('18.95');
  fc.assert(
    fc.property(fc.double({ min: 0.5, max: 2, noNaN: true }), (r) => {
      expect(formatRatio(r) === '1').toBe(r === 1);
    }),
    { seed: 96, numRuns: 300 },
  );
});

test('durations, ratios and shortened text', () => {
  expect(formatDuration(0)).toBe('0 ms');
  expect(formatDuration(0.25)).toBe('0.25 ms');
  expect(formatDuration(120.25)).toBe('120 ms');
  expect(formatDuration(1534)).toBe('1.53 s');
  expect(formatDuration(125_000)).toBe('2 min 5 s');
  expect(errorRatio(3e-9, 1e-10)).toBeCloseTo(30, 12);
  expect(errorRatio(0, 0)).toBe(0);
  expect(errorRatio(1, 0)).toBe(Number.POSITIVE_INFINITY);
  expect(errorRatio(Number.NaN, 1)).toBeNaN();
  expect(shorten('abcdef', 3)).toBe('abc… (3 more characters)');
  expect(shorten('abc', 3)).toBe('abc');
});

test('values print with their types, and long arrays say how much was left out', () => {
  expect(formatValue([new Float64Array(100)], { maxItems: 3 })).toBe(
    '[Float64Array(100) [0, 0, 0, … 97 more]]',
  );
  expect(formatValue({ a: [-0, Number.NaN], 'b c': 'x', n: 5n })).toBe('{a: [-0, NaN], "b c": "x", n: 5n}');
  expect(formatValue(new Map([[1, new Set([2])]]))).toBe('Map(1) {1 => Set(1) {2}}');
  const cyclic: unknown[] = [1];
  cyclic.push(cyclic);
  expect(formatValue(cyclic)).toBe('[1, [Circular]]');
  expect(formatValue('x'.repeat(700))).toMatch(/… \(102 more characters\)$/);
});

test('the heatmap palette darkens monotonically as |Δ|/allowed grows, with a break in hue at 1', () => {
  const ratios = [0, ...Array.from({ length: 161 }, (_, i) => 10 ** (-8 + i / 10)), Number.POSITIVE_INFINITY];
  const lum = ratios.map((r) => luminance(ratioColor(r)));
  for (let i = 1; i < lum.length; i++) expect(lum[i]).toBeLessThanOrEqual(lum[i - 1]! + 1e-12);
  expect(ratioColor(1e-12)).toBe(ratioColor(0));
  expect(ratioColor(1e9)).toBe(ratioColor(Number.POSITIVE_INFINITY));
  const green = (hex: string) => Number.parseInt(hex.slice(3, 5), 16) > Number.parseInt(hex.slice(1, 3), 16);
  expect(green(ratioColor(1))).toBe(true);
  expect(green(ratioColor(1.0001))).toBe(false);
  expect(ratioColor(Number.NaN)).toBe(NAN_COLOR);
});

test('escapers leave no markup and no character XML forbids', () => {
  expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  expect(escapeXml('a\tb\nc', true)).toBe('a&#9;b&#10;c');
  expect(escapeXml('a\tb\nc')).toBe('a\tb\nc');
  expect(escapeXml('\u0000\ud83d\ude00\udc00')).toBe('\\u0000\ud83d\ude00\\udc00');
  expect(escapeMarkdown('a|b `c` <d> *e* [f](g) $x$\nnext')).toBe(
    'a\\|b \\`c\\` \\<d\\> \\*e\\* \\[f\\](g) \\$x\\$ next',
  );
  expect(codeBlock('x ``` y')).toBe('````\nx ``` y\n````');
  fc.assert(
    fc.property(
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
      (s) => {
        expect(escapeHtml(s)).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|#39);)/);
        const xml = escapeXml(s, true);
        expect(xml).not.toMatch(/[<>"'\n\t]/);
        expect(forbiddenAt(xml)).toBe(-1);
      },
    ),
    { seed: 97, numRuns: 300 },
  );
});
