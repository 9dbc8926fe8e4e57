/**
 * The counterexamples the explainer publishes: the checker's shortest trace for the default
 * parameters (shown without JavaScript, with its pictures and ITF file) and for the lab's own
 * instance (a static ITF file a workshop participant replays against the lab), computed from the
 * model so that the page, its pictures and its files can never drift from it.
 */
import { itfWords } from '../../content/interface/mbt.ts';
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

/** The `#meta.description` of a published counterexample's ITF file. */
export function labTraceDescription({ parameters, trace }: DnsTrace): string {
  const result = check(dnsControlPlane(parameters));
  const invariant = result.kind === 'violation' ? result.invariant : '';
  return itfWords.description(trace.steps.length, parameters.deployers, parameters.keep, invariant);
}
