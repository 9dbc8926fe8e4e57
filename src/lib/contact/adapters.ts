/**
 * Form-service adapters: the only code that knows a particular service's contract. The form
 * markup takes its special field names from here, and the browser module sends and reads
 * answers through here, so wiring another service means adding one adapter and its name.
 */
import { serviceFieldErrors } from '../../content/interface/contact.ts';
import type { FieldError, InterpretJson, Outcome } from './outcome.ts';

export interface ContactAdapter {
  /** The service's name, as the privacy page tells the visitor where their message goes. */
  name: string;
  /** The service's own privacy policy, linked from the privacy page. */
  privacyPolicy: string;
  /** Field names the service treats specially; the markup uses these instead of literals. */
  fields: {
    /** Filled only by bots: the service drops such a submission without saying so. */
    honeypot: string;
    /** Where a plain HTML post is redirected after success. */
    redirect: string;
    subject: string;
    /** The visitor's address, which the service turns into the notification's Reply-To. */
    replyTo: string;
  };
  /**
   * Origins where the service may send the visitor of a plain (script-less) post instead of to the
   * `redirect` field's page: its own thanks page, a spam check. The CSP's form-action covers redirects,
   * so each must be allowed there, or the visitor is left on the filled form after a delivered send.
   */
  plainPostLandings: readonly string[];
  /** The request for a script-driven send, asking the service for a machine-readable answer. */
  encode(entries: Iterable<[string, string]>): {
    headers: Record<string, string>;
    body: URLSearchParams;
  };
  interpretJson: InterpretJson;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const formspreeFieldMessages: Record<string, string> = {
  TYPE_EMAIL: serviceFieldErrors.emailIncomplete,
  REQUIRED_FIELD_EMPTY: serviceFieldErrors.required,
  REQUIRED_FIELD_MISSING: serviceFieldErrors.required,
};

function formspreeFieldErrors(errors: unknown): FieldError[] {
  if (!Array.isArray(errors)) return [];
  return errors.filter(isRecord).flatMap((error) => {
    if (typeof error.field !== 'string' || !error.field) return [];
    const code = typeof error.code === 'string' ? error.code : '';
    const message =
      formspreeFieldMessages[code] ??
      (typeof error.message === 'string' && error.message
        ? error.message
        : serviceFieldErrors.refused);
    return [{ field: error.field, message }];
  });
}

function formspreeDetail(status: number, body: Record<string, unknown>): string {
  const codes = Array.isArray(body.errors)
    ? body.errors.filter(isRecord).map((error) => String(error.code ?? error.message ?? '?'))
    : [];
  const error = typeof body.error === 'string' ? body.error : 'no error message';
  return [`HTTP ${status}: ${error}`, ...codes].join('; ');
}

/**
 * Formspree: `200 {"ok":true}` is the only confirmation; `errors` entries that name a field are
 * the visitor's to fix; everything else (FORM_NOT_FOUND, EMPTY, a bare `{"error"}`, a 5xx) is ours.
 */
function interpretFormspree(status: number, body: unknown): Outcome {
  const answer = isRecord(body) ? body : {};
  if (status >= 200 && status < 300 && answer.ok === true) return { kind: 'sent' };
  const fieldErrors = formspreeFieldErrors(answer.errors);
  if (fieldErrors.length > 0) return { kind: 'invalid', fieldErrors };
  return { kind: 'service-error', detail: formspreeDetail(status, answer) };
}

const formspree: ContactAdapter = {
  name: 'Formspree',
  privacyPolicy: 'https://formspree.io/legal/privacy-policy/',
  fields: { honeypot: '_gotcha', redirect: '_next', subject: '_subject', replyTo: 'email' },
  // Without a paid plan Formspree ignores _next and shows its thanks page, as it shows its reCAPTCHA page.
  plainPostLandings: ['https://formspree.io'],
  // A urlencoded POST whose only extra header is Accept is a CORS "simple" request: no preflight.
  encode: (entries) => ({
    headers: { Accept: 'application/json' },
    body: new URLSearchParams([...entries]),
  }),
  interpretJson: interpretFormspree,
};

/** The one list of services: the config accepts exactly these names for PUBLIC_CONTACT_PROVIDER. */
export const adapters = { formspree } as const satisfies Record<string, ContactAdapter>;
export type ContactProvider = keyof typeof adapters;
export const contactProviders = Object.keys(adapters) as [ContactProvider, ...ContactProvider[]];

export const isContactProvider = (name: string): name is ContactProvider =>
  Object.hasOwn(adapters, name);
