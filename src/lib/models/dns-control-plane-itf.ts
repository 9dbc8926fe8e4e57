/**
 * The lab model's traces in ITF, in the workshop's shape, and back.
 *
 * Writing: every state carries the spec's variables (`zone_records`, `planner_updates`,
 * `deployer_next_plan`, `deployer_view`) and `ghost_action`, the variant the workshop's replay
 * script (mbt/test_dns_control_plane_itf_replay.py) dispatches on, with its tags and fields.
 * The parameters `DEPLOYERS` and `MAX_PLAN_AGE` come with the first state, as ADR-015 has it.
 *
 * Reading: a trace drives the model step by step, from `ghost_action` (the workshop's spec, this
 * site) or from Quint's `mbt::actionTaken` and `mbt::nondetPicks`; module prefixes
 * (`main::dns::deployer_next_plan`) are dropped. What a state says about the outcome (a deploy's
 * epoch, what a sync read, a deployer's next plan) must be what the model computes; a step the
 * model refuses, or a different outcome, is refused with the place and what was found.
 */
import type { Trace, Transition } from '../checker/spec.ts';
import {
  ACTION_TAKEN,
  attempt,
  excerpt,
  itf,
  itfFailure,
  NONDET_PICKS,
  parseItfTraces,
  type ItfResult,
  type ItfState,
  type ItfTrace,
  type ItfValue,
} from '../itf.ts';
import {
  actionIndex,
  actionAt,
  canonicalPlan,
  DEPLOYER_NAMES,
  GENESIS,
  INIT_PLAN,
  initialState,
  isRefusal,
  labParameters,
  oldIndices,
  planId,
  refusalWords,
  replayParameters,
  step,
  type DnsAction,
  type DnsActionKind,
  type DnsParameters,
  type DnsState,
  type Lock,
  type Plan,
} from './dns-control-plane.ts';

export const MODEL_SOURCE = 'src/lib/models/dns-control-plane.ts';

/** The lab's record names (dns_control_plane/constants.py). */
export const ROOT_NAME = 'clouddb.us-east-1.api.acme';
export const ROLLBACK_NAME = `_rollback.${ROOT_NAME}`;
export const LOCK_NAME = `_lock.${ROOT_NAME}`;
const INIT_LOAD_BALANCER = 'lb-init.cdb.acme';

export const GHOST_ACTION = 'ghost_action';
export const STATE_VARS = [
  'zone_records',
  'planner_updates',
  'deployer_next_plan',
  'deployer_view',
  GHOST_ACTION,
] as const;
export const PARAMS = ['DEPLOYERS', 'MAX_PLAN_AGE'] as const;

export interface DnsTrace {
  readonly parameters: DnsParameters;
  readonly trace: Trace<DnsState>;
}

/** The model's action behind a step of a trace; a plan generated is the one the state appended. */
export function actionOf(parameters: DnsParameters, after: DnsState, stepIndex: number): DnsAction {
  const action = actionAt(parameters, stepIndex);
  if (action === undefined) throw new RangeError(`The model has no action number ${stepIndex}`);
  return action.kind === 'GeneratePlan'
    ? { kind: 'GeneratePlan', plan: after.plans.at(-1)! }
    : action;
}

// Writing

const ipNumber = (ip: string) => ip.slice(ip.lastIndexOf('.') + 1);

/** The lab's names: plan-002.cdb.acme's load balancer 3 is lb-002-3.cdb.acme. */
export function loadBalancerName(plan: Plan, ip: string): string {
  return `${plan.id.replace(/^plan-/, 'lb-').replace(/\.cdb\.acme$/, '')}-${ipNumber(ip)}.cdb.acme`;
}

const record = (name: string, kind: 'TXT' | 'CNAME' | 'A', value: string, number: number) =>
  itf.record({ name, kind, value: itf.tuple([value, itf.int(number)]) });

const deployerName = (deployer: number) =>
  deployer === GENESIS ? 'genesis' : DEPLOYER_NAMES[deployer]!;
