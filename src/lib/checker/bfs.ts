/**
 * Exhaustive breadth-first search. The visited set holds fingerprints only; each state
 * remembers its predecessor and the move that reached it, so the first violation found is
 * also a shortest one, and its trace is rebuilt by replaying those moves from the start.
 */
import { FingerprintSet } from './fingerprint-set.ts';
import { drive, driveAsync, elapsedSince, type Search } from './run.ts';
import {
  brokenInvariant,
  DEFAULT_MAX_STATES,
  DEFAULT_PROGRESS_EVERY,
  type Move,
  type RunOptions,
  type Spec,
  type Violation,
} from './spec.ts';
import { replay } from './trace.ts';

export interface CheckProgress {
  /** Distinct states found. */
  readonly states: number;
  /** Moves taken, including those that lead back to a state already found. */
  readonly transitions: number;
  /** Steps from the start to the deepest state found. */
  readonly depth: number;
  readonly elapsedMs: number;
}

export type CheckResult<S> =
  | (CheckProgress & { readonly kind: 'violation' } & Violation<S>)
  | (CheckProgress & { readonly kind: 'holds' })
  | (CheckProgress & { readonly kind: 'state-limit'; readonly maxStates: number })
  | (CheckProgress & { readonly kind: 'cancelled' });

export interface CheckOptions extends RunOptions<CheckProgress> {
  /** Stop with a `state-limit` result after finding this many distinct states, rather than run out of memory. */
  readonly maxStates?: number;
}

export function check<S>(spec: Spec<S>, options: CheckOptions = {}): CheckResult<S> {
  return drive(breadthFirst(spec, options), options);
}

export function checkAsync<S>(spec: Spec<S>, options: CheckOptions = {}): Promise<CheckResult<S>> {
  return driveAsync(breadthFirst(spec, options), options);
}

function* breadthFirst<S>(
  spec: Spec<S>,
  options: CheckOptions,
): Search<CheckProgress, CheckResult<S>> {
  const startedAt = performance.now();
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES;
  const progressEvery = options.progressEvery ?? DEFAULT_PROGRESS_EVERY;
  const { actions, fingerprint } = spec;

  const seen = new FingerprintSet();
  seen.add(fingerprint(spec.initial));
  // Expanded states are dropped from the queue; the predecessor arrays are enough for a trace.
  const queue: (S | undefined)[] = [spec.initial];
  const predecessor: number[] = [-1];
  const actionTaken: number[] = [-1];
  const choiceTaken: number[] = [-1];
  let transitions = 0;
  let depth = 0;
  let head = 0;
  // Queue positions from here on hold states one step deeper than the one being expanded.
  let levelEnd = 1;
  let expandingDepth = 0;

  const progress = (): CheckProgress => ({
    states: seen.size,
    transitions,
    depth,
    elapsedMs: elapsedSince(startedAt),
  });

  const traceTo = (index: number) => {
    const moves: Move[] = [];
    for (let at = index; at > 0; at = predecessor[at] ?? 0) {
      moves.push({ action: actionTaken[at] ?? -1, choice: choiceTaken[at] ?? -1 });
    }
    const replayed = replay(spec, moves.reverse());
    if (!replayed.ok)
      throw new Error(`A trace found by search failed to replay: ${replayed.error}`);
    return replayed.trace;
  };

  if (options.signal?.aborted) return { kind: 'cancelled', ...progress() };
  const brokenAtStart = brokenInvariant(spec, spec.initial);
  if (brokenAtStart !== undefined) {
    return { kind: 'violation', invariant: brokenAtStart, trace: traceTo(0), ...progress() };
  }

  while (head < queue.length) {
    if (head === levelEnd) {
      expandingDepth++;
      levelEnd = queue.length;
    }
    const index = head++;
    const state = queue[index] as S;
    queue[index] = undefined;
    for (let action = 0; action < actions.length; action++) {
      const successors = actions[action]!.next(state);
      for (let choice = 0; choice < successors.length; choice++) {
        transitions++;
        const successor = successors[choice]!;
        // A step that changes nothing (a sync that reads what the deployer knew) finds nothing new.
        if (successor === state) continue;
        if (seen.size >= maxStates) {
          if (seen.has(fingerprint(successor))) continue;
          return { kind: 'state-limit', maxStates, ...progress() };
        }
        if (!seen.add(fingerprint(successor))) continue;
        const found = queue.push(successor) - 1;
        predecessor.push(index);
        actionTaken.push(action);
        choiceTaken.push(choice);
        depth = expandingDepth + 1;

        const broken = brokenInvariant(spec, successor);
        if (broken !== undefined) {
          return { kind: 'violation', invariant: broken, trace: traceTo(found), ...progress() };
        }
        if (seen.size % progressEvery === 0) {
          yield progress();
          if (options.signal?.aborted) return { kind: 'cancelled', ...progress() };
        }
      }
    }
  }
  return { kind: 'holds', ...progress() };
}
