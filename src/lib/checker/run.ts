/**
 * Searches are generators that pause every so often with a progress report. Driving one
 * synchronously suits Node; driving it asynchronously hands the event loop a turn at every
 * pause, which is what lets a Web Worker receive a "cancel" message mid-search.
 */
import type { RunOptions } from './spec.ts';

export type Search<P, R> = Generator<P, R, void>;

export function drive<P, R>(search: Search<P, R>, options: RunOptions<P>): R {
  for (;;) {
    const next = search.next();
    if (next.done) return next.value;
    options.onProgress?.(next.value);
  }
}

export async function driveAsync<P, R>(search: Search<P, R>, options: RunOptions<P>): Promise<R> {
  for (;;) {
    const next = search.next();
    if (next.done) return next.value;
    options.onProgress?.(next.value);
    await yieldToEventLoop();
  }
}

/** A macrotask turn without the 4 ms clamp that nested timers get in browsers. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

export function elapsedSince(startedAt: number): number {
  return performance.now() - startedAt;
}
