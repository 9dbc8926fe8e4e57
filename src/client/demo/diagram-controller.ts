/**
 * The sequence diagram above the steps, redrawn for whatever trace the panel shows with the
 * stepper's step marked, and its ITF link, which always downloads the trace shown: the static
 * file for the trace the build found, a file made in the browser for any other.
 */
import { encodeMoves } from '../../lib/checker/trace.ts';
import { itfDownload } from '../../lib/demo/itf-download.ts';
import { swimlaneSvg } from '../../lib/diagrams/swimlane.ts';
import { required } from './dom.ts';
import type { ShownTrace, TraceView } from './trace-view.ts';

export function diagramController(root: HTMLElement, traceView: TraceView): void {
  const figure = required(root, '[data-trace-diagram]', HTMLElement);
  const frame = required(figure, '[data-trace-diagram-frame]', HTMLElement);
  const link = required(figure, '[data-itf-link]', HTMLAnchorElement);
  const builtHref = link.href;
  const builtAt = ({ parameters, trace }: ShownTrace) =>
    JSON.stringify(parameters) === root.dataset.parameters &&
    encodeMoves(trace.steps) === root.dataset.moves;
  let linked: ShownTrace | undefined;
  let objectUrl: string | undefined;

  const linkTo = (shown: ShownTrace) => {
    linked = shown;
    // The previous trace's file can no longer be reached from the page.
    if (objectUrl) URL.revokeObjectURL(objectUrl);
    objectUrl = undefined;
    if (builtAt(shown)) {
      link.href = builtHref;
      link.download = '';
      return;
    }
    const { fileName, text } = itfDownload(shown, traceView.heading);
    objectUrl = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    link.href = objectUrl;
    link.download = fileName;
  };

  traceView.listen((shown, step) => {
    figure.hidden = shown === undefined;
    if (!shown) return;
    frame.innerHTML = swimlaneSvg(shown, { id: 'trace-diagram', highlightStep: step });
    if (shown !== linked) linkTo(shown);
  });
}
