/**
 * The visited set: an open-addressing table of pairs of doubles in one typed array, which for
 * large integers is several times faster than a `Set` of strings or boxed numbers.
 */
import type { Fingerprint } from './spec.ts';

const INITIAL_SLOTS = 1 << 12;
/** Fingerprints are non-negative, so a negative high half marks a free slot. */
const FREE = -1;

export class FingerprintSet {
  #size = 0;
  /** Slot s holds its pair at 2s and 2s + 1. */
  #keys = new Float64Array(2 * INITIAL_SLOTS).fill(FREE);

  get size(): number {
    return this.#size;
  }

  has(fingerprint: Fingerprint): boolean {
    return this.#keys[2 * this.#slotOf(fingerprint[0], fingerprint[1])] !== FREE;
  }

  /** Adds the fingerprint; true when it was not in the set before. */
  add(fingerprint: Fingerprint): boolean {
    // Grow at half full, so that probe runs stay short.
    if (this.#size * 4 >= this.#keys.length) this.#grow();
    return this.#insert(fingerprint[0], fingerprint[1]);
  }

  #insert(high: number, low: number): boolean {
    const at = 2 * this.#slotOf(high, low);
    if (this.#keys[at] !== FREE) return false;
    this.#keys[at] = high;
    this.#keys[at + 1] = low;
    this.#size++;
    return true;
  }

  /** The slot holding the pair, or else the free slot where it belongs. */
  #slotOf(high: number, low: number): number {
    const keys = this.#keys;
    const mask = (keys.length >>> 1) - 1;
    let slot = hash(high, low) & mask;
    for (;;) {
      const stored = keys[2 * slot];
      if (stored === FREE || (stored === high && keys[2 * slot + 1] === low)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  #grow(): void {
    const keys = this.#keys;
    this.#keys = new Float64Array(keys.length * 2).fill(FREE);
    this.#size = 0;
    for (let at = 0; at < keys.length; at += 2) {
      if (keys[at] !== FREE) this.#insert(keys[at]!, keys[at + 1]!);
    }
  }
}

/** Mixes the 32-bit halves of two integers (each exact up to 2^53). */
function hash(high: number, low: number): number {
  let mixed = Math.imul(
    (low >>> 0) ^ Math.imul((low / 4_294_967_296) >>> 0, 0x9e3779b1),
    0x85ebca6b,
  );
  mixed ^= Math.imul(
    (high >>> 0) ^ Math.imul((high / 4_294_967_296) >>> 0, 0x27d4eb2d),
    0xc2b2ae35,
  );
  mixed ^= mixed >>> 13;
  mixed = Math.imul(mixed, 0xc2b2ae35);
  return (mixed ^ (mixed >>> 16)) >>> 0;
}
