/**
 * The visited set: an open-addressing table of doubles, which for large integers is several
 * times faster than a `Set<number>` (those are boxed and hashed one by one).
 */
import type { Fingerprint } from './spec.ts';

export class FingerprintSet {
  #size = 0;
  #keys = new Float64Array(1 << 12);
  #used = new Uint8Array(1 << 12);

  get size(): number {
    return this.#size;
  }

  has(fingerprint: Fingerprint): boolean {
    return this.#used[this.#slotOf(fingerprint)] === 1;
  }

  /** Adds the fingerprint; true when it was not in the set before. */
  add(fingerprint: Fingerprint): boolean {
    // Grow at half full, so that probe runs stay short.
    if (this.#size * 2 >= this.#keys.length) this.#grow();
    return this.#insert(fingerprint);
  }

  #insert(key: number): boolean {
    const slot = this.#slotOf(key);
    if (this.#used[slot] === 1) return false;
    this.#used[slot] = 1;
    this.#keys[slot] = key;
    this.#size++;
    return true;
  }

  /** The slot holding `key`, or else the empty slot where it belongs. */
  #slotOf(key: number): number {
    const mask = this.#keys.length - 1;
    let slot = hash(key) & mask;
    while (this.#used[slot] === 1 && this.#keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  #grow(): void {
    const keys = this.#keys;
    const used = this.#used;
    this.#keys = new Float64Array(keys.length * 2);
    this.#used = new Uint8Array(keys.length * 2);
    this.#size = 0;
    for (let slot = 0; slot < keys.length; slot++) {
      if (used[slot] === 1) this.#insert(keys[slot]!);
    }
  }
}

/** Mixes both 32-bit halves of an integer fingerprint (exact up to 2^53). */
function hash(key: number): number {
  const low = key >>> 0;
  const high = (key / 4_294_967_296) >>> 0;
  let mixed = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  mixed ^= mixed >>> 13;
  mixed = Math.imul(mixed, 0xc2b2ae35);
  return (mixed ^ (mixed >>> 16)) >>> 0;
}
