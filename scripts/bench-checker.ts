/**
 * `npm run bench:checker`: how fast the checker runs in Node, and the budgets the explainer
 * page promises; with `-- --browser`, also the largest set checked on the built page in Chromium
 * (scripts/bench-browser.ts). Each timing is the fastest of a few runs after a warm-up run: the figures
 * describe the optimised code, not the JIT warming up or a neighbour borrowing the CPU. It also
 * times Quint's simulator on the same model (specs/acme_clouddb.qnt) and bounds, and prints the
 * ratio.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, type CheckResult } from '../src/lib/checker/bfs.ts';
import { simulate } from '../src/lib/checker/simulate.ts';
import {
  defaultParameters,
  dnsControlPlane,
  labParameters,
  parameterBounds,
  type DnsParameters,
  type DnsState,
} from '../src/lib/models/dns-control-plane.ts';
import { staleDeployScheduler } from '../src/lib/models/stale-deploy.ts';
import { printBrowserChecks } from './bench-browser.ts';
import { instanceName, simulate as quintSimulate, simulationFigures } from './quint.ts';

const RUNS = 3;
const WALKS = 100_000;
const WALK_DEPTH = 100;
const DELAY_PROBABILITIES = [0.5, 0.1, 0.01, 0.001];

const budgets = {
  defaultExhaustMs: 100,
  largestStatesPerSecond: 1_000_000,
  simulationStepsPerSecond: 1_000_000,
  browserLargestMs: 2_000,
};

const range = ({ min, max }: { readonly min: number; readonly max: number }) =>
  Array.from({ length: max - min + 1 }, (_, index) => min + index);

/** Every parameter set the explainer offers, as built and with the fix. */
const parameterSets: DnsParameters[] = [false, true].flatMap((fixed) =>
  range(parameterBounds.deployers).flatMap((deployers) =>
    range(parameterBounds.plans).flatMap((plans) =>
      range(parameterBounds.keep).map((keep) => ({ deployers, plans, keep, fixed })),
    ),
  ),
);

function timed<R extends { readonly elapsedMs: number }>(run: () => R): { result: R; ms: number } {
  run();
  const results = Array.from({ length: RUNS }, run);
  return { result: results[0]!, ms: Math.min(...results.map((result) => result.elapsedMs)) };
}

/** A fixed integer loop, so that figures from a slow or busy machine can be told apart. */
function referenceLoopMs(): number {
  const startedAt = performance.now();
  let sum = 0;
  for (let index = 0; index < 100_000_000; index++) sum = (sum + index * 7) | 0;
  // `sum & 0` is 0, but using the sum keeps the loop from being optimised away.
  return performance.now() - startedAt + (sum & 0);
}

const label = ({ deployers, plans, keep, fixed }: DnsParameters) =>
  `${deployers} deployers, ${plans} plans, keep ${keep}, ${fixed ? 'fixed' : 'as built'}`;
const count = (value: number) => Math.round(value).toLocaleString('en-US');
const outcome = (result: CheckResult<DnsState>) =>
  result.kind === 'violation' ? `violation at step ${result.trace.steps.length}` : result.kind;

console.log(
  'Machine: a reference loop of 100M integer additions takes %s ms',
  referenceLoopMs().toFixed(0),
);
console.log('\nExhaustive search (breadth-first), fastest of %d runs after a warm-up', RUNS);
const PER_SET_WALKS = 500;
const rows = parameterSets.map((parameters) => {
  const spec = dnsControlPlane(parameters);
  const { result, ms } = timed(() => check(spec));
  const random = timed(() =>
    simulate(spec, { walks: PER_SET_WALKS, maxDepth: WALK_DEPTH, seed: 1 }),
  );
  return {
    parameters,
    result,
    ms,
    statesPerSecond: (result.states / ms) * 1000,
    randomStepsPerSecond: (random.result.steps / random.ms) * 1000,
  };
});
console.log(
  '(random steps/s: %d uniform walks of at most %d steps per set)',
  PER_SET_WALKS,
  WALK_DEPTH,
);
console.table(
  rows.map(({ parameters, result, ms, statesPerSecond, randomStepsPerSecond }) => ({
    'parameter set': label(parameters),
    result: outcome(result),
    states: count(result.states),
    transitions: count(result.transitions),
    depth: result.depth,
    ms: ms.toFixed(1),
    'states/s': count(statesPerSecond),
    'random steps/s': count(randomStepsPerSecond),
  })),
);

