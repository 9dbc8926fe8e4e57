import { describe, expect, it } from 'vitest';
import { check, checkAsync, type CheckProgress } from '../../src/lib/checker/bfs.ts';
import { FingerprintSet } from '../../src/lib/checker/fingerprint-set.ts';
import { seededRandom } from '../../src/lib/checker/random.ts';
import { simulate, simulateAsync } from '../../src/lib/checker/simulate.ts';
import type { Spec } from '../../src/lib/checker/spec.ts';
import {
  changes,
  decodeMoves,
  encodeMoves,
  replay,
  toTestVector,
  traceRows,
} from '../../src/lib/checker/trace.ts';

interface Counters {
  readonly x: number;
  readonly y: number;
}

/**
 * Two counters, each stepped from 0 to `limit`: (limit + 1)² states, 2·limit·(limit + 1) moves,
 * and the far corner is 2·limit steps away. `forbiddenSum` makes the invariant fail at x + y = sum.
 */
function counters(limit: number, forbiddenSum = Number.POSITIVE_INFINITY): Spec<Counters> {
  return {
    initial: { x: 0, y: 0 },
    actions: [
      { actor: 'left', name: 'steps x', next: (s) => (s.x < limit ? [{ ...s, x: s.x + 1 }] : []) },
      { actor: 'right', name: 'steps y', next: (s) => (s.y < limit ? [{ ...s, y: s.y + 1 }] : []) },
      // Two successors, so that traces must record which one was taken.
      {
        actor: 'both',
        name: 'resets one',
        next: (s) =>
          s.x === limit && s.y === limit
            ? [
                { ...s, x: 0 },
                { ...s, y: 0 },
              ]
            : [],
      },
    ],
    invariants: [{ name: 'sum is allowed', holds: ({ x, y }) => x + y !== forbiddenSum }],
    fingerprint: ({ x, y }) => [x, y],
    describe: ({ x, y }) => ({ x: String(x), y: String(y) }),
  };
}

