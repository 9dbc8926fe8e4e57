/**
 * What the checker needs from a spec: a start, the moves, and what must always be true.
 * States are plain data and actions are pure functions, so the same spec runs at build time,
 * in tests, in the benchmark and in a Web Worker.
 */

/**
 * A state's identity for the visited set: two exact integers (each below 2^53), so that the set
 * compares numbers and a state too large for one double still packs without loss.
 */
export type Fingerprint = readonly [number, number];

export interface Action<S> {
  /** Who takes the step, e.g. "deployer-b". */
  readonly actor: string;
  /** What the step does, phrased to follow the actor, e.g. "deploys its next plan". */
  readonly name: string;
  /**
   * Every state this action can lead to from `state`; none when the action is not enabled. The
   * array may be reused by the next call: callers take what they need from it before calling again.
   */
  readonly next: (state: S) => readonly S[];
}

export interface Invariant<S> {
  readonly name: string;
  readonly holds: (state: S) => boolean;
}

export interface Spec<S> {
  readonly initial: S;
  readonly actions: readonly Action<S>[];
  readonly invariants: readonly Invariant<S>[];
  /** Equal for two states exactly when they are the same state; the pair may be reused by the next call. */
  readonly fingerprint: (state: S) => Fingerprint;
  /** The state as labelled fields for people: traces and their diffs are told in these. */
  readonly describe: (state: S) => Readonly<Record<string, string>>;
}

/** One step of a run: which action, which of its successors (most actions have exactly one). */
export interface Move {
  readonly action: number;
  readonly choice: number;
}

export interface Transition<S> extends Move {
  /** The state the move leads to. */
  readonly state: S;
}

export interface Trace<S> {
  readonly initial: S;
  readonly steps: readonly Transition<S>[];
}

export interface Violation<S> {
  readonly invariant: string;
  readonly trace: Trace<S>;
}

/** Options every search and simulation honours. */
export interface RunOptions<P> {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: P) => void;
  /** Report progress (and look at `signal`) after this many states (a search) or moves (a simulation). */
  readonly progressEvery?: number;
}

export const DEFAULT_MAX_STATES = 2_000_000;
export const DEFAULT_MAX_STEPS = 2_000_000;
export const DEFAULT_PROGRESS_EVERY = 10_000;

/** The name of the first invariant `state` breaks, if any. */
export function brokenInvariant<S>(spec: Spec<S>, state: S): string | undefined {
  for (const invariant of spec.invariants) {
    if (!invariant.holds(state)) return invariant.name;
  }
  return undefined;
}
