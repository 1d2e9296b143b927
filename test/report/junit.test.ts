import fc from 'fast-check';
import { expect, test } from 'vitest';
import { buildReport, renderJunit, replayCommand } from './api.js';
import { propertyResult } from './arbitrary.js';
import { allResults, EVIL_NAME } from './fixtures.js';
import { parseXml, type XmlElement } from './xml.js';

const meta = { version: '0.1.0', createdAt: '2025-01-31T12:00:00.000Z', seed: 42 };
const cases = (root: XmlElement) =>
  root.children.flatMap((s) => s.children.filter((c) => c.name === 'testcase'));

test('one testcase per check, grouped by spec file or kind, with counts that add up', () => {
  const report = buildReport(allResults(), meta);
  const root = parseXml(renderJunit(report));
  expect(root.name).toBe('testsuites');
  expect(root.attrs).toMatchObject({ tests: '12', failures: '8', errors: '1', skipped: '1' });
  const all = cases(root);
  expect(all.map((c) => c.attrs['name']).sort()).toEqual(report.results.map((r) => r.name).sort());
  for (const suite of root.children) {
    expect(suite.name).toBe('testsuite');
    expect(Number(suite.attrs['tests'])).toBe(suite.children.filter((c) => c.name === 'testcase').length);
    for (const c of suite.children) expect(c.attrs['classname']).toBe(suite.attrs['name']);
  }
  const byName = new Map(all.map((c) => [c.attrs['name'], c]));
  expect(byName.get('softmax jacobian (float64)')!.attrs['classname']).toBe('specs/softmax.spec.ts');
  expect(byName.get('in-place jvp')!.attrs['classname']).toBe('jvp'); // built-in gate: the kind
});

test('names are stable: the seed never appears in a testcase name', () => {
  const a = renderJunit(buildReport(allResults(), meta));
  const reseeded = allResults().map((r) => ({ ...r, seed: r.seed + 1000 }));
  const b = renderJunit(buildReport(reseeded, meta));
  const names = (xml: string) =>
    cases(parseXml(xml)).map((c) => `${c.attrs['classname']}/${c.attrs['name']}`);
  expect(names(b)).toEqual(names(a));
});

test('a failure carries the verdict, the worst entries and the replay command; errors and vacuous passes differ', () => {
  const report = buildReport(allResults(), meta);
  const byName = new Map(cases(parseXml(renderJunit(report))).map((c) => [c.attrs['name'], c]));
  const wrong = byName.get('softmax jacobian (float64)')!;
  const failure = wrong.children[0]!;
  expect(failure.name).toBe('failure');
  expect(failure.attrs['type']).toBe('mismatch');
  expect(failure.attrs['message']).toMatch(
    /^mismatch at J\[2,1\]: analytic -0\.000758066\d+ vs oracle -0\.000758066\d+/,
  );
  expect(failure.text).toMatch(
    /worst entries:\nentry +analytic +oracle +\|Δ\| +allowed +\|Δ\|\/allowed +margin\nJ\[2,1\] /,
  );
  expect(failure.text).toContain(`replay: ${replayCommand(report.results[2]!)}`);
  expect(failure.text).toContain('counterexample: [Float64Array(5) [0.5, -1.25, 2, 0, 3.75]]');
  const error = byName.get('mlp backprop (float32)')!.children[0]!;
  expect(error.name).toBe('error');
  expect(error.attrs['type']).toBe('GC_FUNCTION_THREW');
  expect(error.text).toContain('at backward (specs/mlp.spec.ts:12:7)');
  expect(byName.get('relu gradient away from kinks')!.children[0]!.name).toBe('skipped');
  expect(byName.get('logSoftmax jacobian (float64)')!.children).toEqual([]);
});

test('hostile names come back exactly from the XML, and forbidden characters become visible escapes', () => {
  const evil = allResults().find((r) => r.name === EVIL_NAME)!;
  const bell = { ...evil, name: `bell\u0007 ]]> \ud800 end`, source: 'builtin' };
  const root = parseXml(renderJunit(buildReport([evil, bell], meta)));
  const [a, b] = cases(root);
  expect(a!.attrs['name']).toBe(EVIL_NAME);
  expect(b!.attrs['name']).toBe('bell\\u0007 ]]> \\ud800 end');
});

test('any results give well-formed JUnit XML with one testcase each', () => {
  fc.assert(
    fc.property(fc.array(propertyResult, { maxLength: 5 }), (results) => {
      const xml = renderJunit(buildReport(results, meta));
      const root = parseXml(xml);
      expect(cases(root).length).toBe(results.length);
    }),
    { seed: 5150, numRuns: 150 },
  );
});

test('the test XML reader rejects what a careless writer would produce', () => {
  const bad = [
    '<a>x & y</a>',
    '<a>1 < 2</a>',
    '<a b="1" b="2"/>',
    '<a><b></a></b>',
    '<a>bell \u0007</a>',
    '<a b="x"y"/>',
    '<a/><b/>',
  ];
  for (const xml of bad) expect(() => parseXml(xml), xml).toThrow();
  expect(parseXml('<?xml version="1.0"?>\n<a b="&lt;&#10;">&amp;<c/></a>')).toEqual({
    name: 'a',
    attrs: { b: '<\n' },
    children: [{ name: 'c', attrs: {}, children: [], text: '' }],
    text: '&',
  });
});
