/**
 * The DNS control-plane model's traces in ITF, and back. Each state carries the action that
 * reached it (`mbt::actionTaken`: init, publish, check, apply, cleanUp) and the enactor that took
 * it (`mbt::nondetPicks`: `{ enactor: Some(n) }`, `None` for the planner), the way Quint writes
 * traces for model-based testing. Reading a file replays it through the model: a trace the model
 * cannot take is refused with the step and the reason.
 */
import type { Spec, Trace, Transition } from '../checker/spec.ts';
import {
  ACTION_TAKEN,
  attempt,
  itf,
  itfFailure,
  NONDET_PICKS,
  parseItf,
  type ItfResult,
  type ItfState,
  type ItfTrace,
  type ItfValue,
} from '../itf.ts';
import {
  APPLY,
  CHECK,
  CLEAN_UP,
  dnsControlPlane,
  PUBLISH,
  type DnsParameters,
  type DnsState,
  type Enactor,
} from './dns-control-plane.ts';

export const MODEL_SOURCE = 'src/lib/models/dns-control-plane.ts';

/** What a step does, in the names a test harness dispatches on; enactors count from 1. */
export type DnsAction =
  | { readonly kind: 'publish' }
  | { readonly kind: 'check' | 'apply' | 'cleanUp'; readonly enactor: number };

export type DnsActionKind = DnsAction['kind'];

const KIND_OF_NAME: Readonly<Record<string, DnsActionKind>> = {
  [PUBLISH]: 'publish',
  [CHECK]: 'check',
  [APPLY]: 'apply',
  [CLEAN_UP]: 'cleanUp',
};
const INIT = 'init';

/** The action behind the model's action number `index`. */
export function dnsAction(spec: Spec<DnsState>, index: number): DnsAction {
  const action = spec.actions[index];
  const kind = action === undefined ? undefined : KIND_OF_NAME[action.name];
  if (action === undefined || kind === undefined)
    throw new RangeError(`The model has no action number ${index}`);
  if (kind === 'publish') return { kind };
  const enactor = /^enactor (\d+)$/.exec(action.actor)?.[1];
  if (enactor === undefined)
    throw new RangeError(`The model's action ${index} is taken by "${action.actor}"`);
  return { kind, enactor: Number(enactor) };
}

const sameAction = (a: DnsAction, b: DnsAction) =>
  a.kind === b.kind && (a.kind === 'publish' || (b.kind !== 'publish' && a.enactor === b.enactor));

const VARS = [
  'newestPlan',
  'storedPlans',
  'rootRecord',
  'enactors',
  ACTION_TAKEN,
  NONDET_PICKS,
] as const;

const ENACTOR_TAG = { idle: 'Idle', checked: 'Checked', applied: 'Applied' } as const;

function enactorValue(enactor: Enactor): ItfValue {
  const tag = ENACTOR_TAG[enactor.phase];
  return enactor.phase === 'idle' ? itf.variant(tag) : itf.variant(tag, itf.int(enactor.plan));
}

function itfState(state: DnsState, action: DnsAction | undefined): ItfState {
  const enactor = action === undefined || action.kind === 'publish' ? undefined : action.enactor;
  return {
    newestPlan: itf.int(state.newestPlan),
    storedPlans: itf.set(state.storedPlans.map(itf.int)),
    rootRecord: itf.int(state.rootRecord),
    enactors: itf.map(state.enactors.map((value, id) => [itf.int(id + 1), enactorValue(value)])),
    [ACTION_TAKEN]: action?.kind ?? INIT,
    [NONDET_PICKS]: itf.record({
      enactor: enactor === undefined ? itf.variant('None') : itf.variant('Some', itf.int(enactor)),
    }),
  };
}

export interface DnsTrace {
  readonly parameters: DnsParameters;
  readonly trace: Trace<DnsState>;
}

/** The trace in ITF; `description` goes into `#meta`, for people opening the file. */
export function dnsTraceToItf({ parameters, trace }: DnsTrace, description: string): ItfTrace {
  const spec = dnsControlPlane(parameters);
  return {
    meta: { source: MODEL_SOURCE, description, parameters: { ...parameters } },
    vars: VARS,
    states: [
      itfState(trace.initial, undefined),
      ...trace.steps.map(({ action, state }) => itfState(state, dnsAction(spec, action))),
    ],
  };
}

// Reading: each helper fails with the path in the file and what it expected there.

type Fields = Readonly<Record<string, ItfValue>>;

function fieldsAt(value: ItfValue | undefined, path: string): Fields {
  return typeof value === 'object' && value.kind === 'record'
    ? value.fields
    : itfFailure(path, 'expected a record');
}

function intAt(value: ItfValue | undefined, path: string): number {
  if (typeof value !== 'bigint') return itfFailure(path, 'expected an integer');
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER))
    return itfFailure(path, `${value} is out of range`);
  return Number(value);
}

function variantAt(
  value: ItfValue | undefined,
  path: string,
): { tag: string; value: ItfValue | undefined } {
  const fields = fieldsAt(value, path);
  const tag = fields['tag'];
  if (typeof tag !== 'string') return itfFailure(`${path}.tag`, 'expected the name of a variant');
  return { tag, value: fields['value'] };
}

function readEnactor(value: ItfValue, path: string): Enactor {
  const { tag, value: plan } = variantAt(value, path);
  if (tag === ENACTOR_TAG.idle) return { phase: 'idle' };
  if (tag === ENACTOR_TAG.checked) return { phase: 'checked', plan: intAt(plan, `${path}.value`) };
  if (tag === ENACTOR_TAG.applied) return { phase: 'applied', plan: intAt(plan, `${path}.value`) };
  return itfFailure(
    `${path}.tag`,
    `expected one of ${Object.values(ENACTOR_TAG).join(', ')}, found "${tag}"`,
  );
}

