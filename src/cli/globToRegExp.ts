/**
 * A small glob dialect for spec patterns, compiled to a RegExp over `/`-separated relative paths:
 * `*` (any run of characters but `/`), `?` (one such character), `**` as a whole segment (any number
 * of directories, including none), `[abc]` / `[!abc]` classes and `{a,b}` alternatives (not nested).
 * The same rules as bash's globstar, which is what users type in CI scripts.
 */

const SPECIAL = /[\\^$.*+?()[\]{}|/]/g;

/** True when `text` holds a glob metacharacter (`*`, `?`, `[`, `{`). */
export function hasGlob(text: string): boolean {
  return /[*?[{]/.test(text);
}

function segmentToRegExp(segment: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end < 0) out += '\\[';
      else {
        const body = segment.slice(i + 1, end);
        const negated = body.startsWith('!') || body.startsWith('^');
        const chars = (negated ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&');
        out += negated ? `[^/${chars}]` : `[${chars}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = segment.indexOf('}', i);
      if (end < 0) out += '\\{';
      else {
        const options = segment
          .slice(i + 1, end)
          .split(',')
          .map(segmentToRegExp);
        out += `(?:${options.join('|')})`;
        i = end;
      }
    } else out += c.replace(SPECIAL, '\\$&');
  }
  return out;
}

/**
 * Compiles a glob relative to some base directory into an anchored RegExp.
 *
 * @example
 * globToRegExp('**\/*.spec.ts').test('a/b/c.spec.ts'); // true
 */
export function globToRegExp(glob: string): RegExp {
  const segments = glob.split('/').filter((s) => s !== '' && s !== '.');
  let source = '';
  segments.forEach((segment, k) => {
    const last = k === segments.length - 1;
    if (segment === '**') source += last ? '.*' : '(?:[^/]+/)*';
    else source += segmentToRegExp(segment) + (last ? '' : '/');
  });
  return new RegExp(`^${source}$`);
}
