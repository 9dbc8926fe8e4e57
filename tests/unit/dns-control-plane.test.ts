import { describe, expect, it } from 'vitest';
import { check } from '../../src/lib/checker/bfs.ts';
import { simulate, type Scheduler } from '../../src/lib/checker/simulate.ts';
import type { Spec } from '../../src/lib/checker/spec.ts';
import { decodeMoves, encodeMoves, replay, traceRows } from '../../src/lib/checker/trace.ts';
import {
  ACTION_WORDS,
  canonicalPlan,
  defaultParameters,
  DEPLOYER_NAMES,
  dnsControlPlane,
  initialState,
  isRefusal,
  labParameters,
  parameterBounds,
  ROLLBACK_INVARIANT,
  ROOT_INVARIANT,
  step,
  type DnsAction,
  type DnsParameters,
  type DnsState,
} from '../../src/lib/models/dns-control-plane.ts';
import { staleDeployScheduler } from '../../src/lib/models/stale-deploy.ts';

const buggy = dnsControlPlane(defaultParameters);
const fixed = dnsControlPlane({ ...defaultParameters, fixed: true });

const range = ({ min, max }: { readonly min: number; readonly max: number }) =>
  Array.from({ length: max - min + 1 }, (_, index) => min + index);

/** Every parameter set the explainer's controls offer. */
const parameterGrid: DnsParameters[] = range(parameterBounds.deployers).flatMap((deployers) =>
  range(parameterBounds.plans).flatMap((plans) =>
    range(parameterBounds.keep).map((keep) => ({ deployers, plans, keep, fixed: false })),
  ),
);

/**
 * A second, independent way to explore: depth-first, keyed by the whole state as JSON rather
 * than by the model's packed fingerprint, violating states not expanded (as the checker stops).
 */
function exploreNaively(spec: Spec<DnsState>, maxDepth = Number.POSITIVE_INFINITY) {
  const reachable = new Map<string, number>();
  let shortestViolation = Number.POSITIVE_INFINITY;
  const visit = (state: DnsState, depth: number): void => {
    const key = JSON.stringify(state);
    if ((reachable.get(key) ?? Number.POSITIVE_INFINITY) <= depth) return;
    reachable.set(key, depth);
    if (spec.invariants.some((invariant) => !invariant.holds(state))) {
      shortestViolation = Math.min(shortestViolation, depth);
      return;
    }
    if (depth === maxDepth) return;
    for (const action of spec.actions)
      for (const next of action.next(state)) visit(next, depth + 1);
  };
  visit(spec.initial, 0);
  return { states: reachable.size, shortestViolation };
}

function expectViolation(spec: Spec<DnsState>) {
  const result = check(spec);
  if (result.kind !== 'violation') throw new Error(`expected a violation, got ${result.kind}`);
  return result;
}

const run = (parameters: DnsParameters, actions: readonly DnsAction[]) =>
  actions.reduce<DnsState>((state, action) => {
    const next = step(parameters, state, action);
    if (isRefusal(next)) throw new Error(`${action.kind} refused: ${next}`);
    return next;
  }, initialState(parameters));

const generate = (index: number): DnsAction => ({
  kind: 'GeneratePlan',
  plan: canonicalPlan(index),
});
const by = (kind: Exclude<DnsAction['kind'], 'GeneratePlan'>, deployer: number): DnsAction => ({
  kind,
  deployer,
});

