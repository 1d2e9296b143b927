/**
 * The default fast-check seed of a property: FNV-1a (32-bit) of its name, as a signed 32-bit integer.
 * Deterministic (CI runs are reproducible) yet different per property. The seed is reported in every
 * result and never appears in the name.
 */

/**
 * FNV-1a hash of `name` over its UTF-16 code units, as a signed 32-bit integer.
 *
 * @example
 * ```ts
 * defaultSeed('softmax jacobian') === defaultSeed('softmax jacobian'); // true
 * ```
 */
export function defaultSeed(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
