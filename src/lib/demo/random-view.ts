/** What the random-testing panel offers and says: delay choices, progress, outcome and the comparison table. */
import {
  islandRandomWords as randomWords,
  islandTraceWords as traceWords,
} from '../../content/interface/demo.ts';
import type { SimulationProgress, SimulationResult } from '../checker/simulate.ts';
import { formatCount } from '../format.ts';
import type { TracePanelUpdate } from './panel.ts';

export interface DelayChoice {
  /** The option's value: empty for uniform scheduling, else the chance as a decimal. */
  readonly value: string;
  readonly label: string;
  readonly selected: boolean;
}

/** In production a deployer seldom falls that far behind; 1 % of runs is the realistic setting and the default. */
const DELAY_CHANCES = [undefined, 0.5, 0.1, 0.01, 0.001] as const;
const REALISTIC_DELAY = 0.01;

/** `0.5` → "50 %"; rounded so that binary fractions do not show ("0.1 %", not "0.10000000000000002 %"). */
export const percent = (fraction: number, digits?: number): string => {
  const value = fraction * 100;
  return randomWords.percent(
    digits === undefined ? String(Number(value.toPrecision(12))) : value.toFixed(digits),
  );
};

export const delayChoices: readonly DelayChoice[] = DELAY_CHANCES.map((chance) => ({
  value: chance === undefined ? '' : String(chance),
  label:
    chance === undefined
      ? randomWords.uniformOrder
      : chance === REALISTIC_DELAY
        ? randomWords.realistic(percent(chance))
        : percent(chance),
  selected: chance === REALISTIC_DELAY,
}));

/** The scheduler's delay chance for an option value; undefined schedules uniformly. */
export const delayProbability = (value: string): number | undefined =>
  value === '' ? undefined : Number(value);

export const walkChoices = [1_000, 10_000, 100_000] as const;
export const DEFAULT_WALKS = 10_000;

export const randomStartStatus = (delayLabel: string): string => randomWords.running(delayLabel);

export const randomProgressLine = ({ walks, hits }: SimulationProgress): string =>
  randomWords.progress(formatCount(walks), formatCount(hits));

/** What one random-testing run was asked to do, as the comparison table reports it. */
export interface RandomRunSummary {
  readonly fixed: boolean;
  readonly delayLabel: string;
  readonly seed: number;
}

export interface RandomOutcome<S> {
  readonly status: string;
  readonly progress: string;
  /** The comparison table's new row: model, delay chance, runs, hits, hit rate, seed. */
  readonly historyRow: readonly string[];
  readonly trace: TracePanelUpdate<S>;
}

export function randomOutcome<S>(
  result: SimulationResult<S>,
  run: RandomRunSummary,
): RandomOutcome<S> {
  const rate = percent(result.walks > 0 ? result.hits / result.walks : 0, 2);
  const walks = formatCount(result.walks);
  const outcome =
    result.hits === 0
      ? randomWords.noneBroke(walks)
      : randomWords.someBroke(formatCount(result.hits), walks, rate);
  const violation = result.shortestViolation;
  const status =
    result.kind !== 'done'
      ? randomWords.stopped(outcome)
      : violation
        ? randomWords.shortestShown(outcome)
        : outcome;
  return {
    status,
    progress: randomProgressLine(result),
    historyRow: [
      run.fixed ? randomWords.modelFixed : randomWords.modelAsBuilt,
      run.delayLabel,
      walks,
      formatCount(result.hits),
      rate,
      String(run.seed),
    ],
    trace: violation
      ? {
          kind: 'show',
          trace: violation.trace,
          heading: traceWords.randomHeading(String(violation.trace.steps.length)),
        }
      : { kind: 'keep' },
  };
}
