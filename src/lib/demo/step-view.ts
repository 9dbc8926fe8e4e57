/**
 * What the stepper shows at a step: where it is, the state with the fields that step changed,
 * and the sentence a screen reader hears.
 */
import { islandTraceWords as traceWords } from '../../content/interface/demo.ts';
import type { Spec, Trace } from '../checker/spec.ts';
import type { TraceRow } from '../checker/trace.ts';

export interface FieldView {
  readonly field: string;
  readonly value: string;
  /** The value before this step, set only when the step changed the field. */
  readonly before: string | undefined;
}

export interface StepView {
  /** 0 is the start of the trace; the last step is the number of rows. */
  readonly step: number;
  readonly position: string;
  readonly stateHeading: string;
  readonly fields: readonly FieldView[];
  readonly announcement: string;
  readonly atStart: boolean;
  readonly atEnd: boolean;
}

/** The fields of `after`, each with its value in `before` where the two differ. */
export function fieldViews(
  after: Readonly<Record<string, string>>,
  before: Readonly<Record<string, string>> | undefined,
): FieldView[] {
  return Object.entries(after).map(([field, value]) => {
    const previous = before?.[field];
    return {
      field,
      value,
      before: previous !== undefined && previous !== value ? previous : undefined,
    };
  });
}

export function stepView<S>(
  spec: Spec<S>,
  trace: Trace<S>,
  rows: readonly TraceRow<S>[],
  wanted: number,
): StepView {
  const step = Math.max(0, Math.min(wanted, rows.length));
  const row = rows[step - 1];
  const before = step > 1 ? rows[step - 2]?.state : trace.initial;
  const total = String(rows.length);
  return {
    step,
    position: traceWords.position(String(step), total),
    stateHeading: row ? traceWords.stateAfter(String(step)) : traceWords.stateAtStart,
    fields: fieldViews(
      spec.describe(row?.state ?? trace.initial),
      row && before !== undefined ? spec.describe(before) : undefined,
    ),
    announcement: announce(step, total, row),
    atStart: step === 0,
    atEnd: step === rows.length,
  };
}

function announce<S>(step: number, total: string, row: TraceRow<S> | undefined): string {
  if (!row) return traceWords.announceStart(total);
  const changed = row.changes.map(({ field, before, after }) =>
    traceWords.announceChange(field, before, after),
  );
  const sentence = traceWords.announceStep(
    String(step),
    total,
    row.actor,
    row.action,
    changed.join('; '),
  );
  return row.brokenInvariant === undefined
    ? sentence
    : `${sentence} ${traceWords.announceBroken(row.brokenInvariant)}`;
}

const STEP_KEYS: Readonly<Record<string, (current: number, last: number) => number>> = {
  ArrowLeft: (current) => current - 1,
  ArrowRight: (current) => current + 1,
  Home: () => 0,
  End: (_, last) => last,
};

/** The step a key moves the stepper to, or undefined for a key the stepper leaves alone. */
export const stepForKey = (key: string, current: number, last: number): number | undefined =>
  STEP_KEYS[key]?.(current, last);
