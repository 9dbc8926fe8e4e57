import { describe, expect, it } from 'vitest';
import { check } from '../../src/lib/checker/bfs.ts';
import {
  ACTION_TAKEN,
  decodeValue,
  encodeValue,
  itf,
  NONDET_PICKS,
  parseItf,
  stringifyItf,
  type ItfTrace,
} from '../../src/lib/itf.ts';
import {
  defaultParameters,
  dnsControlPlane,
  type DnsParameters,
} from '../../src/lib/models/dns-control-plane.ts';
import {
  dnsTraceToItf,
  parseDnsItf,
  type DnsTrace,
} from '../../src/lib/models/dns-control-plane-itf.ts';
import { randomWalk } from './support/random-walk.ts';

function counterexample(parameters: DnsParameters): DnsTrace {
  const result = check(dnsControlPlane(parameters));
  if (result.kind !== 'violation') throw new Error(`expected a violation, got ${result.kind}`);
  return { parameters, trace: result.trace };
}

const shortest = counterexample(defaultParameters);
const text = stringifyItf(dnsTraceToItf(shortest, 'the shortest counterexample'));
const json = () =>
  JSON.parse(text) as Record<string, unknown> & { states: Record<string, unknown>[] };
const withChange = (change: (file: ReturnType<typeof json>) => void) => {
  const file = json();
  change(file);
  return JSON.stringify(file);
};

describe('ITF values', () => {
  const value = itf.record({
    flag: true,
    name: 'plan',
    big: itf.int(2n ** 70n),
    negative: itf.int(-3),
    list: itf.list([itf.int(1), itf.tuple([])]),
    set: itf.set([itf.int(1), itf.int(2)]),
    map: itf.map([[itf.tuple([itf.int(1), 'a']), itf.variant('Some', itf.int(4))]]),
    odd: { kind: 'unserializable', text: 'Int' },
  });

  it('write every kind in its tagged form and read back equal', () => {
    const encoded = encodeValue(value);
    expect(encoded).toMatchObject({
      big: { '#bigint': '1180591620717411303424' },
      negative: { '#bigint': '-3' },
      list: [{ '#bigint': '1' }, { '#tup': [] }],
      set: { '#set': [{ '#bigint': '1' }, { '#bigint': '2' }] },
      map: {
        '#map': [
          [{ '#tup': [{ '#bigint': '1' }, 'a'] }, { tag: 'Some', value: { '#bigint': '4' } }],
        ],
      },
      odd: { '#unserializable': 'Int' },
    });
    expect(decodeValue(JSON.parse(JSON.stringify(encoded)))).toEqual(value);
  });

  it('accept plain JSON integers, as the format allows', () => {
    expect(decodeValue(7)).toBe(7n);
  });

  it.each([
    [1.5, 'value: expected an integer, found 1.5'],
    [null, 'value: expected an ITF value, found null'],
    [{ '#bigint': '12a' }, 'value: "#bigint" must hold a string of decimal digits'],
    [{ '#bigint': 12 }, 'value: "#bigint" must hold a string of decimal digits'],
    [{ '#set': {} }, 'value.#set: expected an array, found an object'],
    [{ '#map': [[1]] }, 'value.#map[0]: expected a [key, value] pair, found 1 items'],
    [{ '#tup': [], extra: 1 }, 'value: "#tup" must be the only key of its object'],
    [{ a: [{ b: { '#set': [null] } }] }, 'value.a[0].b.#set[0]: expected an ITF value, found null'],
  ])('refuse %j with the place and the problem', (input, message) => {
    expect(() => decodeValue(input)).toThrow(message);
  });
});

