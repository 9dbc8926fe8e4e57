/**
 * A DNS control plane written the way a service would be: a plan store, a DNS zone, a planner
 * that publishes plans, and enactors that put the newest plan into the zone. It knows nothing of
 * the model in src/lib/models: the model-based tests in tests/unit/mbt*.test.ts drive it through the
 * model's traces and compare what it does with what the model says it must do.
 *
 * An enactor works in three calls, and in production time passes between them (a slow API
 * call, a paused process): `pickUpNewestPlan`, then `applyPickedPlan`, then `cleanUpOldPlans`.
 * A test harness calls them in the order a trace dictates; a service loop calls them in turn.
 */

export interface Plan {
  /** Plans are numbered in the order the planner publishes them. */
  readonly generation: number;
  /** Where the service's traffic goes under this plan. */
  readonly endpoints: readonly string[];
}

export class PlanStore {
  readonly #plans = new Map<number, Plan>();

  put(plan: Plan): void {
    this.#plans.set(plan.generation, plan);
  }

  get(generation: number): Plan | undefined {
    return this.#plans.get(generation);
  }

  newest(): Plan | undefined {
    return this.#plans.get(Math.max(...this.generations()));
  }

  generations(): number[] {
    return [...this.#plans.keys()].sort((a, b) => a - b);
  }

  delete(generation: number): void {
    this.#plans.delete(generation);
  }
}

export interface DnsRecord {
  readonly name: string;
  /** The plan whose endpoints the record serves. */
  readonly generation: number;
  readonly endpoints: readonly string[];
}

export class DnsZone {
  readonly #records = new Map<string, DnsRecord>();

  lookup(name: string): DnsRecord | undefined {
    return this.#records.get(name);
  }

  upsert(record: DnsRecord): void {
    this.#records.set(record.name, record);
  }

  /** Writes `record` only if the current one is older, in one step; true when it wrote. */
  upsertIfNewer(record: DnsRecord): boolean {
    const current = this.#records.get(record.name);
    if (current !== undefined && current.generation >= record.generation) return false;
    this.#records.set(record.name, record);
    return true;
  }
}

export const ROOT_RECORD = 'service.example.';

const endpointsOf = (generation: number) => [`192.0.2.${generation}`, `198.51.100.${generation}`];

export class Planner {
  #lastGeneration = 0;

  constructor(private readonly store: PlanStore) {}

  publish(): Plan {
    const generation = ++this.#lastGeneration;
    const plan = { generation, endpoints: endpointsOf(generation) };
    this.store.put(plan);
    return plan;
  }
}

/** What one call of an enactor did, for logs and for the test harness. */
export type EnactorOutcome =
  | { readonly kind: 'picked-up'; readonly generation: number }
  | { readonly kind: 'nothing-newer'; readonly live: number }
  | { readonly kind: 'applied'; readonly generation: number }
  /** With the fix: the zone already serves this plan or a newer one. */
  | { readonly kind: 'refused-stale'; readonly generation: number; readonly live: number }
  | { readonly kind: 'cleaned-up'; readonly deleted: readonly number[] }
  | { readonly kind: 'nothing-to-do' };

export interface EnactorOptions {
  /** After applying plan n, delete plans numbered n − cleanupAge and lower. */
  readonly cleanupAge: number;
  /** Apply only over an older record, atomically, and never delete the plan the zone serves. */
  readonly fix: boolean;
}

export class Enactor {
  #picked: Plan | undefined;
  #applied: Plan | undefined;

  constructor(
    private readonly store: PlanStore,
    private readonly zone: DnsZone,
    private readonly options: EnactorOptions,
  ) {}

  pickUpNewestPlan(): EnactorOutcome {
    if (this.#picked !== undefined || this.#applied !== undefined) return { kind: 'nothing-to-do' };
    const newest = this.store.newest();
    const live = this.zone.lookup(ROOT_RECORD)?.generation ?? 0;
    if (newest === undefined || newest.generation <= live) return { kind: 'nothing-newer', live };
    this.#picked = newest;
    return { kind: 'picked-up', generation: newest.generation };
  }

  applyPickedPlan(): EnactorOutcome {
    const plan = this.#picked;
    if (plan === undefined) return { kind: 'nothing-to-do' };
    this.#picked = undefined;
    const record = { name: ROOT_RECORD, generation: plan.generation, endpoints: plan.endpoints };
    if (!this.options.fix) {
      // The plan was newer when it was picked up; the bug is to trust that it still is.
      this.zone.upsert(record);
    } else if (!this.zone.upsertIfNewer(record)) {
      const live = this.zone.lookup(ROOT_RECORD)?.generation ?? 0;
      return { kind: 'refused-stale', generation: plan.generation, live };
    }
    this.#applied = plan;
    return { kind: 'applied', generation: plan.generation };
  }

  cleanUpOldPlans(): EnactorOutcome {
    const applied = this.#applied;
    if (applied === undefined) return { kind: 'nothing-to-do' };
    this.#applied = undefined;
    const live = this.zone.lookup(ROOT_RECORD)?.generation;
    const deleted = this.store
      .generations()
      .filter((generation) => generation <= applied.generation - this.options.cleanupAge)
      .filter((generation) => !(this.options.fix && generation === live));
    for (const generation of deleted) this.store.delete(generation);
    return { kind: 'cleaned-up', deleted };
  }
}

export interface ControlPlane {
  readonly store: PlanStore;
  readonly zone: DnsZone;
  readonly planner: Planner;
  readonly enactors: readonly Enactor[];
}

/** A control plane serving plan 1, as a fresh deployment would after its first rollout. */
export function createControlPlane(enactorCount: number, options: EnactorOptions): ControlPlane {
  const store = new PlanStore();
  const zone = new DnsZone();
  const planner = new Planner(store);
  const first = planner.publish();
  zone.upsert({ name: ROOT_RECORD, generation: first.generation, endpoints: first.endpoints });
  const enactors = Array.from({ length: enactorCount }, () => new Enactor(store, zone, options));
  return { store, zone, planner, enactors };
}
