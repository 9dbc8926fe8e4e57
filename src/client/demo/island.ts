/**
 * The explainer's island, mounted once its parts are in place (src/client/island-parts.ts): wires the exhaustive check, random testing, the replay against the
 * implementation and sharing to one worker and one trace panel, then shows the linked trace or
 * takes over the one the build rendered.
 */
import { decodeMoves, replay } from '../../lib/checker/trace.ts';
import { dnsControlPlane, type DnsParameters } from '../../lib/models/dns-control-plane.ts';
import { islandTraceWords as traceWords } from '../../content/interface/demo.ts';
import { checkController } from './check-controller.ts';
import { CheckerRuns } from './checker-runs.ts';
import { serveChecker } from './checker-worker.ts';
import { diagramController } from './diagram-controller.ts';
import { required } from './dom.ts';
import { ModelControls } from './model-controls.ts';
import { randomController } from './random-controller.ts';
import { replayController } from './replay-controller.ts';
import { sharingController } from './sharing-controller.ts';
import { loadSourcesOnOpen } from './source-loader.ts';
import { TraceView } from './trace-view.ts';

export function mount(root: HTMLElement): void {
  const cancel = required(root, '[data-action="cancel"]', HTMLButtonElement);
  const runs = new CheckerRuns((busy) => (cancel.hidden = !busy), import.meta.url);
  cancel.addEventListener('click', () => runs.cancel());
  const controls = new ModelControls(root);
  const traceView = new TraceView(root);
  diagramController(root, traceView);

  const check = checkController(root, runs, controls, traceView);
  randomController(root, runs, controls, traceView);
  replayController(root, controls, traceView);
  const sharing = sharingController(root, controls, traceView, check.status);
  loadSourcesOnOpen(root);

  if (!sharing.openFromAddress()) adoptBuildTimeTrace(root, traceView);
}

/** Takes over the trace the build rendered, so that it can be stepped through, linked and copied. */
function adoptBuildTimeTrace(root: HTMLElement, traceView: TraceView): void {
  const parameters = JSON.parse(root.dataset.parameters ?? '{}') as DnsParameters;
  const replayed = replay(dnsControlPlane(parameters), decodeMoves(root.dataset.moves ?? '') ?? []);
  if (!replayed.ok) return;
  traceView.show({ parameters, trace: replayed.trace }, traceWords.builtHeading, {
    linkInAddress: false,
  });
}

// Started as the checker's worker (CheckerRuns), this module serves runs instead of mounting: the
// worker shares the island's code, so the model and the checker reach the browser once.
if (typeof document === 'undefined') serveChecker();
