import type { APIRoute } from 'astro';
import { stringifyItf } from '../../lib/itf';
import { dnsTraceToItf } from '../../lib/models/dns-control-plane-itf';
import { labTraceDescription, shortestCounterexample } from '../../lib/models/counterexample';

/** The explainer's build-time counterexample as an ITF file, linked from the page. */
export const GET: APIRoute = () => {
  const counterexample = shortestCounterexample();
  return new Response(
    stringifyItf(dnsTraceToItf(counterexample, labTraceDescription(counterexample))),
    {
      headers: { 'Content-Type': 'application/json' },
    },
  );
};
