/**
 * Running Quint from the scripts: the pinned dev dependency, always on its TypeScript backend (the
 * default Rust backend downloads a binary at run time, which no machine here can). Never part of
 * the deploy build.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const SPEC_FILE = 'specs/acme_clouddb.qnt';
const QUINT = 'node_modules/.bin/quint';

/** A parameter set of the lab, as the spec's instance modules are named for them. */
export interface LabParameters {
  readonly deployers: number;
  readonly plans: number;
  readonly keep: number;
  readonly fixed: boolean;
}

/** The spec's instance module for a parameter set, e.g. `d3_p5_k3` or `d2_p3_k1_fixed`. */
export const instanceName = ({ deployers, plans, keep, fixed }: LabParameters) =>
  `d${deployers}_p${plans}_k${keep}${fixed ? '_fixed' : ''}`;

export interface QuintOutcome {
  readonly code: number;
  /** Standard output and error together, as a reader of the log would see them. */
  readonly output: string;
}

/** Runs `quint <args>` and collects what it printed. */
export function quint(args: readonly string[]): Promise<QuintOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(QUINT, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

export interface SimulationRequest {
  /** The instance module to run, e.g. `d3_p5_k3` (see `instanceName`). */
  readonly main: string;
  readonly seed: number;
  readonly samples: number;
  readonly steps: number;
  /** Where Quint writes the trace it keeps (one per seed). */
  readonly itfPath: string;
  /** The invariant to check. */
  readonly invariant?: string;
  /** 2 prints the figures `simulationFigures` reads; 1 (the default) only the verdict. */
  readonly verbosity?: number;
}

export interface Simulation extends QuintOutcome {
  /** Whether Quint reported the invariant violated (it exits non-zero and marks the trace so). */
  readonly violated: boolean;
  readonly elapsedMs: number;
}

/** `quint run --mbt` with one instance, one seed, one trace written as ITF. */
export async function simulate(request: SimulationRequest): Promise<Simulation> {
  const startedAt = performance.now();
  const outcome = await quint([
    'run',
    '--backend=typescript',
    '--mbt',
    `--main=${request.main}`,
    `--invariant=${request.invariant ?? 'safe'}`,
    `--seed=${request.seed}`,
    `--max-samples=${request.samples}`,
    `--max-steps=${request.steps}`,
    '--n-traces=1',
    `--out-itf=${request.itfPath}`,
    `--verbosity=${request.verbosity ?? 1}`,
    SPEC_FILE,
  ]);
  const elapsedMs = performance.now() - startedAt;
  const violated = outcome.code !== 0 && traceStatus(request.itfPath) === 'violation';
  if (outcome.code !== 0 && !violated) {
    throw new Error(
      `quint run --main=${request.main} --seed=${request.seed} failed:\n${outcome.output}`,
    );
  }
  return { ...outcome, violated, elapsedMs };
}

/** What Quint reports of a run that held: its simulation time and the average trace length. */
export function simulationFigures(output: string): { ms: number; averageStates: number } {
  const time = /No violation found \((\d+)ms/.exec(output);
  const length = /average=([\d.]+)/.exec(output);
  if (!time || !length) throw new Error(`Quint printed no figures to read:\n${output}`);
  return { ms: Number(time[1]), averageStates: Number(length[1]) };
}

/** The status Quint wrote in the trace's `#meta` ("ok" or "violation"), if it wrote one. */
function traceStatus(itfPath: string): string | undefined {
  try {
    const meta = (JSON.parse(readFileSync(itfPath, 'utf8')) as { '#meta'?: { status?: string } })[
      '#meta'
    ];
    return meta?.status;
  } catch {
    return undefined;
  }
}

/** Runs `tasks` with at most `limit` at a time (the machine has two cores), keeping their order. */
export async function inParallel<T>(tasks: readonly (() => Promise<T>)[], limit = 2): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
