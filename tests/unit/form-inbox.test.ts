import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  inboxOptionsFromEnv,
  localSiteOrigins,
  MAX_BODY_BYTES,
  SKIPPED_LINES_HEADER,
  startInbox,
  type Inbox,
  type StoredSubmission,
} from '../../scripts/form-inbox.ts';
import { LOCAL_INBOX_PORT } from '../../src/build/local-inbox.ts';
import { FIELD_LIMITS } from '../../src/lib/contact/limits.ts';

let inbox: Inbox;
let folder: string;
const logLines: string[] = [];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'form-inbox-'));
  inbox = await startInbox({
    port: 0,
    file: join(folder, 'nested', 'submissions.jsonl'),
    siteOrigins: localSiteOrigins(4330),
    log: (line) => logLines.push(line),
  });
});

afterAll(async () => {
  await inbox.close();
  await rm(folder, { recursive: true, force: true });
});

beforeEach(async () => {
  logLines.length = 0;
  await fetch(`${inbox.url}/__inbox`, { method: 'DELETE' });
});

const valid = { name: 'Ada', email: 'ada@example.com', message: 'Hello', _subject: 'Contact form' };

function post(
  fields: Record<string, string>,
  headers: Record<string, string> = { Accept: 'application/json' },
) {
  return fetch(`${inbox.url}/f/local`, {
    method: 'POST',
    headers,
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
}

async function stored(): Promise<StoredSubmission[]> {
  return (await fetch(`${inbox.url}/__inbox`)).json() as Promise<StoredSubmission[]>;
}

describe('the local form inbox', () => {
  it('accepts a JSON-asking post like Formspree, stores it verbatim and prints it', async () => {
    const message = '<script>alert("x")</script>\nΓειά σου, こんにちは, مرحبا';
    const response = await post({ ...valid, message });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ ok: true });

    const [submission, ...rest] = await stored();
    expect(rest).toEqual([]);
    expect(submission?.form).toBe('local');
    expect(submission?.fields).toEqual({ ...valid, message });
    const lines = (await readFile(inbox.file, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(logLines.some((line) => line.includes(JSON.stringify(message)))).toBe(true);
  });

  it('answers 422 TYPE_EMAIL on the email field for a malformed address', async () => {
    const response = await post({ ...valid, email: 'ada@localhost' });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: 'Validation errors',
      errors: [{ code: 'TYPE_EMAIL', field: 'email', message: 'should be an email' }],
    });
    expect(await stored()).toEqual([]);
  });

  it('tells an empty required field from a missing one, and an empty form from both', async () => {
    const blank = await (await post({ ...valid, message: '  ' })).json();
    expect(blank.errors).toEqual([
      { code: 'REQUIRED_FIELD_EMPTY', field: 'message', message: 'field is required' },
    ]);
    const { message: _omitted, ...withoutMessage } = valid;
    const missing = await (await post(withoutMessage)).json();
    expect(missing.errors).toEqual([
      { code: 'REQUIRED_FIELD_MISSING', field: 'message', message: 'field is required' },
    ]);
    const empty = await post({ _subject: 'only special fields' });
    expect(empty.status).toBe(422);
    expect((await empty.json()).errors).toEqual([{ code: 'EMPTY', message: 'form is empty' }]);
  });

  it('refuses a name of only spaces, as the form does', async () => {
    const blank = await (await post({ ...valid, name: ' \t ' })).json();
    expect(blank.errors).toEqual([
      { code: 'REQUIRED_FIELD_EMPTY', field: 'name', message: 'field is required' },
    ]);
  });

  it("counts lengths in characters as the form does: takes the form's longest message, refuses a longer name", async () => {
    const message = '👩🏽‍💻'.repeat(FIELD_LIMITS.message ?? 0);
    expect((await post({ ...valid, message })).status).toBe(200);
    expect((await stored())[0]?.fields.message).toBe(message);
    const name = 'a'.repeat((FIELD_LIMITS.name ?? 0) + 1);
    const tooLong = await post({ ...valid, name });
    expect(tooLong.status).toBe(422);
    expect((await tooLong.json()).errors).toEqual([
      {
        code: 'TOO_LONG',
        field: 'name',
        message: `should be at most ${FIELD_LIMITS.name} characters`,
      },
    ]);
  });

  it('drops a submission whose honeypot is filled, while answering as if it were sent', async () => {
    const response = await post({ ...valid, _gotcha: 'bot' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
    expect(await stored()).toEqual([]);
  });

  it('redirects a plain HTML post to _next, on the posting origin, and only to an http(s) _next', async () => {
    const plain = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const redirected = await post(
      { ...valid, _next: 'https://site.example/contact/thanks/' },
      plain,
    );
    expect(redirected.status).toBe(302);
    expect(redirected.headers.get('location')).toBe('https://site.example/contact/thanks/');

    const fromLocalBuild = await post(
      { ...valid, _next: 'https://site.example/contact/thanks/?a=1' },
      { ...plain, Origin: 'http://localhost:4330' },
    );
    expect(fromLocalBuild.headers.get('location')).toBe(
      'http://localhost:4330/contact/thanks/?a=1',
    );

    const unsafe = await post({ ...valid, _next: 'javascript:alert(1)' }, plain);
    expect(unsafe.status).toBe(200);
    expect(unsafe.headers.get('location')).toBeNull();
    expect(await unsafe.text()).toContain('Thanks!');
    expect(await stored()).toHaveLength(3);
  });

  it('shows validation failures of a plain post as an escaped HTML page', async () => {
    const response = await post({ ...valid, email: '<img src=x onerror=alert(1)>' }, {});
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('email: should be an email');
    expect(page).not.toContain('<img');
  });

  it('allows the posting origin and answers a preflight', async () => {
    const response = await post(valid, {
      Accept: 'application/json',
      Origin: 'http://localhost:4321',
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:4321');
    const preflight = await fetch(`${inbox.url}/f/local`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:4321' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST');
  });

  it('refuses bodies over the size limit and other encodings', async () => {
    const tooBig = await post({ ...valid, message: 'x'.repeat(MAX_BODY_BYTES) });
    expect(tooBig.status).toBe(413);
    const asJson = await fetch(`${inbox.url}/f/local`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(valid),
    });
    expect(asJson.status).toBe(415);
    expect(await stored()).toEqual([]);
  });

  it('answers FORM_NOT_FOUND off the /f/<id> paths', async () => {
    const response = await fetch(`${inbox.url}/nowhere`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect((await response.json()).errors[0].code).toBe('FORM_NOT_FOUND');
  });

  it("lets only the site's own origins read the inbox from a browser", async () => {
    await post(valid);
    const foreign = await fetch(`${inbox.url}/__inbox`, {
      headers: { Origin: 'http://localhost:5173' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(await foreign.text()).not.toContain(valid.message);
    const foreignDelete = await fetch(`${inbox.url}/__inbox`, {
      method: 'DELETE',
      headers: { Origin: 'https://evil.example' },
    });
    expect(foreignDelete.status).toBe(403);
    expect(await stored()).toHaveLength(1);

    for (const origin of localSiteOrigins(4330)) {
      const own = await fetch(`${inbox.url}/__inbox`, { headers: { Origin: origin } });
      expect(own.status).toBe(200);
      expect(own.headers.get('access-control-allow-origin')).toBe(origin);
    }
  });

  it('skips and reports a corrupt line instead of failing the whole inbox', async () => {
    await post({ ...valid, message: 'before' });
    await appendFile(inbox.file, '{"id": "cut off mid-wri\n');
    await appendFile(inbox.file, '["not", "a", "submission"]\n');
    await post({ ...valid, message: 'after' });
    const response = await fetch(`${inbox.url}/__inbox`);
    expect(response.status).toBe(200);
    const submissions = (await response.json()) as StoredSubmission[];
    expect(submissions.map(({ fields }) => fields.message)).toEqual(['before', 'after']);
    expect(response.headers.get(SKIPPED_LINES_HEADER)).toBe('2,3');
    expect(logLines.some((line) => line.includes('skipped line(s) 2, 3'))).toBe(true);
  });

  it('clears the stored submissions on DELETE /__inbox', async () => {
    await post(valid);
    expect(await stored()).toHaveLength(1);
    expect((await fetch(`${inbox.url}/__inbox`, { method: 'DELETE' })).status).toBe(204);
    expect(await stored()).toEqual([]);
  });
});

describe('inboxOptionsFromEnv', () => {
  it('defaults to the configured port and the project inbox file', () => {
    expect(inboxOptionsFromEnv({})).toEqual({
      port: LOCAL_INBOX_PORT,
      file: '.form-inbox/submissions.jsonl',
    });
    expect(
      inboxOptionsFromEnv({ FORM_INBOX_PORT: '4500', FORM_INBOX_FILE: '/tmp/x.jsonl' }),
    ).toEqual({
      port: 4500,
      file: '/tmp/x.jsonl',
    });
  });

  it('says how to fix a bad port', () => {
    expect(() => inboxOptionsFromEnv({ FORM_INBOX_PORT: 'abc' })).toThrow(
      /FORM_INBOX_PORT must be a port number/,
    );
  });
});
