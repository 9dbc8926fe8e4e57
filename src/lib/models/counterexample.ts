/**
 * The counterexample the explainer shows without JavaScript: the checker's shortest trace for
 * the default parameters, computed at build time, so that the page, its pictures and its ITF
 * file can never drift from the model.
 */
import { check } from '../checker/bfs.ts';
import { defaultParameters, dnsControlPlane, type DnsParameters } from './dns-control-plane.ts';
import type { DnsTrace } from './dns-control-plane-itf.ts';

export interface Counterexample extends DnsTrace {
  readonly invariant: string;
  /** States the search explored before it found the violation. */
  readonly states: number;
}

export function shortestCounterexample(
  parameters: DnsParameters = defaultParameters,
): Counterexample {
  const result = check(dnsControlPlane(parameters));
  if (result.kind !== 'violation') {
    throw new Error(
      `The explainer needs the model to break its invariant, but the check ended with "${result.kind}".`,
    );
  }
  return { parameters, trace: result.trace, invariant: result.invariant, states: result.states };
}
