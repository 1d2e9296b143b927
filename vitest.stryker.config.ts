/**
 * The vitest configuration Stryker runs for `npm run mutation`: the same aliases as vitest.config.ts
 * (the package name resolves to the sources, here the sandbox's mutated copy), but only the property
 * gate and the regression replays (properties/**) as the test suite: the mutation score says how
 * much of src/kernels the gate itself pins down. The buggy-fixture suite is left out: its buggy runs
 * exercise fixtures, not kernels, and its twin runs repeat gate specs exactly (same name, same seed),
 * so it could only repeat the gate's verdicts at twice the cost per surviving mutant.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string) => fileURLToPath(new URL(`./src/${p}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^gradcheck\/vitest$/, replacement: src('vitest.ts') },
      { find: /^gradcheck$/, replacement: src('index.ts') },
    ],
  },
  test: {
    include: ['properties/**/*.test.ts'],
    exclude: ['properties/fixtures.test.ts'],
    // Stryker re-runs the covering tests once per mutant; without isolation the worker keeps its
    // imported modules (the instrumented kernels read the active mutant at run time), which saves
    // re-importing the whole library for each of ~2000 runs.
    isolate: false,
    // 50 runs per property instead of 200 (properties/support/settings.ts): same seeds, so the first
    // 50 inputs of each property are those of the full gate and the score is a lower bound of its
    // score; survivors and timed-out mutants cost a quarter of the time (~1 h instead of ~2.5 h).
    env: { GRADCHECK_MUTATION_RUNS: '50' },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