const lockRecord = ({ holder, epoch }: Lock) =>
  record(LOCK_NAME, 'TXT', deployerName(holder), epoch);
const planName = (state: DnsState, plan: number) =>
  plan === INIT_PLAN ? planId(INIT_PLAN) : (state.plans[plan]?.id ?? planId(plan));

function planRecords(plan: Plan): ItfValue[] {
  return plan.loadBalancers.flatMap(({ ip, weight }) => [
    record(plan.id, 'CNAME', loadBalancerName(plan, ip), weight),
    record(loadBalancerName(plan, ip), 'A', ip, 1),
  ]);
}

function zoneRecords(state: DnsState): ItfValue {
  return itf.set([
    lockRecord(state.lock),
    record(ROOT_NAME, 'CNAME', planName(state, state.root), 100),
    record(ROLLBACK_NAME, 'CNAME', planName(state, state.rollback), 1),
    record(planId(INIT_PLAN), 'CNAME', INIT_LOAD_BALANCER, 100),
    ...state.plans.flatMap((plan, index) => ((state.stored >> index) & 1 ? planRecords(plan) : [])),
  ]);
}

function ghostAction(
  before: DnsState,
  after: DnsState,
  action: DnsAction | undefined,
  parameters: DnsParameters,
): ItfValue {
  if (action === undefined) return itf.variant('Init', itf.record({}));
  if (action.kind === 'GeneratePlan') {
    const { plan } = action;
    return itf.variant(
      'GeneratePlan',
      itf.record({
        plan_id: plan.id,
        ips: itf.set(plan.loadBalancers.map(({ ip }) => ip)),
        weights: itf.map(plan.loadBalancers.map(({ ip, weight }) => [ip, itf.int(weight)])),
      }),
    );
  }
  const deployer = DEPLOYER_NAMES[action.deployer]!;
  const me = before.deployers[action.deployer]!;
  switch (action.kind) {
    case 'Sync':
      return itf.variant(
        'Sync',
        itf.record({
          deployer,
          lock: lockRecord(before.lock),
          root: planName(before, before.root),
          rollback: planName(before, before.rollback),
        }),
      );
    case 'Deploy':
      return itf.variant(
        'Deploy',
        itf.record({
          deployer,
          plan_id: planName(before, me.nextPlan),
          previous_root: planName(before, me.view.root),
          new_root: planName(before, me.nextPlan),
          rollback: planName(before, me.view.root),
          new_epoch: itf.int(after.lock.epoch),
        }),
      );
    case 'Backoff':
      return itf.variant('Backoff', itf.record({ deployer, lock: lockRecord(me.view.lock) }));
    case 'Cleanup':
      return itf.variant(
        'Cleanup',
        itf.record({
          deployer,
          next_plan: itf.int(me.nextPlan),
          old_indices: itf.set(oldIndices(parameters, before, action.deployer).map(itf.int)),
        }),
      );
  }
}

function itfState(
  parameters: DnsParameters,
  before: DnsState,
  after: DnsState,
  action: DnsAction | undefined,
): ItfState {
  const names = after.deployers.map((_, deployer) => DEPLOYER_NAMES[deployer]!);
  return {
    ...(action === undefined
      ? {
          DEPLOYERS: itf.set(names),
          MAX_PLAN_AGE: itf.int(parameters.keep),
        }
      : {}),
    zone_records: zoneRecords(after),
    planner_updates: itf.list(
      after.plans.map((plan) =>
        itf.record({ plan_id: plan.id, creates: itf.set(planRecords(plan)) }),
      ),
    ),
    deployer_next_plan: itf.map(
      after.deployers.map(({ nextPlan }, deployer) => [names[deployer]!, itf.int(nextPlan)]),
    ),
    deployer_view: itf.map(
      after.deployers.map(({ view }, deployer) => [
        names[deployer]!,
        itf.record({
          lock: lockRecord(view.lock),
          root: planName(after, view.root),
          rollback: planName(after, view.rollback),
        }),
      ]),
    ),
    [GHOST_ACTION]: ghostAction(before, after, action, parameters),
  };
}

