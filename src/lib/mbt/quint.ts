/**
 * The Quint spec of the lab (specs/acme_clouddb.qnt) and the TypeScript model, checked against
 * each other. One way, a trace Quint's simulator wrote drives the TypeScript model step by step
 * (the action Quint took, by `mbt::actionTaken` and `mbt::nondetPicks`), and after every step the
 * two states must be the same: the root, rollback, lock and plans in the zone first (what a reader
 * of a failure wants named), then every variable of the workshop's spec. The other way, a trace of
 * the TypeScript checker becomes a Quint `run`: each step the action the checker took, followed by
 * the state it reached, for `quint test` to execute.
 */
import {
  ACTION_TAKEN,
  attempt,
  NONDET_PICKS,
  type ItfState,
  type ItfTrace,
  type ItfValue,
} from '../itf.ts';
import {
  actionIndex,
  DEPLOYER_NAMES,
  initialState,
  isRefusal,
  refusalWords,
  rollbackHolds,
  rootHolds,
  step,
  type DnsAction,
  type DnsActionKind,
  type DnsParameters,
  type DnsState,
} from '../models/dns-control-plane.ts';
import {
  actionOf,
  dnsTraceToItf,
  GHOST_ACTION,
  LOCK_NAME,
  readQuintAction,
  ROLLBACK_NAME,
  ROOT_NAME,
  STATE_VARS,
  type DnsTrace,
} from '../models/dns-control-plane-itf.ts';
import type { Transition } from '../checker/spec.ts';

/** The spec's action for each of the model's, as a `run` calls it (and `mbt::actionTaken` names it). */
const QUINT_NAMES: Readonly<Record<DnsActionKind, string>> = {
  GeneratePlan: 'generate_plan',
  Sync: 'sync',
  Deploy: 'deploy',
  Backoff: 'backoff',
  Cleanup: 'cleanup',
};

/** Where Quint and the TypeScript model first part: a step, one variable, and its two values. */
export interface QuintMismatch {
  /** 0 for the initial state. */
  readonly step: number;
  /** What Quint did at that step, e.g. `deploy(deployer-b)`. */
  readonly action: string;
  readonly variable: string;
  readonly quint: string;
  readonly typescript: string;
  /** Why the TypeScript model could not take Quint's step, where it could not. */
  readonly refusal?: string;
}

export type QuintReplay =
  | {
      readonly ok: true;
      readonly trace: DnsTrace;
      /** The first step after which the TypeScript model breaks an invariant, if it does. */
      readonly brokenAt: number | undefined;
    }
  | { readonly ok: false; readonly mismatch: QuintMismatch };

/** A state variable's value, whatever module prefix Quint gave it (`d2_p3_k1::acme_clouddb::…`). */
function variable(state: ItfState, name: string): ItfValue | undefined {
  if (name in state) return state[name];
  const key = Object.keys(state).find((candidate) => candidate.endsWith(`::${name}`));
  return key === undefined ? undefined : state[key];
}

const recordsOf = (value: ItfValue | undefined) =>
  typeof value === 'object' && value.kind === 'set'
    ? value.items.flatMap((item) =>
        typeof item === 'object' && item.kind === 'record' ? [item.fields] : [],
      )
    : [];

const tupleOf = (value: ItfValue | undefined) =>
  typeof value === 'object' && value.kind === 'tuple' ? value.items : [];

/** What the zone shows from outside: root, rollback, lock, and the plans whose alias is stored. */
function observed(zone: ItfValue | undefined): Readonly<Record<string, string>> {
  const records = recordsOf(zone);
  const target = (name: string) =>
    records
      .filter((record) => record['name'] === name && record['kind'] === 'CNAME')
      .map((record) => String(tupleOf(record['value'])[0]))
      .join(', ') || 'nothing';
  const lock = records.find((record) => record['name'] === LOCK_NAME);
  const plans = records
    .filter(({ name, kind }) => kind === 'CNAME' && /^plan-\d+\./.test(String(name)))
    .map(({ name }) => String(name))
    .sort();
  return {
    root: target(ROOT_NAME),
    rollback: target(ROLLBACK_NAME),
    lock: lock === undefined ? 'nothing' : tupleOf(lock['value']).map(String).join(' '),
    plans: plans.join(', ') || 'none',
  };
}

