/**
 * ACME CloudDB's DNS control plane, as the DevConf.CZ 2026 workshop lab has it, as an executable
 * spec. The state variables follow the workshop's spec (spec/dns_balancer.py in
 * thpani/testing-distsys-devconf26): `planner_updates`, `zone_records`, `deployer_next_plan`,
 * `deployer_view`. Plans are numbered from 0 as the spec's list indices are (the lab's plan file
 * for index i is version i + 1).
 *
 * A planner appends immutable plans. Deployers each keep the index of the next plan to deploy and
 * the lock, root and rollback they last observed (sync). A deploy is one all-or-nothing batch: a
 * compare-and-swap on the lock record (delete the observed value, create "<deployer> <epoch + 1>"),
 * the plan's tree, the root pointed at the plan and the rollback at the observed root. Cleanup,
 * keeping the last `keep`, deletes the trees of every plan index i with next plan > i + keep.
 * The lock stops two deployers writing at once, not a stale deployer writing late: one that still
 * starts at plan 0 syncs, deploys plan 0 over plan 4, and another deployer's cleanup deletes it.
 *
 * The state is abstract where the race does not depend on it: which plan trees are in the zone is
 * a bitmask over plan indices, and the records of a tree (one alias, its load balancers) are
 * derived from the plan, see `zoneRecords` in dns-control-plane-itf.ts.
 */
import type { Action, Fingerprint, Spec } from '../checker/spec.ts';

export interface DnsParameters {
  /** Deployers working concurrently: deployer-a, deployer-b, … */
  readonly deployers: number;
  /** How many plans the planner may write. */
  readonly plans: number;
  /** Cleanup keeps the last `keep` plans: the spec's MAX_PLAN_AGE, 3 in the lab. */
  readonly keep: number;
  /** The fix: a deploy refuses a plan older than the root's, and cleanup spares root and rollback. */
  readonly fixed: boolean;
}

export const DEPLOYER_NAMES = ['deployer-a', 'deployer-b', 'deployer-c'] as const;
/** The placeholder plan the root and rollback point to at the start; it has no address. */
export const INIT_PLAN = -1;
/** Holder of the lock before any deploy: the record reads "genesis 0". */
export const GENESIS = -1;

export interface LoadBalancer {
  /** `192.0.2.N`: the lab's replay maps it to load balancer N. */
  readonly ip: string;
  readonly weight: number;
}

/** An entry of `planner_updates`: immutable once written. */
export interface Plan {
  readonly id: string;
  readonly loadBalancers: readonly LoadBalancer[];
}

/** The TXT lock record's value: who deployed last, and how many deploys there have been. */
export interface Lock {
  /** An index into the deployers, or GENESIS. */
  readonly holder: number;
  readonly epoch: number;
}

/** What a deployer last observed (the spec's DeployerView); roots are plan indices or INIT_PLAN. */
export interface DeployerView {
  readonly lock: Lock;
  readonly root: number;
  readonly rollback: number;
}

export interface Deployer {
  /** `deployer_next_plan`: the index of the plan this deployer deploys next. */
  readonly nextPlan: number;
  /** `deployer_view`. */
  readonly view: DeployerView;
}

export interface DnsState {
  /** `planner_updates`, oldest first. */
  readonly plans: readonly Plan[];
  /** The plans whose trees are in `zone_records`: bit i for plan index i. */
  readonly stored: number;
  /** The plan the root alias points to. */
  readonly root: number;
  /** The plan the rollback alias points to. */
  readonly rollback: number;
  readonly lock: Lock;
  readonly deployers: readonly Deployer[];
}

export type DnsActionKind = 'GeneratePlan' | 'Sync' | 'Deploy' | 'Backoff' | 'Cleanup';

/** One step, in the workshop's `ghost_action` tags; deployers are indices into DEPLOYER_NAMES. */
export type DnsAction =
  | { readonly kind: 'GeneratePlan'; readonly plan: Plan }
  | { readonly kind: Exclude<DnsActionKind, 'GeneratePlan'>; readonly deployer: number };

/** Why an action cannot be taken in a state; the words are in `refusalWords`. */
export type Refusal =
  | 'no-plan-left'
  | 'plan-id-taken'
  | 'no-such-deployer'
  | 'next-plan-missing'
  | 'lock-moved'
  | 'observed-root-missing'
  | 'older-than-root'
  | 'deploy-would-succeed'
  | 'nothing-to-clean';

