/**
 * Every way a contact submission can end, and the provider-neutral part of telling which one
 * happened. What a particular service's JSON means is left to its adapter (./adapters.ts).
 */

export interface FieldError {
  /** The form field's `name`, as the service reported it. */
  field: string;
  message: string;
}

export type Outcome =
  | { kind: 'sent' }
  | { kind: 'invalid'; fieldErrors: FieldError[] }
  | { kind: 'rate-limited' }
  | { kind: 'service-error'; detail: string }
  /** Known before sending: the browser was offline, so the request never left it. */
  | { kind: 'offline' }
  /**
   * The request left the browser but no answer could be read (a connection reset, an answer without
   * CORS headers): it may have arrived, so the visitor is told it may not have been sent, never that it was not.
   */
  | { kind: 'no-answer' }
  /** Likewise uncertain: the service may have the message and be slow to say so. */
  | { kind: 'timed-out' };

export type OutcomeKind = Outcome['kind'];

/** An HTTP answer reduced to what the mapping needs, so tests can build one from plain values. */
export interface ServiceAnswer {
  status: number;
  contentType: string;
  bodyText: string;
}

/** What a provider's adapter decides from a JSON answer. */
export type InterpretJson = (status: number, body: unknown) => Outcome;

export async function readAnswer(response: Response): Promise<ServiceAnswer> {
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    bodyText: await response.text(),
  };
}

function parseJson(text: string): { parsed: unknown } | undefined {
  try {
    return { parsed: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/**
 * HTTP-level meaning first (429 is rate limiting whatever the body says), then the adapter's
 * reading of the JSON. Anything that is not JSON cannot confirm delivery: a 200 HTML page may
 * come from a captive portal or a misrouted endpoint, so it is a service error, never "sent".
 */
export function outcomeOfAnswer(answer: ServiceAnswer, interpretJson: InterpretJson): Outcome {
  if (answer.status === 429) return { kind: 'rate-limited' };
  const json = /\bjson\b/i.test(answer.contentType) ? parseJson(answer.bodyText) : undefined;
  if (!json) {
    return {
      kind: 'service-error',
      detail: `HTTP ${answer.status} with a ${answer.contentType || 'untyped'} answer instead of JSON`,
    };
  }
  return interpretJson(answer.status, json.parsed);
}
