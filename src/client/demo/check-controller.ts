/** The exhaustive check: the check and fix buttons, the live figures and the check's status line. */
import type { CheckProgress } from '../../lib/checker/bfs.ts';
import { checkFigures, checkOutcome, checkStartStatus } from '../../lib/demo/check-view.ts';
import { runFailure } from '../../lib/demo/panel.ts';
import type { CheckerRuns } from './checker-runs.ts';
import { fillSlots, required } from './dom.ts';
import type { ModelControls } from './model-controls.ts';
import type { TraceView } from './trace-view.ts';

export function checkController(
  root: HTMLElement,
  runs: CheckerRuns,
  controls: ModelControls,
  traceView: TraceView,
) {
  const status = required(root, '[data-check-status]', HTMLElement);
  const figures = required(root, '[data-check-progress]', HTMLElement);
  const showFigures = (progress: CheckProgress) =>
    fillSlots(figures, { ...checkFigures(progress) });

  const start = () => {
    const checked = controls.read();
    figures.hidden = false;
    status.textContent = checkStartStatus(checked.fixed);
    const maxStates = Number(controls.select('maxStates').value);
    runs.start((run) => ({ type: 'check', run, parameters: checked, maxStates }), {
      onMessage: (message) => {
        if (message.type === 'check-progress') showFigures(message.progress);
        if (message.type !== 'check-done') return;
        showFigures(message.result);
        const outcome = checkOutcome(message.result);
        status.textContent = outcome.status;
        traceView.apply(outcome.trace, checked);
      },
      onFailure: (reason) => (status.textContent = runFailure(reason)),
    });
  };

  required(root, '[data-action="check"]', HTMLButtonElement).addEventListener('click', start);
  required(root, '[data-action="fix"]', HTMLButtonElement).addEventListener('click', () => {
    controls.fixed = !controls.fixed;
    start();
  });
  return { status };
}
