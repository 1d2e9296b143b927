// Runs broken/: a kernel with a wrong derivative, whose tests must fail (used by gradcheck's own tests).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['broken/**/*.test.ts'],
    setupFiles: ['gradcheck/vitest/setup'],
  },
});
