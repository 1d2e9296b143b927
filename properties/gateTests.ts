/**
 * Registers built-in specs as vitest tests named exactly like the specs (stable names, no seed).
 * A spec whose bug is live (an open regression in fixtures/regressions names it) is registered with
 * `test.fails`: reported as an expected failure while the bug lasts, and red once it is fixed, until
 * `open` is removed from its regression file.
 */
import type { GradSpec } from 'gradcheck';
import { checkProperty, propertyTest } from 'gradcheck/vitest';
import { test } from 'vitest';
import { openBugs } from './regressionFiles.js';

export function gateTests(specs: readonly GradSpec[]): void {
  const open = openBugs();
  for (const spec of specs) {
    const bug = open.get(spec.name);
    if (bug === undefined) checkProperty(spec);
    else test.fails(`${spec.name} (live bug: ${bug})`, propertyTest(spec), 60_000);
  }
}
