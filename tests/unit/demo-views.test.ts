import { describe, expect, it } from 'vitest';
import {
  checkWords,
  parameterWords,
  randomWords,
  shareWords,
  traceWords,
} from '../../src/content/interface/demo.ts';
import { check } from '../../src/lib/checker/bfs.ts';
import type { SimulationResult } from '../../src/lib/checker/simulate.ts';
import { traceRows } from '../../src/lib/checker/trace.ts';
import { checkFigures, checkOutcome, checkStartStatus } from '../../src/lib/demo/check-view.ts';
import { runFailure } from '../../src/lib/demo/panel.ts';
import {
  delayChoices,
  delayProbability,
  percent,
  randomOutcome,
  randomProgressLine,
} from '../../src/lib/demo/random-view.ts';
import { openSharedTrace, sharedTraceFrom, traceHash } from '../../src/lib/demo/shared-trace.ts';
import { fieldViews, stepForKey, stepView } from '../../src/lib/demo/step-view.ts';
import { formatCount } from '../../src/lib/format.ts';
import {
  defaultParameters,
  dnsControlPlane,
  type DnsState,
} from '../../src/lib/models/dns-control-plane.ts';

const spec = dnsControlPlane(defaultParameters);
const found = check(spec);
if (found.kind !== 'violation') throw new Error('the default model must break its invariant');
const counterexample = found.trace;
const invariant = found.invariant;

describe('the check panel', () => {
  const progress = { states: 12_345, transitions: 67_890, depth: 7, elapsedMs: 500 };

  it('shows its figures formatted, and no rate before time has passed', () => {
    expect(checkFigures(progress)).toEqual({
      states: '12,345',
      transitions: '67,890',
      depth: '7',
      rate: '24,690',
    });
    expect(checkFigures({ ...progress, elapsedMs: 0 }).rate).toBe(checkWords.noRate);
  });

  it('says which model it checks', () => {
    expect(checkStartStatus(true)).toBe(checkWords.checkingFixed);
    expect(checkStartStatus(false)).toBe(checkWords.checking);
  });

  it('shows a violation with its trace, and clears the trace when the invariant holds or the limit stops it', () => {
    const violation = checkOutcome(found);
    expect(violation.status).toBe(
      checkWords.violated(
        String(counterexample.steps.length),
        checkWords.explored(
          formatCount(found.states),
          formatCount(found.transitions),
          found.elapsedMs.toFixed(0),
        ),
      ),
    );
    expect(violation.trace).toEqual({
      kind: 'show',
      trace: counterexample,
      heading: traceWords.shortestHeading,
    });

    const fixed = dnsControlPlane({ ...defaultParameters, fixed: true });
    const holds = checkOutcome(check(fixed));
    expect(holds.trace).toEqual({ kind: 'clear', heading: traceWords.holdsHeading });

    const limited = checkOutcome(check(fixed, { maxStates: 10 }));
    expect(limited.status).toBe(checkWords.stateLimit('10'));
    expect(limited.trace).toEqual({ kind: 'clear', heading: traceWords.stateLimitHeading });

    const cancelled = checkOutcome({ kind: 'cancelled', ...progress });
    expect(cancelled.status).toBe(
      checkWords.cancelled(checkWords.explored('12,345', '67,890', '500')),
    );
    expect(cancelled.trace).toEqual({ kind: 'keep' });
  });

  it('tells a failed run by its reason, or that the worker never started', () => {
    expect(runFailure('out of memory')).toBe(checkWords.failed('out of memory'));
    expect(runFailure(undefined)).toBe(checkWords.failed(checkWords.workerUnavailable));
  });
});

describe('the random-testing panel', () => {
  const run = { fixed: false, delayLabel: '1 %', seed: 42 };
  const result = (overrides: Partial<SimulationResult<DnsState>>): SimulationResult<DnsState> => ({
    kind: 'done',
    walks: 10_000,
    hits: 0,
    steps: 90_000,
    elapsedMs: 100,
    shortestViolation: undefined,
    ...overrides,
  });

  it('offers uniform scheduling and four delay chances, the realistic one chosen', () => {
    expect(delayChoices.map(({ value }) => delayProbability(value))).toEqual([
      undefined,
      0.5,
      0.1,
      0.01,
      0.001,
    ]);
    expect(delayChoices.filter(({ selected }) => selected).map(({ value }) => value)).toEqual([
      '0.01',
    ]);
    expect(delayChoices.map(({ label }) => label)).toEqual([
      randomWords.uniformOrder,
      randomWords.percent('50'),
      randomWords.percent('10'),
      randomWords.realistic(randomWords.percent('1')),
      randomWords.percent('0.1'),
    ]);
    expect(percent(0.0123, 2)).toBe(randomWords.percent('1.23'));
  });

  it('reports progress and a run where nothing broke', () => {
    expect(randomProgressLine(result({ walks: 1_500, hits: 3 }))).toBe(
      randomWords.progress('1,500', '3'),
    );
    const outcome = randomOutcome(result({}), run);
    expect(outcome.status).toBe(randomWords.noneBroke('10,000'));
    expect(outcome.historyRow).toEqual([
      randomWords.modelAsBuilt,
      '1 %',
      '10,000',
      '0',
      percent(0, 2),
      '42',
    ]);
    expect(outcome.trace).toEqual({ kind: 'keep' });
  });

  it('reports the hit rate and shows the shortest violating walk', () => {
    const violation = { invariant, trace: counterexample };
    const outcome = randomOutcome(result({ hits: 25, shortestViolation: violation }), {
      ...run,
      fixed: true,
    });
    const rate = percent(0.0025, 2);
    expect(outcome.status).toBe(
      randomWords.shortestShown(randomWords.someBroke('25', '10,000', rate)),
    );
    expect(outcome.historyRow).toEqual([randomWords.modelFixed, '1 %', '10,000', '25', rate, '42']);
    expect(outcome.trace).toEqual({
      kind: 'show',
      trace: counterexample,
      heading: traceWords.randomHeading(String(counterexample.steps.length)),
    });
  });

  it('says so when the run stopped before its last walk', () => {
    for (const kind of ['cancelled', 'step-limit'] as const) {
      expect(randomOutcome(result({ kind, walks: 10 }), run).status).toBe(
        randomWords.stopped(randomWords.noneBroke('10')),
      );
    }
  });
});

