/**
 * How the real system tends to interleave: an enactor that has just checked a plan usually
 * applies it at once. Only with probability `delayProbability` is it held up between check and
 * apply, and then any other move may run first. Uniform random scheduling would delay it far
 * more often than production does, which is why random testing there looks better than it is.
 */
import { randomIndex } from '../checker/random.ts';
import type { Scheduler } from '../checker/simulate.ts';
import type { Spec } from '../checker/spec.ts';
import { APPLY, CHECK, type DnsState } from './dns-control-plane.ts';

export function enactorDelayScheduler(
  spec: Spec<DnsState>,
  delayProbability: number,
): Scheduler<DnsState> {
  return ({ enabled, previous, random }) => {
    const justChecked = previous === undefined ? undefined : spec.actions[previous.action];
    const applyNow =
      justChecked?.name === CHECK
        ? enabled.findIndex(({ action }) => {
            const candidate = spec.actions[action];
            return candidate?.name === APPLY && candidate.actor === justChecked.actor;
          })
        : -1;
    if (applyNow === -1) return randomIndex(random, enabled.length);
    if (random() >= delayProbability || enabled.length === 1) return applyNow;
    // Delayed: one of the other moves runs first.
    const other = randomIndex(random, enabled.length - 1);
    return other < applyNow ? other : other + 1;
  };
}
