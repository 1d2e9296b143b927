import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Registers gradcheck's matchers (toMatchJacobian, toMatchVjp, …) before every test file.
    setupFiles: ['gradcheck/vitest/setup'],
  },
});
