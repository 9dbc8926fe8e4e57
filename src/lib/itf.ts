/**
 * The Informal Trace Format (ITF, Apalache ADR-015): the JSON in which Apalache, Quint and
 * Wunderspec write traces. Values are tagged JSON: integers `{"#bigint": "42"}`, sets `{"#set": […]}`,
 * maps `{"#map": [[k, v], …]}`, tuples `{"#tup": […]}`, lists as arrays, records as objects.
 *
 * Decoding reads files people upload or paste, so it checks everything and says where it failed
 * (e.g. `states[3].ghost_action: expected …`), within ITF_LIMITS and quoting at most an excerpt. Decoded values are tagged objects rather than
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
      ...Object.fromEntries(
        [...(trace.params ?? []).filter((name) => name in state), ...trace.vars].map((name) => [
          name,
          encodeValue(state[name]!),
        ]),
      ),
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

/** Limits that keep a hostile or broken file from freezing the page or overflowing the stack. */
export const ITF_LIMITS = {
  /** Characters of text the reader takes at all (ITF traces of the lab are a few hundred KB). */
  maxTextLength: 5_000_000,
  /** Arrays and objects nested inside each other; real traces nest a dozen levels. */
  maxDepth: 100,
  /** Digits of a `#bigint`: far beyond any integer a model uses, far short of slow arithmetic. */
  maxDigits: 100,
} as const;

const EXCERPT_LENGTH = 40;

/** At most EXCERPT_LENGTH characters of a value, so that a refusal never repeats a huge input. */
export function excerpt(text: string): string {
  return text.length <= EXCERPT_LENGTH
    ? JSON.stringify(text)
    : `${JSON.stringify(text.slice(0, EXCERPT_LENGTH))}… (${text.length.toLocaleString('en-US')} characters)`;
}

function decodeBigint(content: unknown, path: string): bigint {
  if (typeof content !== 'string')
    return fail(
      path,
      `"#bigint" must hold a string of decimal digits, found ${describeJson(content)}`,
    );
  if (content.length > ITF_LIMITS.maxDigits + 1)
    return fail(
      path,
      `"#bigint" holds ${content.length.toLocaleString('en-US')} characters, more than the ${ITF_LIMITS.maxDigits} digits the reader takes: ${excerpt(content)}`,
    );
  if (!/^-?\d+$/.test(content))
    return fail(path, `"#bigint" must hold a string of decimal digits, found ${excerpt(content)}`);
  return BigInt(content);
}

/**
 * Decodes one value. Recursion is bounded by ITF_LIMITS.maxDepth, so deep nesting is refused with a
 * message long before it could overflow the call stack.
 */
