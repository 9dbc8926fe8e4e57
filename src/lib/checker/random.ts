/** A seeded source of numbers in [0, 1), so that a random run can be replayed from its seed. */
export type Random = () => number;

/** Mulberry32: 32 bits of state, fast, and good enough for choosing among a handful of moves. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function randomIndex(random: Random, length: number): number {
  return Math.floor(random() * length);
}
