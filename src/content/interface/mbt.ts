/**
 * Words of the trace pictures, the hit-rate chart, the ITF download and the replay against the
 * implementation: lane names, event labels, captions, link labels and accessible descriptions.
 * Build-time components and the explainer's island both read them from here.
 */
import type { HitRatePoint } from '../../lib/models/hit-rates.ts';

const percent = (fraction: number) =>
  `${Number((fraction * 100).toPrecision(2)).toLocaleString('en-US')} %`;
const count = (value: number) => value.toLocaleString('en-US');

export const swimlaneWords = {
  title: 'The race as a sequence diagram',
  compactTitle: (steps: number) => `The race in ${steps} steps`,
  laneNames: {
    planner: 'planner',
    enactor: (id: number) => `enactor ${id}`,
    storedPlans: 'stored plans',
    rootRecord: 'root record',
  },
  compactLaneNames: {
    planner: 'planner',
    enactor: (id: number) => `enactor ${id}`,
    storedPlans: 'plans',
    rootRecord: 'root',
  },
  events: {
    publish: (plan: number) => `publish ${plan}`,
    check: (plan: number) => `check ${plan}`,
    apply: (plan: number) => `apply ${plan}`,
    refused: (plan: number) => `refuse ${plan}`,
    cleanUp: (deleted: readonly number[]) =>
      deleted.length === 0 ? 'clean up' : `delete ${deleted.join(', ')}`,
  },
  storedPlans: (plans: readonly number[]) => plans.join(', ') || 'none',
  rootRecord: (plan: number) => `plan ${plan}`,
  deletedRootRecord: (plan: number) => `plan ${plan} ×`,
  delayed: (steps: number) => `delayed ${steps} steps`,
  broken: (step: number) => `invariant broken at step ${step}`,
  stepNumber: (step: number) => String(step),
  description: {
    overview: (steps: number, enactors: number) =>
      `${steps} steps, one row each, of a planner and ${enactors} enactors; the last two columns are the stored plans and the root record.`,
    delayed: (enactor: number, plan: number, checkedAt: number, appliedAt: number) =>
      `Enactor ${enactor} checks plan ${plan} at step ${checkedAt} and applies it only at step ${appliedAt}.`,
    brokenByCleanUp: (step: number, actor: string, plan: number) =>
      `At step ${step}, ${actor} deletes plan ${plan} while the root record points to it: the invariant breaks.`,
    brokenByApply: (step: number, actor: string, plan: number) =>
      `At step ${step}, ${actor} points the root record to plan ${plan}, which was already deleted: the invariant breaks.`,
    holds: 'The root record points to a stored plan at every step.',
  },
} as const;

export const hitRateWords = {
  title: 'Random testing hits the race less often the rarer the delay',
  xAxis: 'chance an enactor is delayed (log scale)',
  yAxis: 'random runs that broke the invariant (log scale)',
  percent,
  exhaustive: (states: number) => `exhaustive search: found every time, in ${count(states)} states`,
  none: 'none',
  description: (points: readonly HitRatePoint[], states: number) =>
    [
      ...points.map(
        ({ delayChance, walks, hits }) =>
          `Delay chance ${percent(delayChance)}: ${count(hits)} of ${count(walks)} random runs broke the invariant (${percent(hits / walks)}).`,
      ),
      `Exhaustive search finds the violation every time, in ${count(states)} states.`,
    ].join(' '),
  caption: (walks: number, seed: number) =>
    `Computed when this page was built: ${count(walks)} seeded random runs (seed ${seed}) at each delay chance.`,
} as const;

export const itfWords = {
  download: 'Download this trace as ITF',
  fileHint: '(.itf.json, the Informal Trace Format that Apalache and Quint read)',
  description: (steps: number) =>
    `The shortest counterexample of the DNS control-plane model: ${steps} steps from the initial state to a root record that points to a deleted plan.`,
} as const;

export const heroDiagramWords = {
  link: 'See a model checker find this race',
  caption: 'A race in a DNS control plane, found by exhaustive search',
} as const;
