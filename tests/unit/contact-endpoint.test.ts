import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LOCAL_INBOX_ENDPOINT } from '../../src/build/local-inbox.ts';
import {
  endpointFix,
  endpointProblem as endpointProblemWithInbox,
  localInboxEndpoint,
  localInboxPort,
} from '../../src/lib/contact/endpoint.ts';

const endpointProblem = (endpoint: string | undefined) =>
  endpointProblemWithInbox(endpoint, LOCAL_INBOX_ENDPOINT);

describe('the endpoint rule', () => {
  it('accepts a form service over https', () => {
    expect(endpointProblem('https://formspree.io/f/abcdwxyz')).toBeUndefined();
    expect(endpointProblem('  https://formspree.io/f/abcdwxyz\n')).toBeUndefined();
  });

  it.each([
    [undefined, /is not set/],
    ['', /is not set/],
    ['   ', /is not set/],
    ['formspree.io/f/abcdwxyz', /not an absolute URL/],
    ['http://formspree.io/f/abcdwxyz', /must use https/],
    [LOCAL_INBOX_ENDPOINT, /must use https/],
    ['https://localhost:4399/f/local', /building machine/],
    ['https://127.0.0.1/f/local', /building machine/],
  ])('refuses %j', (endpoint, problem) => {
    expect(endpointProblem(endpoint)).toMatch(problem);
  });
});

describe('the local inbox', () => {
  it('listens on FORM_INBOX_PORT, else on 4399, and the form posts there', () => {
    expect(localInboxPort('4412')).toBe(4412);
    expect(localInboxPort(' 4412\n')).toBe(4412);
    expect(localInboxPort(undefined)).toBe(4399);
    expect(localInboxPort('  ')).toBe(4399);
    expect(localInboxEndpoint(4412)).toBe('http://localhost:4412/f/local');
  });

  it('is named in the problem of a form without a service', () => {
    expect(endpointProblemWithInbox(undefined, localInboxEndpoint(4412))).toContain(
      'http://localhost:4412/f/local',
    );
  });
});

describe('scripts/require-endpoint.ts, which every host runs before its build', () => {
  const guard = (endpoint: string | undefined) => {
    const env: NodeJS.ProcessEnv = { ...process.env, PUBLIC_CONTACT_ENDPOINT: endpoint };
    if (endpoint === undefined) delete env.PUBLIC_CONTACT_ENDPOINT;
    return spawnSync(process.execPath, ['scripts/require-endpoint.ts'], { env, encoding: 'utf8' });
  };

  it('stops the deploy with the fix when the variable is unset', () => {
    const run = guard(undefined);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Deploy refused: ${endpointProblem(undefined)}`);
    expect(run.stderr).toContain(endpointFix);
  });

  it('refuses a local endpoint, by the same rule', () => {
    const run = guard(LOCAL_INBOX_ENDPOINT);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(endpointProblem(LOCAL_INBOX_ENDPOINT));
  });

  it('lets a valid https endpoint through', () => {
    const run = guard('https://formspree.io/f/abcdwxyz');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
