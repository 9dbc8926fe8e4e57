/**
 * The DNS control plane of a large load balancer, as an executable spec.
 *
 * A planner publishes numbered plans. Enactors each pick the newest plan, check it is newer
 * than the plan the root record points to, and later apply it: check and apply are separate
 * steps, so an enactor can be delayed in between. After applying, an enactor deletes the
 * plans that are `cleanupAge` or more generations older than the one it applied.
 * Every step is sensible on its own. The invariant says what must hold whatever the
 * interleaving: the root record points to a plan that still exists.
 */
import type { Action, Spec } from '../checker/spec.ts';

export interface DnsParameters {
  /** Enactors working concurrently. */
  readonly enactors: number;
  /** Plan 1 is live at the start; the planner publishes plans 2, 3, … up to this number. */
  readonly plans: number;
  /** After applying plan n, an enactor deletes plans numbered n − cleanupAge and lower. */
  readonly cleanupAge: number;
  /** The fix: apply re-checks atomically, and cleanup never deletes the active plan. */
  readonly fixed: boolean;
}

export type Enactor =
  | { readonly phase: 'idle' }
  /** Has checked that `plan` is newer than the applied one; has not applied it yet. */
  | { readonly phase: 'checked'; readonly plan: number }
  /** Has applied `plan`; its cleanup is still to run. */
  | { readonly phase: 'applied'; readonly plan: number };

export interface DnsState {
  readonly newestPlan: number;
  /** Plans not yet deleted, oldest first. */
  readonly storedPlans: readonly number[];
  /** The plan the root DNS record points to. */
  readonly rootRecord: number;
  readonly enactors: readonly Enactor[];
}

/** What a disabled action returns. */
const none: readonly DnsState[] = [];

export const defaultParameters: DnsParameters = {
  enactors: 2,
  plans: 3,
  cleanupAge: 1,
  fixed: false,
};

export const PUBLISH = 'publishes the next plan';
export const CHECK = 'checks the newest plan is newer than the applied one';
export const APPLY = 'applies the plan it checked';
export const CLEAN_UP = 'deletes old plans';

export function dnsControlPlane(parameters: DnsParameters): Spec<DnsState> {
  const { enactors, plans, cleanupAge, fixed } = validated(parameters);
  const idle: Enactor = { phase: 'idle' };

  const publish: Action<DnsState> = {
    actor: 'planner',
    name: PUBLISH,
    next: (state) => {
      if (state.newestPlan === plans) return none;
      const plan = state.newestPlan + 1;
      return [{ ...state, newestPlan: plan, storedPlans: [...state.storedPlans, plan] }];
    },
  };

  const enactorActions = (id: number): Action<DnsState>[] => [
    {
      actor: `enactor ${id + 1}`,
      name: CHECK,
      next: (state) => {
        const isNewer = state.newestPlan > state.rootRecord;
        if (state.enactors[id]?.phase !== 'idle' || !isNewer) return none;
        return [
          {
            ...state,
            enactors: state.enactors.with(id, { phase: 'checked', plan: state.newestPlan }),
          },
        ];
      },
    },
    {
      actor: `enactor ${id + 1}`,
      name: APPLY,
      next: (state) => {
        const me = state.enactors[id];
        if (me?.phase !== 'checked') return none;
        // As built, apply trusts the earlier check, though another enactor may have applied a newer plan since.
        if (fixed && me.plan <= state.rootRecord)
          return [{ ...state, enactors: state.enactors.with(id, idle) }];
        return [
          {
            ...state,
            rootRecord: me.plan,
            enactors: state.enactors.with(id, { phase: 'applied', plan: me.plan }),
          },
        ];
      },
    },
    {
      actor: `enactor ${id + 1}`,
      name: CLEAN_UP,
      next: (state) => {
        const me = state.enactors[id];
        if (me?.phase !== 'applied') return none;
        // As built, cleanup goes by age alone, even if the root record points to an old plan.
        const keep = (plan: number) =>
          plan > me.plan - cleanupAge || (fixed && plan === state.rootRecord);
        return [
          {
            ...state,
            storedPlans: state.storedPlans.filter(keep),
            enactors: state.enactors.with(id, idle),
          },
        ];
      },
    },
  ];

  return {
    initial: {
      newestPlan: 1,
      storedPlans: [1],
      rootRecord: 1,
      enactors: Array.from({ length: enactors }, () => idle),
    },
    actions: [publish, ...Array.from({ length: enactors }, (_, id) => enactorActions(id)).flat()],
    invariants: [
      {
        name: 'the root record points to a plan that exists',
        holds: (state) => state.storedPlans.includes(state.rootRecord),
      },
    ],
    fingerprint: (state) => fingerprint(state, plans),
    describe: (state) => ({
      'newest plan': `plan ${state.newestPlan}`,
      'stored plans': state.storedPlans.join(', ') || 'none',
      'root record': state.storedPlans.includes(state.rootRecord)
        ? `plan ${state.rootRecord}`
        : `plan ${state.rootRecord} (deleted)`,
      ...Object.fromEntries(
        state.enactors.map((enactor, id) => [`enactor ${id + 1}`, describeEnactor(enactor)]),
      ),
    }),
  };
}

function describeEnactor(enactor: Enactor): string {
  switch (enactor.phase) {
    case 'idle':
      return 'idle';
    case 'checked':
      return `checked plan ${enactor.plan}, about to apply`;
    case 'applied':
      return `applied plan ${enactor.plan}, cleanup next`;
  }
}

/** Packs the state into one number, digit by digit, so the visited set compares numbers. */
function fingerprint(state: DnsState, plans: number): number {
  const planDigits = plans + 1;
  let storedMask = 0;
  for (const plan of state.storedPlans) storedMask |= 1 << plan;
  let packed = (state.newestPlan * planDigits + state.rootRecord) * 2 ** planDigits + storedMask;
  for (const enactor of state.enactors) {
    const phase = enactor.phase === 'idle' ? 0 : enactor.phase === 'checked' ? 1 : 2;
    packed =
      packed * 3 * planDigits + phase * planDigits + (enactor.phase === 'idle' ? 0 : enactor.plan);
  }
  return packed;
}

export const parameterBounds = {
  enactors: { min: 1, max: 4 },
  plans: { min: 2, max: 8 },
  cleanupAge: { min: 1, max: 3 },
} as const;

/** Within these bounds every fingerprint is an exact integer. */
function validated(parameters: DnsParameters): DnsParameters {
  for (const [name, { min, max }] of Object.entries(parameterBounds)) {
    const value = parameters[name as keyof typeof parameterBounds];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`${name} must be a whole number from ${min} to ${max}, not ${value}`);
    }
  }
  return parameters;
}
