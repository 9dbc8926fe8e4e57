/** What the island's panels share: what a finished run does to the trace, and how a failed run is told. */
import { islandCheckWords as checkWords } from '../../content/interface/demo.ts';
import type { Trace } from '../checker/spec.ts';

export type TracePanelUpdate<S> =
  | { readonly kind: 'show'; readonly trace: Trace<S>; readonly heading: string }
  | { readonly kind: 'clear'; readonly heading: string }
  | { readonly kind: 'keep' };

/** The status line of a run that could not finish; `reason` is undefined when the worker never started. */
export const runFailure = (reason: string | undefined): string =>
  checkWords.failed(reason ?? checkWords.workerUnavailable);
