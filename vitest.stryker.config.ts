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
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
