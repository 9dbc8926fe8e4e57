/**
 * A local stand-in for Formspree, so the contact form works end to end without an account:
 * `POST /f/<form-id>` answers like Formspree (JSON with `Accept: application/json`, else a 302
 * to `_next`), validates like it, drops honeypot submissions silently, appends each accepted
 * submission as one JSON line to a file and prints it. `GET`/`DELETE /__inbox` read and clear
 * the file, for tests, from loopback only and, from a browser, only from the site's own origins; a
 * line of the file that is not a submission is skipped and reported, never fatal to the rest.
 * The special field names (honeypot, redirect, reply-to) are the Formspree adapter's.
 *
 * Unlike Formspree, it redirects to `_next`'s path on the posting origin (see redirectTarget).
 *
 * Run: `node scripts/form-inbox.ts` (env FORM_INBOX_PORT, FORM_INBOX_FILE), or `startInbox()`.
 * Node only, no dependencies; erasable TypeScript so Node runs it without a build.
 */
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { adapters } from '../src/lib/contact/adapters.ts';
import { LOCAL_INBOX_PORT } from '../src/build/local-inbox.ts';
import { FIELD_LIMITS, graphemeCount, isBlank } from '../src/lib/contact/limits.ts';

export interface InboxOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** JSON-lines file that accepted submissions are appended to; its folder is created. */
  file?: string;
  /** Fields that must be present and non-blank, as a Formspree form's validation rules would say. */
  requiredFields?: readonly string[];
  /** The longest value each field may have, in characters as a reader counts them (graphemes). */
  fieldLimits?: Readonly<Record<string, number>>;
  /**
   * Origins of the local servers of the site (see localSiteOrigins): the only pages a browser lets read
   * `/__inbox`. Posting a form is open to any origin, as at Formspree.
   */
  siteOrigins?: readonly string[];
  log?: (line: string) => void;
}

export interface Inbox {
  /** Origin of the server, e.g. http://127.0.0.1:4399; forms post to `${url}/f/<form-id>`. */
  url: string;
  port: number;
  file: string;
  close(): Promise<void>;
}

export interface StoredSubmission {
  id: string;
  form: string;
  receivedAt: string;
  fields: Record<string, string>;
}

interface ServiceError {
  code: string;
  field?: string;
  message: string;
}

export const DEFAULT_INBOX_FILE = '.form-inbox/submissions.jsonl';
/**
 * Room for the longest message the form takes (src/lib/contact/limits.ts) in any script: a
 * 5,000-character message of seven-unit emoji is 75 KB of UTF-8 and three times that urlencoded.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
const FORM_PATH = /^\/f\/([\w-]+)\/?$/;
const { honeypot: HONEYPOT, redirect: REDIRECT, replyTo: EMAIL } = adapters.formspree.fields;
/** Reported with a read of the inbox: the 1-based numbers of the file's lines that were skipped. */
export const SKIPPED_LINES_HEADER = 'X-Inbox-Skipped-Lines';
// Formspree rejects what is clearly not an address; a dot in the domain is the usual bar.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** A site served on this machine at `port`, under both names a browser may use for it. */
export const localSiteOrigins = (port: number): string[] => [
  `http://localhost:${port}`,
  `http://127.0.0.1:${port}`,
];

export function inboxOptionsFromEnv(env: Record<string, string | undefined>): InboxOptions {
  const portText = env.FORM_INBOX_PORT?.trim();
  const port = portText ? Number(portText) : LOCAL_INBOX_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`FORM_INBOX_PORT must be a port number (0-65535), got "${portText}"`);
  }
  return { port, file: env.FORM_INBOX_FILE?.trim() || DEFAULT_INBOX_FILE };
}

