/**
 * What the swimlane diagram of a lab trace shows, before any geometry: one event per step in
 * the lane of the actor that took it (the planner, each deployer), what the step changed in the
 * shared records (root, rollback, lock, plans in the zone), the stale deploy that points the root
 * back at an older plan, and the step that breaks an invariant.
 */
import { brokenInvariant } from '../checker/spec.ts';
import {
  dnsControlPlane,
  INIT_PLAN,
  storedPlanIndices,
  type DnsActionKind,
  type DnsState,
  type Lock,
} from '../models/dns-control-plane.ts';
import { actionOf, type DnsTrace } from '../models/dns-control-plane-itf.ts';

/** The shared records, in the order of their lanes. */
export const RECORDS = ['root', 'rollback', 'lock', 'plans'] as const;
export type RecordLane = (typeof RECORDS)[number];

/** A plan as the diagram names it: its version (index + 1), 0 for plan-init; deleted when not in the zone. */
export interface PlanMark {
  readonly version: number;
  readonly deleted: boolean;
}

export type RecordChange =
  | { readonly record: 'root' | 'rollback'; readonly plan: PlanMark }
  | { readonly record: 'lock'; readonly holder: number; readonly epoch: number }
  | { readonly record: 'plans'; readonly versions: readonly number[] };

export interface SwimlaneEvent {
  readonly step: number;
  /** Column of the actor: 0 is the planner, n is the n-th deployer. */
  readonly lane: number;
  readonly kind: DnsActionKind | 'stale-deploy';
  /** The plan version written or deployed; for a cleanup, the versions it deleted. */
  readonly versions: readonly number[];
  /** For a sync or a backoff, the lock it saw. */
  readonly lock: Lock | undefined;
  readonly changes: readonly RecordChange[];
  /** The first step whose state breaks an invariant. */
  readonly breaks: boolean;
}

export interface SwimlaneModel {
  readonly deployers: number;
  readonly events: readonly SwimlaneEvent[];
  readonly brokenAt: number | undefined;
  /** The invariant broken at `brokenAt`. */
  readonly invariant: string | undefined;
}

const version = (plan: number) => (plan === INIT_PLAN ? 0 : plan + 1);
const mark = (state: DnsState, plan: number): PlanMark => ({
  version: version(plan),
  deleted: plan !== INIT_PLAN && (state.stored & (1 << plan)) === 0,
});
const sameMark = (a: PlanMark, b: PlanMark) => a.version === b.version && a.deleted === b.deleted;

function recordChanges(before: DnsState, after: DnsState): RecordChange[] {
  const changes: RecordChange[] = [];
  for (const record of ['root', 'rollback'] as const) {
    const plan = mark(after, after[record]);
    if (!sameMark(mark(before, before[record]), plan)) changes.push({ record, plan });
  }
  if (after.lock !== before.lock) changes.push({ record: 'lock', ...after.lock });
  if (after.stored !== before.stored)
    changes.push({ record: 'plans', versions: storedPlanIndices(after).map(version) });
  return changes;
}

export function swimlaneModel({ parameters, trace }: DnsTrace): SwimlaneModel {
  const spec = dnsControlPlane(parameters);
  let before: DnsState = trace.initial;
  let brokenAt: number | undefined;
  let invariant: string | undefined;
  const events = trace.steps.map(({ action: index, state: after }, at): SwimlaneEvent => {
    const step = at + 1;
    const action = actionOf(parameters, after, index);
    const broken = brokenInvariant(spec, after);
    const breaks = brokenAt === undefined && broken !== undefined;
    if (breaks) [brokenAt, invariant] = [step, broken];
    const event = ((): Omit<SwimlaneEvent, 'step' | 'changes' | 'breaks'> => {
      if (action.kind === 'GeneratePlan')
        return { lane: 0, kind: action.kind, versions: [after.plans.length], lock: undefined };
      const lane = action.deployer + 1;
      const me = before.deployers[action.deployer]!;
      switch (action.kind) {
        case 'Sync':
          return { lane, kind: 'Sync', versions: [], lock: before.lock };
        case 'Backoff':
          return { lane, kind: 'Backoff', versions: [version(me.nextPlan)], lock: me.view.lock };
        case 'Deploy':
          return {
            lane,
            kind: after.root < before.root ? 'stale-deploy' : 'Deploy',
            versions: [version(me.nextPlan)],
            lock: undefined,
          };
        case 'Cleanup': {
          const gone = storedPlanIndices(before).filter(
            (plan) => (after.stored & (1 << plan)) === 0,
          );
          return { lane, kind: 'Cleanup', versions: gone.map(version), lock: undefined };
        }
      }
    })();
    const changes = recordChanges(before, after);
    before = after;
    return { step, ...event, changes, breaks };
  });
  return { deployers: parameters.deployers, events, brokenAt, invariant };
}