describe('the lab as built', () => {
  it('starts as the lab seeds it: lock genesis 0, root and rollback on plan-init, every deployer at plan 0', () => {
    const state = initialState(labParameters);
    expect(state).toMatchObject({
      root: -1,
      rollback: -1,
      lock: { holder: -1, epoch: 0 },
      stored: 0,
    });
    expect(state.deployers).toHaveLength(3);
    expect(state.deployers.every(({ nextPlan }) => nextPlan === 0)).toBe(true);
    expect(buggy.describe(state)).toMatchObject({ root: 'plan-init', lock: 'genesis 0' });
  });

  it('deploys with a compare-and-swap on the lock: a deploy after another deployer’s is refused until it syncs', () => {
    const parameters = defaultParameters;
    const afterA = run(parameters, [generate(0), by('Deploy', 0)]);
    expect(afterA.lock).toEqual({ holder: 0, epoch: 1 });
    expect(step(parameters, afterA, by('Deploy', 1))).toBe('lock-moved');
    expect(isRefusal(step(parameters, afterA, by('Backoff', 1)))).toBe(false);
    const synced = step(parameters, afterA, by('Sync', 1)) as DnsState;
    const afterB = step(parameters, synced, by('Deploy', 1)) as DnsState;
    expect(afterB.lock).toEqual({ holder: 1, epoch: 2 });
    expect(afterB.rollback).toBe(0);
  });

  it('cleans up, keeping the last N, exactly the plan indices i with next plan > i + N', () => {
    const parameters = { ...labParameters, plans: 5 };
    const deploys = [0, 1, 2, 3, 4].flatMap((index) => [generate(index), by('Deploy', 0)]);
    const state = run(parameters, deploys);
    const cleaned = step(parameters, state, by('Cleanup', 0)) as DnsState;
    // next plan 5, keep 3: indices 0 and 1 go, 2, 3 and 4 stay.
    expect(cleaned.stored).toBe(0b11100);
    expect(step(parameters, cleaned, by('Cleanup', 0))).toBe('nothing-to-clean');
  });

  it('breaks the root in 9 steps with the default parameters, and in no fewer', () => {
    const result = expectViolation(buggy);
    expect(result.invariant).toBe(ROOT_INVARIANT);
    expect(result.trace.steps).toHaveLength(9);
    expect(exploreNaively(buggy, 8).shortestViolation).toBe(Number.POSITIVE_INFINITY);
    expect(exploreNaively(buggy, 9).shortestViolation).toBe(9);
  });

  it('breaks it by the lesson of the lab: a synced stale deployer writes an old plan, another’s cleanup deletes it', () => {
    const { trace } = expectViolation(buggy);
    const rows = traceRows(buggy, trace);
    const states = [trace.initial, ...trace.steps.map(({ state }) => state)];
    const staleDeploy = rows.findIndex(
      ({ action }, index) =>
        action === ACTION_WORDS.Deploy && states[index + 1]!.root < states[index]!.root,
    );
    expect(staleDeploy).toBeGreaterThan(0);
    expect(rows[staleDeploy - 1]).toMatchObject({
      action: ACTION_WORDS.Sync,
      actor: rows[staleDeploy]!.actor,
    });
    const last = rows.at(-1)!;
    expect(last.action).toBe(ACTION_WORDS.Cleanup);
    expect(last.actor).not.toBe(rows[staleDeploy]!.actor);
    expect(last.changes.find(({ field }) => field === 'root')).toEqual({
      field: 'root',
      before: 'plan 1',
      after: 'plan 1 (deleted)',
    });
  });

  it('breaks in the lab’s own instance (3 deployers, keep 3) in 11 steps', () => {
    const result = expectViolation(dnsControlPlane(labParameters));
    expect(result.invariant).toBe(ROOT_INVARIANT);
    expect(result.trace.steps).toHaveLength(11);
  });

  it('with keep 1, breaks the rollback first: cleanup deletes the previous plan with no race at all', () => {
    const result = expectViolation(dnsControlPlane({ ...defaultParameters, keep: 1 }));
    expect(result.invariant).toBe(ROLLBACK_INVARIANT);
    expect(result.trace.steps).toHaveLength(5);
  });

  it('holds where cleanup can never reach a deployed plan (no more plans than it keeps)', () => {
    expect(check(dnsControlPlane({ ...defaultParameters, plans: 2 })).kind).toBe('holds');
  });

  it('replays the counterexample from its moves, as a shared address does', () => {
    const { trace } = expectViolation(buggy);
    const moves = decodeMoves(encodeMoves(trace.steps));
    expect(moves && replay(buggy, moves)).toEqual({
      ok: true,
      trace,
      brokenInvariant: ROOT_INVARIANT,
    });
  });

  it('names its deployers as the lab does', () => {
    expect(buggy.actions.map(({ actor }) => actor)).toEqual([
      'planner',
      ...[0, 1].flatMap((deployer) => Array.from({ length: 4 }, () => DEPLOYER_NAMES[deployer])),
    ]);
  });
});