describe('the stepper', () => {
  const rows = traceRows(spec, counterexample);
  const total = String(rows.length);

  it('starts at the initial state with nothing marked changed', () => {
    const view = stepView(spec, counterexample, rows, 0);
    expect(view).toMatchObject({
      step: 0,
      atStart: true,
      atEnd: false,
      stateHeading: traceWords.stateAtStart,
    });
    expect(view.position).toBe(traceWords.position('0', total));
    expect(view.announcement).toBe(traceWords.announceStart(total));
    expect(view.fields.every(({ before }) => before === undefined)).toBe(true);
  });

  it('marks the fields a step changed, with their value before', () => {
    const view = stepView(spec, counterexample, rows, 1);
    expect(view.stateHeading).toBe(traceWords.stateAfter('1'));
    const changed = view.fields.filter(({ before }) => before !== undefined);
    expect(changed).toEqual(
      rows[0]?.changes.map(({ field, before, after }) => ({ field, before, value: after })),
    );
    expect(view.announcement).toContain(traceWords.announceChange('plans written', '0', '1'));
  });

  it('ends at the broken invariant and stays within the trace', () => {
    const last = stepView(spec, counterexample, rows, 99);
    expect(last).toMatchObject({ step: rows.length, atEnd: true, atStart: false });
    expect(last.announcement).toContain(traceWords.announceBroken(invariant));
    expect(stepView(spec, counterexample, rows, -3).step).toBe(0);
  });

  it('compares fields by name', () => {
    expect(fieldViews({ a: '1', b: '2' }, { a: '1', b: '3' })).toEqual([
      { field: 'a', value: '1', before: undefined },
      { field: 'b', value: '2', before: '3' },
    ]);
    expect(fieldViews({ a: '1' }, undefined)).toEqual([
      { field: 'a', value: '1', before: undefined },
    ]);
  });

  it('moves by arrow keys, Home and End, and ignores other keys', () => {
    expect(stepForKey('ArrowLeft', 3, 7)).toBe(2);
    expect(stepForKey('ArrowRight', 3, 7)).toBe(4);
    expect(stepForKey('Home', 3, 7)).toBe(0);
    expect(stepForKey('End', 3, 7)).toBe(7);
    expect(stepForKey('Enter', 3, 7)).toBeUndefined();
  });
});

describe('a trace linked in the page address', () => {
  const hash = traceHash({ parameters: defaultParameters, moves: counterexample.steps });

  it('round-trips through the address', () => {
    expect(sharedTraceFrom(hash)).toEqual({
      parameters: defaultParameters,
      moves: counterexample.steps.map(({ action, choice }) => ({ action, choice })),
    });
    expect(sharedTraceFrom('#elsewhere')).toBeUndefined();
    expect(sharedTraceFrom('#trace=2-3~0')).toBeUndefined();
  });

  it('opens through the model and says how it ends', () => {
    const linked = openSharedTrace(hash);
    expect(linked).toMatchObject({
      ok: true,
      parameters: defaultParameters,
      status: shareWords.linkedShown(String(counterexample.steps.length), shareWords.endsViolated),
    });
    expect(openSharedTrace('#trace=2-3-1~0')).toMatchObject({
      ok: true,
      status: shareWords.linkedShown('1', shareWords.endsIntact),
    });
    expect(openSharedTrace('')).toBeUndefined();
  });

  it('is refused, with the reason, when the demo does not offer its parameters or the model does not allow it', () => {
    expect(openSharedTrace('#trace=9-3-1~0')).toEqual({
      ok: false,
      status: shareWords.linkOutOfRange(parameterWords.deployers, '9', '2', '3'),
    });
    // Three plans at most: a fourth from the planner is not possible.
    expect(openSharedTrace('#trace=2-3-1~0.0.0.0')).toEqual({
      ok: false,
      status: shareWords.linkImpossible('4'),
    });
  });
});

describe('counts', () => {
  it('group thousands the same way everywhere', () => {
    expect(formatCount(1_234_567.6)).toBe('1,234,568');
    expect(formatCount(7)).toBe('7');
  });
});
