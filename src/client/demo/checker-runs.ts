/**
 * The island's one checker worker and the run it works on. Every run has an id, so that messages
 * from a run that was cancelled or replaced are dropped; a failure, including a worker that never
 * started, is reported to the run that was waiting for it, in that run's own panel.
 */
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

export interface RunHandlers {
  readonly onMessage: (message: Exclude<WorkerResponse, { type: 'failed' }>) => void;
  /** The run cannot finish; `reason` is undefined when the worker could not start. */
  readonly onFailure: (reason: string | undefined) => void;
}

export class CheckerRuns {
  #worker: Worker | undefined;
  #active: { readonly id: number; readonly handlers: RunHandlers } | undefined;
  #lastId = 0;
  readonly #onBusy: (busy: boolean) => void;
  readonly #workerScript: string;

  /** `workerScript` is the island's own module, which serves as the worker too (island.ts). */
  constructor(onBusy: (busy: boolean) => void, workerScript: string) {
    this.#onBusy = onBusy;
    this.#workerScript = workerScript;
  }

  start(request: (run: number) => WorkerRequest, handlers: RunHandlers): void {
    this.#active = { id: ++this.#lastId, handlers };
    this.#onBusy(true);
    this.#post(request(this.#active.id));
  }

  /** The worker answers with the run's partial result, which is reported like any other. */
  cancel(): void {
    if (this.#active) this.#post({ type: 'cancel' });
  }

  #post(request: WorkerRequest): void {
    this.#worker ??= this.#createWorker();
    this.#worker.postMessage(request);
  }

  #createWorker(): Worker {
    const worker = new Worker(this.#workerScript, { type: 'module' });
    worker.addEventListener('message', ({ data: message }: MessageEvent<WorkerResponse>) => {
      const active = this.#active;
      if (message.run !== active?.id) return;
      // Ended before the handler runs, so that a handler may start the next run.
      if (message.type !== 'check-progress' && message.type !== 'simulate-progress') this.#end();
      if (message.type === 'failed') active.handlers.onFailure(message.message);
      else active.handlers.onMessage(message);
    });
    worker.addEventListener('error', () => {
      // A worker that failed to load stays dead; the next run tries a fresh one.
      worker.terminate();
      this.#worker = undefined;
      const active = this.#active;
      this.#end();
      active?.handlers.onFailure(undefined);
    });
    return worker;
  }

  #end(): void {
    this.#active = undefined;
    this.#onBusy(false);
  }
}
