import { describe, expect, it } from 'vitest';
import { check } from '../../src/lib/checker/bfs.ts';
import { simulate } from '../../src/lib/checker/simulate.ts';
import type { Spec } from '../../src/lib/checker/spec.ts';
import {
  decodeMoves,
  encodeMoves,
  replay,
  toTestVector,
  traceRows,
  type TestVector,
} from '../../src/lib/checker/trace.ts';
import {
  APPLY,
  CHECK,
  CLEAN_UP,
  defaultParameters,
  dnsControlPlane,
  type DnsParameters,
  type DnsState,
} from '../../src/lib/models/dns-control-plane.ts';
import { enactorDelayScheduler } from '../../src/lib/models/enactor-delay.ts';

const buggy = dnsControlPlane(defaultParameters);
const fixed = dnsControlPlane({ ...defaultParameters, fixed: true });

/**
 * A second, independent way to explore: depth-first, keyed by the whole state as JSON rather
 * than by the model's packed fingerprint. Returns the reachable states, or the length of the
 * shortest violation found when `maxDepth` bounds the search.
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

describe('the DNS control plane as built', () => {
  it('breaks the invariant in 7 steps, and in no fewer', () => {
    const result = expectViolation(buggy);
    expect(result.invariant).toBe('the root record points to a plan that exists');
    expect(result.trace.steps).toHaveLength(7);
    expect(exploreNaively(buggy, 6).shortestViolation).toBe(Number.POSITIVE_INFINITY);
    expect(exploreNaively(buggy, 7).shortestViolation).toBe(7);
  });

  it('breaks it by the race of the brief: a stale apply, then a cleanup of the active plan', () => {
    const { trace } = expectViolation(buggy);
    const rows = traceRows(buggy, trace);
    const states = [trace.initial, ...trace.steps.map(({ state }) => state)];
    const staleApply = rows.findIndex(
      ({ action }, index) =>
        action === APPLY && states[index + 1]!.rootRecord < states[index]!.rootRecord,
    );
    expect(staleApply).toBeGreaterThan(0);
    const last = rows.at(-1);
    expect(last?.action).toBe(CLEAN_UP);
    expect(last?.actor).not.toBe(rows[staleApply]?.actor);
    expect(last?.changes.find(({ field }) => field === 'root record')).toEqual({
      field: 'root record',
      before: 'plan 2',
      after: 'plan 2 (deleted)',
    });
  });

  it('replays the counterexample step by step to the violating state', () => {
    const { trace } = expectViolation(buggy);
    let state = buggy.initial;
    for (const [index, step] of trace.steps.entries()) {
      const action = buggy.actions[step.action];
      const next = action?.next(state)[step.choice];
      expect(next).toEqual(step.state);
      const holds = buggy.invariants.every((invariant) => invariant.holds(next ?? state));
      expect(holds).toBe(index < trace.steps.length - 1);
      state = step.state;
    }
    const fromUrl = decodeMoves(encodeMoves(trace.steps));
    expect(fromUrl && replay(buggy, fromUrl)).toEqual({
      ok: true,
      trace,
      brokenInvariant: 'the root record points to a plan that exists',
    });
  });

  it('is safe with a single enactor: the race needs two', () => {
    expect(check(dnsControlPlane({ ...defaultParameters, enactors: 1 })).kind).toBe('holds');
  });

  it('needs more plans when cleanup keeps more generations', () => {
    expect(check(dnsControlPlane({ ...defaultParameters, cleanupAge: 2 })).kind).toBe('holds');
    expect(
      expectViolation(dnsControlPlane({ ...defaultParameters, plans: 4, cleanupAge: 2 })).trace
        .steps,
    ).toHaveLength(8);
  });

  it('exports the counterexample as a JSON test vector', () => {
    const { trace } = expectViolation(buggy);
    const vector = JSON.parse(
      JSON.stringify(toTestVector(buggy, trace, 'dns-control-plane', defaultParameters)),
    ) as TestVector<DnsState, DnsParameters>;
    expect(vector.parameters).toEqual(defaultParameters);
    expect(vector.steps).toHaveLength(7);
    expect(vector.steps[1]).toMatchObject({ actor: 'enactor 1', action: CHECK });
    expect(vector.steps.at(-1)?.state.storedPlans).not.toContain(
      vector.steps.at(-1)?.state.rootRecord,
    );
    expect(vector.expectBroken).toBe('the root record points to a plan that exists');
  });
});

describe('the DNS control plane with the fix', () => {
  it('holds over its whole state space', () => {
    // 56 states, confirmed by the independent depth-first exploration below.
    expect(check(fixed)).toMatchObject({ kind: 'holds', states: 56, depth: 8 });
    expect(exploreNaively(fixed)).toEqual({
      states: 56,
      shortestViolation: Number.POSITIVE_INFINITY,
    });
  });

  it('holds for larger parameters, where the state counts agree with the independent exploration', () => {
    for (const parameters of [
      { enactors: 3, plans: 4, cleanupAge: 1, fixed: true },
      { enactors: 2, plans: 6, cleanupAge: 3, fixed: true },
    ]) {
      const spec = dnsControlPlane(parameters);
      const result = check(spec);
      expect(result.kind).toBe('holds');
      expect(result.states).toBe(exploreNaively(spec).states);
    }
  });
});

describe('parameters', () => {
  it('are checked against their bounds', () => {
    expect(() => dnsControlPlane({ ...defaultParameters, enactors: 0 })).toThrow(RangeError);
    expect(() => dnsControlPlane({ ...defaultParameters, plans: 9 })).toThrow(
      /plans must be a whole number from 2 to 8/,
    );
    expect(() => dnsControlPlane({ ...defaultParameters, cleanupAge: 1.5 })).toThrow(RangeError);
  });

  it('grow the state space', () => {
    const states = (parameters: Partial<DnsParameters>) =>
      check(dnsControlPlane({ ...defaultParameters, fixed: true, ...parameters })).states;
    expect(states({ enactors: 3 })).toBeGreaterThan(states({}));
    expect(states({ plans: 5 })).toBeGreaterThan(states({}));
  });
});

describe('random testing of the DNS control plane', () => {
  const walks = { walks: 4000, maxDepth: 100, seed: 2026 };
  const hitRate = (spec: Spec<DnsState>, scheduler?: ReturnType<typeof enactorDelayScheduler>) => {
    const result = simulate(spec, { ...walks, scheduler });
    return result.hits / result.walks;
  };

  it('is reproducible from its seed', () => {
    const first = simulate(buggy, walks);
    const again = simulate(buggy, walks);
    expect({ ...again, elapsedMs: 0 }).toEqual({ ...first, elapsedMs: 0 });
    expect(first.hits).toBeGreaterThan(0);
  });

  it('finds the race under uniform scheduling in a few per cent of walks, with a trace that replays', () => {
    const result = simulate(buggy, walks);
    const rate = result.hits / result.walks;
    expect(rate).toBeGreaterThan(0.02);
    expect(rate).toBeLessThan(0.15);
    const trace = result.shortestViolation?.trace;
    if (!trace) throw new Error('expected a violating walk');
    expect(replay(buggy, trace.steps)).toMatchObject({
      ok: true,
      brokenInvariant: 'the root record points to a plan that exists',
    });
    expect(trace.steps.length).toBeGreaterThanOrEqual(7);
  });

  it('finds it far less often when enactors are seldom delayed, and never when they never are', () => {
    const uniform = hitRate(buggy);
    const occasionalDelay = hitRate(buggy, enactorDelayScheduler(buggy, 0.1));
    expect(occasionalDelay).toBeGreaterThan(0);
    expect(occasionalDelay).toBeLessThan(uniform / 2);
    expect(hitRate(buggy, enactorDelayScheduler(buggy, 0))).toBe(0);
  });

  it('never breaks the fixed model', () => {
    expect(hitRate(fixed)).toBe(0);
  });
});
