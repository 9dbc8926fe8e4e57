import type { ContactAdapter } from './adapters.ts';
import { outcomeOfAnswer, readAnswer, type Outcome } from './outcome.ts';

/** Long enough for a slow mobile link, short enough that nobody gives up on a silent button. */
export const SEND_TIMEOUT_MS = 15_000;

export interface SendOptions {
  timeoutMs?: number;
  /** The browser's own word (`navigator.onLine`): false means certainly offline, true only maybe online. */
  isOnline?: () => boolean;
}

/** Posts one submission and never throws: every failure, the timeout included, becomes an Outcome. */
export async function sendSubmission(
  endpoint: string,
  entries: Iterable<[string, string]>,
  adapter: ContactAdapter,
  { timeoutMs = SEND_TIMEOUT_MS, isOnline = () => true }: SendOptions = {},
): Promise<Outcome> {
  if (!isOnline()) return { kind: 'offline' };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      ...adapter.encode(entries),
      signal: controller.signal,
    });
    // Reading the body stays under the same deadline: a service that stalls mid-answer is a timeout too.
    return outcomeOfAnswer(await readAnswer(response), adapter.interpretJson);
  } catch {
    // fetch rejects alike whether the request never got out or its answer was lost: either may have arrived.
    return controller.signal.aborted ? { kind: 'timed-out' } : { kind: 'no-answer' };
  } finally {
    clearTimeout(timer);
  }
}
