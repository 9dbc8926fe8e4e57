/**
 * Model-based testing: drives the implementation in src/lib/systems through a trace of the
 * model, one action at a time, the way the workshop's replay script drives the lab, and after
 * every step compares what the implementation's Wormhole53 holds (root, rollback, lock, the
 * plans in the zone) with the model's state, and checks the invariants on the implementation.
 * The trace can come from the checker, from an ITF file of this site, of the workshop's spec, or
 * of Quint.
 */
import {
  DEPLOYER_NAMES,
  GENESIS,
  INIT_PLAN,
  rollbackHolds,
  rootHolds,
  storedPlanIndices,
  type DnsAction,
  type DnsState,
} from '../models/dns-control-plane.ts';
import { actionOf, type DnsTrace } from '../models/dns-control-plane-itf.ts';
import {
  createControlPlane,
  INIT_PLAN_NAME,
  LOCK,
  planName,
  ROLLBACK,
  ROOT,
  versionOf,
  type ControlPlane,
  type DeployerOutcome,
} from '../systems/dns-control-plane.ts';

/** What either side shows from outside, in the lab's names. */
export interface ObservedState {
  readonly root: string;
  readonly rollback: string;
  readonly lock: string;
  /** Names of the plans whose alias is in the zone, oldest first. */
  readonly plans: readonly string[];
  /** The root resolves to an address, or still points to plan-init. */
  readonly rootHolds: boolean;
  /** The rollback points to a plan whose alias exists. */
  readonly rollbackHolds: boolean;
}

export type ImplementationOutcome =
  DeployerOutcome | { readonly kind: 'generated'; readonly version: number };

export interface StepReport {
  /** 0 for the state before the first step. */
  readonly step: number;
  readonly action: DnsAction | undefined;
  readonly outcome: ImplementationOutcome | undefined;
  readonly model: ObservedState;
  readonly implementation: ObservedState;
  /** The implementation shows what the model says it must, and took or refused the step as the model did. */
  readonly agrees: boolean;
}

export interface ReplayReport {
  readonly fix: boolean;
  /** The initial state, then one report per step of the trace. */
  readonly steps: readonly StepReport[];
  /** The first step where implementation and model disagree. */
  readonly firstDivergence: StepReport | undefined;
  /** The first step after which the model breaks an invariant. */
  readonly modelBreaksAt: number | undefined;
  /** The first step after which the implementation's root or rollback points at nothing. */
  readonly implementationBreaksAt: number | undefined;
}

export interface ImplementationOptions {
  readonly fix: boolean;
}

/** The model's plan index i is the implementation's version i + 1. */
const versionName = (plan: number) => (plan === INIT_PLAN ? INIT_PLAN_NAME : planName(plan + 1));

function observeModel(state: DnsState): ObservedState {
  const { holder, epoch } = state.lock;
  return {
    root: versionName(state.root),
    rollback: versionName(state.rollback),
    lock: `${holder === GENESIS ? 'genesis' : DEPLOYER_NAMES[holder]} ${epoch}`,
    plans: storedPlanIndices(state).map(versionName),
    rootHolds: rootHolds(state),
    rollbackHolds: rollbackHolds(state),
  };
}

function observeImplementation({ zone }: ControlPlane): ObservedState {
  const alias = (name: string) => String(zone.get(name, 'ALIAS')?.value ?? '');
  const root = alias(ROOT);
  const rollback = alias(ROLLBACK);
  return {
    root,
    rollback,
    lock: String(zone.get(LOCK, 'TXT')?.value ?? ''),
    plans: zone
      .list()
      .filter(({ name, type }) => type === 'ALIAS' && versionOf(name) !== undefined)
      .map(({ name }) => name)
      .sort(),
    rootHolds: root === INIT_PLAN_NAME || zone.resolve(ROOT).length > 0,
    rollbackHolds: zone.get(rollback, 'ALIAS') !== undefined,
  };
}

const sameObservation = (a: ObservedState, b: ObservedState) =>
  a.root === b.root &&
  a.rollback === b.rollback &&
  a.lock === b.lock &&
  a.plans.join() === b.plans.join();

function perform(system: ControlPlane, action: DnsAction, keep: number): ImplementationOutcome {
  if (action.kind === 'GeneratePlan') {
    const loadBalancers = action.plan.loadBalancers.map(({ ip, weight }) => ({
      id: Number(ip.slice(ip.lastIndexOf('.') + 1)),
      weight,
    }));
    return { kind: 'generated', version: system.planner.generate(loadBalancers).version };
  }
  const deployer = system.deployers[action.deployer];
  if (deployer === undefined)
    throw new RangeError(`The implementation has no ${DEPLOYER_NAMES[action.deployer]}`);
  switch (action.kind) {
    case 'Sync':
      return deployer.sync();
    case 'Deploy':
    case 'Backoff':
      return deployer.deploy();
    case 'Cleanup':
      return deployer.cleanup(keep);
  }
}

/** A Deploy must install, a Backoff must be refused (or find nothing to do), as in the workshop's replay. */
function tookTheStep(action: DnsAction, outcome: ImplementationOutcome): boolean {
  if (action.kind === 'Deploy') return outcome.kind === 'installed';
  if (action.kind === 'Backoff') return outcome.kind === 'refused' || outcome.kind === 'idle';
  return true;
}

export function replayAgainstImplementation(
  { parameters, trace }: DnsTrace,
  options: ImplementationOptions,
): ReplayReport {
  const system = createControlPlane(parameters.deployers, { fix: options.fix });
  const report = (
    step: number,
    state: DnsState,
    action?: DnsAction,
    outcome?: ImplementationOutcome,
  ): StepReport => {
    const model = observeModel(state);
    const implementation = observeImplementation(system);
    const took = action === undefined || outcome === undefined || tookTheStep(action, outcome);
    return {
      step,
      action,
      outcome,
      model,
      implementation,
      agrees: took && sameObservation(model, implementation),
    };
  };

  const steps = [
    report(0, trace.initial),
    ...trace.steps.map(({ action: index, state }, at) => {
      const action = actionOf(parameters, state, index);
      return report(at + 1, state, action, perform(system, action, parameters.keep));
    }),
  ];
  const breaks = (observed: ObservedState) => !observed.rootHolds || !observed.rollbackHolds;
  return {
    fix: options.fix,
    steps,
    firstDivergence: steps.find(({ agrees }) => !agrees),
    modelBreaksAt: steps.find(({ model }) => breaks(model))?.step,
    implementationBreaksAt: steps.find(({ implementation }) => breaks(implementation))?.step,
  };
}
