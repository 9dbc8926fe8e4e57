/** The model's parameters as the visitor set them: three selects and the fix toggle. */
import type { DnsParameters } from '../../lib/models/dns-control-plane.ts';
import { required } from './dom.ts';

const NAMES = ['deployers', 'plans', 'keep'] as const;

export class ModelControls {
  readonly #root: HTMLElement;
  readonly #fix: HTMLButtonElement;

  constructor(root: HTMLElement) {
    this.#root = root;
    this.#fix = required(root, '[data-action="fix"]', HTMLButtonElement);
  }

  get fixed(): boolean {
    return this.#fix.getAttribute('aria-pressed') === 'true';
  }

  set fixed(applied: boolean) {
    this.#fix.setAttribute('aria-pressed', String(applied));
  }

  read(): DnsParameters {
    const value = (name: (typeof NAMES)[number]) => Number(this.select(name).value);
    return {
      deployers: value('deployers'),
      plans: value('plans'),
      keep: value('keep'),
      fixed: this.fixed,
    };
  }

  show(parameters: DnsParameters): void {
    for (const name of NAMES) this.select(name).value = String(parameters[name]);
    this.fixed = parameters.fixed;
  }

  select(name: string): HTMLSelectElement {
    return required(this.#root, `select[name="${name}"]`, HTMLSelectElement);
  }
}
