/**
 * Model-based testing: drives the implementation in src/lib/systems through a trace of the
 * model, one action at a time, and after every step compares what the implementation shows (the
 * root record, the stored plans) with the model's state, and checks the invariant on the
 * implementation itself. The trace can come from the checker or from an ITF file.
 */
import { brokenInvariant } from '../checker/spec.ts';
import { dnsControlPlane, type DnsState } from '../models/dns-control-plane.ts';
import { dnsAction, type DnsAction, type DnsTrace } from '../models/dns-control-plane-itf.ts';
import {
  createControlPlane,
  ROOT_RECORD,
  type ControlPlane,
  type EnactorOutcome,
} from '../systems/dns-control-plane.ts';

/** What either side shows from outside: the DNS answer and the stored plans. */
export interface ObservedState {
  readonly rootRecord: number | undefined;
  readonly storedPlans: readonly number[];
  /** The root record points to a plan that exists. */
  readonly invariantHolds: boolean;
}

export type ImplementationOutcome =
  EnactorOutcome | { readonly kind: 'published'; readonly generation: number };

export interface StepReport {
  /** 0 for the state before the first step. */
  readonly step: number;
  readonly action: DnsAction | undefined;
  readonly outcome: ImplementationOutcome | undefined;
  readonly model: ObservedState;
  readonly implementation: ObservedState;
  /** The implementation shows what the model says it must. */
  readonly agrees: boolean;
}

export interface ReplayReport {
  readonly fix: boolean;
  /** The initial state, then one report per step of the trace. */
  readonly steps: readonly StepReport[];
  /** The first step where implementation and model disagree. */
  readonly firstDivergence: StepReport | undefined;
  /** The first step after which the model's invariant is broken. */
  readonly modelBreaksAt: number | undefined;
  /** The first step after which the implementation's root record points to a deleted plan. */
  readonly implementationBreaksAt: number | undefined;
}

export interface ImplementationOptions {
  readonly fix: boolean;
}

function observeModel(state: DnsState, holds: boolean): ObservedState {
  return { rootRecord: state.rootRecord, storedPlans: state.storedPlans, invariantHolds: holds };
}

function observeImplementation({ store, zone }: ControlPlane): ObservedState {
  const rootRecord = zone.lookup(ROOT_RECORD)?.generation;
  return {
    rootRecord,
    storedPlans: store.generations(),
    invariantHolds: rootRecord !== undefined && store.get(rootRecord) !== undefined,
  };
}

const sameObservation = (a: ObservedState, b: ObservedState) =>
  a.rootRecord === b.rootRecord && a.storedPlans.join() === b.storedPlans.join();

function perform(system: ControlPlane, action: DnsAction): ImplementationOutcome {
  if (action.kind === 'publish')
    return { kind: 'published', generation: system.planner.publish().generation };
  const enactor = system.enactors[action.enactor - 1];
  if (enactor === undefined)
    throw new RangeError(`The implementation has no enactor ${action.enactor}`);
  switch (action.kind) {
    case 'check':
      return enactor.pickUpNewestPlan();
    case 'apply':
      return enactor.applyPickedPlan();
    case 'cleanUp':
      return enactor.cleanUpOldPlans();
  }
}

export function replayAgainstImplementation(
  { parameters, trace }: DnsTrace,
  options: ImplementationOptions,
): ReplayReport {
  const spec = dnsControlPlane(parameters);
  const system = createControlPlane(parameters.enactors, {
    cleanupAge: parameters.cleanupAge,
    fix: options.fix,
  });
  const report = (
    step: number,
    state: DnsState,
    action?: DnsAction,
    outcome?: ImplementationOutcome,
  ): StepReport => {
    const model = observeModel(state, brokenInvariant(spec, state) === undefined);
    const implementation = observeImplementation(system);
    return {
      step,
      action,
      outcome,
      model,
      implementation,
      agrees: sameObservation(model, implementation),
    };
  };

  const steps = [
    report(0, trace.initial),
    ...trace.steps.map(({ action: index, state }, at) => {
      const action = dnsAction(spec, index);
      return report(at + 1, state, action, perform(system, action));
    }),
  ];
  return {
    fix: options.fix,
    steps,
    firstDivergence: steps.find(({ agrees }) => !agrees),
    modelBreaksAt: steps.find(({ model }) => !model.invariantHolds)?.step,
    implementationBreaksAt: steps.find(({ implementation }) => !implementation.invariantHolds)
      ?.step,
  };
}
