import type { APIRoute } from 'astro';
import { itfWords } from '../../content/interface/mbt';
import { stringifyItf } from '../../lib/itf';
import { dnsTraceToItf } from '../../lib/models/dns-control-plane-itf';
import { shortestCounterexample } from '../../lib/models/counterexample';

/** The explainer's build-time counterexample as an ITF file, linked from the page. */
export const GET: APIRoute = () => {
  const counterexample = shortestCounterexample();
  const description = itfWords.description(counterexample.trace.steps.length);
  return new Response(stringifyItf(dnsTraceToItf(counterexample, description)), {
    headers: { 'Content-Type': 'application/json' },
  });
};