/** The trace in ITF; `description` goes into `#meta`, for people opening the file. */
export function dnsTraceToItf({ parameters, trace }: DnsTrace, description: string): ItfTrace {
  let before = trace.initial;
  const states = [itfState(parameters, before, before, undefined)];
  for (const { action, state } of trace.steps) {
    states.push(itfState(parameters, before, state, actionOf(parameters, state, action)));
    before = state;
  }
  return {
    meta: { source: MODEL_SOURCE, description, parameters: { ...parameters } },
    params: PARAMS,
    vars: STATE_VARS,
    states,
  };
}

// Reading: each helper fails with the path in the file and what it expected there.

type Fields = Readonly<Record<string, ItfValue>>;

const show = (value: ItfValue | undefined): string => {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return excerpt(value);
  if (typeof value === 'bigint' || typeof value === 'boolean') return excerpt(String(value));
  return `a ${value.kind}`;
};

function fieldsAt(value: ItfValue | undefined, path: string): Fields {
  return typeof value === 'object' && value.kind === 'record'
    ? value.fields
    : itfFailure(path, `expected a record, found ${show(value)}`);
}

function stringAt(value: ItfValue | undefined, path: string): string {
  return typeof value === 'string'
    ? value
    : itfFailure(path, `expected a string, found ${show(value)}`);
}

function intAt(value: ItfValue | undefined, path: string): number {
  if (typeof value !== 'bigint')
    return itfFailure(path, `expected an integer, found ${show(value)}`);
  if (value < 0n || value > 1_000_000n)
    return itfFailure(path, `${excerpt(String(value))} is out of range`);
  return Number(value);
}

function itemsAt(value: ItfValue | undefined, path: string): readonly ItfValue[] {
  return typeof value === 'object' && (value.kind === 'set' || value.kind === 'list')
    ? value.items
    : itfFailure(path, `expected a set, found ${show(value)}`);
}

function entriesAt(value: ItfValue | undefined, path: string) {
  return typeof value === 'object' && value.kind === 'map'
    ? value.entries
    : itfFailure(path, `expected a map, found ${show(value)}`);
}

function variantAt(
  value: ItfValue | undefined,
  path: string,
): { tag: string; value: ItfValue | undefined } {
  const fields = fieldsAt(value, path);
  return { tag: stringAt(fields['tag'], `${path}.tag`), value: fields['value'] };
}

/** A Quint pick: `Some(v)`, `None`, or the plain value. */
function pickAt(value: ItfValue | undefined): ItfValue | undefined {
  if (
    typeof value === 'object' &&
    value.kind === 'record' &&
    typeof value.fields['tag'] === 'string'
  ) {
    return value.fields['tag'] === 'Some' ? value.fields['value'] : undefined;
  }
  return value;
}

function deployerAt(value: ItfValue | undefined, path: string, parameters: DnsParameters): number {
  const name = stringAt(value, path);
  const index = DEPLOYER_NAMES.indexOf(name as (typeof DEPLOYER_NAMES)[number]);
  if (index === -1 || index >= parameters.deployers)
    return itfFailure(
      path,
      `expected one of ${DEPLOYER_NAMES.slice(0, parameters.deployers).join(', ')}, found ${excerpt(name)}`,
    );
  return index;
}

function lockAt(value: ItfValue | undefined, path: string): { holder: string; epoch: number } {
  const fields = fieldsAt(value, path);
  const tuple = fields['value'];
  if (typeof tuple !== 'object' || tuple.kind !== 'tuple' || tuple.items.length !== 2)
    return itfFailure(`${path}.value`, `expected the tuple (holder, epoch), found ${show(tuple)}`);
  return {
    holder: stringAt(tuple.items[0], `${path}.value[0]`),
    epoch: intAt(tuple.items[1], `${path}.value[1]`),
  };
}

