/**
 * Reads README.md into its fenced code blocks, with the directives that say how the README test
 * treats each one. A directive is an HTML comment on the line before the fence:
 *   <!-- readme: skip (why) -->           not run (the reason is required)
 *   <!-- readme: file path/to/file -->    the block must appear verbatim in that file (which other
 *                                         tests run), so an excerpt cannot drift from the real code
 * TypeScript blocks without a directive are run; `bash`/`sh` blocks are checked command by command.
 */
import { readFileSync } from 'node:fs';

export interface Block {
  readonly lang: string;
  readonly code: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The nearest heading above the block. */
  readonly heading: string;
  readonly directive: { readonly kind: 'skip' | 'file'; readonly arg: string } | undefined;
}

export function readmeBlocks(path: string): Block[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const blocks: Block[] = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^#{1,6} /.test(line)) heading = line.replace(/^#+ /, '');
    const open = /^(`{3,})(\w*)\s*$/.exec(line);
    if (open === null) continue;
    const fence = open[1]!;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith(fence); i++) body.push(lines[i]!);
    const previous = start > 0 ? lines[start - 1]!.trim() : '';
    const d = /^<!-- readme: (skip|file) (.+?) -->$/.exec(previous);
    blocks.push({
      lang: open[2] ?? '',
      code: body.join('\n'),
      line: start + 1,
      heading,
      directive: d === null ? undefined : { kind: d[1] as 'skip' | 'file', arg: d[2]! },
    });
  }
  return blocks;
}

/**
 * Turns `// => expected` comments into assertions: `expr; // => v` checks expr, and
 * `const name = expr; // => v` checks name after the declaration. `expected` is a JavaScript
 * expression; a RegExp literal is matched against the (stringified) value.
 */
export function instrument(code: string, blockLine: number): string {
  const out: string[] = [];
  code.split('\n').forEach((line, k) => {
    const m = /^(\s*)(.*?);?\s*\/\/ => (.+)$/.exec(line);
    if (m === null) {
      out.push(line);
      return;
    }
    const [, indent, stmt, expected] = m as unknown as [string, string, string, string];
    const where = JSON.stringify(`README.md:${blockLine + 1 + k}`);
    const decl = /^(?:const|let)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=/.exec(stmt);
    if (decl !== null) {
      out.push(`${indent}${stmt};`, `${indent}__readmeExpect(${decl[1]}, (${expected}), ${where});`);
    } else {
      out.push(`${indent}__readmeExpect((${stmt}), (${expected}), ${where});`);
    }
  });
  return out.join('\n');
}
