import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/lib/checker/bfs.ts';
import {
  decodeValue,
  encodeValue,
  itf,
  ITF_LIMITS,
  parseItf,
  parseItfTraces,
  stringifyItf,
  type ItfTrace,
} from '../../src/lib/itf.ts';
import {
  defaultParameters,
  dnsControlPlane,
  labParameters,
  ROOT_INVARIANT,
  type DnsParameters,
} from '../../src/lib/models/dns-control-plane.ts';
import {
  dnsTraceToItf,
  parseDnsItf,
  type DnsTrace,
} from '../../src/lib/models/dns-control-plane-itf.ts';
import { labTraceDescription } from '../../src/lib/models/counterexample.ts';
import { randomWalk } from './support/random-walk.ts';
import { quintTrace, workshopRace, workshopTrace } from './support/workshop-trace.ts';

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
    [{ '#bigint': '12a' }, 'value: "#bigint" must hold a string of decimal digits, found "12a"'],
    [{ '#bigint': 12 }, 'value: "#bigint" must hold a string of decimal digits'],
    [{ '#set': {} }, 'value.#set: expected an array, found an object'],
    [{ '#map': [[1]] }, 'value.#map[0]: expected a [key, value] pair, found 1 items'],
    [{ '#tup': [], extra: 1 }, 'value: "#tup" must be the only key of its object'],
    [{ a: [{ b: { '#set': [null] } }] }, 'value.a[0].b.#set[0]: expected an ITF value, found null'],
  ])('refuse %j with the place and the problem', (input, message) => {
    expect(() => decodeValue(input)).toThrow(message);
  });
});

describe('the reader’s limits', () => {
  it('refuses nesting deeper than the limit, without overflowing the stack', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(() => decodeValue(JSON.parse(deep))).toThrow(
      `nested more than ${ITF_LIMITS.maxDepth} levels deep`,
    );
    const nested = Array.from({ length: ITF_LIMITS.maxDepth - 1 }).reduce<unknown>(
      (inner) => [inner],
      1,
    );
    expect(() => decodeValue(nested)).not.toThrow();
  });

  it('refuses an integer of too many digits quoting only an excerpt', () => {
    const digits = '9'.repeat(100_000);
    let message = '';
    try {
      decodeValue({ '#bigint': digits });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('100,000 characters');
    expect(message.length).toBeLessThan(300);
  });

  it('refuses text longer than the limit before parsing it, quoting its beginning', () => {
    const huge = `{"#bigint": "${'1'.repeat(ITF_LIMITS.maxTextLength)}"}`;
    const parsed = parseItf(huge);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toContain('MB, over the 5 MB the reader takes');
      expect(parsed.error.length).toBeLessThan(300);
    }
  });
});

describe('ITF as other tools write it', () => {
  it('reads "loop": null (itf-rs), params with values in the first state (ADR-015) and variants', () => {
    const parsed = parseItf(JSON.stringify(workshopTrace()));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.loop).toBeUndefined();
    expect(parsed.value.params).toEqual(['DEPLOYERS', 'MAX_PLAN_AGE', 'WEIGHTS']);
    expect(parsed.value.states[0]!['MAX_PLAN_AGE']).toBe(3n);
    expect(parsed.value.states[1]!['ghost_action']).toMatchObject({
      kind: 'record',
      fields: { tag: 'GeneratePlan' },
    });
  });

  it('refuses a parameter listed without a value', () => {
    const file = workshopTrace();
    delete file.states[0]!['WEIGHTS'];
    expect(parseItf(JSON.stringify(file))).toMatchObject({
      ok: false,
      error: expect.stringContaining('parameter "WEIGHTS" is listed in "params" but has no value'),
    });
  });

  it('reads NDJSON, one trace per line, and names the line of a bad one', () => {
    const line = JSON.stringify(workshopTrace());
    const two = parseItfTraces(`${line}\n${line}\n`);
    expect(two.ok && two.value.length).toBe(2);
    expect(parseItfTraces(`${line}\n{"vars": 1}\n`)).toMatchObject({
      ok: false,
      error: expect.stringContaining('line 2: vars: expected an array'),
    });
    expect(parseItf(`${line}\n${line}`)).toMatchObject({ ok: false });
    expect(parseItfTraces('[]')).toMatchObject({
      ok: false,
      error: expect.stringContaining('expected at least one trace'),
    });
  });
});

