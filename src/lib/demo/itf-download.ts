/** A trace the island shows, as the `.itf.json` file a visitor downloads. */
import { stringifyItf } from '../itf.ts';
import { dnsTraceToItf, type DnsTrace } from '../models/dns-control-plane-itf.ts';

export interface ItfDownload {
  readonly fileName: string;
  readonly text: string;
}

/** `description` goes into the file's `#meta`, e.g. the heading the trace was shown under. */
export function itfDownload(shown: DnsTrace, description: string): ItfDownload {
  const { deployers, plans, keep, fixed } = shown.parameters;
  const variant = fixed ? '-fixed' : '';
  const steps = shown.trace.steps.length;
  return {
    fileName: `acme-clouddb${variant}-${deployers}-${plans}-${keep}-${steps}-steps.itf.json`,
    text: stringifyItf(dnsTraceToItf(shown, description)),
  };
}
