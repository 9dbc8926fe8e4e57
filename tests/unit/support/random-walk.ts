import { randomIndex, seededRandom } from '../../../src/lib/checker/random.ts';
import {
  brokenInvariant,
  type Spec,
  type Trace,
  type Transition,
} from '../../../src/lib/checker/spec.ts';

/**
 * One seeded random run of a spec, every step uniformly among the enabled moves, until it breaks
 * an invariant, has no move left or reaches `maxDepth`. Unlike `simulate`, it returns the run
 * itself whether or not it breaks anything: the model-based tests replay good runs too.
 */
export function randomWalk<S>(spec: Spec<S>, seed: number, maxDepth: number): Trace<S> {
  const random = seededRandom(seed);
  const steps: Transition<S>[] = [];
  let state = spec.initial;
  while (steps.length < maxDepth && brokenInvariant(spec, state) === undefined) {
    const enabled = spec.actions.flatMap((action, index) =>
      action.next(state).map((successor, choice) => ({ action: index, choice, state: successor })),
    );
    if (enabled.length === 0) break;
    const move = enabled[randomIndex(random, enabled.length)]!;
    steps.push(move);
    state = move.state;
  }
  return { initial: spec.initial, steps };
}