function readEnactors(value: ItfValue | undefined, path: string): Enactor[] {
  if (typeof value !== 'object' || value.kind !== 'map')
    return itfFailure(path, 'expected a map from enactor to phase');
  const enactors = new Map(
    value.entries.map(([id, phase], index) => [intAt(id, `${path}[${index}][0]`), phase]),
  );
  return Array.from({ length: value.entries.length }, (_, index) => {
    const phase = enactors.get(index + 1);
    return phase === undefined
      ? itfFailure(
          path,
          `expected enactors numbered 1 to ${value.entries.length}, enactor ${index + 1} is missing`,
        )
      : readEnactor(phase, `${path}[enactor ${index + 1}]`);
  });
}

function readState(state: ItfState, path: string): DnsState {
  const stored = state['storedPlans'];
  if (typeof stored !== 'object' || stored.kind !== 'set')
    return itfFailure(`${path}.storedPlans`, 'expected a set');
  return {
    newestPlan: intAt(state['newestPlan'], `${path}.newestPlan`),
    storedPlans: stored.items
      .map((plan, index) => intAt(plan, `${path}.storedPlans[${index}]`))
      .sort((a, b) => a - b),
    rootRecord: intAt(state['rootRecord'], `${path}.rootRecord`),
    enactors: readEnactors(state['enactors'], `${path}.enactors`),
  };
}

function readAction(state: ItfState, path: string): DnsAction | typeof INIT {
  const kind = state[ACTION_TAKEN];
  const names = [INIT, ...Object.values(KIND_OF_NAME)];
  if (typeof kind !== 'string' || !names.includes(kind)) {
    return itfFailure(`${path}.${ACTION_TAKEN}`, `expected one of ${names.join(', ')}`);
  }
  if (kind === INIT) return kind;
  if (kind === 'publish') return { kind };
  const picksPath = `${path}.${NONDET_PICKS}.enactor`;
  const pick = variantAt(
    fieldsAt(state[NONDET_PICKS], `${path}.${NONDET_PICKS}`)['enactor'],
    picksPath,
  );
  if (pick.tag !== 'Some')
    return itfFailure(picksPath, `"${kind}" needs the enactor that takes it: Some(n)`);
  return {
    kind: kind as Exclude<DnsActionKind, 'publish'>,
    enactor: intAt(pick.value, `${picksPath}.value`),
  };
}

function readParameters(meta: Readonly<Record<string, unknown>>): DnsParameters {
  const parameters = meta['parameters'];
  if (typeof parameters !== 'object' || parameters === null) {
    return itfFailure(
      '#meta.parameters',
      'expected the model parameters: enactors, plans, cleanupAge, fixed',
    );
  }
  const { enactors, plans, cleanupAge, fixed } = parameters as Record<string, unknown>;
  if (typeof fixed !== 'boolean')
    return itfFailure('#meta.parameters.fixed', 'expected true or false');
  const read = { enactors, plans, cleanupAge, fixed } as DnsParameters;
  try {
    dnsControlPlane(read);
  } catch (error) {
    return itfFailure('#meta.parameters', (error as Error).message);
  }
  return read;
}

const sameState = (spec: Spec<DnsState>, a: DnsState, b: DnsState) =>
  spec.fingerprint(a) === spec.fingerprint(b);

/** The model's trace behind an ITF trace; every step must be one the model can take. */
export function dnsTraceFromItf(trace: ItfTrace): ItfResult<DnsTrace> {
  return attempt(() => {
    const parameters = readParameters(trace.meta);
    const spec = dnsControlPlane(parameters);
    const missing = VARS.find((name) => !trace.vars.includes(name));
    if (missing !== undefined) itfFailure('vars', `variable "${missing}" is missing`);
    const [first, ...rest] = trace.states.map((state, index) => ({
      path: `states[${index}]`,
      state: readState(state, `states[${index}]`),
      action: readAction(state, `states[${index}]`),
    }));
    if (first!.action !== INIT)
      itfFailure(`${first!.path}.${ACTION_TAKEN}`, `the first state is reached by "${INIT}"`);
    if (!sameState(spec, first!.state, spec.initial))
      itfFailure(first!.path, "is not the model's initial state");

    let current = spec.initial;
    const steps = rest.map(({ path, state, action }): Transition<DnsState> => {
      if (action === INIT)
        return itfFailure(
          `${path}.${ACTION_TAKEN}`,
          `only the first state is reached by "${INIT}"`,
        );
      const index = spec.actions.findIndex((_, candidate) =>
        sameAction(dnsAction(spec, candidate), action),
      );
      if (index === -1)
        return itfFailure(path, `the model has no "${action.kind}" by that enactor`);
      const successors = spec.actions[index]!.next(current);
      if (successors.length === 0)
        return itfFailure(path, `the model cannot take "${action.kind}" there`);
      const choice = successors.findIndex((successor) => sameState(spec, successor, state));
      if (choice === -1)
        return itfFailure(path, `"${action.kind}" leads the model to a different state`);
      current = successors[choice]!;
      return { action: index, choice, state: current };
    });
    return { parameters, trace: { initial: spec.initial, steps } };
  });
}

/** Reads an `.itf.json` file's text all the way to the model's trace. */
export function parseDnsItf(text: string): ItfResult<DnsTrace> {
  const parsed = parseItf(text);
  return parsed.ok ? dnsTraceFromItf(parsed.value) : parsed;
}
