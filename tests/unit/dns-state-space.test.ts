import { describe, expect, it } from 'vitest';
import { check } from '../../src/lib/checker/bfs.ts';
import { dnsControlPlane, parameterBounds } from '../../src/lib/models/dns-control-plane.ts';

/**
 * The state space of every parameter set the explainer offers, as the object-based checker found
 * it before the checker ran on packed states: distinct states, transitions, depth, and the
 * checker's action numbers along the shortest counterexample (none where the model holds). Any
 * change to the checker's speed machinery must leave every figure as it is: the same states, in
 * the same breadth-first order, so the same counterexample first.
 */
const pinned: readonly [
  deployers: number,
  plans: number,
  keep: number,
  fixed: boolean,
  states: number,
  transitions: number,
  depth: number,
  counterexample: string | undefined,
][] = [
  [2, 2, 1, false, 16, 38, 5, '0 0 2 2 4'],
  [2, 2, 2, false, 47, 146, 9, undefined],
  [2, 2, 3, false, 47, 146, 9, undefined],
  [2, 3, 1, false, 23, 54, 5, '0 0 2 2 4'],
  [2, 3, 2, false, 96, 278, 9, '0 0 0 2 2 2 5 6 4'],
  [2, 3, 3, false, 156, 529, 12, undefined],
  [2, 4, 1, false, 26, 61, 5, '0 0 2 2 4'],
  [2, 4, 2, false, 159, 441, 9, '0 0 0 2 2 2 5 6 4'],
  [2, 4, 3, false, 221, 685, 11, '0 0 0 0 2 2 2 2 5 6 4'],
  [2, 5, 1, false, 27, 62, 5, '0 0 2 2 4'],
  [2, 5, 2, false, 190, 534, 9, '0 0 0 2 2 2 5 6 4'],
  [2, 5, 3, false, 324, 970, 11, '0 0 0 0 2 2 2 2 5 6 4'],
  [3, 2, 1, false, 34, 91, 5, '0 0 2 2 4'],
  [3, 2, 2, false, 1410, 5975, 14, undefined],
  [3, 2, 3, false, 1410, 5975, 14, undefined],
  [3, 3, 1, false, 47, 120, 5, '0 0 2 2 4'],
  [3, 3, 2, false, 637, 1977, 9, '0 0 0 2 2 2 5 6 4'],
  [3, 3, 3, false, 12214, 56289, 20, undefined],
  [3, 4, 1, false, 51, 130, 5, '0 0 2 2 4'],
  [3, 4, 2, false, 911, 2719, 9, '0 0 0 2 2 2 5 6 4'],
  [3, 4, 3, false, 2384, 8050, 11, '0 0 0 0 2 2 2 2 5 6 4'],
  [3, 5, 1, false, 52, 131, 5, '0 0 2 2 4'],
  [3, 5, 2, false, 1014, 3047, 9, '0 0 0 2 2 2 5 6 4'],
  [3, 5, 3, false, 3003, 9848, 11, '0 0 0 0 2 2 2 2 5 6 4'],
  [2, 2, 1, true, 41, 138, 10, undefined],
  [2, 2, 2, true, 37, 122, 9, undefined],
  [2, 2, 3, true, 37, 122, 9, undefined],
  [2, 3, 1, true, 136, 531, 14, undefined],
  [2, 3, 2, true, 124, 463, 14, undefined],
  [2, 3, 3, true, 94, 343, 13, undefined],
  [2, 4, 1, true, 367, 1586, 18, undefined],
  [2, 4, 2, true, 343, 1420, 18, undefined],
  [2, 4, 3, true, 239, 932, 18, undefined],
  [2, 5, 1, true, 842, 3897, 22, undefined],
  [2, 5, 2, true, 802, 3575, 22, undefined],
  [2, 5, 3, true, 564, 2369, 22, undefined],
  [3, 2, 1, true, 852, 4289, 15, undefined],
  [3, 2, 2, true, 627, 2939, 14, undefined],
  [3, 2, 3, true, 627, 2939, 14, undefined],
  [3, 3, 1, true, 4774, 28017, 21, undefined],
  [3, 3, 2, true, 3895, 21267, 21, undefined],
  [3, 3, 3, true, 2533, 13095, 20, undefined],
  [3, 4, 1, true, 18440, 117952, 27, undefined],
  [3, 4, 2, true, 16226, 97822, 27, undefined],
  [3, 4, 3, true, 10481, 58954, 27, undefined],
  [3, 5, 1, true, 55947, 377906, 33, undefined],
  [3, 5, 2, true, 51417, 330536, 33, undefined],
  [3, 5, 3, true, 35574, 216218, 33, undefined],
];

describe('the state space of every parameter set the explainer offers', () => {
  it('has the pinned size, depth and first counterexample', () => {
    for (const [deployers, plans, keep, fixed, states, transitions, depth, moves] of pinned) {
      const result = check(dnsControlPlane({ deployers, plans, keep, fixed }));
      const found = {
        states: result.states,
        transitions: result.transitions,
        depth: result.depth,
        counterexample:
          result.kind === 'violation'
            ? result.trace.steps.map(({ action }) => action).join(' ')
            : undefined,
      };
      expect(found, JSON.stringify({ deployers, plans, keep, fixed })).toEqual({
        states,
        transitions,
        depth,
        counterexample: moves,
      });
    }
  }, 60_000);

  it('covers every set, as built and fixed', () => {
    const sizes = Object.values(parameterBounds).map(({ min, max }) => max - min + 1);
    const grid = sizes.reduce((product, size) => product * size, 2);
    expect(new Set(pinned.map((row) => row.slice(0, 4).join())).size).toBe(grid);
  });
});
