/**
 * ANSI colours for the terminal summary. Colour is on only when stdout is a TTY and `NO_COLOR` is
 * unset or empty (https://no-color.org); a non-empty `FORCE_COLOR` other than `0` forces it on.
 */

/** Colour functions; all identity functions when colour is off. */
export interface Palette {
  readonly enabled: boolean;
  readonly green: (s: string) => string;
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
}

/** Whether to colour output, from the TTY flag and the environment. */
export function colorEnabled(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0') return true;
  const noColor = env.NO_COLOR;
  return isTTY && (noColor === undefined || noColor === '');
}

const sgr = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;

/**
 * A palette that colours when `enabled`.
 *
 * @example
 * palette(true).red('FAIL'); // '\x1b[31mFAIL\x1b[39m'
 */
export function palette(enabled: boolean): Palette {
  if (!enabled) {
    const id = (s: string) => s;
    return { enabled, green: id, red: id, yellow: id, dim: id, bold: id };
  }
  return {
    enabled,
    green: sgr(32, 39),
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    dim: sgr(2, 22),
    bold: sgr(1, 22),
  };
}

/** Visible width of a string that may hold ANSI colour codes. */
export function visibleLength(s: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI escape sequences
  return s.replace(/\x1b\[[0-9;]*m/g, '').length;
}