function planFromFields(fields: Fields, path: string): Plan {
  const id = stringAt(fields['plan_id'], `${path}.plan_id`);
  const ips = itemsAt(fields['ips'], `${path}.ips`).map((ip, index) =>
    stringAt(ip, `${path}.ips[${index}]`),
  );
  if (ips.length === 0) itfFailure(`${path}.ips`, 'a plan has at least one load balancer');
  const weights = new Map(
    entriesAt(fields['weights'], `${path}.weights`).map(([ip, weight], index) => [
      stringAt(ip, `${path}.weights[${index}][0]`),
      intAt(weight, `${path}.weights[${index}][1]`),
    ]),
  );
  return {
    id,
    loadBalancers: ips.map((ip) => {
      if (!/^192\.0\.2\.\d{1,3}$/.test(ip))
        itfFailure(`${path}.ips`, `expected addresses 192.0.2.N, found ${excerpt(ip)}`);
      const weight = weights.get(ip);
      return weight === undefined
        ? itfFailure(`${path}.weights`, `no weight for ${ip}`)
        : { ip, weight };
    }),
  };
}

/** Names without their module prefix: `main::dns::zone_records` is `zone_records`; `mbt::` stays. */
function unprefixed(state: ItfState): ItfState {
  return Object.fromEntries(
    Object.entries(state).map(([name, value]) => [
      name.startsWith('mbt::') || !name.includes('::')
        ? name
        : name.slice(name.lastIndexOf('::') + 2),
      value,
    ]),
  );
}

type Claims = (model: DnsState, before: DnsState) => void;
interface ReadAction {
  readonly action: DnsAction | 'Init';
  /** Checks what the trace says about the outcome against the model's successor. */
  readonly claims: Claims;
}

const TAGS: readonly (DnsActionKind | 'Init')[] = [
  'Init',
  'GeneratePlan',
  'Sync',
  'Deploy',
  'Backoff',
  'Cleanup',
];

function expectEqual(path: string, found: string | number, expected: string | number) {
  if (found !== expected)
    itfFailure(
      path,
      `the model has ${excerpt(String(expected))} here, the trace ${excerpt(String(found))}`,
    );
}

function readGhostAction(
  value: ItfValue | undefined,
  path: string,
  parameters: DnsParameters,
): ReadAction {
  const { tag, value: payload } = variantAt(value, path);
  if (!TAGS.includes(tag as DnsActionKind))
    return itfFailure(`${path}.tag`, `expected one of ${TAGS.join(', ')}, found ${excerpt(tag)}`);
  if (tag === 'Init') return { action: 'Init', claims: () => {} };
  const fields = fieldsAt(payload, `${path}.value`);
  const at = (field: string) => `${path}.value.${field}`;
  if (tag === 'GeneratePlan')
    return {
      action: { kind: tag, plan: planFromFields(fields, `${path}.value`) },
      claims: () => {},
    };
  const deployer = deployerAt(fields['deployer'], at('deployer'), parameters);
  const kind = tag as Exclude<DnsActionKind, 'GeneratePlan'>;
  const lockClaim = (field: string, lock: Lock) => {
    if (fields[field] === undefined) return;
    const found = lockAt(fields[field], at(field));
    expectEqual(
      at(field),
      `${found.holder} ${found.epoch}`,
      `${deployerName(lock.holder)} ${lock.epoch}`,
    );
  };
  /** Tools name the placeholder plan in their own zone (plan-init.db.example.com in the spec). */
  const nameClaim = (field: string, state: DnsState, plan: number) => {
    if (fields[field] === undefined) return;
    const found = stringAt(fields[field], at(field));
    if (plan === INIT_PLAN && found.startsWith('plan-init.')) return;
    expectEqual(at(field), found, planName(state, plan));
  };
  const claims: Claims = (after, before) => {
    const me = before.deployers[deployer]!;
    switch (kind) {
      case 'Sync':
        lockClaim('lock', before.lock);
        nameClaim('root', before, before.root);
        nameClaim('rollback', before, before.rollback);
        return;
      case 'Deploy':
        nameClaim('plan_id', before, me.nextPlan);
        nameClaim('new_root', before, me.nextPlan);
        nameClaim('previous_root', before, me.view.root);
        nameClaim('rollback', before, me.view.root);
        if (fields['new_epoch'] !== undefined)
          expectEqual(
            at('new_epoch'),
            intAt(fields['new_epoch'], at('new_epoch')),
            after.lock.epoch,
          );
        return;
      case 'Backoff':
        lockClaim('lock', me.view.lock);
        return;
      case 'Cleanup':
        if (fields['next_plan'] !== undefined)
          expectEqual(at('next_plan'), intAt(fields['next_plan'], at('next_plan')), me.nextPlan);
        return;
    }
  };
  return { action: { kind, deployer }, claims };
}

