import { afterEach, describe, expect, it, vi } from 'vitest';
import { serviceFieldErrors } from '../../src/content/interface/contact.ts';
import { adapters, contactProviders, isContactProvider } from '../../src/lib/contact/adapters.ts';
import { outcomeOfAnswer, readAnswer, type ServiceAnswer } from '../../src/lib/contact/outcome.ts';
import { sendSubmission } from '../../src/lib/contact/submit.ts';

const formspree = adapters.formspree;
const json = (status: number, body: unknown): ServiceAnswer => ({
  status,
  contentType: 'application/json; charset=utf-8',
  bodyText: JSON.stringify(body),
});
const outcomeOf = (answer: ServiceAnswer) => outcomeOfAnswer(answer, formspree.interpretJson);

describe('Formspree answers mapped to outcomes', () => {
  it('200 {"ok":true} is sent', () => {
    expect(outcomeOf(json(200, { ok: true, next: 'https://formspree.io/thanks' }))).toEqual({
      kind: 'sent',
    });
  });

  it('a 200 HTML page is a service error, never a confirmation', () => {
    const outcome = outcomeOf({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      bodyText: '<!doctype html><p>Thanks!</p>',
    });
    expect(outcome.kind).toBe('service-error');
  });

  it('a 200 that claims JSON but is not JSON is a service error', () => {
    expect(
      outcomeOf({ status: 200, contentType: 'application/json', bodyText: '<html>' }).kind,
    ).toBe('service-error');
  });

  it('a 200 JSON answer without ok:true is not a confirmation', () => {
    expect(outcomeOf(json(200, { next: '/thanks' })).kind).toBe('service-error');
    expect(outcomeOf(json(200, { ok: 'true' })).kind).toBe('service-error');
  });

  it('422 TYPE_EMAIL lands on the email field with our wording', () => {
    const outcome = outcomeOf(
      json(422, {
        error: 'Validation errors',
        errors: [{ code: 'TYPE_EMAIL', field: 'email', message: 'should be an email' }],
      }),
    );
    expect(outcome).toEqual({
      kind: 'invalid',
      fieldErrors: [{ field: 'email', message: serviceFieldErrors.emailIncomplete }],
    });
  });

  it('422 with several field codes keeps each field, and falls back to the service message for unknown codes', () => {
    const outcome = outcomeOf(
      json(422, {
        error: 'Validation errors',
        errors: [
          { code: 'REQUIRED_FIELD_EMPTY', field: 'message', message: 'is required' },
          { code: 'REQUIRED_FIELD_MISSING', field: 'name', message: 'is required' },
          { code: 'TYPE_NUMERIC', field: 'budget', message: 'should be a number' },
          { code: 'EMPTY', message: 'form is empty' },
        ],
      }),
    );
    expect(outcome).toEqual({
      kind: 'invalid',
      fieldErrors: [
        { field: 'message', message: serviceFieldErrors.required },
        { field: 'name', message: serviceFieldErrors.required },
        { field: 'budget', message: 'should be a number' },
      ],
    });
  });

  it('errors without a field (EMPTY) are a service error naming the code', () => {
    const outcome = outcomeOf(
      json(422, { error: 'Invalid form', errors: [{ code: 'EMPTY', message: 'form is empty' }] }),
    );
    expect(outcome).toEqual({ kind: 'service-error', detail: 'HTTP 422: Invalid form; EMPTY' });
  });

  it('FORM_NOT_FOUND is a service error: the visitor cannot fix it', () => {
    const outcome = outcomeOf(
      json(404, {
        error: 'Form not found',
        errors: [{ code: 'FORM_NOT_FOUND', message: 'form not found' }],
      }),
    );
    expect(outcome).toEqual({
      kind: 'service-error',
      detail: 'HTTP 404: Form not found; FORM_NOT_FOUND',
    });
  });

  it('a bare {"error"} is a service error carrying the message', () => {
    expect(outcomeOf(json(400, { error: 'Form is disabled' }))).toEqual({
      kind: 'service-error',
      detail: 'HTTP 400: Form is disabled',
    });
  });

  it('429 is rate-limited whatever the body', () => {
    expect(outcomeOf(json(429, { error: 'Too many requests' }))).toEqual({ kind: 'rate-limited' });
    expect(outcomeOf({ status: 429, contentType: 'text/plain', bodyText: 'slow down' })).toEqual({
      kind: 'rate-limited',
    });
  });

  it('500, with JSON or with HTML, is a service error', () => {
    expect(outcomeOf(json(500, { error: 'Internal error' })).kind).toBe('service-error');
    expect(
      outcomeOf({ status: 500, contentType: 'text/html', bodyText: '<h1>oops</h1>' }).kind,
    ).toBe('service-error');
  });

  it('reads real Response objects the same way', async () => {
    const ok = new Response(JSON.stringify({ ok: true }), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(outcomeOf(await readAnswer(ok))).toEqual({ kind: 'sent' });
    const html = new Response('<p>hi</p>', {
      status: 200,
      headers: { 'Content-Type': 'text/html' },
    });
    expect(outcomeOf(await readAnswer(html)).kind).toBe('service-error');
  });
});

describe('the Formspree adapter', () => {
  it('encodes urlencoded with Accept: application/json only, keeping non-Latin text and markup as data', () => {
    const { headers, body } = formspree.encode([
      ['message', '<script>alert(1)</script> Grüße, 你好'],
      ['email', 'a@b.example'],
    ]);
    expect(headers).toEqual({ Accept: 'application/json' });
    expect(body.toString()).toBe(
      'message=%3Cscript%3Ealert%281%29%3C%2Fscript%3E+Gr%C3%BC%C3%9Fe%2C+%E4%BD%A0%E5%A5%BD&email=a%40b.example',
    );
  });

  it('names providers that exist and nothing inherited', () => {
    expect(isContactProvider('formspree')).toBe(true);
    expect(isContactProvider('toString')).toBe(false);
  });

  it('lists every adapter once, each with a name and an https privacy policy for the privacy page', () => {
    expect(contactProviders).toEqual(Object.keys(adapters));
    for (const provider of contactProviders) {
      expect(adapters[provider].name).toMatch(/\S/);
      expect(new URL(adapters[provider].privacyPolicy).protocol).toBe('https:');
    }
  });
});

describe('sendSubmission', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('posts the encoded body to the endpoint and maps the answer', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => Response.json({ ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    const outcome = await sendSubmission('https://forms.example/f/x', [['name', 'Ada']], formspree);
    expect(outcome).toEqual({ kind: 'sent' });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('https://forms.example/f/x');
    expect(init?.method).toBe('POST');
    expect(String(init?.body)).toBe('name=Ada');
  });

  it('a rejected fetch (a reset after receipt, an answer without CORS headers) is no answer, never "not sent"', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(await sendSubmission('https://forms.example/f/x', [], formspree)).toEqual({
      kind: 'no-answer',
    });
  });

  it('an offline browser sends nothing and knows it', async () => {
    const fetchMock = vi.fn<typeof fetch>();
    vi.stubGlobal('fetch', fetchMock);
    const outcome = await sendSubmission('https://forms.example/f/x', [], formspree, {
      isOnline: () => false,
    });
    expect(outcome).toEqual({ kind: 'offline' });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('no answer before the deadline aborts the request and is timed out', async () => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise<Response>((_resolve, reject) => {
            signal = init.signal ?? undefined;
            signal?.addEventListener('abort', () =>
              reject(new DOMException('aborted', 'AbortError')),
            );
          }),
      ),
    );
    const pending = sendSubmission('https://forms.example/f/x', [], formspree, { timeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(999);
    expect(signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toEqual({ kind: 'timed-out' });
    expect(signal?.aborted).toBe(true);
  });
});
