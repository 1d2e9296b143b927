/**
 * `gradcheck/vitest/setup`: add it to vitest's `setupFiles` to register the matchers in every test
 * file (`toMatchJacobian`, `toMatchVjp`, `toMatchJvp`, `toMatchGradient`, `toPassCheck`). Importing it
 * also brings the matchers' TypeScript declarations into scope.
 *
 * @example
 * // vitest.config.ts
 * export default defineConfig({ test: { setupFiles: ['gradcheck/vitest/setup'] } });
 */
import { expect } from 'vitest';
import { gradcheckMatchers } from '../vitest.js';

expect.extend(gradcheckMatchers);