/** Quint's action names, as a Quint spec of the lab may spell them (case and `_` aside). */
const QUINT_ACTIONS: Readonly<Record<string, DnsActionKind | 'Init'>> = {
  init: 'Init',
  generateplan: 'GeneratePlan',
  plannergenerate: 'GeneratePlan',
  addplan: 'GeneratePlan',
  sync: 'Sync',
  deployerquery: 'Sync',
  deployersync: 'Sync',
  query: 'Sync',
  deploy: 'Deploy',
  deployerapply: 'Deploy',
  deployerdeploy: 'Deploy',
  apply: 'Deploy',
  backoff: 'Backoff',
  deployerbackoff: 'Backoff',
  cleanup: 'Cleanup',
  deployergc: 'Cleanup',
  deployercleanup: 'Cleanup',
  gc: 'Cleanup',
};

function readQuintAction(
  state: ItfState,
  path: string,
  parameters: DnsParameters,
  planCount: number,
): ReadAction {
  const taken = stringAt(state[ACTION_TAKEN], `${path}.${ACTION_TAKEN}`);
  const kind = QUINT_ACTIONS[taken.toLowerCase().replace(/[^a-z]/g, '')];
  if (kind === undefined)
    return itfFailure(
      `${path}.${ACTION_TAKEN}`,
      `expected an action of the lab (${[...new Set(Object.values(QUINT_ACTIONS))].join(', ')}), found ${excerpt(taken)}`,
    );
  if (kind === 'Init') return { action: 'Init', claims: () => {} };
  const picks =
    state[NONDET_PICKS] === undefined
      ? {}
      : fieldsAt(state[NONDET_PICKS], `${path}.${NONDET_PICKS}`);
  if (kind === 'GeneratePlan') {
    const planPicks = Object.fromEntries(
      Object.entries(picks).flatMap(([name, value]) => {
        const picked = pickAt(value);
        return picked === undefined ? [] : [[name, picked]];
      }),
    );
    const plan =
      planPicks['plan_id'] === undefined
        ? canonicalPlan(planCount)
        : planFromFields(planPicks, `${path}.${NONDET_PICKS}`);
    return { action: { kind, plan }, claims: () => {} };
  }
  const field = picks['deployer'] !== undefined ? 'deployer' : 'd';
  const deployer = deployerAt(pickAt(picks[field]), `${path}.${NONDET_PICKS}.${field}`, parameters);
  return { action: { kind, deployer }, claims: () => {} };
}

function readParameters(trace: ItfTrace, first: ItfState): DnsParameters {
  const meta = trace.meta['parameters'];
  if (typeof meta === 'object' && meta !== null) {
    const { deployers, plans, keep, fixed } = meta as Record<string, unknown>;
    try {
      return replayParameters({ deployers, plans, keep, fixed } as DnsParameters);
    } catch (error) {
      return itfFailure('#meta.parameters', (error as Error).message);
    }
  }
  const named = first['DEPLOYERS'];
  const deployers =
    named === undefined
      ? first['deployer_next_plan'] === undefined
        ? labParameters.deployers
        : entriesAt(first['deployer_next_plan'], 'states[0].deployer_next_plan').length
      : itemsAt(named, 'states[0].DEPLOYERS').length;
  const keep =
    first['MAX_PLAN_AGE'] === undefined
      ? labParameters.keep
      : intAt(first['MAX_PLAN_AGE'], 'states[0].MAX_PLAN_AGE');
  try {
    return replayParameters({ deployers, plans: 30, keep, fixed: false });
  } catch (error) {
    return itfFailure('states[0]', (error as Error).message);
  }
}

