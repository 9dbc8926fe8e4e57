/**
 * `npm run spec` (part of `npm test`): the Quint spec of the lab, specs/acme_clouddb.qnt, and the
 * TypeScript model and implementation, checked against each other.
 *
 * 1. `quint typecheck`; every parameter set the explainer offers has its instance module.
 * 2. `quint run --mbt` over a fixed list of seeds, one trace per seed: the buggy instances must
 *    break the invariant within their samples, the fixed ones must hold on all of theirs.
 * 3. Every trace Quint wrote is read by the site's ITF reader and replayed through the TypeScript
 *    model, state for state (a mismatch names seed, step, variable and both values), and through
 *    the implementation: the buggy one's outage comes at Quint's step, the fixed one conforms.
 * 4. The other way: the TypeScript checker's shortest counterexample, as a Quint `run`, passes
 *    `quint test`; the same run with one step changed must fail.
 *
 * Exits non-zero on any failure, saying which.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseItf } from '../src/lib/itf.ts';
import { quintRun, quintSteps, replayQuintTrace, type QuintStep } from '../src/lib/mbt/quint.ts';
import { replayAgainstImplementation } from '../src/lib/mbt/replay.ts';
import { shortestCounterexample } from '../src/lib/models/counterexample.ts';
import { dnsTraceFromItf } from '../src/lib/models/dns-control-plane-itf.ts';
import {
  defaultParameters,
  labParameters,
  parameterBounds,
  type DnsParameters,
} from '../src/lib/models/dns-control-plane.ts';
import { inParallel, instanceName, quint, simulate, SPEC_FILE } from './quint.ts';

/** Fixed, so that a failure can be rerun exactly; each is one `quint run` and one trace. */
const SEEDS = [11, 23, 37, 41, 53, 67, 79, 83];
/** Steps per sample: room for the shortest counterexamples of every instance and then some. */
const MAX_STEPS = 30;
/** Samples per seed: the buggy runs stop at the first violation, the fixed ones run them all. */
const BUGGY_SAMPLES = 500;
const FIXED_SAMPLES = 400;

/**
 * Seed by seed, the parameter set each seed runs, buggy and fixed: the page's default, the
 * workshop's own instance, and two corners (the most plans with the least kept, and the
 * smallest set in which the race is possible).
 */
const PARAMETER_SETS: readonly Omit<DnsParameters, 'fixed'>[] = [
  defaultParameters,
  labParameters,
  { deployers: 2, plans: 5, keep: 1 },
  { deployers: 2, plans: 2, keep: 1 },
];
/** The sets whose shortest counterexample becomes a Quint run. */
const COUNTEREXAMPLE_SETS = [defaultParameters, labParameters];

interface Run {
  readonly main: string;
  readonly seed: number;
  readonly parameters: DnsParameters;
  readonly samples: number;
  readonly itfPath: string;
}

const problems: string[] = [];
const startedAt = performance.now();
const spec = readFileSync(SPEC_FILE, 'utf8');

// 1. Type check, and an instance for every parameter set the page offers.
const typecheck = await quint(['typecheck', SPEC_FILE]);
if (typecheck.code !== 0) {
  console.error(`quint typecheck ${SPEC_FILE} failed:\n${typecheck.output}`);
  process.exit(1);
}
const range = ({ min, max }: { min: number; max: number }) =>
  Array.from({ length: max - min + 1 }, (_, index) => min + index);
for (const deployers of range(parameterBounds.deployers))
  for (const plans of range(parameterBounds.plans))
    for (const keep of range(parameterBounds.keep))
      for (const fixed of [false, true]) {
        const name = instanceName({ deployers, plans, keep, fixed });
        if (!new RegExp(`^module ${name} \\{`, 'm').test(spec))
          problems.push(
            `${SPEC_FILE} has no instance module ${name} for a parameter set the page offers`,
          );
      }

// 2. Simulate.
const traceDir = mkdtempSync(join(tmpdir(), 'quint-traces-'));
const runs: Run[] = SEEDS.flatMap((seed, index) =>
  [false, true].map((fixed) => {
    const parameters = { ...PARAMETER_SETS[index % PARAMETER_SETS.length]!, fixed };
    const main = instanceName(parameters);
    return {
      main,
      seed,
      parameters,
      samples: fixed ? FIXED_SAMPLES : BUGGY_SAMPLES,
      itfPath: join(traceDir, `${main}-${seed}.itf.json`),
    };
  }),
);
const simulations = await inParallel(
  runs.map((run) => () => simulate({ ...run, steps: MAX_STEPS })),
);

