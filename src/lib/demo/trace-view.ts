/**
 * The trace as a stepper: the steps list (the same markup the build renders, filled from
 * templates), the state after the current step with its changed fields marked, previous and
 * next buttons with arrow keys, and an announcement of each step for screen readers.
 */
import type { Spec, Trace } from '../checker/spec.ts';
import { traceRows, type TraceRow } from '../checker/trace.ts';
import { fillSlots, fromTemplate, prefersReducedMotion, required, slot } from './dom.ts';

export class TraceView<S> {
  readonly #root: HTMLElement;
  readonly #heading: HTMLElement;
  readonly #stepper: HTMLElement;
  readonly #stepLabel: HTMLElement;
  readonly #announcer: HTMLElement;
  readonly #statePanel: HTMLElement;
  readonly #stateHeading: HTMLElement;
  readonly #stateFields: HTMLElement;
  readonly #steps: HTMLOListElement;
  readonly #previous: HTMLButtonElement;
  readonly #next: HTMLButtonElement;
  #shown: { spec: Spec<S>; trace: Trace<S>; rows: TraceRow<S>[] } | undefined;
  #current = 0;

  constructor(root: HTMLElement) {
    this.#root = root;
    const trace = required(root, '[data-trace]', HTMLElement);
    this.#heading = required(trace, '[data-trace-heading]', HTMLElement);
    this.#stepper = required(trace, '[data-stepper]', HTMLElement);
    this.#stepLabel = required(trace, '[data-step-label]', HTMLElement);
    this.#announcer = required(trace, '[data-step-announcer]', HTMLElement);
    this.#statePanel = required(trace, '[data-state-panel]', HTMLElement);
    this.#stateFields = required(trace, '[data-state]', HTMLElement);
    this.#stateHeading = required(trace, '[data-state-heading]', HTMLElement);
    this.#steps = required(trace, '[data-steps]', HTMLOListElement);
    this.#previous = required(this.#stepper, '[data-action="previous"]', HTMLButtonElement);
    this.#next = required(this.#stepper, '[data-action="next"]', HTMLButtonElement);

    this.#previous.addEventListener('click', () => this.go(this.#current - 1));
    this.#next.addEventListener('click', () => this.go(this.#current + 1));
    this.#stepper.addEventListener('keydown', (event) => {
      const last = this.#shown?.rows.length ?? 0;
      const targets: Record<string, number> = {
        ArrowLeft: this.#current - 1,
        ArrowRight: this.#current + 1,
        Home: 0,
        End: last,
      };
      const target = targets[event.key];
      if (target === undefined) return;
      event.preventDefault();
      this.go(target);
    });
  }

  get trace(): Trace<S> | undefined {
    return this.#shown?.trace;
  }

  show(spec: Spec<S>, trace: Trace<S>, heading: string): void {
    const rows = traceRows(spec, trace);
    this.#shown = { spec, trace, rows };
    this.#heading.textContent = heading;
    this.#steps.replaceChildren(...rows.map((row) => this.#renderStep(row)));
    this.#setVisible(true);
    this.go(0, { announce: false });
  }

  /** No trace to show, e.g. because the invariant holds. */
  clear(heading: string): void {
    this.#shown = undefined;
    this.#heading.textContent = heading;
    this.#steps.replaceChildren();
    this.#setVisible(false);
  }

  go(step: number, { announce = true } = {}): void {
    const shown = this.#shown;
    if (!shown) return;
    const { spec, trace, rows } = shown;
    this.#current = Math.max(0, Math.min(step, rows.length));
    const row = rows[this.#current - 1];
    const before = this.#current > 1 ? rows[this.#current - 2]?.state : trace.initial;
    const state = row?.state ?? trace.initial;
    this.#renderState(spec.describe(state), row && before !== undefined ? spec.describe(before) : undefined);

    for (const [index, item] of [...this.#steps.children].entries()) {
      if (index === this.#current - 1) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
    }
    this.#steps.children[this.#current - 1]?.scrollIntoView({
      block: 'nearest',
      behavior: prefersReducedMotion() ? 'auto' : 'smooth',
    });

    this.#stepLabel.textContent = `Step ${this.#current} of ${rows.length}`;
    this.#stateHeading.textContent = row ? `State after step ${this.#current}` : 'State at the start';
    this.#previous.setAttribute('aria-disabled', String(this.#current === 0));
    this.#next.setAttribute('aria-disabled', String(this.#current === rows.length));
    if (announce) this.#announcer.textContent = describeStep(this.#current, rows.length, row);
  }

  #setVisible(visible: boolean): void {
    this.#stepper.hidden = !visible;
    this.#statePanel.hidden = !visible;
    this.#steps.hidden = !visible;
    for (const actions of this.#root.querySelectorAll<HTMLElement>('[data-trace-actions]')) actions.hidden = !visible;
  }

  #renderStep(row: TraceRow<S>): HTMLElement {
    const item = fromTemplate(this.#root, 'step');
    fillSlots(item, {
      step: String(row.step),
      actor: row.actor,
      action: row.action,
      invariant: row.brokenInvariant ?? '',
    });
    slot(item, 'changes').replaceChildren(
      ...row.changes.map((change) => {
        const line = fromTemplate(this.#root, 'change');
        fillSlots(line, { ...change });
        return line;
      }),
    );
    slot(item, 'broken').hidden = row.brokenInvariant === undefined;
    return item;
  }

  #renderState(fields: Readonly<Record<string, string>>, before: Readonly<Record<string, string>> | undefined): void {
    this.#stateFields.replaceChildren(
      ...Object.entries(fields).map(([field, value]) => {
        const row = fromTemplate(this.#root, 'field');
        const previous = before?.[field];
        const changed = previous !== undefined && previous !== value;
        fillSlots(row, { field, value, before: previous ?? '' });
        slot(row, 'before').hidden = !changed;
        row.toggleAttribute('data-changed', changed);
        return row;
      }),
    );
  }
}

function describeStep<S>(step: number, total: number, row: TraceRow<S> | undefined): string {
  if (!row) return `Start of the trace, ${total} steps.`;
  const changed = row.changes.map(({ field, before, after }) => `${field} from ${before} to ${after}`).join('; ');
  const broken = row.brokenInvariant ? ` Invariant violated: ${row.brokenInvariant}.` : '';
  return `Step ${step} of ${total}: ${row.actor} ${row.action}. Changed ${changed}.${broken}`;
}