describe('the lab with the fix', () => {
  it('holds over the whole state space of every parameter set the explainer offers', () => {
    for (const parameters of parameterGrid) {
      expect(
        check(dnsControlPlane({ ...parameters, fixed: true })).kind,
        JSON.stringify(parameters),
      ).toBe('holds');
    }
  }, 60_000);

  it('agrees on the state count with the independent exploration', () => {
    for (const parameters of [
      { ...defaultParameters, fixed: true },
      { deployers: 3, plans: 3, keep: 1, fixed: true },
    ]) {
      const spec = dnsControlPlane(parameters);
      expect(check(spec).states).toBe(exploreNaively(spec).states);
    }
  }, 60_000);

  it('refuses the stale deploy, and cleanup spares what root and rollback point to', () => {
    const parameters = { ...defaultParameters, fixed: true, plans: 3 };
    const ahead = run(
      parameters,
      [0, 1, 2].flatMap((index) => [generate(index), by('Deploy', 0)]),
    );
    const synced = step(parameters, ahead, by('Sync', 1)) as DnsState;
    expect(step(parameters, synced, by('Deploy', 1))).toBe('older-than-root');
    expect(step(parameters, synced, by('Backoff', 1))).toBe(synced);
    const spared = { ...ahead, root: 0, rollback: 1 };
    expect(step(parameters, spared, by('Cleanup', 0))).toBe('nothing-to-clean');
  });
});

describe('parameters', () => {
  it('are checked against their bounds', () => {
    expect(() => dnsControlPlane({ ...defaultParameters, deployers: 4 })).toThrow(RangeError);
    expect(() => dnsControlPlane({ ...defaultParameters, keep: 1.5 })).toThrow(RangeError);
    expect(() => dnsControlPlane({ ...defaultParameters, plans: 31 })).toThrow(
      /plans must be a whole number/,
    );
  });

  it('grow the state space', () => {
    const states = (parameters: Partial<DnsParameters>) =>
      check(dnsControlPlane({ ...defaultParameters, fixed: true, ...parameters })).states;
    expect(states({ deployers: 3 })).toBeGreaterThan(states({}));
    expect(states({ plans: 5 })).toBeGreaterThan(states({}));
  });
});

describe('random testing of the lab', () => {
  const walks = { walks: 4000, maxDepth: 100, seed: 2026 };
  const hitRate = (spec: Spec<DnsState>, scheduler?: Scheduler<DnsState>) => {
    const result = simulate(spec, { ...walks, scheduler });
    return result.hits / result.walks;
  };

  it('is reproducible from its seed, and finds the race under uniform scheduling with a trace that replays', () => {
    const first = simulate(buggy, walks);
    expect({ ...simulate(buggy, walks), elapsedMs: 0 }).toEqual({ ...first, elapsedMs: 0 });
    expect(first.hits).toBeGreaterThan(0);
    const trace = first.shortestViolation!.trace;
    expect(replay(buggy, trace.steps)).toMatchObject({ ok: true });
    expect(trace.steps.length).toBeGreaterThanOrEqual(9);
  });

  it('finds it far less often when stale deploys are rare, and never when they never happen', () => {
    const uniform = hitRate(buggy);
    const rare = hitRate(buggy, staleDeployScheduler(buggy, 0.1));
    expect(rare).toBeGreaterThan(0);
    expect(rare).toBeLessThan(uniform / 2);
    expect(hitRate(buggy, staleDeployScheduler(buggy, 0))).toBe(0);
  });

  it('never breaks the fixed model', () => {
    expect(hitRate(fixed)).toBe(0);
  });
});
