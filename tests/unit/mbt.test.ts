/**
 * The model-based test a client would run in CI: traces of the model drive the implementation
 * in src/lib/systems, which must show, step by step, what the model says it must.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/lib/checker/bfs.ts';
import { simulate } from '../../src/lib/checker/simulate.ts';
import { replayAgainstImplementation, type ReplayReport } from '../../src/lib/mbt/replay.ts';
import {
  defaultParameters,
  dnsControlPlane,
  parameterBounds,
  type DnsParameters,
} from '../../src/lib/models/dns-control-plane.ts';
import {
  dnsTraceToItf,
  parseDnsItf,
  type DnsTrace,
} from '../../src/lib/models/dns-control-plane-itf.ts';
import { staleDeployScheduler } from '../../src/lib/models/stale-deploy.ts';
import { stringifyItf } from '../../src/lib/itf.ts';
import { randomWalk } from './support/random-walk.ts';
import { WORKSHOP_OUTAGE_STEP, workshopTrace } from './support/workshop-trace.ts';

const range = ({ min, max }: { readonly min: number; readonly max: number }) =>
  Array.from({ length: max - min + 1 }, (_, index) => min + index);

/** Every parameter set the explainer's controls offer. */
const parameterSets: DnsParameters[] = range(parameterBounds.deployers).flatMap((deployers) =>
  range(parameterBounds.plans).flatMap((plans) =>
    range(parameterBounds.keep).map((keep) => ({ deployers, plans, keep, fixed: false })),
  ),
);

const SIMULATION_SEEDS = [1, 2, 3];
const DELAY_CHANCES = [undefined, 0.1];
const WALK_DEPTH = 100;
/** 24 parameter sets × 12 runs: a few hundred seeded random runs of the fixed model. */
const FIXED_RUNS_PER_SET = 12;

function bfsCounterexample(parameters: DnsParameters): DnsTrace | undefined {
  const result = check(dnsControlPlane(parameters));
  return result.kind === 'violation' ? { parameters, trace: result.trace } : undefined;
}

/** The shortest violation each seeded random simulation finds, uniform and with rare stale deploys. */
function simulatedCounterexamples(parameters: DnsParameters): DnsTrace[] {
  const spec = dnsControlPlane(parameters);
  return SIMULATION_SEEDS.flatMap((seed) =>
    DELAY_CHANCES.flatMap((delay) => {
      const scheduler = delay === undefined ? undefined : staleDeployScheduler(spec, delay);
      const result = simulate(spec, { walks: 50, maxDepth: WALK_DEPTH, seed, scheduler });
      return result.shortestViolation === undefined
        ? []
        : [{ parameters, trace: result.shortestViolation.trace }];
    }),
  );
}

const shortestCounterexamples = parameterSets.flatMap(
  (parameters) => bfsCounterexample(parameters) ?? [],
);
const simulatedViolations = shortestCounterexamples.flatMap(({ parameters }) =>
  simulatedCounterexamples(parameters),
);
const fixedRuns: DnsTrace[] = parameterSets.flatMap((buggy, set) => {
  const parameters = { ...buggy, fixed: true };
  const spec = dnsControlPlane(parameters);
  return range({ min: 1, max: FIXED_RUNS_PER_SET }).map((run) => ({
    parameters,
    trace: randomWalk(spec, set * FIXED_RUNS_PER_SET + run, WALK_DEPTH),
  }));
});

const describeRun = ({ parameters, trace }: DnsTrace) =>
  `${JSON.stringify(parameters)}, ${trace.steps.length} steps`;

function expectConformance(run: DnsTrace, report: ReplayReport) {
  expect(report.firstDivergence, describeRun(run)).toBeUndefined();
  expect(report.steps).toHaveLength(run.trace.steps.length + 1);
}

