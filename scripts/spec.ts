/**
 * `npm run spec` (part of `npm test`): the Quint spec of the lab, specs/acme_clouddb.qnt, is an
 * independent oracle for the TypeScript model. Quint type-checks it, then simulates it over a fixed
 * list of seeds, one trace per seed: the buggy instances must break the invariant within their
 * samples, the fixed ones must hold on all of theirs. Exits non-zero on any failure, saying which.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inParallel, instanceName, quint, simulate, SPEC_FILE, type Simulation } from './quint.ts';

/** Fixed, so that a failure can be rerun exactly; each is one `quint run` and one trace. */
const SEEDS = [11, 23, 37, 41, 53, 67, 79, 83];
/** Steps per sample: room for the shortest counterexamples of every instance and then some. */
const MAX_STEPS = 30;
/** Samples per seed: the buggy runs stop at the first violation, the fixed ones run them all. */
const BUGGY_SAMPLES = 500;
const FIXED_SAMPLES = 400;

/**
 * Seed by seed, the parameter set each seed runs, buggy and fixed: the page's default, the
 * workshop's own instance, and the corners where the race needs the most and the fewest steps.
 */
const PARAMETER_SETS = [
  { deployers: 2, plans: 3, keep: 1 },
  { deployers: 3, plans: 5, keep: 3 },
  { deployers: 2, plans: 5, keep: 1 },
  { deployers: 3, plans: 4, keep: 2 },
];

interface Run {
  readonly main: string;
  readonly seed: number;
  readonly samples: number;
  readonly expectViolation: boolean;
  readonly itfPath: string;
}

const startedAt = performance.now();
const typecheck = await quint(['typecheck', SPEC_FILE]);
if (typecheck.code !== 0) {
  console.error(`quint typecheck ${SPEC_FILE} failed:\n${typecheck.output}`);
  process.exit(1);
}

const traceDir = mkdtempSync(join(tmpdir(), 'quint-traces-'));
const runs: Run[] = SEEDS.flatMap((seed, index) =>
  [false, true].map((fixed) => {
    const main = instanceName({ ...PARAMETER_SETS[index % PARAMETER_SETS.length]!, fixed });
    return {
      main,
      seed,
      samples: fixed ? FIXED_SAMPLES : BUGGY_SAMPLES,
      expectViolation: !fixed,
      itfPath: join(traceDir, `${main}-${seed}.itf.json`),
    };
  }),
);

const simulations: Simulation[] = await inParallel(
  runs.map((run) => () => simulate({ ...run, steps: MAX_STEPS })),
);

const problems: string[] = [];
runs.forEach((run, index) => {
  const { violated, elapsedMs } = simulations[index]!;
  const verdict = violated ? 'invariant violated' : `invariant holds on ${run.samples} samples`;
  console.log(
    `quint run --main=${run.main} --seed=${run.seed}: ${verdict} (${Math.round(elapsedMs)} ms)`,
  );
  if (violated !== run.expectViolation) {
    problems.push(
      run.expectViolation
        ? `${run.main}, seed ${run.seed}: the buggy spec held on ${run.samples} samples of ${MAX_STEPS} steps; it must break the invariant`
        : `${run.main}, seed ${run.seed}: the fixed spec broke the invariant (trace: ${run.itfPath})`,
    );
  }
});

const fixedSamples = runs.filter((run) => !run.expectViolation).length * FIXED_SAMPLES;
console.log(
  `${runs.length} traces from ${SEEDS.length} seeds; the fixed spec held on ${fixedSamples} samples; ` +
    `${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
);
if (problems.length > 0) {
  console.error(problems.map((problem) => `✗ ${problem}`).join('\n'));
  process.exit(1);
}
rmSync(traceDir, { recursive: true });
