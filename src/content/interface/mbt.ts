/**
 * Words of the trace pictures, the hit-rate chart, the ITF download and the replay against the
 * implementation: lane names, event labels, captions, link labels and accessible descriptions.
 * Build-time components and the explainer's island both read them from here.
 */
import type { HitRatePoint } from '../../lib/models/hit-rates.ts';

const percent = (fraction: number) =>
  `${Number((fraction * 100).toPrecision(2)).toLocaleString('en-US')} %`;
const count = (value: number) => value.toLocaleString('en-US');

const planName = (version: number) => (version === 0 ? 'plan-init' : `plan ${version}`);

const laneNames = {
  planner: 'planner',
  deployer: (name: string) => name,
  root: 'root',
  rollback: 'rollback',
  lock: 'lock',
  plans: 'plans in zone',
} as const;

export const swimlaneWords = {
  title: 'The race as a sequence diagram',
  compactTitle: (steps: number) => `The race in ${steps} steps`,
  laneNames,
  compactLaneNames: { ...laneNames, plans: 'plans' },
  events: {
    generate: (version: number) => `write plan ${version}`,
    sync: (epoch: number) => `sync: lock ${epoch}`,
    deploy: (version: number) => `deploy ${version}`,
    staleDeploy: (version: number) => `deploy old ${version}`,
    backoff: 'back off',
    cleanup: (versions: readonly number[]) =>
      versions.length === 0 ? 'clean up' : `delete ${versions.join(', ')}`,
  },
  genesis: 'genesis',
  plan: planName,
  deletedPlan: (version: number) => `${planName(version)} ×`,
  lock: (holder: string, epoch: number) => `${holder} ${epoch}`,
  plans: (versions: readonly number[]) => versions.join(', ') || 'none',
  broken: (step: number) => `invariant broken at step ${step}`,
  description: {
    overview: (steps: number, deployers: number) =>
      `${steps} steps of a planner and ${deployers} deployers, one row each; then columns for root, rollback, lock (holder and epoch) and plans in zone.`,
    staleDeploy: (step: number, deployer: string, version: number) =>
      `At step ${step}, ${deployer}, its lock current, deploys plan ${version} over a newer root.`,
    broken: (step: number, actor: string, record: 'root' | 'rollback', version: number) =>
      `At step ${step}, ${actor} leaves the ${record} pointing to plan ${version}, which is no longer in the zone: the invariant breaks.`,
    holds: 'The root and the rollback point to a plan in the zone at every step.',
  },
} as const;

export const hitRateWords = {
  title: 'Random testing hits the race less often the rarer the stale deployer',
  xAxis: 'share of runs with a stale deployer (log scale)',
  yAxis: 'random runs that broke an invariant (log scale)',
  percent,
  exhaustive: (states: number) => `exhaustive search: found every time, in ${count(states)} states`,
  none: 'none',
  description: (points: readonly HitRatePoint[], states: number) =>
    [
      ...points.map(
        ({ delayChance, walks, hits }) =>
          `With a stale deployer in ${percent(delayChance)} of runs, ${count(hits)} of ${count(walks)} broke an invariant (${percent(hits / walks)}).`,
      ),
      `Exhaustive search finds the violation every time, in ${count(states)} states.`,
    ].join(' '),
  caption: (walks: number, seed: number) =>
    `Computed when this page was built: ${count(walks)} seeded random runs (seed ${seed}) at each share.`,
} as const;

export const itfWords = {
  download: 'Download this trace as ITF',
  fileHint: '(.itf.json: the Informal Trace Format, as Apalache, Quint and Wunderspec write it)',
  description: (steps: number, deployers: number, keep: number, invariant: string) =>
    `The shortest counterexample of ACME CloudDB's DNS control plane, the DevConf.CZ 2026 workshop lab, with ${deployers} deployers and cleanup keeping the last ${keep} plans: ${steps} steps until "${invariant}" no longer holds.`,
} as const;

export const heroDiagramWords = {
  link: 'See a model checker find this race',
  caption: 'A race in a DNS control plane, found by exhaustive search',
} as const;
