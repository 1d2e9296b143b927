/**
 * Plain-text tables for terminals and test-runner messages: columns padded to their widest cell
 * (ANSI colour codes do not count), numbers right-aligned, a dashed rule under the header.
 */
import { visibleLength } from './color.js';

/** `right` aligns a column to the right (numbers); default left. */
export type Align = 'left' | 'right';

function pad(cell: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - visibleLength(cell)));
  return align === 'right' ? fill + cell : cell + fill;
}

/**
 * Renders `rows` under `header`, one line each, separated by two spaces; no trailing newline.
 *
 * @example
 * textTable(['name', 'runs'], [['softmax', '200']], ['left', 'right']);
 * // 'name     runs\n-------  ----\nsoftmax   200'
 */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const widths = header.map((h, c) =>
    Math.max(visibleLength(h), ...rows.map((r) => visibleLength(r[c] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => pad(cell, widths[c]!, align[c] ?? 'left'))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
