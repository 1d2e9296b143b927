/**
 * Which specs a run executes: `--grep` keeps names containing the text, `--shard i/n` keeps a
 * deterministic slice. Sharding sorts the selected specs by (name, source) and deals them round-robin
 * (the k-th spec in that order goes to shard k mod n + 1), so every spec lands in exactly one shard,
 * shards differ in size by at most one, and the split depends only on the names, never on load order.
 */
import type { Shard } from './options.js';

/** A spec together with the file it came from (`builtin` for the gate). */
export interface LoadedSpec<S = unknown> {
  readonly name: string;
  readonly source: string;
  readonly spec: S;
}

function compare(a: LoadedSpec, b: LoadedSpec): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
}

/**
 * The specs of shard `shard.index` of `shard.count`, in sorted order.
 *
 * @example
 * shardSpecs(specs, { index: 1, count: 2 }); // specs 0, 2, 4, … of the sorted list
 */
export function shardSpecs<S>(specs: readonly LoadedSpec<S>[], shard: Shard): LoadedSpec<S>[] {
  return [...specs].sort(compare).filter((_, k) => k % shard.count === shard.index - 1);
}

/**
 * Applies `--grep` then `--shard` (unsharded, the load order is kept). With `exact` (used by `--path`, which replays ONE
 * counterexample), a spec whose name equals `grep` wins over names that merely contain it.
 */
export function selectSpecs<S>(
  specs: readonly LoadedSpec<S>[],
  options: { readonly grep?: string; readonly shard?: Shard; readonly exact?: boolean },
): LoadedSpec<S>[] {
  const { grep } = options;
  let selected = grep === undefined ? [...specs] : specs.filter((s) => s.name.includes(grep));
  if (options.exact === true && grep !== undefined && selected.some((s) => s.name === grep)) {
    selected = selected.filter((s) => s.name === grep);
  }
  return options.shard === undefined ? selected : shardSpecs(selected, options.shard);
}