export const refusalWords: Readonly<Record<Refusal, string>> = {
  'no-plan-left': 'every plan the parameters allow is written',
  'plan-id-taken': 'a plan has this id already',
  'no-such-deployer': 'no such deployer',
  'next-plan-missing': 'its next plan is not written yet',
  'lock-moved': 'the lock it observed is gone',
  'observed-root-missing': 'the plan of the root it observed is gone',
  'older-than-root': 'the fix refuses a plan older than the root’s',
  'deploy-would-succeed': 'a backoff is a refused deploy, and this one would succeed',
  'nothing-to-clean': 'no plan old enough is left to clean up',
};

/** A step's successor, or why the action is not enabled (a string, so that refusals cost nothing). */
export type StepResult = DnsState | Refusal;

export const isRefusal = (result: StepResult): result is Refusal => typeof result === 'string';

export const defaultParameters: DnsParameters = { deployers: 2, plans: 3, keep: 2, fixed: false };
/** The lab's own instance: three deployers, cleanup keeps the last three. */
export const labParameters: DnsParameters = { deployers: 3, plans: 5, keep: 3, fixed: false };

/** The sets a visitor can choose on the explainer; every fingerprint within them is exact. */
export const parameterBounds = {
  deployers: { min: 2, max: 3 },
  plans: { min: 2, max: 5 },
  keep: { min: 1, max: 3 },
} as const;

/** What a replayed trace may use: plan bitmasks stay within 31 bits. */
const replayBounds = {
  deployers: { min: 1, max: DEPLOYER_NAMES.length },
  plans: { min: 1, max: 30 },
  keep: { min: 0, max: 30 },
} as const;

export const planId = (index: number) =>
  index === INIT_PLAN
    ? 'plan-init.cdb.acme'
    : `plan-${String(index + 1).padStart(3, '0')}.cdb.acme`;

/**
 * The plan the checker's planner writes at `index`: one load balancer, taking turns over
 * 192.0.2.1–3. The race does not depend on a plan's contents, so one plan per index keeps the
 * state space to the interleavings.
 */
const CANONICAL_PLANS: readonly Plan[] = Array.from(
  { length: replayBounds.plans.max },
  (_, index) => ({
    id: planId(index),
    loadBalancers: [{ ip: `192.0.2.${(index % 3) + 1}`, weight: 100 }],
  }),
);

/** The checker's plan lists: the first n canonical plans, one array shared by every state with n. */
const PLANS_UP_TO = Array.from({ length: replayBounds.plans.max + 1 }, (_, count) =>
  CANONICAL_PLANS.slice(0, count),
);

export const canonicalPlan = (index: number): Plan => CANONICAL_PLANS[index]!;

export function initialState(parameters: DnsParameters): DnsState {
  const genesis: Lock = { holder: GENESIS, epoch: 0 };
  const view: DeployerView = { lock: genesis, root: INIT_PLAN, rollback: INIT_PLAN };
  return {
    plans: [],
    stored: 0,
    root: INIT_PLAN,
    rollback: INIT_PLAN,
    lock: genesis,
    deployers: Array.from({ length: parameters.deployers }, () => ({ nextPlan: 0, view })),
  };
}

const has = (stored: number, plan: number) => plan === INIT_PLAN || (stored & (1 << plan)) !== 0;
const sameLock = (a: Lock, b: Lock) => a.holder === b.holder && a.epoch === b.epoch;

/** The plan indices a cleanup by `deployer` deletes from the zone (the spec's `old_indices`). */
export function oldIndices(parameters: DnsParameters, state: DnsState, deployer: number): number[] {
  const next = state.deployers[deployer]?.nextPlan ?? 0;
  const old: number[] = [];
  for (let index = 0; index < state.plans.length && next > index + parameters.keep; index++) {
    const spared = parameters.fixed && (index === state.root || index === state.rollback);
    if (!spared) old.push(index);
  }
  return old;
}

function deployRefusal(
  parameters: DnsParameters,
  state: DnsState,
  me: Deployer,
): Refusal | undefined {
  if (me.nextPlan >= state.plans.length) return 'next-plan-missing';
  if (!sameLock(me.view.lock, state.lock)) return 'lock-moved';
  if (!has(state.stored, me.view.root)) return 'observed-root-missing';
  if (parameters.fixed && me.nextPlan < me.view.root) return 'older-than-root';
  return undefined;
}

function cleanupMask(parameters: DnsParameters, state: DnsState, deployer: number): number {
  const next = state.deployers[deployer]!.nextPlan;
  let mask = 0;
  for (let index = 0; index < state.plans.length && next > index + parameters.keep; index++)
    mask |= 1 << index;
  if (parameters.fixed) mask &= ~((1 << state.root) | (1 << state.rollback));
  return mask & state.stored;
}

/**
 * The model's step function: the successor of `state` under `action`, or why the action is not
 * enabled there. The checker's actions and every replay (ITF files, Quint traces) go through it.
 */
