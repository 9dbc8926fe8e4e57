/**
 * A trace in the page address, so that a run can be shared: `#trace=2-3-1~0.1.0.4.5.2.6` is
 * enactors-plans-cleanupAge, then the moves. Only the moves travel; the receiving page replays
 * them through the model, so a link can show nothing the model does not allow.
 */
import type { Move } from '../checker/spec.ts';
import { decodeMoves, encodeMoves } from '../checker/trace.ts';
import type { DnsParameters } from '../models/dns-control-plane.ts';
import { TRACE_HASH_PREFIX } from './trace-link.ts';

export interface SharedTrace {
  readonly parameters: DnsParameters;
  readonly moves: readonly Move[];
}

export function traceHash({ parameters: { enactors, plans, cleanupAge }, moves }: SharedTrace): string {
  return `${TRACE_HASH_PREFIX}${enactors}-${plans}-${cleanupAge}~${encodeMoves(moves)}`;
}

/** The trace in `hash`, if it holds one that is well formed; whether it replays is the model's call. */
export function sharedTraceFrom(hash: string): SharedTrace | undefined {
  if (!hash.startsWith(TRACE_HASH_PREFIX)) return undefined;
  const match = /^(\d)-(\d)-(\d)~(.*)$/.exec(hash.slice(TRACE_HASH_PREFIX.length));
  if (!match) return undefined;
  const [, enactors, plans, cleanupAge, moveText = ''] = match;
  const moves = decodeMoves(moveText);
  if (!moves) return undefined;
  return {
    parameters: { enactors: Number(enactors), plans: Number(plans), cleanupAge: Number(cleanupAge), fixed: false },
    moves,
  };
}
