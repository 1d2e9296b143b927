/**
 * Replays every fixtures/regressions/*.json entry (seed and path of an input that once broke) with
 * runProperty and expects a pass. An entry marked `open` is a live bug, reported but not fixed yet:
 * its replay is expected to fail (`test.fails`), and passes the suite only while it does — once the
 * bug is fixed the test turns red until `open` is removed from the file.
 */
import { runProperty } from 'gradcheck';
import { expect, test } from 'vitest';
import { loadRegressions } from './regressionFiles.js';
import { specNamed } from './regressions.js';

const regressions = loadRegressions();

test('every regression names a known spec, a seed, a path and what broke', () => {
  expect(regressions.length).toBeGreaterThan(0);
  for (const r of regressions) {
    expect(specNamed(r.spec), r.spec).toBeDefined();
    expect(Number.isInteger(r.seed)).toBe(true);
    expect(r.path).toMatch(/^\d+(:\d+)*$/);
    expect(r.whatBroke.length).toBeGreaterThan(0);
    expect(r.fixedIn.length).toBeGreaterThan(0);
  }
});

for (const r of regressions) {
  const replay = async () => {
    const result = await runProperty(specNamed(r.spec)!, { seed: r.seed, path: r.path });
    expect(result.status, result.check?.message ?? result.error?.message).toBe('passed');
  };
  if (r.open === undefined) test(`regression ${r.name} replays and passes`, replay);
  else test.fails(`regression ${r.name} (open: ${r.open}) still fails`, replay);
}