console.log(
  '\nRandom simulation, %s walks of at most %d steps, default parameters',
  count(WALKS),
  WALK_DEPTH,
);
const spec = dnsControlPlane(defaultParameters);
const schedulers = [
  { name: 'uniform', scheduler: undefined },
  ...DELAY_PROBABILITIES.map((probability) => ({
    name: `stale share ${probability}`,
    scheduler: staleDeployScheduler(spec, probability),
  })),
];
const simulations = schedulers.map(({ name, scheduler }) => {
  const { result, ms } = timed(() =>
    simulate(spec, { walks: WALKS, maxDepth: WALK_DEPTH, seed: 1, scheduler }),
  );
  return { name, result, stepsPerSecond: (result.steps / ms) * 1000 };
});
console.table(
  simulations.map(({ name, result, stepsPerSecond }) => ({
    scheduler: name,
    steps: count(result.steps),
    'steps/s': count(stepsPerSecond),
    'hit rate': `${((result.hits / result.walks) * 100).toFixed(3)} %`,
    'shortest hit': result.shortestViolation?.trace.steps.length ?? '-',
  })),
);

// Quint's simulator (TypeScript backend) on the same model and bounds: the fixed instances, so
// that every sample runs to its full length on both sides and samples compare one for one.
const QUINT_SAMPLES = 300;
const QUINT_DEPTH = 30;
const OUR_SAMPLES = 20_000;
console.log(
  '\nQuint simulator against ours: the spec specs/acme_clouddb.qnt and the TypeScript model, samples of %d steps',
  QUINT_DEPTH,
);
const quintRows = [];
for (const parameters of [defaultParameters, labParameters].map((set) => ({
  ...set,
  fixed: true,
}))) {
  const itfPath = join(tmpdir(), `bench-${instanceName(parameters)}.itf.json`);
  const run = await quintSimulate({
    main: instanceName(parameters),
    seed: 1,
    samples: QUINT_SAMPLES,
    steps: QUINT_DEPTH,
    itfPath,
    verbosity: 2,
  });
  rmSync(itfPath, { force: true });
  const figures = simulationFigures(run.output);
  const quintSamplesPerSecond = (QUINT_SAMPLES / figures.ms) * 1000;
  const quintStepsPerSecond = quintSamplesPerSecond * (figures.averageStates - 1);
  const ours = timed(() =>
    simulate(dnsControlPlane(parameters), { walks: OUR_SAMPLES, maxDepth: QUINT_DEPTH, seed: 1 }),
  );
  const oursSamplesPerSecond = (OUR_SAMPLES / ours.ms) * 1000;
  const oursStepsPerSecond = (ours.result.steps / ours.ms) * 1000;
  quintRows.push({
    'parameter set': label(parameters),
    'Quint samples/s': count(quintSamplesPerSecond),
    'ours samples/s': count(oursSamplesPerSecond),
    'Quint steps/s': count(quintStepsPerSecond),
    'ours steps/s': count(oursStepsPerSecond),
    'ours ÷ Quint': `${count(oursStepsPerSecond / quintStepsPerSecond)}×`,
    'Quint process ms': count(run.elapsedMs),
  });
}
console.log(
  '(Quint: %d samples, its own simulation time, not its start-up; ours: %s samples, fastest of %d runs)',
  QUINT_SAMPLES,
  count(OUR_SAMPLES),
  RUNS,
);
console.table(quintRows);

const isDefault = (parameters: DnsParameters, fixed: boolean) =>
  parameters.deployers === defaultParameters.deployers &&
  parameters.plans === defaultParameters.plans &&
  parameters.keep === defaultParameters.keep &&
  parameters.fixed === fixed;
const defaultRow = rows.find(({ parameters }) => isDefault(parameters, false));
const fixedDefaultRow = rows.find(({ parameters }) => isDefault(parameters, true));
const largestRow = rows.reduce((largest, row) =>
  row.result.states > largest.result.states ? row : largest,
);
const uniformRun = simulations[0];
const verdict = (ok: boolean) => (ok ? 'ok  ' : 'OVER');
console.log('\nBudgets');
for (const [name, row] of [
  ['default model', defaultRow],
  ['default model, fixed', fixedDefaultRow],
] as const) {
  if (row) {
    console.log(
      `${verdict(row.ms < budgets.defaultExhaustMs)} ${name}: ${outcome(row.result)} in ${row.ms.toFixed(2)} ms (budget ${budgets.defaultExhaustMs} ms)`,
    );
  }
}
console.log(
  `${verdict(largestRow.statesPerSecond >= budgets.largestStatesPerSecond)} largest set (${label(largestRow.parameters)}): ${count(largestRow.statesPerSecond)} states/s (budget ${count(budgets.largestStatesPerSecond)})`,
);
if (uniformRun) {
  console.log(
    `${verdict(uniformRun.stepsPerSecond >= budgets.simulationStepsPerSecond)} random simulation: ${count(uniformRun.stepsPerSecond)} steps/s (budget ${count(budgets.simulationStepsPerSecond)})`,
  );
}

if (process.argv.includes('--browser')) {
  await printBrowserChecks(
    largestRow.parameters,
    largestRow.result.states,
    label(largestRow.parameters),
    budgets.browserLargestMs,
  );
}
