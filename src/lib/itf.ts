/**
 * The Informal Trace Format (ITF, Apalache ADR-015): the JSON in which Apalache, Quint and other
 * tools exchange traces. Values are tagged JSON: integers `{"#bigint": "42"}`, sets `{"#set": […]}`,
 * maps `{"#map": [[k, v], …]}`, tuples `{"#tup": […]}`, lists as arrays, records as objects.
 *
 * Decoding reads files people upload or paste, so it checks everything and says where it failed
 * (e.g. `states[3].storedPlans: expected …`). Decoded values are tagged objects rather than
 * JavaScript sets or maps, so that two decodings of the same file compare equal with a deep equal.
 */

export const ITF_FORMAT_DESCRIPTION = 'https://apalache-mc.org/docs/adr/015adr-trace.html';
/** The state variable that names the action taken to reach a state, as Quint's model-based testing expects. */
export const ACTION_TAKEN = 'mbt::actionTaken';
/** The state variable that holds the action's nondeterministic choices, by name. */
export const NONDET_PICKS = 'mbt::nondetPicks';

export type ItfValue =
  | boolean
  | string
  | bigint
  | { readonly kind: 'list'; readonly items: readonly ItfValue[] }
  | { readonly kind: 'tuple'; readonly items: readonly ItfValue[] }
  | { readonly kind: 'set'; readonly items: readonly ItfValue[] }
  | { readonly kind: 'map'; readonly entries: readonly (readonly [ItfValue, ItfValue])[] }
  | { readonly kind: 'record'; readonly fields: Readonly<Record<string, ItfValue>> }
  /** A value the writing tool could not express; kept as its text. */
  | { readonly kind: 'unserializable'; readonly text: string };

export type ItfState = Readonly<Record<string, ItfValue>>;

export interface ItfTrace {
  /** Free-form facts about the trace (source, description, parameters). */
  readonly meta: Readonly<Record<string, unknown>>;
  readonly params?: readonly string[];
  readonly vars: readonly string[];
  readonly states: readonly ItfState[];
  /** Index of the state the trace loops back to, for lasso-shaped traces. */
  readonly loop?: number;
}

/** Builders, so that code producing traces reads like the data it writes. */
export const itf = {
  int: (value: number | bigint): ItfValue => BigInt(value),
  list: (items: readonly ItfValue[]): ItfValue => ({ kind: 'list', items }),
  tuple: (items: readonly ItfValue[]): ItfValue => ({ kind: 'tuple', items }),
  set: (items: readonly ItfValue[]): ItfValue => ({ kind: 'set', items }),
  map: (entries: readonly (readonly [ItfValue, ItfValue])[]): ItfValue => ({
    kind: 'map',
    entries,
  }),
  record: (fields: Readonly<Record<string, ItfValue>>): ItfValue => ({ kind: 'record', fields }),
  /** A Quint sum-type value, e.g. `Some(3)`: ITF writes it as the record `{ tag, value }`. */
  variant: (tag: string, value: ItfValue = { kind: 'tuple', items: [] }): ItfValue => ({
    kind: 'record',
    fields: { tag, value },
  }),
} as const;

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

export function encodeValue(value: ItfValue): Json {
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return { '#bigint': value.toString() };
  switch (value.kind) {
    case 'list':
      return value.items.map(encodeValue);
    case 'tuple':
      return { '#tup': value.items.map(encodeValue) };
    case 'set':
      return { '#set': value.items.map(encodeValue) };
    case 'map':
      return { '#map': value.entries.map(([key, item]) => [encodeValue(key), encodeValue(item)]) };
    case 'record':
      return Object.fromEntries(
        Object.entries(value.fields).map(([field, item]) => [field, encodeValue(item)]),
      );
    case 'unserializable':
      return { '#unserializable': value.text };
  }
}

/** The trace as the JSON object of the format, ready for `JSON.stringify`. */
export function encodeItf(trace: ItfTrace): Json {
  return {
    '#meta': {
      format: 'ITF',
      'format-description': ITF_FORMAT_DESCRIPTION,
      ...(trace.meta as Record<string, Json>),
    },
    ...(trace.params === undefined ? {} : { params: trace.params }),
    vars: trace.vars,
    states: trace.states.map((state, index) => ({
      '#meta': { index },
      ...Object.fromEntries(trace.vars.map((name) => [name, encodeValue(state[name]!)])),
    })),
    ...(trace.loop === undefined ? {} : { loop: trace.loop }),
  };
}

export function stringifyItf(trace: ItfTrace): string {
  return `${JSON.stringify(encodeItf(trace), null, 2)}\n`;
}

export type ItfResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

class ItfError extends Error {}

const fail = (path: string, problem: string): never => {
  throw new ItfError(`${path}: ${problem}`);
};

const isObject = (json: unknown): json is Readonly<Record<string, unknown>> =>
  typeof json === 'object' && json !== null && !Array.isArray(json);

const describeJson = (json: unknown): string => {
  if (json === null) return 'null';
  if (Array.isArray(json)) return 'an array';
  if (isObject(json)) return 'an object';
  return `${typeof json} ${JSON.stringify(json)}`;
};

const TAGS = ['#bigint', '#tup', '#set', '#map', '#unserializable'] as const;

function arrayAt(json: unknown, path: string): readonly unknown[] {
  return Array.isArray(json) ? json : fail(path, `expected an array, found ${describeJson(json)}`);
}