describe('breadth-first check', () => {
  it('explores the whole state space when the invariant holds', () => {
    const result = check(counters(4));
    expect(result).toMatchObject({
      kind: 'holds',
      states: 25,
      transitions: 2 * 4 * 5 + 2,
      depth: 8,
    });
  });

  it('finds a shortest violation and a trace that replays to it', () => {
    const spec = counters(5, 3);
    const result = check(spec);
    if (result.kind !== 'violation') throw new Error(`expected a violation, got ${result.kind}`);
    expect(result.invariant).toBe('sum is allowed');
    expect(result.trace.steps).toHaveLength(3);
    const replayed = replay(spec, result.trace.steps);
    expect(replayed).toMatchObject({ ok: true, brokenInvariant: 'sum is allowed' });
    const last = result.trace.steps.at(-1)?.state;
    expect(last && last.x + last.y).toBe(3);
  });

  it('reports a violation of the initial state with an empty trace', () => {
    const result = check(counters(2, 0));
    expect(result).toMatchObject({ kind: 'violation', trace: { steps: [] } });
  });

  it('stops at the state limit, and a limit equal to the state count is enough', () => {
    expect(check(counters(4), { maxStates: 10 })).toMatchObject({
      kind: 'state-limit',
      states: 10,
      maxStates: 10,
    });
    expect(check(counters(4), { maxStates: 25 })).toMatchObject({ kind: 'holds', states: 25 });
  });

  it('reports progress every N states', () => {
    const reports: CheckProgress[] = [];
    check(counters(9), { progressEvery: 20, onProgress: (progress) => reports.push(progress) });
    expect(reports.map(({ states }) => states)).toEqual([20, 40, 60, 80, 100]);
    expect(reports.every(({ transitions, states }) => transitions >= states - 1)).toBe(true);
  });

  it('stops when cancelled from a progress report', () => {
    const controller = new AbortController();
    const result = check(counters(99), {
      progressEvery: 100,
      signal: controller.signal,
      onProgress: ({ states }) => states >= 300 && controller.abort(),
    });
    expect(result).toMatchObject({ kind: 'cancelled', states: 300 });
  });

  it('yields to the event loop when run asynchronously, so a later task can cancel it', async () => {
    const controller = new AbortController();
    const running = checkAsync(counters(1999), {
      progressEvery: 1000,
      maxStates: 1_000_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 0);
    const result = await running;
    expect(result.kind).toBe('cancelled');
    expect(result.states).toBeLessThan(1_000_000);
  });

  it('returns at once when already cancelled', () => {
    const controller = new AbortController();
    controller.abort();
    expect(check(counters(3), { signal: controller.signal })).toMatchObject({
      kind: 'cancelled',
      states: 1,
    });
  });
});

describe('random simulation', () => {
  const options = { walks: 200, maxDepth: 30, seed: 42 };
  const withoutTiming = <R extends { elapsedMs: number }>(result: R): R => ({
    ...result,
    elapsedMs: 0,
  });

  it('is reproducible from its seed', () => {
    const spec = counters(5, 7);
    const first = simulate(spec, options);
    expect(withoutTiming(simulate(spec, options))).toEqual(withoutTiming(first));
    expect(withoutTiming(simulate(spec, { ...options, seed: 43 }))).not.toEqual(
      withoutTiming(first),
    );
  });

  it('counts hits and keeps the shortest violating walk, which replays', () => {
    const spec = counters(5, 7);
    const result = simulate(spec, options);
    expect(result.kind).toBe('done');
    expect(result.walks).toBe(200);
    // Every walk that reaches x + y = 7 hits, and every walk that is not cut short passes through it.
    expect(result.hits).toBe(200);
    const violation = result.shortestViolation;
    expect(violation?.trace.steps).toHaveLength(7);
    expect(violation && replay(spec, violation.trace.steps)).toMatchObject({
      ok: true,
      brokenInvariant: 'sum is allowed',
    });
  });

  it('ends a walk at its depth bound, or where no move is left', () => {
    expect(simulate(counters(5), { ...options, maxDepth: 4 })).toMatchObject({
      hits: 0,
      steps: 200 * 4,
    });
    const countdown: Spec<number> = {
      initial: 3,
      actions: [{ actor: 'clock', name: 'ticks', next: (n) => (n > 0 ? [n - 1] : []) }],
      invariants: [],
      fingerprint: (n) => [0, n],
      describe: (n) => ({ n: String(n) }),
    };
    expect(simulate(countdown, options)).toMatchObject({
      kind: 'done',
      walks: 200,
      steps: 200 * 3,
    });
  });

  it('uses the scheduler to pick moves', () => {
    const alwaysFirst = simulate(counters(3), {
      ...options,
      walks: 1,
      maxDepth: 3,
      scheduler: () => 0,
    });
    expect(alwaysFirst.steps).toBe(3);
    const spec = counters(3, 3);
    const onlyX = simulate(spec, { ...options, walks: 5, scheduler: () => 0 });
    expect(onlyX.shortestViolation?.trace.steps.map(({ action }) => action)).toEqual([0, 0, 0]);
  });

  it('honours the step limit and cancellation', async () => {
    expect(simulate(counters(5), { ...options, maxSteps: 50 })).toMatchObject({
      kind: 'step-limit',
      steps: 50,
    });
    const controller = new AbortController();
    const running = simulateAsync(counters(5), {
      ...options,
      walks: 10_000_000,
      progressEvery: 1000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 0);
    const result = await running;
    expect(result.kind).toBe('cancelled');
    expect(result.walks).toBeLessThan(10_000_000);
  });
});

describe('traces', () => {
  const spec = counters(2);
  const moves = [
    { action: 0, choice: 0 },
    { action: 0, choice: 0 },
    { action: 1, choice: 0 },
    { action: 1, choice: 0 },
    { action: 2, choice: 1 },
  ];

  it('encode to a URL-safe text and back', () => {
    const text = encodeMoves(moves);
    expect(text).toBe('0.0.1.1.2-1');
    expect(encodeURIComponent(text)).toBe(text);
    expect(decodeMoves(text)).toEqual(moves);
    expect(decodeMoves('')).toEqual([]);
    expect(encodeMoves([{ action: 40, choice: 0 }])).toBe('14');
  });

  it('reject text that is not a trace', () => {
    for (const text of ['0..1', 'A', '0.1-', '<script>', '1234'])
      expect(decodeMoves(text)).toBeUndefined();
  });

  it('replay move by move and refuse a move that is not possible', () => {
    const replayed = replay(spec, moves);
    if (!replayed.ok) throw new Error(replayed.error);
    expect(replayed.trace.steps.map(({ state }) => state)).toEqual([
      { x: 1, y: 0 },
      { x: 2, y: 0 },
      { x: 2, y: 1 },
      { x: 2, y: 2 },
      { x: 2, y: 0 },
    ]);
    expect(replay(spec, [{ action: 2, choice: 0 }])).toMatchObject({
      ok: false,
      failedStep: 1,
    });
    expect(replay(spec, [{ action: 7, choice: 0 }]).ok).toBe(false);
    expect(replay(spec, [{ action: 0, choice: 1 }]).ok).toBe(false);
  });

  it('tell what changed at each step', () => {
    expect(changes(spec, { x: 1, y: 0 }, { x: 1, y: 2 })).toEqual([
      { field: 'y', before: '0', after: '2' },
    ]);
    const replayed = replay(spec, moves);
    if (!replayed.ok) throw new Error(replayed.error);
    const rows = traceRows(spec, replayed.trace);
    expect(rows.map(({ step, actor, action }) => `${step} ${actor} ${action}`)).toEqual([
      '1 left steps x',
      '2 left steps x',
      '3 right steps y',
      '4 right steps y',
      '5 both resets one',
    ]);
    expect(rows[4]?.changes).toEqual([{ field: 'y', before: '2', after: '0' }]);
  });

  it('export a JSON test vector', () => {
    const violating = counters(2, 3);
    const replayed = replay(violating, moves.slice(0, 3));
    if (!replayed.ok) throw new Error(replayed.error);
    const vector = toTestVector(violating, replayed.trace, 'counters', { limit: 2 });
    expect(JSON.parse(JSON.stringify(vector))).toEqual({
      model: 'counters',
      parameters: { limit: 2 },
      initial: { x: 0, y: 0 },
      steps: [
        { actor: 'left', action: 'steps x', state: { x: 1, y: 0 } },
        { actor: 'left', action: 'steps x', state: { x: 2, y: 0 } },
        { actor: 'right', action: 'steps y', state: { x: 2, y: 1 } },
      ],
      expectBroken: 'sum is allowed',
    });
  });
});

describe('fingerprint set', () => {
  it('agrees with a Set on many pairs of large integers, through growth', () => {
    const random = seededRandom(7);
    const reference = new Set<string>();
    const set = new FingerprintSet();
    let disagreements = 0;
    for (let index = 0; index < 50_000; index++) {
      // Few distinct values, so that many adds are repeats; some with all low bits zero, and
      // pairs that differ only in which half holds a value.
      const value = Math.floor(random() * 20_000) * (index % 3 === 0 ? 1 : 2 ** 30);
      const pair = index % 2 === 0 ? ([value, 7] as const) : ([7, value] as const);
      if (set.add(pair) === reference.has(pair.join())) disagreements++;
      reference.add(pair.join());
    }
    expect(disagreements).toBe(0);
    expect(set.size).toBe(reference.size);
    expect(reference.size).toBeLessThan(40_000);
    expect(set.has([2 ** 52 + 1, 0])).toBe(false);
    expect(set.has([0, 0])).toBe(false);
  });
});

describe('seeded random', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const draw = (seed: number) => Array.from({ length: 1000 }, seededRandom(seed));
    const first = draw(1);
    expect(draw(1)).toEqual(first);
    expect(draw(2)).not.toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
    const mean = first.reduce((sum, value) => sum + value, 0) / first.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});