/** The first variable in which two states differ, the outside view first. */
function firstDifference(
  quint: ItfState,
  typescript: ItfState,
  { withAction }: { withAction: boolean },
): Pick<QuintMismatch, 'variable' | 'quint' | 'typescript'> | undefined {
  const seen = observed(variable(quint, 'zone_records'));
  const expected = observed(typescript['zone_records']);
  for (const [name, value] of Object.entries(seen)) {
    if (value !== expected[name])
      return { variable: name, quint: value, typescript: expected[name]! };
  }
  for (const name of STATE_VARS) {
    if (name === GHOST_ACTION && !withAction) continue;
    const [a, b] = [variable(quint, name), typescript[name]];
    if (comparable(a) !== comparable(b)) return { variable: name, ...apart(a, b) };
  }
  return undefined;
}

/** Two different values as a reader compares them: of two sets, only the items one lacks. */
function apart(
  a: ItfValue | undefined,
  b: ItfValue | undefined,
): { quint: string; typescript: string } {
  if (typeof a !== 'object' || a.kind !== 'set' || typeof b !== 'object' || b.kind !== 'set')
    return { quint: comparable(a), typescript: comparable(b) };
  const [mine, theirs] = [a, b].map((set) => new Set(set.items.map((item) => comparable(item))));
  const only = (items: Set<string>, other: Set<string>) =>
    `{${[...items].filter((item) => !other.has(item)).join(', ')}, …}`;
  return { quint: only(mine!, theirs!), typescript: only(theirs!, mine!) };
}

const fieldsOf = (value: ItfValue | undefined): Readonly<Record<string, ItfValue>> =>
  typeof value === 'object' && value.kind === 'record' ? value.fields : {};

/** The action Quint took to reach `state`, as the TypeScript model's action, read as the site reads it. */
function quintAction(
  state: ItfState,
  parameters: DnsParameters,
  planCount: number,
): { action?: DnsAction; text: string } {
  const taken = String(state[ACTION_TAKEN] ?? '');
  const pick = fieldsOf(fieldsOf(state[NONDET_PICKS])['d']);
  const text = pick['tag'] === 'Some' ? `${taken}(${String(pick['value'])})` : taken;
  const read = attempt(() => readQuintAction(state, 'state', parameters, planCount));
  return read.ok && read.value.action !== 'Init' ? { action: read.value.action, text } : { text };
}

/**
 * Replays a trace Quint wrote for an instance of the spec with `parameters` through the
 * TypeScript model, comparing the states after every step.
 */
export function replayQuintTrace(trace: ItfTrace, parameters: DnsParameters): QuintReplay {
  const initial = initialState(parameters);
  const steps: Transition<DnsState>[] = [];
  const encoded = () => dnsTraceToItf({ parameters, trace: { initial, steps } }, '').states;
  const first = trace.states[0];
  if (first === undefined) {
    return {
      ok: false,
      mismatch: {
        step: 0,
        action: 'init',
        variable: 'states',
        quint: 'none',
        typescript: 'the initial state',
      },
    };
  }
  const start = firstDifference(first, encoded()[0]!, { withAction: false });
  if (start !== undefined) return { ok: false, mismatch: { step: 0, action: 'init', ...start } };

  let current = initial;
  for (const [index, state] of trace.states.entries()) {
    if (index === 0) continue;
    const { action, text } = quintAction(state, parameters, current.plans.length);
    const result = action === undefined ? undefined : step(parameters, current, action);
    if (action === undefined || result === undefined || isRefusal(result)) {
      // The TypeScript model cannot take the step: the state it stays in shows how far apart they are.
      const stayed = encoded().at(-1)!;
      const difference = firstDifference(state, stayed, { withAction: false }) ?? {
        variable: ACTION_TAKEN,
        quint: text,
        typescript: 'no such step',
      };
      const refusal =
        result !== undefined && isRefusal(result)
          ? refusalWords[result]
          : 'not an action of the lab';
      return { ok: false, mismatch: { step: index, action: text, ...difference, refusal } };
    }
    current = result;
    steps.push({ action: actionIndex(action), choice: 0, state: current });
    const difference = firstDifference(state, encoded().at(-1)!, { withAction: true });
    if (difference !== undefined)
      return { ok: false, mismatch: { step: index, action: text, ...difference } };
  }
  const dnsTrace: DnsTrace = { parameters, trace: { initial, steps } };
  return { ok: true, trace: dnsTrace, brokenAt: brokenAt(dnsTrace) };
}

