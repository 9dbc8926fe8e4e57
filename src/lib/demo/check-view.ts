/** What the exhaustive check's panel says: its live figures, its status line, and what happens to the trace. */
import {
  islandCheckWords as checkWords,
  islandTraceWords as traceWords,
} from '../../content/interface/demo.ts';
import type { CheckProgress, CheckResult } from '../checker/bfs.ts';
import { formatCount } from '../format.ts';
import type { TracePanelUpdate } from './panel.ts';

export interface CheckFigures {
  readonly states: string;
  readonly transitions: string;
  readonly depth: string;
  /** States per second. */
  readonly rate: string;
}

export function checkFigures({
  states,
  transitions,
  depth,
  elapsedMs,
}: CheckProgress): CheckFigures {
  return {
    states: formatCount(states),
    transitions: formatCount(transitions),
    depth: String(depth),
    rate: elapsedMs > 0 ? formatCount((states / elapsedMs) * 1000) : checkWords.noRate,
  };
}

export const checkStartStatus = (fixed: boolean): string =>
  fixed ? checkWords.checkingFixed : checkWords.checking;

export interface CheckOutcome<S> {
  readonly status: string;
  readonly trace: TracePanelUpdate<S>;
}

export function checkOutcome<S>(result: CheckResult<S>): CheckOutcome<S> {
  const { states, transitions, depth, elapsedMs } = result;
  const ms = elapsedMs.toFixed(0);
  const explored = checkWords.explored(formatCount(states), formatCount(transitions), ms);
  switch (result.kind) {
    case 'violation':
      return {
        status: checkWords.violated(String(result.trace.steps.length), explored),
        trace: { kind: 'show', trace: result.trace, heading: traceWords.shortestHeading },
      };
    case 'holds':
      return {
        status: checkWords.holds(formatCount(states), formatCount(transitions), String(depth), ms),
        trace: { kind: 'clear', heading: traceWords.holdsHeading },
      };
    case 'state-limit':
      return {
        status: checkWords.stateLimit(formatCount(result.maxStates)),
        trace: { kind: 'clear', heading: traceWords.stateLimitHeading },
      };
    case 'cancelled':
      return { status: checkWords.cancelled(explored), trace: { kind: 'keep' } };
  }
}
