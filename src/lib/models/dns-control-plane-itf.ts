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

/** What a step's `ghost_action` says about its outcome, per tag and field, from the state before. */
type Outcome = { readonly plan: number } | { readonly lock: Lock } | { readonly int: number };
type Deployer = DnsState['deployers'][number];
const OUTCOMES: Readonly<
  Record<
    Exclude<DnsActionKind, 'GeneratePlan'>,
    Readonly<Record<string, (before: DnsState, after: DnsState, me: Deployer) => Outcome>>
  >
> = {
  Sync: {
    lock: (before) => ({ lock: before.lock }),
    root: (before) => ({ plan: before.root }),
    rollback: (before) => ({ plan: before.rollback }),
  },
  Deploy: {
    plan_id: (_, __, me) => ({ plan: me.nextPlan }),
    previous_root: (_, __, me) => ({ plan: me.view.root }),
    new_root: (_, __, me) => ({ plan: me.nextPlan }),
    rollback: (_, __, me) => ({ plan: me.view.root }),
    new_epoch: (_, after) => ({ int: after.lock.epoch }),
  },
  Backoff: { lock: (_, __, me) => ({ lock: me.view.lock }) },
  Cleanup: { next_plan: (_, __, me) => ({ int: me.nextPlan }) },
};

const encodeOutcome = (outcome: Outcome, state: DnsState): ItfValue =>
  'plan' in outcome
    ? planName(state, outcome.plan)
    : 'lock' in outcome
      ? lockRecord(outcome.lock)
      : itf.int(outcome.int);

/** An outcome as the reader compares it: a plan by name, a lock as "holder epoch", an integer as digits. */
const outcomeText = (outcome: Outcome, state: DnsState): string =>
  'plan' in outcome
    ? planName(state, outcome.plan)
    : 'lock' in outcome
      ? `${deployerName(outcome.lock.holder)} ${outcome.lock.epoch}`
      : String(outcome.int);

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
  const me = before.deployers[action.deployer]!;
  const fields: Record<string, ItfValue> = { deployer: DEPLOYER_NAMES[action.deployer]! };
  for (const [field, outcome] of Object.entries(OUTCOMES[action.kind]))
    fields[field] = encodeOutcome(outcome(before, after, me), before);
  if (action.kind === 'Cleanup')
    fields['old_indices'] = itf.set(oldIndices(parameters, before, action.deployer).map(itf.int));
  return itf.variant(action.kind, itf.record(fields));
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

// Reading: each helper fails with the path in the file and what it found there.

type Fields = Readonly<Record<string, ItfValue>>;

const show = (value: ItfValue | undefined): string =>
  value === undefined
    ? 'nothing'
    : typeof value === 'object'
      ? `a ${value.kind}`
      : excerpt(String(value));

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
  return typeof value === 'bigint' && value >= 0n && value <= 1_000_000n
    ? Number(value)
    : itfFailure(path, `expected an integer from 0 to 1000000, found ${show(value)}`);
}

/** The items of a set or list, or the [key, value] pairs of a map. */
function itemsAt(value: ItfValue | undefined, path: string, kind: 'set' | 'map') {
  if (typeof value === 'object' && kind === 'map' && value.kind === 'map') return value.entries;
  if (
    typeof value === 'object' &&
    kind === 'set' &&
    (value.kind === 'set' || value.kind === 'list')
  )
    return value.items.map((item) => [item, item] as const);
  return itfFailure(path, `expected a ${kind}, found ${show(value)}`);
}

/** A Quint pick: `Some(v)` is v, `None` nothing, anything else itself. */
function pickAt(value: ItfValue | undefined): ItfValue | undefined {
  if (typeof value !== 'object' || value.kind !== 'record' || !('tag' in value.fields))
    return value;
  return value.fields['tag'] === 'Some' ? value.fields['value'] : undefined;
}

function deployerAt(value: ItfValue | undefined, path: string, parameters: DnsParameters): number {
  const name = stringAt(value, path);
  const names: readonly string[] = DEPLOYER_NAMES.slice(0, parameters.deployers);
  return names.includes(name)
    ? names.indexOf(name)
    : itfFailure(path, `expected one of ${names.join(', ')}, found ${excerpt(name)}`);
}