describe('ITF traces of the lab model', () => {
  it('carry the workshop’s variables and ghost_action, its deployer names and 192.0.2.N addresses', () => {
    const file = json();
    expect(file['vars']).toEqual([
      'zone_records',
      'planner_updates',
      'deployer_next_plan',
      'deployer_view',
      'ghost_action',
    ]);
    expect(file['params']).toEqual(['DEPLOYERS', 'MAX_PLAN_AGE']);
    expect(file.states[0]).toMatchObject({
      DEPLOYERS: { '#set': ['deployer-a', 'deployer-b'] },
      MAX_PLAN_AGE: { '#bigint': String(defaultParameters.keep) },
      ghost_action: { tag: 'Init', value: {} },
    });
    expect(file.states).toHaveLength(shortest.trace.steps.length + 1);
    file.states.forEach((state, index) => expect(state['#meta']).toEqual({ index }));
    const tags = file.states.map((state) => (state['ghost_action'] as { tag: string }).tag);
    expect(new Set(tags)).toEqual(new Set(['Init', 'GeneratePlan', 'Deploy', 'Sync', 'Cleanup']));
    const generate = file.states[1]!['ghost_action'] as { value: { ips: { '#set': string[] } } };
    expect(generate.value.ips['#set'].every((ip) => /^192\.0\.2\.\d+$/.test(ip))).toBe(true);
    const deploys = file.states
      .map((state) => state['ghost_action'] as { tag: string; value: Record<string, unknown> })
      .filter(({ tag }) => tag === 'Deploy');
    expect(deploys.map(({ value }) => value['new_epoch'])).toEqual(
      deploys.map((_, index) => ({ '#bigint': String(index + 1) })),
    );
    expect(deploys.every(({ value }) => /^deployer-[ab]$/.test(value['deployer'] as string))).toBe(
      true,
    );
  });

  it('round-trip: model trace to ITF and back gives the identical trace', () => {
    expect(parseDnsItf(text)).toEqual({ ok: true, value: [shortest] });
  });

  it('round-trip random runs of every deployer count, buggy and fixed', () => {
    const parameterSets = [2, 3].flatMap((deployers) =>
      [false, true].map((fixed) => ({ deployers, plans: 5, keep: 2, fixed })),
    );
    for (const [seed, parameters] of parameterSets.entries()) {
      const run = { parameters, trace: randomWalk(dnsControlPlane(parameters), seed, 40) };
      expect(parseDnsItf(stringifyItf(dnsTraceToItf(run, 'a random run')))).toEqual({
        ok: true,
        value: [run],
      });
    }
  });

  it('read a trace the workshop’s spec writes, through the model, to the outage', () => {
    const parsed = parseDnsItf(JSON.stringify(workshopTrace()));
    if (!parsed.ok) throw new Error(parsed.error);
    const [read] = parsed.value;
    expect(read!.parameters).toMatchObject({ deployers: 3, keep: 3, fixed: false });
    expect(read!.trace.steps).toHaveLength(workshopRace.length);
    const spec = dnsControlPlane(read!.parameters);
    const last = read!.trace.steps.at(-1)!.state;
    expect(spec.invariants.find(({ holds }) => !holds(last))?.name).toBe(ROOT_INVARIANT);
    expect(last.plans[0]!.id).toBe('plan3.db.example.com');
  });

  it('read the same race as Quint writes it: prefixed names, mbt::actionTaken and mbt::nondetPicks', () => {
    const fromQuint = parseDnsItf(JSON.stringify(quintTrace()));
    const fromSpec = parseDnsItf(JSON.stringify(workshopTrace()));
    if (!fromQuint.ok) throw new Error(fromQuint.error);
    if (!fromSpec.ok) throw new Error(fromSpec.error);
    const roots = (read: typeof fromSpec) =>
      read.ok ? read.value[0]!.trace.steps.map(({ state }) => [state.root, state.stored]) : [];
    expect(roots(fromQuint)).toEqual(roots(fromSpec));
  });

  const workshopWith = (change: (file: ReturnType<typeof workshopTrace>) => void) => {
    const file = workshopTrace();
    change(file);
    return JSON.stringify(file);
  };
  const ghostOf = (file: ReturnType<typeof workshopTrace>, index: number) =>
    file.states[index]!['ghost_action'] as { tag: string; value: Record<string, unknown> };

  it.each([
    ['{"vars": [', 'not JSON'],
    [withChange((file) => delete file['vars']), 'vars: expected an array'],
    [withChange((file) => (file.states = [])), 'states: a trace has at least one state'],
    [
      withChange((file) => (file.states[1]!['extra'] = 1)),
      'states[1]: variable "extra" is not listed in "vars" or "params"',
    ],
    [withChange((file) => (file['loop'] = 99)), 'loop: expected the index of a state'],
    [
      withChange((file) => {
        for (const state of file.states) delete state['ghost_action'];
        file['vars'] = (file['vars'] as string[]).filter((name) => name !== 'ghost_action');
      }),
      'states[0]: expected "ghost_action" or "mbt::actionTaken"',
    ],
    [
      workshopWith((file) => (ghostOf(file, 3).value['deployer'] = 'deployer-z')),
      'states[3].ghost_action.value.deployer: expected one of deployer-a, deployer-b, deployer-c, found "deployer-z"',
    ],
    [
      workshopWith((file) => (ghostOf(file, 4).tag = 'Reboot')),
      'states[4].ghost_action.tag: expected one of Init, GeneratePlan, Sync, Deploy, Backoff, Cleanup, found "Reboot"',
    ],
    [
      workshopWith((file) => (ghostOf(file, 11).value['new_epoch'] = { '#bigint': '9' })),
      'states[11].ghost_action.value.new_epoch: the model has "5" here, the trace "9"',
    ],
    [
      workshopWith((file) => {
        file.states.splice(10, 1);
        file.states.forEach((state, index) => (state['#meta'] = { index }));
      }),
      'states[10].ghost_action: Deploy by deployer-b is not possible there: the lock it observed is gone',
    ],
    [
      workshopWith((file) => (ghostOf(file, 1).value['ips'] = { '#set': ['10.0.0.1'] })),
      'states[1].ghost_action.value.ips: expected addresses 192.0.2.N, found "10.0.0.1"',
    ],
    [
      workshopWith((file) => (ghostOf(file, 0).tag = 'Sync')),
      'states[0].ghost_action.value.deployer',
    ],
  ])(
    'refuse a file the model cannot take (%#) with the place and what was found',
    (input, message) => {
      const parsed = parseDnsItf(input);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toContain(message);
    },
  );

  it('publishes the lab instance’s shortest counterexample as a static file that is the model’s', async () => {
    const lab = counterexample(labParameters);
    // `npx vitest run -u tests/unit/itf.test.ts` rewrites the file after a change to the model.
    await expect(stringifyItf(dnsTraceToItf(lab, labTraceDescription(lab)))).toMatchFileSnapshot(
      '../../public/executable-specs/lab.itf.json',
    );
    const published = readFileSync(
      new URL('../../public/executable-specs/lab.itf.json', import.meta.url),
      'utf8',
    );
    expect(parseDnsItf(published)).toEqual({ ok: true, value: [lab] });
    const last = lab.trace.steps.at(-1)!.state;
    expect(dnsControlPlane(labParameters).invariants[0]!.holds(last)).toBe(false);
  });

  it('keep the loop index of a lasso-shaped trace', () => {
    const trace: ItfTrace = { meta: {}, vars: ['x'], states: [{ x: 1n }, { x: 2n }], loop: 1 };
    expect(parseItf(stringifyItf(trace))).toMatchObject({ ok: true, value: { loop: 1 } });
  });
});