export function step(parameters: DnsParameters, state: DnsState, action: DnsAction): StepResult {
  if (action.kind === 'GeneratePlan') {
    if (state.plans.length >= parameters.plans) return 'no-plan-left';
    if (state.plans.some(({ id }) => id === action.plan.id)) return 'plan-id-taken';
    return { ...state, plans: [...state.plans, action.plan] };
  }
  const { deployer } = action;
  const me = state.deployers[deployer];
  if (me === undefined) return 'no-such-deployer';
  switch (action.kind) {
    case 'Sync': {
      const { view } = me;
      if (
        sameLock(view.lock, state.lock) &&
        view.root === state.root &&
        view.rollback === state.rollback
      )
        return state;
      const synced = { lock: state.lock, root: state.root, rollback: state.rollback };
      return {
        ...state,
        deployers: state.deployers.with(deployer, { nextPlan: me.nextPlan, view: synced }),
      };
    }
    case 'Deploy': {
      const refusal = deployRefusal(parameters, state, me);
      if (refusal !== undefined) return refusal;
      const plan = me.nextPlan;
      const lock: Lock = { holder: deployer, epoch: me.view.lock.epoch + 1 };
      // As built, rollback always takes the observed root, as in the spec.
      const view = { lock, root: plan, rollback: me.view.root };
      return {
        ...state,
        stored: state.stored | (1 << plan),
        root: plan,
        rollback: me.view.root,
        lock,
        deployers: state.deployers.with(deployer, { nextPlan: plan + 1, view }),
      };
    }
    case 'Backoff': {
      const refusal = deployRefusal(parameters, state, me);
      if (refusal === undefined) return 'deploy-would-succeed';
      return refusal === 'next-plan-missing' ? refusal : state;
    }
    case 'Cleanup': {
      const mask = cleanupMask(parameters, state, deployer);
      return mask === 0 ? 'nothing-to-clean' : { ...state, stored: state.stored & ~mask };
    }
  }
}

export const ROOT_INVARIANT = 'the root points to an existing plan';
export const ROLLBACK_INVARIANT = 'the rollback points to an existing plan';

export const rootHolds = (state: DnsState) => has(state.stored, state.root);
export const rollbackHolds = (state: DnsState) => has(state.stored, state.rollback);

/** Actor and action as the trace view tells them: "deployer-b", "deploys its next plan". */
export const ACTION_WORDS: Readonly<Record<DnsActionKind, string>> = {
  GeneratePlan: 'writes the next plan',
  Sync: 'syncs: reads the lock, root and rollback',
  Deploy: 'deploys its next plan',
  Backoff: 'backs off: its deploy is refused',
  Cleanup: 'cleans up old plans',
};
const PLANNER = 'planner';

/** The checker's actions, in this order: the planner, then each deployer's four. */
export function actionAt(parameters: DnsParameters, index: number): DnsAction | undefined {
  if (index === 0) return { kind: 'GeneratePlan', plan: CANONICAL_PLANS[0]! };
  const deployer = Math.floor((index - 1) / DEPLOYER_ACTIONS.length);
  const kind = DEPLOYER_ACTIONS[(index - 1) % DEPLOYER_ACTIONS.length];
  return deployer < parameters.deployers && kind !== undefined ? { kind, deployer } : undefined;
}

const DEPLOYER_ACTIONS = ['Sync', 'Deploy', 'Backoff', 'Cleanup'] as const;

/** The checker's action number for an action, the inverse of `actionAt`. */
export function actionIndex(action: DnsAction): number {
  return action.kind === 'GeneratePlan'
    ? 0
    : 1 + action.deployer * DEPLOYER_ACTIONS.length + DEPLOYER_ACTIONS.indexOf(action.kind);
}

const none: readonly DnsState[] = [];

/** The explainer's controls offer these parameters (and the checker's fingerprint is exact for them). */
export function withinControls(parameters: DnsParameters): boolean {
  return Object.entries(parameterBounds).every(
    ([name, { min, max }]) =>
      parameters[name as keyof Bounds] >= min && parameters[name as keyof Bounds] <= max,
  );
}

/**
 * The model as the checker runs it. Any parameters a replay accepts give a spec for telling a
 * trace; the checker's exact fingerprint needs the explainer's bounds.
 */
