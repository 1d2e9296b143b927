import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { instrument, readmeBlocks } from './blocks.js';
import { readmeExpect } from './expectValue.js';

test('a `// =>` comment becomes an assertion on the expression or the declared name', () => {
  expect(instrument('1 + 1; // => 2', 10)).toBe('__readmeExpect((1 + 1), (2), "README.md:11");');
  expect(instrument('const a: number = f(); // => 3', 1)).toBe(
    'const a: number = f();\n__readmeExpect(a, (3), "README.md:2");',
  );
  expect(instrument('plain();', 1)).toBe('plain();');
});

test('the assertion fails on a wrong value, a wrong typed-array type and a non-matching pattern', () => {
  expect(() => readmeExpect(2, 3, 'here')).toThrow(/here: expected 3, got 2/);
  expect(() => readmeExpect(Float32Array.of(1), Float64Array.of(1), 'here')).toThrow();
  expect(() => readmeExpect('abc', /x/, 'here')).toThrow(/does not match/);
  expect(() => readmeExpect(Number.NaN, Number.NaN, 'here')).not.toThrow();
  expect(() => readmeExpect(Float64Array.of(1, 2), Float64Array.of(1, 2), 'here')).not.toThrow();
});

test('blocks carry their language, line, heading and directive', () => {
  const dir = mkdtempSync(join(tmpdir(), 'readme-'));
  const file = join(dir, 'README.md');
  writeFileSync(
    file,
    '# A\n<!-- readme: skip (a config fragment) -->\n```ts\nx;\n```\n## B\n```bash\nls\n```\n',
  );
  const blocks = readmeBlocks(file);
  expect(blocks).toEqual([
    {
      lang: 'ts',
      code: 'x;',
      line: 3,
      heading: 'A',
      directive: { kind: 'skip', arg: '(a config fragment)' },
    },
    { lang: 'bash', code: 'ls', line: 7, heading: 'B', directive: undefined },
  ]);
});