function brokenAt({ trace }: DnsTrace): number | undefined {
  const index = trace.steps.findIndex(({ state }) => !rootHolds(state) || !rollbackHolds(state));
  return index === -1 ? undefined : index + 1;
}

// The other way: a trace of the TypeScript model as a Quint run.

/**
 * A value as a Quint expression: the same value, written as Quint reads it. `inOrder` writes set
 * items, map entries and record fields sorted, so that two equal values read the same and a
 * comparison can be of text.
 */
export function quintExpression(value: ItfValue, inOrder = false): string {
  const written = (item: ItfValue) => quintExpression(item, inOrder);
  const listed = (items: string[]) => (inOrder ? items.sort() : items).join(', ');
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'object') return String(value);
  switch (value.kind) {
    case 'list':
      return `[${value.items.map(written).join(', ')}]`;
    case 'tuple':
      return `(${value.items.map(written).join(', ')})`;
    case 'set':
      return `Set(${listed(value.items.map(written))})`;
    case 'map':
      return `Map(${listed(value.entries.map(([key, item]) => `${written(key)} -> ${written(item)}`))})`;
    case 'record':
      return `{ ${listed(Object.entries(value.fields).map(([field, item]) => `${field}: ${written(item)}`))} }`;
    case 'unserializable':
      if (inOrder) return value.text;
      throw new RangeError(`Quint has no expression for ${value.text}`);
  }
}

/** A value as a comparison reads it: equal values, equal text. */
const comparable = (value: ItfValue | undefined) =>
  value === undefined ? 'nothing' : quintExpression(value, true);

/** One step of a Quint run: the action to take, and what the state must then be. */
export interface QuintStep {
  readonly call: string;
  readonly expect: string;
}

/** The variables a step's state is compared in: everything but the action's record. */
const COMPARED = STATE_VARS.filter((name) => name !== GHOST_ACTION);

const stateClaim = (state: ItfState) =>
  COMPARED.map((name) => `${name} == ${quintExpression(state[name]!)}`).join(' and ');

/** The steps of a TypeScript trace as Quint calls, each with the state the model reached. */
export function quintSteps(dnsTrace: DnsTrace): QuintStep[] {
  const { parameters, trace } = dnsTrace;
  const states = dnsTraceToItf(dnsTrace, '').states;
  return trace.steps.map(({ action: index, state }, at) => {
    const action = actionOf(parameters, state, index);
    const name = QUINT_NAMES[action.kind];
    const call =
      action.kind === 'GeneratePlan' ? name : `${name}("${DEPLOYER_NAMES[action.deployer]}")`;
    return { call, expect: stateClaim(states[at + 1]!) };
  });
}

export interface QuintRunOptions {
  /** The test module's name. */
  readonly module: string;
  /** The spec's path relative to the test file, without `.qnt`. */
  readonly spec: string;
  readonly parameters: DnsParameters;
  /** The run's name; `quint test` runs every `run` definition. */
  readonly name: string;
  /** Whether the last state must break the invariant (a counterexample) and none before it. */
  readonly breaksAtEnd: boolean;
}

const deployerSet = (count: number) =>
  `Set(${DEPLOYER_NAMES.slice(0, count)
    .map((name) => `"${name}"`)
    .join(', ')})`;

/** A Quint module whose one `run` takes `steps` from the spec's initial state, checking each. */
export function quintRun(steps: readonly QuintStep[], options: QuintRunOptions): string {
  const { deployers, plans, keep, fixed } = options.parameters;
  const last = steps.length - 1;
  const lines = steps.map(({ call, expect }, index) => {
    const invariant = options.breaksAtEnd && index === last ? 'not(safe)' : 'safe';
    return `      .then(${call})\n      .expect(${invariant} and ${expect})`;
  });
  return [
    `// Written by scripts/spec.ts from a trace of the TypeScript checker: each step is the action`,
    `// the checker took, then the state the TypeScript model reached, which Quint's must equal.`,
    `module ${options.module} {`,
    `  import acme_clouddb(DEPLOYERS = ${deployerSet(deployers)}, PLANS = ${plans}, KEEP = ${keep}, FIXED = ${fixed}).* from "${options.spec}"`,
    ``,
    `  run ${options.name} =`,
    `    init`,
    ...lines,
    `}`,
    ``,
  ].join('\n');
}
