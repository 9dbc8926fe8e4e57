/**
 * ITF traces built the way other tools write them, from their public field lists, not from this
 * site's writer: the workshop's spec (spec/dns_balancer.py and spec/defs.py of
 * thpani/testing-distsys-devconf26, Wunderspec: spec names, `ghost_action`, `params` in the first
 * state, `"loop": null` as itf-rs writes it) and Quint's `--mbt` (module-prefixed names,
 * `mbt::actionTaken`, `mbt::nondetPicks`).
 */
type Json = unknown;

const big = (value: number) => ({ '#bigint': String(value) });
const set = (items: Json[]) => ({ '#set': items });
const lock = (holder: string, epoch: number) => ({
  name: 'lock.example.com',
  kind: 'TXT',
  value: { '#tup': [holder, big(epoch)] },
});
const variant = (tag: string, value: Json) => ({ tag, value });

type Step =
  | { readonly tag: 'GeneratePlan'; readonly plan: string; readonly ips: readonly number[] }
  | {
      readonly tag: 'Sync';
      readonly deployer: string;
      readonly lock: readonly [string, number];
      readonly root: string;
      readonly rollback: string;
    }
  | {
      readonly tag: 'Deploy';
      readonly deployer: string;
      readonly plan: string;
      readonly previous: string;
      readonly epoch: number;
    }
  | { readonly tag: 'Backoff'; readonly deployer: string; readonly lock: readonly [string, number] }
  | {
      readonly tag: 'Cleanup';
      readonly deployer: string;
      readonly next: number;
      readonly old: readonly number[];
    };

function ghost(step: Step): Json {
  switch (step.tag) {
    case 'GeneratePlan': {
      const ips = step.ips.map((n) => `192.0.2.${n}`);
      return variant('GeneratePlan', {
        plan_id: step.plan,
        ips: set(ips),
        weights: { '#map': ips.map((ip, index) => [ip, big(100 + 7 * index)]) },
      });
    }
    case 'Sync':
      return variant('Sync', {
        deployer: step.deployer,
        lock: lock(...step.lock),
        root: step.root,
        rollback: step.rollback,
      });
    case 'Deploy':
      return variant('Deploy', {
        deployer: step.deployer,
        plan_id: step.plan,
        previous_root: step.previous,
        new_root: step.plan,
        rollback: step.previous,
        new_epoch: big(step.epoch),
      });
    case 'Backoff':
      return variant('Backoff', { deployer: step.deployer, lock: lock(...step.lock) });
    case 'Cleanup':
      return variant('Cleanup', {
        deployer: step.deployer,
        next_plan: big(step.next),
        old_indices: set(step.old.map(big)),
      });
  }
}

const INIT = 'plan-init.db.example.com';
const plan = (n: number) => `plan${n}.db.example.com`;

/** The lab's race in the n3_5_3 instance: deployer-a deploys four plans, deployer-b syncs and deploys its first over them, deployer-a's cleanup deletes it. */
export const workshopRace: readonly Step[] = [
  { tag: 'GeneratePlan', plan: plan(3), ips: [1, 2] },
  { tag: 'GeneratePlan', plan: plan(0), ips: [3] },
  { tag: 'Deploy', deployer: 'deployer-a', plan: plan(3), previous: INIT, epoch: 1 },
  { tag: 'GeneratePlan', plan: plan(4), ips: [1, 2, 3] },
  { tag: 'Backoff', deployer: 'deployer-b', lock: ['genesis', 0] },
  { tag: 'Deploy', deployer: 'deployer-a', plan: plan(0), previous: plan(3), epoch: 2 },
  { tag: 'Deploy', deployer: 'deployer-a', plan: plan(4), previous: plan(0), epoch: 3 },
  { tag: 'GeneratePlan', plan: plan(1), ips: [2] },
  { tag: 'Deploy', deployer: 'deployer-a', plan: plan(1), previous: plan(4), epoch: 4 },
  {
    tag: 'Sync',
    deployer: 'deployer-b',
    lock: ['deployer-a', 4],
    root: plan(1),
    rollback: plan(4),
  },
  { tag: 'Deploy', deployer: 'deployer-b', plan: plan(3), previous: plan(1), epoch: 5 },
  { tag: 'Cleanup', deployer: 'deployer-a', next: 4, old: [0] },
];
/** The step (state index) at which the root of workshopRace points to a deleted plan. */
export const WORKSHOP_OUTAGE_STEP = 12;

const DEPLOYERS = ['deployer-a', 'deployer-b', 'deployer-c'];

/** As the workshop's spec writes it; `extra` changes the file before it is returned. */
export function workshopTrace(
  steps: readonly Step[] = workshopRace,
): Record<string, Json> & { states: Record<string, Json>[] } {
  const nextPlan = new Map(DEPLOYERS.map((name) => [name, 0]));
  const states = [
    { ghost_action: variant('Init', {}) },
    ...steps.map((step) => ({ ghost_action: ghost(step) })),
  ].map((state, index) => {
    const step = steps[index - 1];
    if (step?.tag === 'Deploy') nextPlan.set(step.deployer, nextPlan.get(step.deployer)! + 1);
    return {
      '#meta': { index },
      ...(index === 0
        ? { DEPLOYERS: set(DEPLOYERS), MAX_PLAN_AGE: big(3), WEIGHTS: set([big(100), big(120)]) }
        : {}),
      deployer_next_plan: { '#map': DEPLOYERS.map((name) => [name, big(nextPlan.get(name)!)]) },
      ...state,
    };
  });
  return {
    '#meta': { format: 'ITF', source: 'dns_balancer.py', description: 'Created by Wunderspec' },
    params: ['DEPLOYERS', 'MAX_PLAN_AGE', 'WEIGHTS'],
    vars: ['deployer_next_plan', 'ghost_action'],
    states,
    loop: null,
  };
}

/** The same race as Quint's `quint run --mbt` writes it for a spec of the lab in module `main`, instance `dns`. */
export function quintTrace(): Record<string, Json> & { states: Record<string, Json>[] } {
  const some = (value: Json) => ({ tag: 'Some', value });
  const none = { tag: 'None', value: { '#tup': [] } };
  const names: Record<Step['tag'] | 'Init', string> = {
    Init: 'init',
    GeneratePlan: 'planner_generate',
    Sync: 'deployer_query',
    Deploy: 'deployer_apply',
    Backoff: 'deployer_backoff',
    Cleanup: 'deployer_gc',
  };
  const file = workshopTrace();
  file['vars'] = ['main::dns::deployer_next_plan', 'mbt::actionTaken', 'mbt::nondetPicks'];
  file['params'] = [];
  file.states = file.states.map((state, index) => {
    const step = workshopRace[index - 1];
    const picks =
      step === undefined
        ? { deployer: none }
        : step.tag === 'GeneratePlan'
          ? {
              deployer: none,
              plan_id: some(step.plan),
              ips: some(set(step.ips.map((n) => `192.0.2.${n}`))),
              weights: some({ '#map': step.ips.map((n) => [`192.0.2.${n}`, big(110)]) }),
            }
          : { deployer: some(step.deployer) };
    return {
      '#meta': { index },
      'main::dns::deployer_next_plan': state['deployer_next_plan'],
      'mbt::actionTaken': names[step?.tag ?? 'Init'],
      'mbt::nondetPicks': picks,
    };
  });
  return file;
}
