/**
 * The replay against the implementation: of the trace shown, as built or with the
 * implementation's fix, or of an ITF file pasted or chosen by the visitor.
 */
import { islandReplayWords as replayWords } from '../../content/interface/demo.ts';
import { replayAgainstImplementation } from '../../lib/mbt/replay.ts';
import { readItfText, replayView, type ReplayStepView } from '../../lib/demo/replay-view.ts';
import { formatCount } from '../../lib/format.ts';
import { tooLong } from '../../lib/itf.ts';
import { withinControls } from '../../lib/models/dns-control-plane.ts';
import { fillSlots, fromTemplate, required, slot } from './dom.ts';
import type { ModelControls } from './model-controls.ts';
import type { ShownTrace, TraceView } from './trace-view.ts';

export function replayController(root: HTMLElement, controls: ModelControls, traceView: TraceView) {
  const section = required(root, '[data-replay]', HTMLElement);
  const status = required(section, '[data-replay-status]', HTMLElement);
  const steps = required(section, '[data-replay-steps]', HTMLOListElement);
  const replayButton = required(section, '[data-action="replay"]', HTMLButtonElement);
  const fixButton = required(section, '[data-action="implementation-fix"]', HTMLButtonElement);
  const text = required(section, 'textarea[name="itf"]', HTMLTextAreaElement);
  const file = required(section, 'input[name="itf-file"]', HTMLInputElement);
  const fileStatus = required(section, '[data-file-status]', HTMLElement);
  let reported: ShownTrace | undefined;

  const fixed = () => fixButton.getAttribute('aria-pressed') === 'true';

  const renderStep = (view: ReplayStepView) => {
    const item = fromTemplate(root, 'replay-step');
    const { title, verdict, model, implementation } = view;
    fillSlots(item, { title, verdict, model, implementation });
    item.toggleAttribute('data-differs', !view.agrees);
    item.toggleAttribute('data-broken', view.implementationBroken);
    slot(item, 'broken').hidden = !view.implementationBroken;
    return item;
  };

  const replay = () => {
    const shown = traceView.shown;
    if (!shown) return;
    const view = replayView(shown, replayAgainstImplementation(shown, { fix: fixed() }));
    reported = shown;
    status.textContent = view.summary;
    steps.replaceChildren(...view.steps.map(renderStep));
    steps.hidden = false;
    markStep(traceView.step);
  };

  const replayText = (itf: string) => {
    const read = readItfText(itf);
    if (!read.ok) {
      fileStatus.textContent = read.status;
      return;
    }
    fileStatus.textContent =
      read.others === 0 ? '' : replayWords.fileOthers(formatCount(read.others));
    // A trace of the workshop's spec or of Quint may use more plans than the controls offer.
    const offered = withinControls(read.trace.parameters);
    if (offered) controls.show(read.trace.parameters);
    traceView.show(read.trace, replayWords.fileTraceHeading, {
      linkInAddress: offered && !read.trace.parameters.fixed,
    });
    replay();
  };

  /** The replay follows the stepper: the step it shows is marked in the report too. */
  const markStep = (step: number) => {
    for (const [index, item] of [...steps.children].entries()) {
      if (index === step) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
    }
  };

  traceView.listen((shown, step) => {
    replayButton.disabled = shown === undefined;
    if (shown === reported) return markStep(step);
    reported = undefined;
    status.textContent = '';
    steps.replaceChildren();
    steps.hidden = true;
  });
  replayButton.addEventListener('click', replay);
  fixButton.addEventListener('click', () => {
    fixButton.setAttribute('aria-pressed', String(!fixed()));
    if (reported) replay();
  });
  required(section, '[data-action="replay-file"]', HTMLButtonElement).addEventListener(
    'click',
    () => replayText(text.value),
  );
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    // A file too large to read is refused by its size, before the page holds any of its text.
    const large = tooLong(chosen.size, await chosen.slice(0, 100).text());
    if (large !== undefined) {
      fileStatus.textContent = replayWords.fileRefused(large);
      return;
    }
    // The file's text lands in the box, so that a refused file can be read and mended there.
    text.value = await chosen.text();
    replayText(text.value);
  });
}
