import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string) => fileURLToPath(new URL(`./src/${p}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests, properties and fixtures import the package by name, as a user would; inside this
    // repository the name resolves to the sources so that `npm test` never runs a stale build.
    alias: [
      { find: /^gradcheck\/vitest$/, replacement: src('vitest.ts') },
      { find: /^gradcheck$/, replacement: src('index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'properties/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