function planAt(fields: Fields, path: string): Plan {
  const at = (field: string) => `${path}.${field}`;
  const weights = new Map(
    itemsAt(fields['weights'], at('weights'), 'map').map(([ip, weight], index) => [
      stringAt(ip, `${at('weights')}[${index}][0]`),
      intAt(weight, `${at('weights')}[${index}][1]`),
    ]),
  );
  const ips = itemsAt(fields['ips'], at('ips'), 'set').map(([ip], index) =>
    stringAt(ip, `${at('ips')}[${index}]`),
  );
  if (ips.length === 0) itfFailure(at('ips'), 'a plan has at least one load balancer');
  return {
    id: stringAt(fields['plan_id'], at('plan_id')),
    loadBalancers: ips.map((ip) => ({
      ip: /^192\.0\.2\.\d{1,3}$/.test(ip)
        ? ip
        : itfFailure(at('ips'), `expected addresses 192.0.2.N, found ${excerpt(ip)}`),
      weight: weights.get(ip) ?? itfFailure(at('weights'), `no weight for ${ip}`),
    })),
  };
}

/** Names without their module prefix: `main::dns::zone_records` is `zone_records`; `mbt::` stays. */
const unprefixed = (state: ItfState): ItfState =>
  Object.fromEntries(
    Object.entries(state).map(([name, value]) => [
      name.startsWith('mbt::') ? name : name.split('::').at(-1)!,
      value,
    ]),
  );

/** A claimed value as text: a lock record as "holder epoch", an integer as digits. */
function claimed(value: ItfValue, path: string): string {
  if (typeof value !== 'object' || value.kind !== 'record')
    return show(value).replace(/^"|"$/g, '');
  const tuple = value.fields['value'];
  return typeof tuple === 'object' && tuple.kind === 'tuple'
    ? tuple.items.map((item) => show(item).replace(/^"|"$/g, '')).join(' ')
    : itfFailure(`${path}.value`, `expected the tuple (holder, epoch), found ${show(tuple)}`);
}

export interface ReadAction {
  readonly action: DnsAction | 'Init';
  /** The fields of `ghost_action` whose claims to check, with their path. */
  readonly fields?: Fields;
}

const TAGS: readonly string[] = ['Init', 'GeneratePlan', 'Sync', 'Deploy', 'Backoff', 'Cleanup'];

function readGhostAction(
  value: ItfValue | undefined,
  path: string,
  parameters: DnsParameters,
): ReadAction {
  const fields = fieldsAt(value, path);
  const tag = stringAt(fields['tag'], `${path}.tag`);
  if (!TAGS.includes(tag))
    return itfFailure(`${path}.tag`, `expected one of ${TAGS.join(', ')}, found ${excerpt(tag)}`);
  if (tag === 'Init') return { action: 'Init' };
  const payload = fieldsAt(fields['value'], `${path}.value`);
  if (tag === 'GeneratePlan')
    return { action: { kind: tag, plan: planAt(payload, `${path}.value`) } };
  const deployer = deployerAt(payload['deployer'], `${path}.value.deployer`, parameters);
  return { action: { kind: tag as 'Sync', deployer }, fields: payload };
}

/** Quint's action names as a spec of the lab may spell them: case, `_` and a deployer_/planner_ prefix aside. */
const QUINT_ACTIONS: Readonly<Record<string, DnsActionKind | 'Init'>> = {
  init: 'Init',
  generate: 'GeneratePlan',
  generateplan: 'GeneratePlan',
  addplan: 'GeneratePlan',
  sync: 'Sync',
  query: 'Sync',
  deploy: 'Deploy',
  apply: 'Deploy',
  backoff: 'Backoff',
  cleanup: 'Cleanup',
  gc: 'Cleanup',
};

/** The action of a state Quint's `--mbt` wrote, from `mbt::actionTaken` and `mbt::nondetPicks`. */
export function readQuintAction(
  state: ItfState,
  path: string,
  parameters: DnsParameters,
  planCount: number,
): ReadAction {
  const at = `${path}.${ACTION_TAKEN}`;
  const taken = stringAt(state[ACTION_TAKEN], at);
  const kind =
    QUINT_ACTIONS[
      taken
        .toLowerCase()
        .replace(/[^a-z]/g, '')
        .replace(/^(deployer|planner)/, '')
    ];
  if (kind === undefined)
    return itfFailure(at, `expected an action of the lab, found ${excerpt(taken)}`);
  if (kind === 'Init') return { action: 'Init' };
  const picks = Object.fromEntries(
    Object.entries(
      state[NONDET_PICKS] === undefined
        ? {}
        : fieldsAt(state[NONDET_PICKS], `${path}.${NONDET_PICKS}`),
    ).flatMap(([name, value]) => {
      const picked = pickAt(value);
      return picked === undefined ? [] : [[name, picked]];
    }),
  );
  if (kind === 'GeneratePlan')
    return {
      action: {
        kind,
        plan:
          'plan_id' in picks ? planAt(picks, `${path}.${NONDET_PICKS}`) : canonicalPlan(planCount),
      },
    };
  const field = 'deployer' in picks ? 'deployer' : 'd';
  return {
    action: {
      kind,
      deployer: deployerAt(picks[field], `${path}.${NONDET_PICKS}.${field}`, parameters),
    },
  };
}

