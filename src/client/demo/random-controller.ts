/** Random testing: one delay chance or each in turn, its progress and status lines and the comparison table. */
import { runFailure } from '../../lib/demo/panel.ts';
import {
  delayProbability,
  randomOutcome,
  randomProgressLine,
  randomStartStatus,
} from '../../lib/demo/random-view.ts';
import type { CheckerRuns } from './checker-runs.ts';
import { required } from './dom.ts';
import type { ModelControls } from './model-controls.ts';
import type { TraceView } from './trace-view.ts';

/** Random walks stop here; the shortest violation takes 7 or 8 steps, a run to quiescence a few more. */
const WALK_DEPTH = 100;

export function randomController(
  root: HTMLElement,
  runs: CheckerRuns,
  controls: ModelControls,
  traceView: TraceView,
) {
  const status = required(root, '[data-random-status]', HTMLElement);
  const progress = required(root, '[data-random-progress]', HTMLElement);
  const history = required(root, '[data-random-history]', HTMLElement);
  const delaySelect = controls.select('delayProbability');

  /** Runs random tests with each delay choice in turn, each with a fresh seed. */
  const start = (delayChoices: readonly HTMLOptionElement[]) => {
    const [choice, ...later] = delayChoices;
    if (!choice) return;
    const tested = controls.read();
    const simulation = {
      walks: Number(controls.select('walks').value),
      maxDepth: WALK_DEPTH,
      seed: Math.floor(Math.random() * 2 ** 32),
      delayProbability: delayProbability(choice.value),
    };
    status.textContent = randomStartStatus(choice.text);
    progress.textContent = '';
    runs.start((run) => ({ type: 'simulate', run, parameters: tested, simulation }), {
      onMessage: (message) => {
        if (message.type === 'simulate-progress')
          progress.textContent = randomProgressLine(message.progress);
        if (message.type !== 'simulate-done') return;
        const outcome = randomOutcome(message.result, {
          fixed: tested.fixed,
          delayLabel: choice.text,
          seed: simulation.seed,
        });
        status.textContent = outcome.status;
        progress.textContent = outcome.progress;
        addHistoryRow(outcome.historyRow);
        traceView.apply(outcome.trace, tested);
        if (message.result.kind === 'done') start(later);
      },
      onFailure: (reason) => (status.textContent = runFailure(reason)),
    });
  };

  const addHistoryRow = (cells: readonly string[]) => {
    const row = document.createElement('tr');
    row.className = 'border-b border-line';
    row.append(
      ...cells.map((textContent) =>
        Object.assign(document.createElement('td'), { textContent, className: 'py-1 pr-3' }),
      ),
    );
    required(history, 'tbody', HTMLTableSectionElement).prepend(row);
    history.hidden = false;
  };

  required(root, '[data-action="random"]', HTMLButtonElement).addEventListener('click', () =>
    start([...delaySelect.selectedOptions]),
  );
  required(root, '[data-action="compare"]', HTMLButtonElement).addEventListener('click', () =>
    start([...delaySelect.options]),
  );
}
