/**
 * Sharing a trace: copy a link to it or the trace as a JSON test vector (with a select-it-yourself
 * fallback when the clipboard is blocked), and open a trace linked in the page address.
 */
import { toTestVector } from '../../lib/checker/trace.ts';
import { openSharedTrace, traceHash } from '../../lib/demo/shared-trace.ts';
import { dnsControlPlane } from '../../lib/models/dns-control-plane.ts';
import {
  islandShareWords as shareWords,
  islandTraceWords as traceWords,
} from '../../content/interface/demo.ts';
import { required, scrollBehavior } from './dom.ts';
import type { ModelControls } from './model-controls.ts';
import type { TraceView } from './trace-view.ts';

const MODEL_NAME = 'dns-control-plane';

/** `status` is the check's status line, where a linked trace reports how it opened. */
export function sharingController(
  root: HTMLElement,
  controls: ModelControls,
  traceView: TraceView,
  status: HTMLElement,
) {
  const copyStatus = required(root, '[data-copy-status]', HTMLElement);
  const fallback = required(root, '[data-copy-fallback]', HTMLElement);

  const copy = async (text: string, done: string) => {
    fallback.hidden = true;
    try {
      await navigator.clipboard.writeText(text);
      copyStatus.textContent = done;
    } catch {
      const area = required(fallback, 'textarea', HTMLTextAreaElement);
      area.value = text;
      fallback.hidden = false;
      area.focus();
      area.select();
      copyStatus.textContent = shareWords.copyBlocked;
    }
  };

  /** Shows the trace linked in the address; false when there is none to show. */
  const openFromAddress = (): boolean => {
    const linked = openSharedTrace(location.hash);
    if (!linked) return false;
    status.textContent = linked.status;
    if (!linked.ok) return false;
    controls.show(linked.parameters);
    traceView.show(
      { parameters: linked.parameters, trace: linked.trace },
      traceWords.linkedHeading,
    );
    root.scrollIntoView({ behavior: scrollBehavior() });
    return true;
  };

  required(root, '[data-action="copy-link"]', HTMLButtonElement).addEventListener('click', () => {
    const shown = traceView.shown;
    if (!shown) return;
    const link = new URL(
      traceHash({ parameters: shown.parameters, moves: shown.trace.steps }),
      location.href,
    );
    void copy(link.href, shareWords.linkCopied);
  });
  required(root, '[data-action="copy-test"]', HTMLButtonElement).addEventListener('click', () => {
    const shown = traceView.shown;
    if (!shown) return;
    const vector = toTestVector(
      dnsControlPlane(shown.parameters),
      shown.trace,
      MODEL_NAME,
      shown.parameters,
    );
    void copy(JSON.stringify(vector, null, 2), shareWords.testCopied);
  });
  addEventListener('hashchange', openFromAddress);
  return { openFromAddress };
}
