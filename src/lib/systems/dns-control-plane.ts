/**
 * ACME CloudDB's DNS control plane written the way the service is: Wormhole53, a record store
 * whose changes come in all-or-nothing batches; a planner that writes immutable, numbered plans;
 * deployers that sync, deploy and clean up. It knows nothing of the model in src/lib/models: the
 * replay driver in src/lib/mbt drives it through the model's traces and compares what it shows.
 *
 * Plans are versions 1, 2, 3, … (file plan-001 and so on, as in the lab). A deploy is one batch:
 * DELETE the lock value the deployer observed, CREATE "<deployer> <epoch + 1>" (a fence: if
 * anyone deployed since the sync, the DELETE does not match and the whole batch is refused),
 * UPSERT the plan's tree, the root and the rollback.
 */

export type RecordType = 'A' | 'ALIAS' | 'TXT';

export interface AliasTarget {
  readonly name: string;
  readonly weight: number;
}

export interface DnsRecord {
  readonly name: string;
  readonly type: RecordType;
  /** A: an address; TXT: text; ALIAS: one name, or weighted targets. */
  readonly value: string | readonly AliasTarget[];
}

export interface Change {
  readonly type: 'CREATE' | 'UPSERT' | 'DELETE';
  readonly record: DnsRecord;
}

export class BatchRefused extends Error {}

const keyOf = ({ name, type }: { name: string; type: RecordType }) => `${name}|${type}`;
const sameRecord = (a: DnsRecord, b: DnsRecord) => JSON.stringify(a) === JSON.stringify(b);

export class Wormhole53 {
  #records = new Map<string, DnsRecord>();

  get(name: string, type: RecordType): DnsRecord | undefined {
    return this.#records.get(keyOf({ name, type }));
  }

