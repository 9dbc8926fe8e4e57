/**
 * A trace in the page address, so that a run can be shared: `#trace=2-3-1~0.1.0.4.5.2.6` is
 * deployers-plans-keep, then the moves. Only the moves travel; the receiving page replays
 * them through the model, so a link can show nothing the model does not allow.
 */
import { parameterWords, islandShareWords as shareWords } from '../../content/interface/demo.ts';
import type { Move, Trace } from '../checker/spec.ts';
import { decodeMoves, encodeMoves, replay } from '../checker/trace.ts';
import {
  dnsControlPlane,
  parameterBounds,
  type DnsParameters,
  type DnsState,
} from '../models/dns-control-plane.ts';
import { TRACE_HASH_PREFIX } from './trace-link.ts';

export interface SharedTrace {
  readonly parameters: DnsParameters;
  readonly moves: readonly Move[];
}

export function traceHash({ parameters: { deployers, plans, keep }, moves }: SharedTrace): string {
  return `${TRACE_HASH_PREFIX}${deployers}-${plans}-${keep}~${encodeMoves(moves)}`;
}

/** The trace in `hash`, if it holds one that is well formed; whether it replays is the model's call. */
export function sharedTraceFrom(hash: string): SharedTrace | undefined {
  if (!hash.startsWith(TRACE_HASH_PREFIX)) return undefined;
  const match = /^(\d)-(\d)-(\d)~(.*)$/.exec(hash.slice(TRACE_HASH_PREFIX.length));
  if (!match) return undefined;
  const [, deployers, plans, keep, moveText = ''] = match;
  const moves = decodeMoves(moveText);
  if (!moves) return undefined;
  return {
    parameters: {
      deployers: Number(deployers),
      plans: Number(plans),
      keep: Number(keep),
      fixed: false,
    },
    moves,
  };
}

/** A linked trace as the demo shows it, or the sentence that says why it cannot. */
export type LinkedTrace =
  | {
      readonly ok: true;
      readonly parameters: DnsParameters;
      readonly trace: Trace<DnsState>;
      readonly status: string;
    }
  | { readonly ok: false; readonly status: string };

/** Opens the trace in `hash` through the model; undefined when the address holds no trace. */
export function openSharedTrace(hash: string): LinkedTrace | undefined {
  const shared = sharedTraceFrom(hash);
  if (!shared) return undefined;
  for (const [name, { min, max }] of Object.entries(parameterBounds)) {
    const value = shared.parameters[name as keyof typeof parameterBounds];
    if (value < min || value > max) {
      const label = parameterWords[name as keyof typeof parameterBounds];
      return {
        ok: false,
        status: shareWords.linkOutOfRange(label, String(value), String(min), String(max)),
      };
    }
  }
  const replayed = replay(dnsControlPlane(shared.parameters), shared.moves);
  if (!replayed.ok)
    return { ok: false, status: shareWords.linkImpossible(String(replayed.failedStep)) };
  const verdict =
    replayed.brokenInvariant === undefined ? shareWords.endsIntact : shareWords.endsViolated;
  return {
    ok: true,
    parameters: shared.parameters,
    trace: replayed.trace,
    status: shareWords.linkedShown(String(replayed.trace.steps.length), verdict),
  };
}