export function decodeValue(json: unknown, path = 'value', depth = 0): ItfValue {
  if (typeof json === 'boolean' || typeof json === 'string') return json;
  if (typeof json === 'number') {
    // ADR-015 allows plain JSON numbers for integers that fit; fractions are not ITF values.
    return Number.isSafeInteger(json)
      ? BigInt(json)
      : fail(path, `expected an integer, found ${json}`);
  }
  if (depth >= ITF_LIMITS.maxDepth)
    return fail(
      path,
      `nested more than ${ITF_LIMITS.maxDepth} levels deep; the reader stops there`,
    );
  const items = (content: unknown, at: string) =>
    arrayAt(content, at).map((item, index) => decodeValue(item, `${at}[${index}]`, depth + 1));
  if (Array.isArray(json)) return itf.list(items(json, path));
  if (!isObject(json)) return fail(path, `expected an ITF value, found ${describeJson(json)}`);

  const tag = TAGS.find((candidate) => candidate in json);
  if (tag === undefined) {
    return itf.record(
      Object.fromEntries(
        Object.entries(json).map(([field, item]) => [
          field,
          decodeValue(item, `${path}.${field}`, depth + 1),
        ]),
      ),
    );
  }
  if (Object.keys(json).length !== 1) fail(path, `"${tag}" must be the only key of its object`);
  const content = json[tag];
  switch (tag) {
    case '#bigint':
      return decodeBigint(content, path);
    case '#tup':
      return itf.tuple(items(content, `${path}.#tup`));
    case '#set':
      return itf.set(items(content, `${path}.#set`));
    case '#map':
      return itf.map(
        arrayAt(content, `${path}.#map`).map((entry, index) => {
          const at = `${path}.#map[${index}]`;
          const pair = arrayAt(entry, at);
          if (pair.length !== 2)
            fail(at, `expected a [key, value] pair, found ${pair.length} items`);
          const [key, value] = items(pair, at);
          return [key!, value!] as const;
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

function decodeState(
  json: unknown,
  index: number,
  vars: readonly string[],
  params: readonly string[],
): ItfState {
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
  // ADR-015: parameter values come with the first state; a tool may repeat them in later ones.
  const unknown = Object.keys(values).find(
    (name) => !vars.includes(name) && !params.includes(name),
  );
  if (unknown !== undefined)
    fail(path, `variable "${unknown}" is not listed in "vars" or "params"`);
  const names = Object.keys(values);
  return Object.fromEntries(
    names.map((name) => [name, decodeValue(values[name], `${path}.${name}`)]),
  );
}

function decodeTrace(json: unknown, where = 'trace'): ItfTrace {
  if (!isObject(json)) return fail(where, `expected a JSON object, found ${describeJson(json)}`);
  const meta = json['#meta'] ?? {};
  if (!isObject(meta)) fail('#meta', `expected an object, found ${describeJson(meta)}`);
  const vars = decodeNames(json['vars'], 'vars');
  const params = json['params'] === undefined ? [] : decodeNames(json['params'], 'params');
  const states = arrayAt(json['states'], 'states').map((state, index) =>
    decodeState(state, index, vars, params),
  );
  if (states.length === 0) fail('states', 'a trace has at least one state');
  const missingParam = params.find((name) => !(name in states[0]!));
  if (missingParam !== undefined)
    fail('states[0]', `parameter "${missingParam}" is listed in "params" but has no value`);
  // itf-rs writes `"loop": null` for a trace that does not loop back.
  const loop = json['loop'] ?? undefined;
  if (
    loop !== undefined &&
    !(Number.isInteger(loop) && (loop as number) >= 0 && (loop as number) < states.length)
  ) {
    fail(
      'loop',
      `expected the index of a state (0 to ${states.length - 1}) or null, found ${describeJson(loop)}`,
    );
  }
  return {
    meta: meta as Record<string, unknown>,
    ...(json['params'] === undefined ? {} : { params }),
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

/** Why a text (or a file, by its size and first characters) is too long to read, if it is. */
export function tooLong(length: number, beginning: string): string | undefined {
  if (length <= ITF_LIMITS.maxTextLength) return undefined;
  const size = (length / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1 });
  const limit = (ITF_LIMITS.maxTextLength / 1_000_000).toLocaleString('en-US');
  return `the input is ${size} MB, over the ${limit} MB the reader takes; it begins ${excerpt(beginning.slice(0, 2 * EXCERPT_LENGTH))}`;
}

/** Reads an ITF file's text; a malformed file gives an error that names the place and the problem. */
export function parseItf(text: string): ItfResult<ItfTrace> {
  const traces = parseItfTraces(text);
  if (!traces.ok) return traces;
  if (traces.value.length > 1)
    return { ok: false, error: `expected one trace, found ${traces.value.length} (NDJSON)` };
  return { ok: true, value: traces.value[0]! };
}

/**
 * Reads one trace (a JSON object), several (a JSON array of them) or NDJSON (one trace per line),
 * the shapes the workshop's replay script reads.
 */
export function parseItfTraces(text: string): ItfResult<readonly ItfTrace[]> {
  const refusal = tooLong(text.length, text.slice(0, 100));
  if (refusal !== undefined) return { ok: false, error: refusal };
  if (text.trim() === '') return { ok: false, error: 'the text is empty' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    if (lines.length < 2) return { ok: false, error: `not JSON: ${(error as Error).message}` };
    return attempt(() =>
      lines.map((line, index) => {
        try {
          return decodeTrace(JSON.parse(line), `line ${index + 1}`);
        } catch (lineError) {
          if (lineError instanceof ItfError)
            throw new ItfError(`line ${index + 1}: ${lineError.message}`);
          return fail(`line ${index + 1}`, `not JSON: ${(lineError as Error).message}`);
        }
      }),
    );
  }
  return attempt(() => {
    if (!Array.isArray(json)) return [decodeTrace(json)];
    if (json.length === 0) fail('traces', 'expected at least one trace, found an empty array');
    return json.map((trace, index) => decodeTrace(trace, `traces[${index}]`));
  });
}

/** For model-specific readers: fails at `path` in the same way the decoder does. */
export function itfFailure(path: string, problem: string): never {
  return fail(path, problem);
}