// 3. Replay every trace through the TypeScript model and the implementation.
let stepsReplayed = 0;
runs.forEach((run, index) => {
  const { violated, elapsedMs } = simulations[index]!;
  const { fixed } = run.parameters;
  const where = `${run.main}, seed ${run.seed}`;
  const verdict = violated ? 'invariant violated' : `invariant holds on ${run.samples} samples`;
  if (violated === fixed) {
    problems.push(
      fixed
        ? `${where}: the fixed spec broke the invariant`
        : `${where}: the buggy spec held on ${run.samples} samples of ${MAX_STEPS} steps; it must break the invariant`,
    );
  }
  const parsed = parseItf(readFileSync(run.itfPath, 'utf8'));
  if (!parsed.ok) {
    problems.push(`${where}: the site's ITF reader refuses Quint's trace: ${parsed.error}`);
    return;
  }
  const quintSteps = parsed.value.states.length - 1;
  const replay = replayQuintTrace(parsed.value, run.parameters);
  if (!replay.ok) {
    const { step, action, variable, quint: seen, typescript, refusal } = replay.mismatch;
    const refused = refusal === undefined ? '' : ` (it refuses ${action}: ${refusal})`;
    problems.push(
      `${where}, step ${step} (${action}): ${variable} is ${seen} in Quint, ${typescript} in the TypeScript model${refused}`,
    );
    return;
  }
  stepsReplayed += quintSteps;
  // Quint stops a violating trace at the step that breaks the invariant.
  const quintBreaksAt = violated ? quintSteps : undefined;
  if (replay.brokenAt !== quintBreaksAt)
    problems.push(
      `${where}: Quint breaks the invariant at step ${quintBreaksAt ?? 'none'}, the TypeScript model at ${replay.brokenAt ?? 'none'}`,
    );
  const system = replayAgainstImplementation(replay.trace, { fix: fixed });
  if (system.firstDivergence !== undefined) {
    const { step, model, implementation } = system.firstDivergence;
    problems.push(
      `${where}, step ${step}: the ${fixed ? 'fixed ' : ''}implementation shows ${JSON.stringify(implementation)}, the model ${JSON.stringify(model)}`,
    );
  }
  if (system.implementationBreaksAt !== quintBreaksAt)
    problems.push(
      `${where}: the implementation's outage comes at step ${system.implementationBreaksAt ?? 'none'}, Quint's at ${quintBreaksAt ?? 'none'}`,
    );
  // The explainer's replay box reads the same file.
  const read = dnsTraceFromItf({
    ...parsed.value,
    meta: { ...parsed.value.meta, parameters: run.parameters },
  });
  if (!read.ok) problems.push(`${where}: the explainer's trace reader refuses it: ${read.error}`);
  console.log(
    `quint run --main=${run.main} --seed=${run.seed}: ${verdict} (${Math.round(elapsedMs)} ms); ` +
      `${quintSteps} steps replayed`,
  );
});

// 4. The TypeScript checker's shortest counterexamples as Quint runs.
const RUN_NAME = 'shortestCounterexampleTest';
const testDir = mkdtempSync(join(tmpdir(), 'quint-runs-'));
copyFileSync(SPEC_FILE, join(testDir, basename(SPEC_FILE)));

/** `quint test` on one generated run; whether it passed, and what it printed. */
async function quintTest(module: string, steps: readonly QuintStep[], parameters: DnsParameters) {
  const file = join(testDir, `${module}.qnt`);
  const source = quintRun(steps, {
    module,
    spec: `./${basename(SPEC_FILE, '.qnt')}`,
    parameters,
    name: RUN_NAME,
    breaksAtEnd: true,
  });
  writeFileSync(file, source);
  const outcome = await quint([
    'test',
    '--backend=typescript',
    `--main=${module}`,
    '--verbosity=1',
    file,
  ]);
  return { passed: outcome.code === 0, output: outcome.output, file };
}

const testRuns = await inParallel(
  COUNTEREXAMPLE_SETS.flatMap((parameters) => {
    const counterexample = shortestCounterexample(parameters);
    const steps = quintSteps(counterexample);
    // One step changed: the first deploy becomes a sync of the same deployer.
    const deploy = steps.findIndex(({ call }) => call.startsWith('deploy('));
    const changed = steps.with(deploy, {
      ...steps[deploy]!,
      call: steps[deploy]!.call.replace('deploy(', 'sync('),
    });
    const name = instanceName(parameters);
    return [
      async () => ({
        name,
        changed: false,
        steps: steps.length,
        ...(await quintTest(`${name}_counterexample`, steps, parameters)),
      }),
      async () => ({
        name,
        changed: true,
        steps: steps.length,
        ...(await quintTest(`${name}_changed`, changed, parameters)),
      }),
    ];
  }),
);
for (const { name, changed, steps, passed, output, file } of testRuns) {
  if (passed === changed)
    problems.push(
      changed
        ? `${name}: the counterexample with its first deploy changed to a sync still passes quint test (${file})`
        : `${name}: the TypeScript checker's shortest counterexample (${steps} steps) fails quint test (${file}):\n${output.slice(0, 2000)}`,
    );
  console.log(
    `quint test, ${name}: the checker's shortest counterexample (${steps} steps)${changed ? ' with one step changed' : ''} ${passed ? 'passes' : 'fails'}`,
  );
}

const fixedSamples = runs.filter((run) => run.parameters.fixed).length * FIXED_SAMPLES;
console.log(
  `${runs.length} Quint traces from ${SEEDS.length} seeds (${SEEDS.join(', ')}), ${stepsReplayed} steps replayed ` +
    `through the model and the implementation; the fixed spec held on ${fixedSamples} samples; ` +
    `${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
);
if (problems.length > 0) {
  console.error(problems.map((problem) => `✗ ${problem}`).join('\n'));
  console.error(`Quint's traces are kept in ${traceDir}, the generated runs in ${testDir}.`);
  process.exit(1);
}
rmSync(traceDir, { recursive: true });
rmSync(testDir, { recursive: true });
