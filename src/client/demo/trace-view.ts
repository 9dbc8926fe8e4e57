/**
 * The trace panel: the steps list (the same markup the build renders, filled from templates),
 * the state after the current step with its changed fields marked, previous and next buttons
 * with arrow keys, and an announcement of each step for screen readers. The trace shown is also
 * kept in the page address, so that the address can be shared.
 */
import type { Trace } from '../../lib/checker/spec.ts';
import { traceRows, type TraceRow } from '../../lib/checker/trace.ts';
import type { TracePanelUpdate } from '../../lib/demo/panel.ts';
import { traceHash } from '../../lib/demo/shared-trace.ts';
import { stepForKey, stepView, type FieldView } from '../../lib/demo/step-view.ts';
import {
  dnsControlPlane,
  type DnsParameters,
  type DnsState,
} from '../../lib/models/dns-control-plane.ts';
import { fillSlots, fromTemplate, required, scrollBehavior, slot } from './dom.ts';

export interface ShownTrace {
  readonly parameters: DnsParameters;
  readonly trace: Trace<DnsState>;
}

/** Told of every trace shown or cleared, and of every step the stepper moves to. */
export type TraceListener = (shown: ShownTrace | undefined, step: number) => void;

export class TraceView {
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
  #shown: (ShownTrace & { readonly rows: TraceRow<DnsState>[] }) | undefined;
  #current = 0;
  readonly #listeners: TraceListener[] = [];

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
      const target = stepForKey(event.key, this.#current, this.#shown?.rows.length ?? 0);
      if (target === undefined) return;
      event.preventDefault();
      this.go(target);
    });
  }

  get shown(): ShownTrace | undefined {
    return this.#shown;
  }

  /** The step the stepper shows; 0 is the start. */
  get step(): number {
    return this.#current;
  }

  get heading(): string {
    return this.#heading.textContent ?? '';
  }

  listen(listener: TraceListener): void {
    this.#listeners.push(listener);
  }

  /** Shows `trace`; unless told otherwise, the page address then links to it. */
  show(shown: ShownTrace, heading: string, { linkInAddress = true } = {}): void {
    const rows = traceRows(dnsControlPlane(shown.parameters), shown.trace);
    this.#shown = { ...shown, rows };
    this.#heading.textContent = heading;
    this.#steps.replaceChildren(...rows.map((row) => this.#renderStep(row)));
    this.#setVisible(true);
    this.go(0, { announce: false });
    if (linkInAddress) {
      history.replaceState(
        history.state,
        '',
        traceHash({ parameters: shown.parameters, moves: shown.trace.steps }),
      );
    }
  }

  /** No trace to show, e.g. because the invariant holds. */
  clear(heading: string): void {
    this.#shown = undefined;
    this.#heading.textContent = heading;
    this.#steps.replaceChildren();
    this.#setVisible(false);
    history.replaceState(history.state, '', location.pathname + location.search);
    for (const listener of this.#listeners) listener(undefined, 0);
  }

  /** Carries out what a finished run decided; the trace it found was found with `parameters`. */
  apply(update: TracePanelUpdate<DnsState>, parameters: DnsParameters): void {
    if (update.kind === 'show') this.show({ parameters, trace: update.trace }, update.heading);
    if (update.kind === 'clear') this.clear(update.heading);
  }

  go(step: number, { announce = true } = {}): void {
    const shown = this.#shown;
    if (!shown) return;
    const view = stepView(dnsControlPlane(shown.parameters), shown.trace, shown.rows, step);
    this.#current = view.step;
    this.#renderState(view.fields);

    for (const [index, item] of [...this.#steps.children].entries()) {
      if (index === view.step - 1) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
    }
    this.#steps.children[view.step - 1]?.scrollIntoView({
      block: 'nearest',
      behavior: scrollBehavior(),
    });

    this.#stepLabel.textContent = view.position;
    this.#stateHeading.textContent = view.stateHeading;
    this.#previous.setAttribute('aria-disabled', String(view.atStart));
    this.#next.setAttribute('aria-disabled', String(view.atEnd));
    if (announce) this.#announcer.textContent = view.announcement;
    for (const listener of this.#listeners) listener(shown, view.step);
  }

  #setVisible(visible: boolean): void {
    this.#stepper.hidden = !visible;
    this.#statePanel.hidden = !visible;
    this.#steps.hidden = !visible;
    for (const actions of this.#root.querySelectorAll<HTMLElement>('[data-trace-actions]'))
      actions.hidden = !visible;
  }

  #renderStep(row: TraceRow<DnsState>): HTMLElement {
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

  #renderState(fields: readonly FieldView[]): void {
    this.#stateFields.replaceChildren(
      ...fields.map(({ field, value, before }) => {
        const row = fromTemplate(this.#root, 'field');
        fillSlots(row, { field, value, before: before ?? '' });
        slot(row, 'before').hidden = before === undefined;
        row.toggleAttribute('data-changed', before !== undefined);
        return row;
      }),
    );
  }
}
