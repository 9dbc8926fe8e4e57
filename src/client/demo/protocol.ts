/** Messages between the demo's page script and its checker worker. */
import type { CheckProgress, CheckResult } from '../../lib/checker/bfs.ts';
import type { SimulationProgress, SimulationResult } from '../../lib/checker/simulate.ts';
import type { DnsParameters, DnsState } from '../../lib/models/dns-control-plane.ts';

export interface SimulationRequest {
  readonly walks: number;
  readonly maxDepth: number;
  readonly seed: number;
  /** Share of runs in which a deployer falls behind and deploys an old plan; undefined schedules uniformly. */
  readonly delayProbability: number | undefined;
}

/** Every run has an id, so that messages from a run that was cancelled or replaced can be ignored. */
export type WorkerRequest =
  | {
      readonly type: 'check';
      readonly run: number;
      readonly parameters: DnsParameters;
      readonly maxStates: number;
    }
  | {
      readonly type: 'simulate';
      readonly run: number;
      readonly parameters: DnsParameters;
      readonly simulation: SimulationRequest;
    }
  | { readonly type: 'cancel' };

export type WorkerResponse =
  | { readonly type: 'check-progress'; readonly run: number; readonly progress: CheckProgress }
  | { readonly type: 'check-done'; readonly run: number; readonly result: CheckResult<DnsState> }
  | {
      readonly type: 'simulate-progress';
      readonly run: number;
      readonly progress: SimulationProgress;
    }
  | {
      readonly type: 'simulate-done';
      readonly run: number;
      readonly result: SimulationResult<DnsState>;
    }
  | { readonly type: 'failed'; readonly run: number; readonly message: string };
