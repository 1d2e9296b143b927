/**
 * The vitest configuration Stryker runs for `npm run mutation`: the same aliases as vitest.config.ts
 * (the package name resolves to the sources, here the sandbox's mutated copy), but only the property
 * gate, the buggy-fixture suite and the regressions (properties/**) as the test suite: the mutation
 * score says how much of src/kernels the gate itself pins down.
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
    // Stryker re-runs the covering tests once per mutant; without isolation the worker keeps its
    // imported modules (the instrumented kernels read the active mutant at run time), which saves
    // re-importing the whole library for each of ~2000 runs.
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