export function decodeValue(json: unknown, path = 'value'): ItfValue {
  if (typeof json === 'boolean' || typeof json === 'string') return json;
  if (typeof json === 'number') {
    // ADR-015 allows plain JSON numbers for integers that fit; fractions are not ITF values.
    return Number.isSafeInteger(json)
      ? BigInt(json)
      : fail(path, `expected an integer, found ${json}`);
  }
  if (Array.isArray(json))
    return itf.list(json.map((item, index) => decodeValue(item, `${path}[${index}]`)));
  if (!isObject(json)) return fail(path, `expected an ITF value, found ${describeJson(json)}`);

  const tag = TAGS.find((candidate) => candidate in json);
  if (tag === undefined) {
    return itf.record(
      Object.fromEntries(
        Object.entries(json).map(([field, item]) => [field, decodeValue(item, `${path}.${field}`)]),
      ),
    );
  }
  if (Object.keys(json).length !== 1) fail(path, `"${tag}" must be the only key of its object`);
  const content = json[tag];
  switch (tag) {
    case '#bigint':
      if (typeof content !== 'string' || !/^-?\d+$/.test(content)) {
        return fail(
          path,
          `"#bigint" must hold a string of decimal digits, found ${describeJson(content)}`,
        );
      }
      return BigInt(content);
    case '#tup':
      return itf.tuple(
        arrayAt(content, `${path}.#tup`).map((item, index) =>
          decodeValue(item, `${path}.#tup[${index}]`),
        ),
      );
    case '#set':
      return itf.set(
        arrayAt(content, `${path}.#set`).map((item, index) =>
          decodeValue(item, `${path}.#set[${index}]`),
        ),
      );
    case '#map':
      return itf.map(
        arrayAt(content, `${path}.#map`).map((entry, index) => {
          const at = `${path}.#map[${index}]`;
          const pair = arrayAt(entry, at);
          if (pair.length !== 2)
            fail(at, `expected a [key, value] pair, found ${pair.length} items`);
          return [decodeValue(pair[0], `${at}[0]`), decodeValue(pair[1], `${at}[1]`)] as const;
        }),
      );
    case '#unserializable':
      return typeof content === 'string'
        ? { kind: 'unserializable', text: content }
        : fail(path, `"#unserializable" must hold a string, found ${describeJson(content)}`);
  }
}

function decodeNames(json: unknown, path: string): string[] {
  const names = arrayAt(json, path).map((name, index) =>
    typeof name === 'string' && name !== ''
      ? name
      : fail(`${path}[${index}]`, 'expected a non-empty name'),
  );
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) fail(path, `"${repeated}" is listed twice`);
  return names;
}

function decodeState(json: unknown, index: number, vars: readonly string[]): ItfState {
  const path = `states[${index}]`;
  if (!isObject(json)) return fail(path, `expected an object, found ${describeJson(json)}`);
  const { '#meta': meta, ...values } = json;
  if (meta !== undefined) {
    if (!isObject(meta)) fail(`${path}.#meta`, `expected an object, found ${describeJson(meta)}`);
    else if (meta['index'] !== undefined && meta['index'] !== index) {
      fail(`${path}.#meta.index`, `expected ${index}, found ${describeJson(meta['index'])}`);
    }
  }
  const missing = vars.find((name) => !(name in values));
  if (missing !== undefined) fail(path, `variable "${missing}" is missing`);
  const unknown = Object.keys(values).find((name) => !vars.includes(name));
  if (unknown !== undefined) fail(path, `variable "${unknown}" is not listed in "vars"`);
  return Object.fromEntries(
    vars.map((name) => [name, decodeValue(values[name], `${path}.${name}`)]),
  );
}

function decodeTrace(json: unknown): ItfTrace {
  if (!isObject(json)) return fail('trace', `expected a JSON object, found ${describeJson(json)}`);
  const meta = json['#meta'] ?? {};
  if (!isObject(meta)) fail('#meta', `expected an object, found ${describeJson(meta)}`);
  const vars = decodeNames(json['vars'], 'vars');
  const states = arrayAt(json['states'], 'states').map((state, index) =>
    decodeState(state, index, vars),
  );
  if (states.length === 0) fail('states', 'a trace has at least one state');
  const loop = json['loop'];
  if (
    loop !== undefined &&
    !(Number.isInteger(loop) && (loop as number) >= 0 && (loop as number) < states.length)
  ) {
    fail(
      'loop',
      `expected the index of a state (0 to ${states.length - 1}), found ${describeJson(loop)}`,
    );
  }
  return {
    meta: meta as Record<string, unknown>,
    ...(json['params'] === undefined ? {} : { params: decodeNames(json['params'], 'params') }),
    vars,
    states,
    ...(loop === undefined ? {} : { loop: loop as number }),
  };
}

/** Runs a decoder, turning its first complaint into an error result. */
export function attempt<T>(decode: () => T): ItfResult<T> {
  try {
    return { ok: true, value: decode() };
  } catch (error) {
    if (error instanceof ItfError) return { ok: false, error: error.message };
    throw error;
  }
}

/** Reads an ITF file's text; a malformed file gives an error that names the place and the problem. */
export function parseItf(text: string): ItfResult<ItfTrace> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}` };
  }
  return attempt(() => decodeTrace(json));
}

/** For model-specific readers: fails at `path` in the same way the decoder does. */
export function itfFailure(path: string, problem: string): never {
  return fail(path, problem);
}
