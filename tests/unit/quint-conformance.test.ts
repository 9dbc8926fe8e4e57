/**
 * The comparison `npm run spec` makes between Quint's traces and the TypeScript model, without
 * Quint: a trace of the model dressed as Quint writes it (module prefixes, `mbt::actionTaken`,
 * `mbt::nondetPicks`) must replay, and any changed value must be reported at its step and variable.
 */
import { describe, expect, it } from 'vitest';
import { itf, type ItfState, type ItfTrace, type ItfValue } from '../../src/lib/itf.ts';
import {
  quintExpression,
  quintRun,
  quintSteps,
  replayQuintTrace,
} from '../../src/lib/mbt/quint.ts';
import { shortestCounterexample } from '../../src/lib/models/counterexample.ts';
import { labParameters, refusalWords } from '../../src/lib/models/dns-control-plane.ts';
import {
  dnsTraceToItf,
  GHOST_ACTION,
  ROOT_NAME,
  STATE_VARS,
} from '../../src/lib/models/dns-control-plane-itf.ts';

const QUINT_NAMES: Record<string, string> = {
  Init: 'init',
  GeneratePlan: 'generate_plan',
  Sync: 'sync',
  Deploy: 'deploy',
  Backoff: 'backoff',
  Cleanup: 'cleanup',
};
const PREFIX = 'd3_p5_k3::acme_clouddb::';

const fields = (value: ItfValue | undefined) =>
  typeof value === 'object' && value.kind === 'record' ? value.fields : {};

/** A state of the site's ITF as Quint's simulator would write it for the spec's instance. */
function asQuint(state: ItfState): ItfState {
  const ghost = fields(state[GHOST_ACTION]);
  const deployer = fields(ghost['value'])['deployer'];
  return {
    ...Object.fromEntries(STATE_VARS.map((name) => [`${PREFIX}${name}`, state[name]!])),
    'mbt::actionTaken': QUINT_NAMES[String(ghost['tag'])]!,
    'mbt::nondetPicks': itf.record({
      d: deployer === undefined ? itf.variant('None') : itf.variant('Some', deployer),
    }),
  };
}

const counterexample = shortestCounterexample(labParameters);
const quintTrace = (change?: (states: ItfState[]) => void): ItfTrace => {
  const states = dnsTraceToItf(counterexample, '').states.map(asQuint);
  change?.(states);
  return { meta: {}, vars: Object.keys(states[0]!), states };
};

/** The zone with the root alias pointing at `plan` instead. */
function rootPointingAt(state: ItfState, plan: string): ItfState {
  const key = `${PREFIX}zone_records`;
  const zone = state[key];
  if (typeof zone !== 'object' || zone.kind !== 'set') throw new Error('no zone');
  const items = zone.items.map((record) =>
    fields(record)['name'] === ROOT_NAME
      ? itf.record({ ...fields(record), value: itf.tuple([plan, itf.int(100)]) })
      : record,
  );
  return { ...state, [key]: itf.set(items) };
}

describe('replaying a Quint trace through the TypeScript model', () => {
  it('takes every step Quint took and reaches the same states, breaking where Quint does', () => {
    const replay = replayQuintTrace(quintTrace(), labParameters);
    expect(replay.ok).toBe(true);
    if (!replay.ok) return;
    expect(replay.trace.trace.steps).toHaveLength(counterexample.trace.steps.length);
    expect(replay.brokenAt).toBe(counterexample.trace.steps.length);
  });

  it('names the step, the variable and both values where the states part', () => {
    const step = 4;
    const replay = replayQuintTrace(
      quintTrace((states) => (states[step] = rootPointingAt(states[step]!, 'plan-005.cdb.acme'))),
      labParameters,
    );
    expect(replay.ok).toBe(false);
    if (replay.ok) return;
    expect(replay.mismatch).toMatchObject({
      step,
      variable: 'root',
      quint: 'plan-005.cdb.acme',
    });
    expect(replay.mismatch.typescript).not.toBe('plan-005.cdb.acme');
  });

  it('compares every variable of the spec, not only what the zone shows', () => {
    const replay = replayQuintTrace(
      quintTrace((states) => {
        const key = `${PREFIX}deployer_next_plan`;
        states[2] = { ...states[2]!, [key]: itf.map([['deployer-a', itf.int(7)]]) };
      }),
      labParameters,
    );
    expect(!replay.ok && replay.mismatch).toMatchObject({
      step: 2,
      variable: 'deployer_next_plan',
    });
  });

  it('reports a step the TypeScript model refuses, with its reason', () => {
    const replay = replayQuintTrace(
      quintTrace((states) => {
        // The first state after Init: a deploy with no plan written yet.
        states[1] = { ...states[1]!, 'mbt::actionTaken': 'deploy' };
        states[1] = {
          ...states[1],
          'mbt::nondetPicks': itf.record({ d: itf.variant('Some', 'deployer-a') }),
        };
      }),
      labParameters,
    );
    expect(replay.ok).toBe(false);
    if (replay.ok) return;
    expect(replay.mismatch.step).toBe(1);
    expect(replay.mismatch.action).toBe('deploy(deployer-a)');
    expect(replay.mismatch.refusal).toBe(refusalWords['next-plan-missing']);
  });
});

describe('a TypeScript trace as a Quint run', () => {
  it('writes values as Quint expressions', () => {
    expect(
      quintExpression(
        itf.record({
          s: itf.set(['a', itf.int(1)]),
          m: itf.map([['k', itf.tuple([true, itf.list([])])]]),
        }),
      ),
    ).toBe('{ s: Set("a", 1), m: Map("k" -> (true, [])) }');
  });

  it('takes each step of the trace, then checks the state it reached; only the last breaks the invariant', () => {
    const steps = quintSteps(counterexample);
    expect(steps).toHaveLength(counterexample.trace.steps.length);
    expect(steps[0]!.call).toBe('generate_plan');
    const source = quintRun(steps, {
      module: 'lab_counterexample',
      spec: './acme_clouddb',
      parameters: labParameters,
      name: 'shortestCounterexampleTest',
      breaksAtEnd: true,
    });
    expect(source).toContain(
      'import acme_clouddb(DEPLOYERS = Set("deployer-a", "deployer-b", "deployer-c"), PLANS = 5, KEEP = 3, FIXED = false).* from "./acme_clouddb"',
    );
    expect(source.match(/\.then\(/g)).toHaveLength(steps.length);
    expect(source.match(/\.expect\(not\(safe\) and /g)).toHaveLength(1);
    expect(source.trimEnd().split('\n').at(-2)).toMatch(
      /^\s+\.expect\(not\(safe\) and zone_records == Set\(/,
    );
  });
});