function checkNextPlans(state: ItfState, path: string, model: DnsState) {
  const value = state['deployer_next_plan'];
  if (value === undefined) return;
  entriesAt(value, `${path}.deployer_next_plan`).forEach(([name, next], index) => {
    const at = `${path}.deployer_next_plan[${index}]`;
    const deployer = DEPLOYER_NAMES.indexOf(
      stringAt(name, `${at}[0]`) as (typeof DEPLOYER_NAMES)[number],
    );
    const expected = model.deployers[deployer]?.nextPlan;
    if (expected === undefined) itfFailure(`${at}[0]`, `the model has no deployer ${show(name)}`);
    else expectEqual(`${at}[1]`, intAt(next, `${at}[1]`), expected);
  });
}

/** The model's trace behind an ITF trace; every step must be one the model takes, with the same outcome. */
export function dnsTraceFromItf(trace: ItfTrace): ItfResult<DnsTrace> {
  return attempt(() => {
    const states = trace.states.map(unprefixed);
    const first = states[0]!;
    const source = GHOST_ACTION in first ? 'ghost' : ACTION_TAKEN in first ? 'quint' : undefined;
    if (source === undefined)
      itfFailure(
        'states[0]',
        `expected "${GHOST_ACTION}" or "${ACTION_TAKEN}" to say which action each step takes, found ${
          Object.keys(first)
            .map((name) => excerpt(name))
            .join(', ') || 'no variables'
        }`,
      );
    const declared = readParameters(trace, first);
    let current = initialState(declared);
    const steps: Transition<DnsState>[] = [];
    states.forEach((state, index) => {
      const path = `states[${index}]`;
      const planCount = current.plans.length;
      const read =
        source === 'ghost'
          ? readGhostAction(state[GHOST_ACTION], `${path}.${GHOST_ACTION}`, declared)
          : readQuintAction(state, path, declared, planCount);
      const where = source === 'ghost' ? `${path}.${GHOST_ACTION}` : `${path}.${ACTION_TAKEN}`;
      if ((index === 0) !== (read.action === 'Init'))
        itfFailure(
          where,
          index === 0
            ? 'the first state is reached by Init'
            : 'only the first state is reached by Init',
        );
      if (read.action !== 'Init') {
        const result = step(declared, current, read.action);
        if (isRefusal(result)) {
          const who =
            read.action.kind === 'GeneratePlan'
              ? 'the planner'
              : DEPLOYER_NAMES[read.action.deployer];
          itfFailure(
            where,
            `${read.action.kind} by ${who} is not possible there: ${refusalWords[result]}`,
          );
        } else {
          read.claims(result, current);
          current = result;
          steps.push({ action: actionIndex(read.action), choice: 0, state: current });
        }
      }
      checkNextPlans(state, path, current);
    });
    const parameters =
      'parameters' in trace.meta
        ? declared
        : { ...declared, plans: Math.max(1, current.plans.length) };
    return { parameters, trace: { initial: initialState(parameters), steps } };
  });
}

/** Reads an `.itf.json` or NDJSON file's text all the way to the model's traces. */
export function parseDnsItf(text: string): ItfResult<DnsTrace[]> {
  const parsed = parseItfTraces(text);
  if (!parsed.ok) return parsed;
  const traces: DnsTrace[] = [];
  for (const [index, trace] of parsed.value.entries()) {
    const read = dnsTraceFromItf(trace);
    if (!read.ok)
      return {
        ok: false,
        error: parsed.value.length > 1 ? `trace ${index + 1}: ${read.error}` : read.error,
      };
    traces.push(read.value);
  }
  return { ok: true, value: traces };
}
