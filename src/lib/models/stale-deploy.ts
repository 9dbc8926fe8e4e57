/**
 * How the real system tends to interleave: a deployer is seldom held up long enough to fall
 * behind and then deploy an old plan over a newer root. Only in a share `chance` of the runs
 * does the scheduler let such a stale deploy happen; in the others it always picks another move.
 * Uniform random scheduling lets stale deployers through in every run, far more often than
 * production does, which is why random testing there looks better than it is.
 */
import { randomIndex } from '../checker/random.ts';
import type { Scheduler } from '../checker/simulate.ts';
import type { Spec, Transition } from '../checker/spec.ts';
import type { DnsState } from './dns-control-plane.ts';

/** A deploy that points the root at an older plan than the one it pointed to. */
const isStaleDeploy = (before: DnsState, { state: after }: Transition<DnsState>) =>
  after.root < before.root && after.lock.epoch > before.lock.epoch;

export function staleDeployScheduler(spec: Spec<DnsState>, chance: number): Scheduler<DnsState> {
  let delayedRun = false;
  return ({ enabled, previous, random }) => {
    // A walk starts with no previous move: decide once whether this run has a delayed deployer.
    if (previous === undefined) delayedRun = random() < chance;
    const before = previous?.state ?? spec.initial;
    let fresh = 0;
    for (const move of enabled) if (!isStaleDeploy(before, move)) fresh++;
    if (delayedRun || fresh === enabled.length || fresh === 0)
      return randomIndex(random, enabled.length);
    // No deployer is delayed in this run: one of the moves that deploys nothing stale runs.
    let pick = randomIndex(random, fresh);
    for (let index = 0; index < enabled.length; index++) {
      if (isStaleDeploy(before, enabled[index]!)) continue;
      if (pick-- === 0) return index;
    }
    return randomIndex(random, enabled.length);
  };
}