function readParameters(trace: ItfTrace, first: ItfState): DnsParameters {
  const meta = trace.meta['parameters'];
  const count = (name: string, kind: 'set' | 'map') =>
    first[name] === undefined ? undefined : itemsAt(first[name], `states[0].${name}`, kind).length;
  const read = (
    typeof meta === 'object' && meta !== null
      ? meta
      : {
          deployers:
            count('DEPLOYERS', 'set') ??
            count('deployer_next_plan', 'map') ??
            labParameters.deployers,
          plans: 30,
          keep:
            first['MAX_PLAN_AGE'] === undefined
              ? labParameters.keep
              : intAt(first['MAX_PLAN_AGE'], 'states[0].MAX_PLAN_AGE'),
          fixed: false,
        }
  ) as DnsParameters;
  try {
    return replayParameters({
      deployers: read.deployers,
      plans: read.plans,
      keep: read.keep,
      fixed: read.fixed,
    });
  } catch (error) {
    return itfFailure(
      meta === undefined ? 'states[0]' : '#meta.parameters',
      (error as Error).message,
    );
  }
}

function expectClaim(path: string, found: string, expected: string) {
  if (found !== expected)
    itfFailure(path, `the model has ${excerpt(expected)} here, the trace ${excerpt(found)}`);
}

/** The model's trace behind an ITF trace; every step must be one the model takes, with the same outcome. */
export function dnsTraceFromItf(trace: ItfTrace): ItfResult<DnsTrace> {
  return attempt(() => {
    const states = trace.states.map(unprefixed);
    const first = states[0]!;
    const fromGhost = GHOST_ACTION in first;
    if (!fromGhost && !(ACTION_TAKEN in first))
      itfFailure(
        'states[0]',
        `expected "${GHOST_ACTION}" or "${ACTION_TAKEN}" to name each step's action, found ${Object.keys(first).map(excerpt).join(', ') || 'no variables'}`,
      );
    const declared = readParameters(trace, first);
    let current = initialState(declared);
    const steps: Transition<DnsState>[] = [];
    states.forEach((state, index) => {
      const path = `states[${index}]`;
      const where = `${path}.${fromGhost ? GHOST_ACTION : ACTION_TAKEN}`;
      const { action, fields } = fromGhost
        ? readGhostAction(state[GHOST_ACTION], where, declared)
        : readQuintAction(state, path, declared, current.plans.length);
      if ((index === 0) !== (action === 'Init'))
        itfFailure(
          where,
          index === 0
            ? 'the first state is reached by Init'
            : 'only the first state is reached by Init',
        );
      if (action !== 'Init') {
        const result = step(declared, current, action);
        const who =
          action.kind === 'GeneratePlan' ? 'the planner' : DEPLOYER_NAMES[action.deployer];
        if (isRefusal(result))
          return itfFailure(
            where,
            `${action.kind} by ${who} is not possible there: ${refusalWords[result]}`,
          );
        const me = action.kind === 'GeneratePlan' ? undefined : current.deployers[action.deployer];
        const outcomes = action.kind === 'GeneratePlan' ? {} : OUTCOMES[action.kind];
        for (const [field, outcome] of Object.entries(outcomes)) {
          const value = fields?.[field];
          if (value === undefined || me === undefined) continue;
          const expected = outcomeText(outcome(current, result, me), current);
          const found = claimed(value, `${where}.value.${field}`);
          // Tools name the placeholder plan in their own zone (plan-init.db.example.com in the spec).
          if (!(expected === planId(INIT_PLAN) && found.startsWith('plan-init.')))
            expectClaim(`${where}.value.${field}`, found, expected);
        }
        current = result;
        steps.push({ action: actionIndex(action), choice: 0, state: current });
      }
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