export function dnsControlPlane(parameters: DnsParameters): Spec<DnsState> {
  const checked = validated(parameters, replayBounds);
  const generate: Action<DnsState> = {
    actor: PLANNER,
    name: ACTION_WORDS.GeneratePlan,
    next: (state) => {
      const index = state.plans.length;
      if (index >= checked.plans) return none;
      return [{ ...state, plans: PLANS_UP_TO[index + 1]! }];
    },
  };
  const deployerActions = Array.from({ length: checked.deployers }, (_, deployer) =>
    DEPLOYER_ACTIONS.map((kind): Action<DnsState> => {
      const move: DnsAction = { kind, deployer };
      const successor: DnsState[] = [];
      return {
        actor: DEPLOYER_NAMES[deployer]!,
        name: ACTION_WORDS[kind],
        next: (state) => {
          const result = step(checked, state, move);
          if (typeof result === 'string') return none;
          // One array per action, refilled: the checker reads it before its next call.
          successor[0] = result;
          return successor;
        },
      };
    }),
  ).flat();
  const fingerprint = withinControls(checked)
    ? fingerprinter(checked)
    : () => {
        throw new RangeError('The checker explores only the parameter sets the explainer offers');
      };
  return {
    initial: initialState(checked),
    actions: [generate, ...deployerActions],
    invariants: [
      { name: ROOT_INVARIANT, holds: rootHolds },
      { name: ROLLBACK_INVARIANT, holds: rollbackHolds },
    ],
    fingerprint,
    describe: (state) => describeState(state),
  };
}

const lockText = ({ holder, epoch }: Lock) =>
  `${holder === GENESIS ? 'genesis' : DEPLOYER_NAMES[holder]} ${epoch}`;

/** Plans as people read them in a trace: by the order they were written, "plan 2", not by id. */
const planLabel = (plan: number) => (plan === INIT_PLAN ? 'plan-init' : `plan ${plan + 1}`);
const planText = (state: DnsState, plan: number) =>
  has(state.stored, plan) ? planLabel(plan) : `${planLabel(plan)} (deleted)`;

export function storedPlanIndices(state: DnsState): number[] {
  return state.plans.flatMap((_, index) => (has(state.stored, index) ? [index] : []));
}

function describeState(state: DnsState): Record<string, string> {
  return {
    root: planText(state, state.root),
    rollback: planText(state, state.rollback),
    lock: lockText(state.lock),
    'plans in zone':
      storedPlanIndices(state)
        .map((index) => index + 1)
        .join(', ') || 'none',
    'plans written': String(state.plans.length),
    ...Object.fromEntries(
      state.deployers.map(({ nextPlan, view }, deployer) => [
        DEPLOYER_NAMES[deployer]!,
        `next ${planLabel(nextPlan)}; saw ${lockText(view.lock)} on ${planLabel(view.root)}`,
      ]),
    ),
  };
}

/**
 * Two exact integers in mixed radix: the shared records in one, the deployers in the other. Plans
 * count as their number alone, since the checker's planner writes the same plan at each index.
 */
function fingerprinter({ deployers, plans }: DnsParameters): (state: DnsState) => Fingerprint {
  const planRadix = plans + 1;
  const storedRadix = 2 ** plans;
  // Each deployer deploys each plan at most once, so no epoch exceeds deployers × plans.
  const lockRadix = 1 + deployers * (deployers * plans + 1);
  // Genesis (holder -1, epoch 0) codes as 0, without a branch.
  const lockCode = (lock: Lock) => lock.epoch * deployers + lock.holder + 1;
  const deployerRadix = planRadix * lockRadix * planRadix * planRadix;
  // A deployer's digits do not wait for the previous deployer's, so the multiplications overlap.
  const deployerCode = ({ nextPlan, view }: Deployer) =>
    ((nextPlan * lockRadix + lockCode(view.lock)) * planRadix + view.root + 1) * planRadix +
    view.rollback +
    1;
  const pair: [number, number] = [0, 0];
  return (state) => {
    const records =
      ((state.plans.length * storedRadix + state.stored) * planRadix + state.root + 1) * planRadix +
      state.rollback +
      1;
    const shared = records * lockRadix + lockCode(state.lock);
    let local = 0;
    for (const deployer of state.deployers) local = local * deployerRadix + deployerCode(deployer);
    pair[0] = shared;
    pair[1] = local;
    return pair;
  };
}

type Bounds = Readonly<Record<'deployers' | 'plans' | 'keep', { min: number; max: number }>>;

function validated(parameters: DnsParameters, bounds: Bounds): DnsParameters {
  for (const [name, { min, max }] of Object.entries(bounds)) {
    const value = parameters[name as keyof Bounds];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`${name} must be a whole number from ${min} to ${max}, not ${value}`);
    }
  }
  if (typeof parameters.fixed !== 'boolean') throw new RangeError('fixed must be true or false');
  return parameters;
}

/** Checks parameters a replayed trace brings (wider than the explainer's controls). */
export function replayParameters(parameters: DnsParameters): DnsParameters {
  return validated(parameters, replayBounds);
}