export function validateSubmission(
  fields: Record<string, string>,
  requiredFields: readonly string[],
  fieldLimits: Readonly<Record<string, number>> = {},
): ServiceError[] {
  const hasContent = Object.entries(fields).some(
    ([name, value]) => !name.startsWith('_') && value.trim() !== '',
  );
  if (!hasContent) return [{ code: 'EMPTY', message: 'form is empty' }];
  const errors: ServiceError[] = requiredFields.flatMap((field) => {
    if (!(field in fields))
      return [{ code: 'REQUIRED_FIELD_MISSING', field, message: 'field is required' }];
    const value = fields[field] ?? '';
    if (value === '' || isBlank(value))
      return [{ code: 'REQUIRED_FIELD_EMPTY', field, message: 'field is required' }];
    return [];
  });
  for (const [field, max] of Object.entries(fieldLimits)) {
    const value = fields[field];
    if (value !== undefined && graphemeCount(value) > max)
      errors.push({ code: 'TOO_LONG', field, message: `should be at most ${max} characters` });
  }
  const email = fields[EMAIL]?.trim();
  if (email && !EMAIL_SHAPE.test(email))
    errors.push({ code: 'TYPE_EMAIL', field: EMAIL, message: 'should be an email' });
  return errors;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function htmlPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeHtml(title)}</title><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></html>`;
}

function isHttpUrl(text: string | undefined): text is string {
  if (!text) return false;
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/**
 * Formspree redirects to `_next` as given. Here the page that posted is a local build (the dev
 * server, `npm start`, the end-to-end tests), not the site at its public address that `_next`
 * names, so the visitor is sent to `_next`'s path on the origin they posted from.
 */
export function redirectTarget(
  next: string | undefined,
  postingOrigin: string | undefined,
): string | undefined {
  if (!isHttpUrl(next)) return undefined;
  if (!isHttpUrl(postingOrigin)) return next;
  const target = new URL(next);
  return new URL(`${target.pathname}${target.search}${target.hash}`, postingOrigin).href;
}

/** Resolves with the body, or undefined once it grows past the limit. */
async function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseSubmission(line: string): StoredSubmission | undefined {
  try {
    const value: unknown = JSON.parse(line);
    const candidate = value as Partial<StoredSubmission> | null;
    return typeof candidate?.id === 'string' &&
      typeof candidate.fields === 'object' &&
      candidate.fields !== null
      ? (value as StoredSubmission)
      : undefined;
  } catch {
    return undefined;
  }
}

interface InboxContents {
  submissions: StoredSubmission[];
  /** 1-based line numbers that hold no submission (a crash mid-write, a hand edit). */
  skippedLines: number[];
}

async function readSubmissions(file: string): Promise<InboxContents> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { submissions: [], skippedLines: [] };
    throw error;
  }
  const contents: InboxContents = { submissions: [], skippedLines: [] };
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const submission = parseSubmission(line);
    if (submission) contents.submissions.push(submission);
    else contents.skippedLines.push(index + 1);
  });
  return contents;
}

export async function startInbox(options: InboxOptions = {}): Promise<Inbox> {
  const {
    port = LOCAL_INBOX_PORT,
    host = '127.0.0.1',
    requiredFields = ['name', EMAIL, 'message'],
    fieldLimits = FIELD_LIMITS,
    siteOrigins = [],
    log = (line: string) => console.log(line),
  } = options;
  const file = resolve(options.file ?? DEFAULT_INBOX_FILE);
  await mkdir(dirname(file), { recursive: true });

  function send(
    response: ServerResponse,
    status: number,
    headers: Record<string, string>,
    body = '',
  ): void {
    response.writeHead(status, headers).end(body);
  }

  const sendJson = (response: ServerResponse, status: number, value: unknown) =>
    send(
      response,
      status,
      { 'Content-Type': 'application/json; charset=utf-8' },
      JSON.stringify(value),
    );

  const sendHtml = (response: ServerResponse, status: number, title: string, body: string) =>
    send(response, status, { 'Content-Type': 'text/html; charset=utf-8' }, htmlPage(title, body));

  async function handleInbox(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!LOOPBACK.has(request.socket.remoteAddress ?? ''))
      return sendJson(response, 403, { error: 'loopback only' });
    // Any other page open in the browser could otherwise read every stored message.
    const origin = request.headers.origin;
    if (origin) {
      if (!siteOrigins.includes(origin))
        return sendJson(response, 403, { error: `origin ${origin} may not read the inbox` });
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Vary', 'Origin');
    }
    if (request.method === 'GET') {
      const { submissions, skippedLines } = await readSubmissions(file);
      if (skippedLines.length > 0) {
        log(
          `[form-inbox] skipped line(s) ${skippedLines.join(', ')} of ${file}: not a stored submission`,
        );
        response.setHeader(SKIPPED_LINES_HEADER, skippedLines.join(','));
        response.setHeader('Access-Control-Expose-Headers', SKIPPED_LINES_HEADER);
      }
      return sendJson(response, 200, submissions);
    }
    if (request.method === 'DELETE') {
      await writeFile(file, '');
      return send(response, 204, {});
    }
    send(response, 405, { Allow: 'GET, DELETE' });
  }

  async function handleForm(
    form: string,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const wantsJson = (request.headers.accept ?? '').includes('application/json');
    const fail = (status: number, error: string, errors: ServiceError[] = []) =>
      wantsJson
        ? sendJson(response, status, errors.length ? { error, errors } : { error })
        : sendHtml(
            response,
            status,
            'Your message was not sent',
            [error, ...errors.map((e) => `${e.field ?? 'form'}: ${e.message}`)].join('. '),
          );

    if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return fail(415, 'Send the form urlencoded (application/x-www-form-urlencoded)');
    }
    const body = await readBody(request, MAX_BODY_BYTES);
    if (body === undefined) {
      response.setHeader('Connection', 'close');
      return fail(413, `Submission larger than ${MAX_BODY_BYTES} bytes`);
    }
    const fields = Object.fromEntries(new URLSearchParams(body));
    const next = redirectTarget(fields[REDIRECT], request.headers.origin);
    const succeed = () =>
      wantsJson
        ? sendJson(response, 200, { ok: true, next: next ?? '/thanks' })
        : next
          ? send(response, 302, { Location: next })
          : sendHtml(response, 200, 'Thanks!', 'The local form inbox stored your message.');

    if (fields[HONEYPOT]?.trim()) {
      log(`[form-inbox] dropped a submission to /f/${form}: the ${HONEYPOT} honeypot was filled`);
      return succeed();
    }
    const errors = validateSubmission(fields, requiredFields, fieldLimits);
    if (errors.length)
      return fail(422, errors.some((e) => e.field) ? 'Validation errors' : 'Invalid form', errors);

    const submission: StoredSubmission = {
      id: randomUUID(),
      form,
      receivedAt: new Date().toISOString(),
      fields,
    };
    await appendFile(file, `${JSON.stringify(submission)}\n`);
    // JSON keeps visitor text on one line and escapes control characters that could drive the terminal.
    log(`[form-inbox] ${JSON.stringify(submission)}`);
    succeed();
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://inbox').pathname;
    if (path === '/__inbox') return handleInbox(request, response);
    const origin = request.headers.origin;
    if (origin) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Vary', 'Origin');
    }
    const form = FORM_PATH.exec(path)?.[1];
    if (!form) {
      return sendJson(response, 404, {
        error: 'Form not found',
        errors: [{ code: 'FORM_NOT_FOUND', message: 'form not found' }],
      });
    }
    if (request.method === 'POST') return handleForm(form, request, response);
    if (request.method === 'OPTIONS') {
      return send(response, 204, {
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'Accept, Content-Type',
      });
    }
    send(response, 405, { Allow: 'POST, OPTIONS' });
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      log(`[form-inbox] failed: ${String(error)}`);
      if (!response.headersSent)
        sendJson(response, 500, { error: 'The local inbox failed; see its log' });
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, host, () => resolveListen());
  });
  const { port: boundPort } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`,
    port: boundPort,
    file,
    close: () =>
      new Promise((resolveClose, rejectClose) => {
        server.closeAllConnections();
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
      }),
  };
}

if (import.meta.main) {
  const options = inboxOptionsFromEnv(process.env);
  try {
    const inbox = await startInbox(options);
    console.log(`[form-inbox] listening on ${inbox.url}/f/<form-id>, storing in ${inbox.file}`);
    const stop = () => void inbox.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    console.error(
      inUse
        ? `[form-inbox] port ${options.port} is taken: another inbox may be running already; set FORM_INBOX_PORT to use another port`
        : `[form-inbox] could not start: ${String(error)}`,
    );
    process.exit(1);
  }
}