describe('ITF traces of the DNS model', () => {
  it('hold the format: #meta, vars, one state per step plus the initial, each with its index', () => {
    const file = json();
    expect(file['#meta']).toMatchObject({ format: 'ITF', parameters: { ...defaultParameters } });
    expect(file['vars']).toEqual(
      expect.arrayContaining(['rootRecord', 'storedPlans', ACTION_TAKEN, NONDET_PICKS]),
    );
    expect(file.states).toHaveLength(shortest.trace.steps.length + 1);
    file.states.forEach((state, index) => expect(state['#meta']).toEqual({ index }));
    expect(file.states[0]![ACTION_TAKEN]).toBe('init');
    expect(file.states.at(-1)).toMatchObject({
      [ACTION_TAKEN]: 'cleanUp',
      [NONDET_PICKS]: { enactor: { tag: 'Some', value: { '#bigint': '2' } } },
      storedPlans: { '#set': [{ '#bigint': '3' }] },
      rootRecord: { '#bigint': '2' },
    });
  });

  it('round-trip: model trace to ITF and back gives the identical trace', () => {
    const parsed = parseDnsItf(text);
    expect(parsed).toEqual({ ok: true, value: shortest });
  });

  it('round-trip random runs of every parameter set, buggy and fixed', () => {
    const parameterSets = [1, 2, 3, 4].flatMap((enactors) =>
      [false, true].map((fixed) => ({ enactors, plans: 5, cleanupAge: 2, fixed })),
    );
    for (const [seed, parameters] of parameterSets.entries()) {
      const run = { parameters, trace: randomWalk(dnsControlPlane(parameters), seed, 30) };
      expect(parseDnsItf(stringifyItf(dnsTraceToItf(run, 'a random run')))).toEqual({
        ok: true,
        value: run,
      });
    }
  });

  it('keep the loop index and params of traces from other tools', () => {
    const trace: ItfTrace = {
      meta: {},
      params: ['N'],
      vars: ['x'],
      states: [{ x: 1n }, { x: 2n }],
      loop: 1,
    };
    expect(parseItf(stringifyItf(trace))).toMatchObject({
      ok: true,
      value: { params: ['N'], loop: 1 },
    });
  });

  it.each([
    ['{"vars": [', 'not JSON'],
    ['[]', 'trace: expected a JSON object, found an array'],
    [withChange((file) => delete file['vars']), 'vars: expected an array'],
    [withChange((file) => (file['vars'] = ['x', 'x'])), 'vars: "x" is listed twice'],
    [withChange((file) => (file.states = [])), 'states: a trace has at least one state'],
    [
      withChange((file) => delete file.states[2]!['rootRecord']),
      'states[2]: variable "rootRecord" is missing',
    ],
    [
      withChange((file) => (file.states[1]!['extra'] = 1)),
      'states[1]: variable "extra" is not listed in "vars"',
    ],
    [
      withChange((file) => (file.states[3]!['#meta'] = { index: 4 })),
      'states[3].#meta.index: expected 3, found',
    ],
    [withChange((file) => (file['loop'] = 99)), 'loop: expected the index of a state (0 to 7)'],
    [
      withChange((file) => (file.states[1]!['rootRecord'] = 'two')),
      'states[1].rootRecord: expected an integer',
    ],
    [
      withChange((file) => (file.states[1]!['storedPlans'] = [1, 2])),
      'states[1].storedPlans: expected a set',
    ],
    [
      withChange((file) => (file.states[4]![ACTION_TAKEN] = 'reboot')),
      'states[4].mbt::actionTaken: expected one of',
    ],
    [
      withChange(
        (file) =>
          (file.states[4]![NONDET_PICKS] = { enactor: { tag: 'None', value: { '#tup': [] } } }),
      ),
      'states[4].mbt::nondetPicks.enactor: "check" needs the enactor that takes it',
    ],
    [
      withChange((file) => delete (file['#meta'] as Record<string, unknown>)['parameters']),
      '#meta.parameters',
    ],
    [
      withChange(
        (file) => ((file['#meta'] as { parameters: { plans: number } }).parameters.plans = 99),
      ),
      '#meta.parameters: plans must be a whole number from 2 to 8, not 99',
    ],
    [
      withChange((file) => (file.states[0]!['rootRecord'] = { '#bigint': '2' })),
      "states[0]: is not the model's initial state",
    ],
    [
      withChange((file) => {
        file.states.splice(1, 1);
        file.states.forEach((state, index) => (state['#meta'] = { index }));
      }),
      'states[1]: the model cannot take "check" there',
    ],
    [
      withChange((file) => (file.states[6]!['rootRecord'] = { '#bigint': '3' })),
      'states[6]: "apply" leads the model to a different state',
    ],
  ])('refuse a malformed file (%#) with the place and the problem', (input, message) => {
    const parsed = parseDnsItf(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
});