  list(): DnsRecord[] {
    return [...this.#records.values()];
  }

  /** Applies every change or none: a CREATE over a record, or a DELETE that does not match it exactly, refuses the batch. */
  change(changes: readonly Change[]): void {
    const next = new Map(this.#records);
    for (const { type, record } of changes) {
      const key = keyOf(record);
      const existing = next.get(key);
      if (type === 'CREATE') {
        if (existing !== undefined) throw new BatchRefused(`record already exists: ${key}`);
        next.set(key, record);
      } else if (type === 'DELETE') {
        if (existing === undefined) throw new BatchRefused(`record missing: ${key}`);
        if (!sameRecord(existing, record)) throw new BatchRefused(`record mismatch: ${key}`);
        next.delete(key);
      } else {
        next.set(key, record);
      }
    }
    this.#records = next;
  }

  /** The addresses a name resolves to, following aliases; a cycle or a missing record resolves to none. */
  resolve(name: string, visited: ReadonlySet<string> = new Set()): string[] {
    if (visited.has(name)) return [];
    const seen = new Set(visited).add(name);
    const address = this.get(name, 'A');
    if (address !== undefined && typeof address.value === 'string') return [address.value];
    const alias = this.get(name, 'ALIAS');
    if (alias === undefined) return [];
    if (typeof alias.value === 'string') return this.resolve(alias.value, seen);
    return alias.value.flatMap((target) => this.resolve(target.name, seen));
  }
}

export const ROOT = 'clouddb.us-east-1.api.acme';
export const ROLLBACK = `_rollback.${ROOT}`;
export const LOCK = `_lock.${ROOT}`;
export const INIT_PLAN_NAME = 'plan-init.cdb.acme';
const INIT_LOAD_BALANCER = 'lb-init.cdb.acme';
const GENESIS_LOCK = 'genesis 0';

const pad = (version: number) => String(version).padStart(3, '0');
export const planName = (version: number) => `plan-${pad(version)}.cdb.acme`;
const loadBalancerName = (version: number, id: number) => `lb-${pad(version)}-${id}.cdb.acme`;

/** The plan version a record belongs to: plan-004.cdb.acme and lb-004-2.cdb.acme are version 4. */
export function versionOf(name: string): number | undefined {
  const match = /^(?:plan-(\d+)|lb-(\d+)-\d+)\./.exec(name);
  const digits = match?.[1] ?? match?.[2];
  return digits === undefined ? undefined : Number(digits);
}

export interface LoadBalancerInput {
  /** Load balancer N serves address 192.0.2.N. */
  readonly id: number;
  readonly weight: number;
}

export interface PlanFile {
  readonly version: number;
  readonly planName: string;
  readonly records: readonly DnsRecord[];
}

export class Planner {
  readonly #plans = new Map<number, PlanFile>();

  generate(loadBalancers: readonly LoadBalancerInput[]): PlanFile {
    if (loadBalancers.length === 0) throw new RangeError('A plan needs at least one load balancer');
    const version = this.#plans.size + 1;
    const name = planName(version);
    const sorted = [...loadBalancers].sort((a, b) => a.id - b.id);
    const plan: PlanFile = {
      version,
      planName: name,
      records: [
        {
          name,
          type: 'ALIAS',
          value: sorted.map(({ id, weight }) => ({ name: loadBalancerName(version, id), weight })),
        },
        ...sorted.map(({ id }): DnsRecord => ({
          name: loadBalancerName(version, id),
          type: 'A',
          value: `192.0.2.${id}`,
        })),
      ],
    };
    this.#plans.set(version, plan);
    return plan;
  }

  get(version: number): PlanFile | undefined {
    return this.#plans.get(version);
  }
}

export type DeployOutcome =
  | { readonly kind: 'installed'; readonly version: number; readonly lock: string }
  | { readonly kind: 'idle' }
  | { readonly kind: 'refused'; readonly reason: string };

export type DeployerOutcome =
  | DeployOutcome
  | { readonly kind: 'synced'; readonly lock: string; readonly root: string }
  | { readonly kind: 'cleaned'; readonly deletedVersions: readonly number[] };

export interface DeployerOptions {
  /** Refuse a plan older than the root's, and never delete what root or rollback point to. */
  readonly fix: boolean;
}

export class Deployer {
  #nextVersion = 1;
  #observedLock: DnsRecord | undefined;
  #observedRoot: DnsRecord | undefined;

  constructor(
    readonly name: string,
    private readonly zone: Wormhole53,
    private readonly planner: Planner,
    private readonly options: DeployerOptions,
  ) {}

  get nextVersion(): number {
    return this.#nextVersion;
  }

  sync(): DeployerOutcome {
    this.#observedLock = this.zone.get(LOCK, 'TXT');
    this.#observedRoot = this.zone.get(ROOT, 'ALIAS');
    return {
      kind: 'synced',
      lock: String(this.#observedLock?.value),
      root: String(this.#observedRoot?.value),
    };
  }

  deploy(): DeployOutcome {
    const plan = this.planner.get(this.#nextVersion);
    if (plan === undefined) return { kind: 'idle' };
    // Every deployer syncs when it starts (createControlPlane), so it has observed both.
    const observedLock = this.#observedLock!;
    const observedRoot = String(this.#observedRoot!.value);
    // Safeguard of the lab: the rollback must point to a plan that exists.
    if (this.zone.get(observedRoot, 'ALIAS') === undefined)
      return { kind: 'refused', reason: `current root target is missing: ${observedRoot}` };
    const rootVersion = versionOf(observedRoot) ?? 0;
    // The fix. The lock's compare-and-swap below makes the observed root the current one when
    // the batch applies, so comparing with it here holds for the batch as a whole.
    if (this.options.fix && plan.version < rootVersion)
      return {
        kind: 'refused',
        reason: `${plan.planName} is older than the root's ${observedRoot}`,
      };

    const epoch = Number(String(observedLock.value).split(' ')[1]) + 1;
    const lock: DnsRecord = { name: LOCK, type: 'TXT', value: `${this.name} ${epoch}` };
    const root: DnsRecord = { name: ROOT, type: 'ALIAS', value: plan.planName };
    try {
      this.zone.change([
        { type: 'DELETE', record: observedLock },
        { type: 'CREATE', record: lock },
        ...plan.records.map((record): Change => ({ type: 'UPSERT', record })),
        { type: 'UPSERT', record: root },
        { type: 'UPSERT', record: { name: ROLLBACK, type: 'ALIAS', value: observedRoot } },
      ]);
    } catch (error) {
      if (error instanceof BatchRefused) return { kind: 'refused', reason: error.message };
      throw error;
    }
    // What it wrote is what it now knows: its next deploy needs no sync unless someone else deploys.
    this.#observedLock = lock;
    this.#observedRoot = root;
    this.#nextVersion++;
    return { kind: 'installed', version: plan.version, lock: String(lock.value) };
  }

  /** Deletes, in one batch, every record of the plans older than the last `keep` this deployer knows. */
  cleanup(keep: number): DeployerOutcome {
    const firstKept = this.#nextVersion - keep;
    const spared = new Set(
      this.options.fix
        ? [ROOT, ROLLBACK].map((name) => {
            const alias = this.zone.get(name, 'ALIAS')?.value;
            return typeof alias === 'string' ? versionOf(alias) : undefined;
          })
        : [],
    );
    const doomed = this.zone.list().filter((record) => {
      const version = versionOf(record.name);
      return version !== undefined && version < firstKept && !spared.has(version);
    });
    if (doomed.length > 0) this.zone.change(doomed.map((record) => ({ type: 'DELETE', record })));
    const deletedVersions = [...new Set(doomed.map(({ name }) => versionOf(name)!))].sort(
      (a, b) => a - b,
    );
    return { kind: 'cleaned', deletedVersions };
  }
}

export interface ControlPlane {
  readonly zone: Wormhole53;
  readonly planner: Planner;
  readonly deployers: readonly Deployer[];
}

export const DEPLOYERS = ['deployer-a', 'deployer-b', 'deployer-c'] as const;

/**
 * A fresh installation as the lab's replay seeds it: the lock "genesis 0", root and rollback on
 * the placeholder plan-init (an alias to a load balancer with no address), every deployer
 * having observed that lock and root.
 */
export function createControlPlane(deployerCount: number, options: DeployerOptions): ControlPlane {
  const zone = new Wormhole53();
  const planner = new Planner();
  zone.change(
    [
      { name: LOCK, type: 'TXT', value: GENESIS_LOCK },
      { name: ROOT, type: 'ALIAS', value: INIT_PLAN_NAME },
      { name: ROLLBACK, type: 'ALIAS', value: INIT_PLAN_NAME },
      { name: INIT_PLAN_NAME, type: 'ALIAS', value: [{ name: INIT_LOAD_BALANCER, weight: 100 }] },
    ].map((record): Change => ({ type: 'CREATE', record: record as DnsRecord })),
  );
  const deployers = DEPLOYERS.slice(0, deployerCount).map((name) => {
    const deployer = new Deployer(name, zone, planner, options);
    deployer.sync();
    return deployer;
  });
  return { zone, planner, deployers };
}
