/**
 * The parsed command line: which command to run and with which options. Produced by `parseArgs`,
 * consumed by the commands; plain data so that tests can compare it.
 */
import type { CheckMode } from '../checks/result.js';

/** Report formats, written as `report.json`, `summary.md`, `report.html` and `junit.xml`. */
export type ReporterName = 'json' | 'md' | 'html' | 'junit';

/** Every reporter, in the order files are written (the default of `--reporter`). */
export const ALL_REPORTERS: readonly ReporterName[] = ['json', 'md', 'html', 'junit'];

/** One of `count` deterministic slices of the selected specs; `index` is 1-based. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Options shared by the commands (each command accepts the subset its usage lists). */
export interface CliOptions {
  readonly seed?: number;
  readonly runs?: number;
  readonly mode?: CheckMode;
  readonly reporters: readonly ReporterName[];
  readonly out?: string;
  readonly shard?: Shard;
  readonly grep?: string;
  /** fast-check replay path of one counterexample; needs the selection to be exactly one spec. */
  readonly path?: string;
  readonly quiet: boolean;
}

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  /** No command: the built-in gate (the specs exported by `properties/index.ts`). */
  | { readonly kind: 'gate'; readonly options: CliOptions }
  | { readonly kind: 'check'; readonly patterns: readonly string[]; readonly options: CliOptions }
  | { readonly kind: 'replay'; readonly report: string; readonly options: CliOptions }
  | { readonly kind: 'merge'; readonly reports: readonly string[]; readonly options: CliOptions };
