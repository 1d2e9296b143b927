/** What every command needs from `main`: the io, the colours, the version and the module loader. */
import type { Palette } from './color.js';
import type { CliIo } from './io.js';
import type { ModuleLoader } from './loadSpecs.js';

export interface RunContext {
  readonly io: CliIo;
  /** The command line as given, recorded in reports. */
  readonly argv: readonly string[];
  readonly colors: Palette;
  readonly version: string;
  readonly now: () => Date;
  readonly load: ModuleLoader;
}
