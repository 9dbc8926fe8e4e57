/**
 * How often seeded random testing breaks an invariant at each chance that a deployer which fell
 * behind deploys an old plan when its turn comes: the figures behind the explainer's hit-rate chart. The same seed gives
 * the same figures, so the chart drawn at build time is reproducible.
 */
import { simulate } from '../checker/simulate.ts';
import { dnsControlPlane, type DnsParameters } from './dns-control-plane.ts';
import { staleDeployScheduler } from './stale-deploy.ts';

/** The chances of a stale deploy the explainer offers, most to least likely. */
export const DELAY_CHANCES = [0.5, 0.1, 0.01, 0.001] as const;

/** The explainer's chart: enough seeded runs that even the rarest delay shows a few hits. */
export const EXPLAINER_HIT_RATES: HitRateOptions = {
  delayChances: DELAY_CHANCES,
  walks: 20_000,
  seed: 1,
  maxDepth: 100,
};

export interface HitRatePoint {
  readonly delayChance: number;
  readonly walks: number;
  readonly hits: number;
}

export interface HitRateOptions {
  readonly delayChances: readonly number[];
  readonly walks: number;
  readonly seed: number;
  /** A random run that reaches this many steps ends there. */
  readonly maxDepth: number;
}

export function hitRates(parameters: DnsParameters, options: HitRateOptions): HitRatePoint[] {
  const spec = dnsControlPlane(parameters);
  return options.delayChances.map((delayChance) => {
    const { walks, hits } = simulate(spec, {
      walks: options.walks,
      maxDepth: options.maxDepth,
      seed: options.seed,
      scheduler: staleDeployScheduler(spec, delayChance),
      maxSteps: Number.POSITIVE_INFINITY,
    });
    return { delayChance, walks, hits };
  });
}
