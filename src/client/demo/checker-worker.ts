/**
 * The demo's Web Worker: runs the checker off the main thread, reports progress a few times a
 * second and stops when asked. Only one run at a time; a new request cancels the one before.
 * The worker runs the island's own module (see island.ts), so the model is fetched once.
 */
import { checkAsync } from '../../lib/checker/bfs.ts';
import { simulateAsync } from '../../lib/checker/simulate.ts';
import { dnsControlPlane } from '../../lib/models/dns-control-plane.ts';
import { staleDeployScheduler } from '../../lib/models/stale-deploy.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

/** Small enough for a smooth progress display, large enough that messaging costs little. */
const PROGRESS_EVERY = 5_000;

let current: AbortController | undefined;

const reply = (message: WorkerResponse) => postMessage(message);

export const serveChecker = () =>
  addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
    const request = event.data;
    // Aborting makes the running search return its partial result as "cancelled".
    current?.abort();
    current = undefined;
    if (request.type === 'cancel') return;

    const controller = new AbortController();
    current = controller;
    const { run } = request;
    execute(request, controller.signal).catch((error: unknown) =>
      reply({
        type: 'failed',
        run,
        message: error instanceof Error ? error.message : String(error),
      }),
    );
  });

async function execute(
  request: Exclude<WorkerRequest, { type: 'cancel' }>,
  signal: AbortSignal,
): Promise<void> {
  const { run } = request;
  const spec = dnsControlPlane(request.parameters);
  if (request.type === 'check') {
    const result = await checkAsync(spec, {
      maxStates: request.maxStates,
      signal,
      progressEvery: PROGRESS_EVERY,
      onProgress: (progress) => reply({ type: 'check-progress', run, progress }),
    });
    reply({ type: 'check-done', run, result });
    return;
  }
  const { walks, maxDepth, seed, delayProbability } = request.simulation;
  const result = await simulateAsync(spec, {
    walks,
    maxDepth,
    seed,
    scheduler:
      delayProbability === undefined ? undefined : staleDeployScheduler(spec, delayProbability),
    signal,
    progressEvery: PROGRESS_EVERY * 10,
    onProgress: (progress) => reply({ type: 'simulate-progress', run, progress }),
  });
  reply({ type: 'simulate-done', run, result });
}
