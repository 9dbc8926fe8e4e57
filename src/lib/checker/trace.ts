/**
 * Traces for people and for machines: replayed through the spec, told as "what changed",
 * written into a URL, and exported as a JSON test vector for the real system's test suite.
 */
import { brokenInvariant, type Move, type Spec, type Trace, type Transition } from './spec.ts';

export type ReplayResult<S> =
  | { readonly ok: true; readonly trace: Trace<S>; readonly brokenInvariant: string | undefined }
  | {
      readonly ok: false;
      readonly error: string;
      /** 1 for the first move. */ readonly failedStep: number;
    };

/**
 * Takes the moves one by one through the spec. A move the spec does not allow at that point
 * is an error, so a trace from a URL or an old test vector can never show an impossible run.
 */
export function replay<S>(spec: Spec<S>, moves: readonly Move[]): ReplayResult<S> {
  const steps: Transition<S>[] = [];
  let state = spec.initial;
  for (const [index, { action, choice }] of moves.entries()) {
    const successors = spec.actions[action]?.next(state) ?? [];
    const successor = successors[choice];
    if (successor === undefined) {
      const failedStep = index + 1;
      const error = `step ${failedStep} (action ${action}, choice ${choice}) is not possible there`;
      return { ok: false, error, failedStep };
    }
    steps.push({ action, choice, state: successor });
    state = successor;
  }
  return {
    ok: true,
    trace: { initial: spec.initial, steps },
    brokenInvariant: brokenInvariant(spec, state),
  };
}

export interface Change {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

/** The described fields that differ between two states, in the order the spec lists them. */
export function changes<S>(spec: Spec<S>, before: S, after: S): Change[] {
  const described = spec.describe(before);
  return Object.entries(spec.describe(after)).flatMap(([field, value]) => {
    const previous = described[field] ?? '';
    return previous === value ? [] : [{ field, before: previous, after: value }];
  });
}

export interface TraceRow<S> {
  /** 1 for the first move; the initial state is not a row. */
  readonly step: number;
  readonly actor: string;
  readonly action: string;
  readonly changes: readonly Change[];
  readonly state: S;
  /** Set on the step whose state breaks an invariant. */
  readonly brokenInvariant: string | undefined;
}

export function traceRows<S>(spec: Spec<S>, trace: Trace<S>): TraceRow<S>[] {
  let before = trace.initial;
  return trace.steps.map(({ action, state }, index) => {
    const taken = spec.actions[action];
    const row: TraceRow<S> = {
      step: index + 1,
      actor: taken?.actor ?? '?',
      action: taken?.name ?? '?',
      changes: changes(spec, before, state),
      state,
      brokenInvariant: brokenInvariant(spec, state),
    };
    before = state;
    return row;
  });
}

const MOVE_SEPARATOR = '.';
const CHOICE_SEPARATOR = '-';

/** Moves as a short URL-safe text: action numbers in base 36, a choice only where it is not 0. */
export function encodeMoves(moves: readonly Move[]): string {
  return moves
    .map(({ action, choice }) =>
      choice === 0
        ? action.toString(36)
        : `${action.toString(36)}${CHOICE_SEPARATOR}${choice.toString(36)}`,
    )
    .join(MOVE_SEPARATOR);
}

export function decodeMoves(text: string): Move[] | undefined {
  if (text === '') return [];
  const moves: Move[] = [];
  for (const part of text.split(MOVE_SEPARATOR)) {
    const match = /^([0-9a-z]{1,3})(?:-([0-9a-z]{1,3}))?$/.exec(part);
    if (!match?.[1]) return undefined;
    moves.push({ action: parseInt(match[1], 36), choice: match[2] ? parseInt(match[2], 36) : 0 });
  }
  return moves;
}

export interface TestVector<S, Parameters> {
  readonly model: string;
  readonly parameters: Parameters;
  readonly initial: S;
  readonly steps: readonly { readonly actor: string; readonly action: string; readonly state: S }[];
  /** The invariant the last state breaks; absent when the run ends in a good state. */
  readonly expectBroken?: string;
}

/** A run in a form the real system's tests can drive: each step's actor, action and expected state. */
export function toTestVector<S, Parameters>(
  spec: Spec<S>,
  trace: Trace<S>,
  model: string,
  parameters: Parameters,
): TestVector<S, Parameters> {
  const rows = traceRows(spec, trace);
  const broken = rows.at(-1)?.brokenInvariant;
  return {
    model,
    parameters,
    initial: trace.initial,
    steps: rows.map(({ actor, action, state }) => ({ actor, action, state })),
    ...(broken === undefined ? {} : { expectBroken: broken }),
  };
}
