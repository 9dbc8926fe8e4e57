/**
 * Random testing, for comparison with exhaustive search: many random walks from the start,
 * each ending at a violation, at a state with no move left, or at a depth bound. A scheduler
 * decides which enabled move runs next, which is where a model of "how the real system tends
 * to interleave" belongs; the default picks uniformly.
 */
import { seededRandom, randomIndex, type Random } from './random.ts';
import { drive, driveAsync, elapsedSince, type Search } from './run.ts';
import {
  brokenInvariant,
  DEFAULT_MAX_STEPS,
  DEFAULT_PROGRESS_EVERY,
  type RunOptions,
  type Spec,
  type Transition,
  type Violation,
} from './spec.ts';

export interface SchedulerContext<S> {
  /** Every move possible now; never empty. */
  readonly enabled: readonly Transition<S>[];
  /** The move that led here, undefined at the start of a walk. */
  readonly previous: Transition<S> | undefined;
  readonly random: Random;
}

/** Returns the index in `enabled` of the move to take. */
export type Scheduler<S> = (context: SchedulerContext<S>) => number;

export const uniformScheduler: Scheduler<unknown> = ({ enabled, random }) =>
  randomIndex(random, enabled.length);

export interface SimulationProgress {
  /** Walks finished. */
  readonly walks: number;
  /** Walks that broke an invariant. */
  readonly hits: number;
  /** Moves taken over all walks. */
  readonly steps: number;
  readonly elapsedMs: number;
}

export type SimulationResult<S> = SimulationProgress & {
  readonly kind: 'done' | 'step-limit' | 'cancelled';
  /** The shortest violating walk seen, if any. */
  readonly shortestViolation: Violation<S> | undefined;
};

export interface SimulationOptions<S> extends RunOptions<SimulationProgress> {
  readonly walks: number;
  /** A walk that reaches this many moves ends there. */
  readonly maxDepth: number;
  readonly seed: number;
  readonly scheduler?: Scheduler<S>;
  /** Stop with a `step-limit` result after this many moves over all walks. */
  readonly maxSteps?: number;
}

/** The same spec, options and seed give the same result. */
export function simulate<S>(spec: Spec<S>, options: SimulationOptions<S>): SimulationResult<S> {
  return drive(randomWalks(spec, options), options);
}

export function simulateAsync<S>(
  spec: Spec<S>,
  options: SimulationOptions<S>,
): Promise<SimulationResult<S>> {
  return driveAsync(randomWalks(spec, options), options);
}

function* randomWalks<S>(
  spec: Spec<S>,
  options: SimulationOptions<S>,
): Search<SimulationProgress, SimulationResult<S>> {
  const startedAt = performance.now();
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const progressEvery = options.progressEvery ?? DEFAULT_PROGRESS_EVERY;
  const scheduler: Scheduler<S> = options.scheduler ?? uniformScheduler;
  const random = seededRandom(options.seed);
  const { actions } = spec;

  let walks = 0;
  let hits = 0;
  let steps = 0;
  let shortestViolation: Violation<S> | undefined;

  const progress = (): SimulationProgress => ({
    walks,
    hits,
    steps,
    elapsedMs: elapsedSince(startedAt),
  });
  const finish = (kind: SimulationResult<S>['kind']): SimulationResult<S> => ({
    kind,
    shortestViolation,
    ...progress(),
  });

  if (options.signal?.aborted) return finish('cancelled');
  const enabled: Transition<S>[] = [];
  const walk: Transition<S>[] = [];
  while (walks < options.walks) {
    walk.length = 0;
    let state = spec.initial;
    let broken = brokenInvariant(spec, state);
    while (broken === undefined && walk.length < options.maxDepth) {
      enabled.length = 0;
      for (let action = 0; action < actions.length; action++) {
        const successors = actions[action]!.next(state);
        for (let choice = 0; choice < successors.length; choice++) {
          enabled.push({ action, choice, state: successors[choice]! });
        }
      }
      if (enabled.length === 0) break;
      if (steps >= maxSteps) return finish('step-limit');

      const move = enabled[scheduler({ enabled, previous: walk.at(-1), random })]!;
      walk.push(move);
      state = move.state;
      broken = brokenInvariant(spec, state);
      steps++;
      if (steps % progressEvery === 0) {
        yield progress();
        if (options.signal?.aborted) return finish('cancelled');
      }
    }
    walks++;
    if (broken !== undefined) {
      hits++;
      if (shortestViolation === undefined || walk.length < shortestViolation.trace.steps.length) {
        shortestViolation = {
          invariant: broken,
          trace: { initial: spec.initial, steps: [...walk] },
        };
      }
    }
  }
  return finish('done');
}