describe('the buggy implementation against the buggy model', () => {
  it(`reproduces the outage at the model's step in all ${shortestCounterexamples.length} shortest counterexamples of the ${parameterSets.length} parameter sets`, () => {
    expect(shortestCounterexamples.length).toBeGreaterThan(parameterSets.length / 3);
    for (const counterexample of shortestCounterexamples) {
      const report = replayAgainstImplementation(counterexample, { fix: false });
      expectConformance(counterexample, report);
      expect(report.modelBreaksAt).toBe(counterexample.trace.steps.length);
      expect(report.implementationBreaksAt, describeRun(counterexample)).toBe(report.modelBreaksAt);
    }
  });

  it(`reproduces the outage in all ${simulatedViolations.length} violations found by seeded random simulation`, () => {
    expect(simulatedViolations.length).toBeGreaterThan(shortestCounterexamples.length);
    for (const violation of simulatedViolations) {
      const report = replayAgainstImplementation(violation, { fix: false });
      expectConformance(violation, report);
      expect(report.implementationBreaksAt, describeRun(violation)).toBe(
        violation.trace.steps.length,
      );
    }
  });

  it('reproduces it from the ITF file of the shortest counterexample too', () => {
    const counterexample = bfsCounterexample(defaultParameters)!;
    const parsed = parseDnsItf(stringifyItf(dnsTraceToItf(counterexample, 'shortest')));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(
      replayAgainstImplementation(parsed.value[0]!, { fix: false }).implementationBreaksAt,
    ).toBe(counterexample.trace.steps.length);
  });

  it('reproduces it from a trace the workshop’s spec writes, at the same step; the fix refuses the stale deploy there', () => {
    const parsed = parseDnsItf(JSON.stringify(workshopTrace()));
    if (!parsed.ok) throw new Error(parsed.error);
    const trace = parsed.value[0]!;
    const asBuilt = replayAgainstImplementation(trace, { fix: false });
    expectConformance(trace, asBuilt);
    expect(asBuilt.modelBreaksAt).toBe(WORKSHOP_OUTAGE_STEP);
    expect(asBuilt.implementationBreaksAt).toBe(WORKSHOP_OUTAGE_STEP);
    const withFix = replayAgainstImplementation(trace, { fix: true });
    expect(withFix.firstDivergence).toMatchObject({
      step: WORKSHOP_OUTAGE_STEP - 1,
      action: { kind: 'Deploy', deployer: 1 },
      outcome: { kind: 'refused' },
    });
    expect(withFix.implementationBreaksAt).toBeUndefined();
  });
});

describe('the fixed implementation against the fixed model', () => {
  it(`conforms step by step in all ${fixedRuns.length} seeded random runs, the invariant intact`, () => {
    expect(fixedRuns.reduce((steps, { trace }) => steps + trace.steps.length, 0)).toBeGreaterThan(
      fixedRuns.length * 5,
    );
    for (const run of fixedRuns) {
      const report = replayAgainstImplementation(run, { fix: true });
      expectConformance(run, report);
      expect(report.implementationBreaksAt).toBeUndefined();
    }
  });
});

describe('the fixed implementation against the buggy model', () => {
  it('refuses the stale deploy: the first divergence, and the invariants hold to the end', () => {
    const counterexample = bfsCounterexample(defaultParameters)!;
    const steps = counterexample.trace.steps.length;
    const report = replayAgainstImplementation(counterexample, { fix: true });
    expect(report.firstDivergence).toMatchObject({
      step: steps - 1,
      action: { kind: 'Deploy', deployer: 1 },
      outcome: { kind: 'refused' },
      model: { root: 'plan-001.cdb.acme' },
      implementation: { root: 'plan-003.cdb.acme', rootHolds: true },
    });
    expect(report.steps.slice(0, steps - 1).every(({ agrees }) => agrees)).toBe(true);
    expect(report.modelBreaksAt).toBe(steps);
    expect(report.implementationBreaksAt).toBeUndefined();
  });

  it(`keeps the invariant and parts from the model in all ${shortestCounterexamples.length} shortest counterexamples`, () => {
    for (const counterexample of shortestCounterexamples) {
      const report = replayAgainstImplementation(counterexample, { fix: true });
      expect(report.implementationBreaksAt, describeRun(counterexample)).toBeUndefined();
      expect(report.firstDivergence!.step).toBeLessThanOrEqual(report.modelBreaksAt!);
    }
  });
});

describe('the implementation', () => {
  it('imports nothing from the model or the checker', () => {
    const source = readFileSync(
      new URL('../../src/lib/systems/dns-control-plane.ts', import.meta.url),
      'utf8',
    );
    expect(source).not.toMatch(/^\s*(import|export)\b[^;]*\bfrom\b/m);
    expect(source).not.toMatch(/\bimport\s*\(/);
  });
});
