import type { AstroIntegrationLogger } from 'astro';
import { describe, expect, it, vi } from 'vitest';
import { LOCAL_INBOX_ENDPOINT } from '../../src/build/local-inbox.ts';
import { endpointProblem } from '../../src/lib/contact/endpoint.ts';
import { contactWarning } from '../../src/integrations/contact-warning.ts';

type BuildDone = (options: { logger: AstroIntegrationLogger }) => void;

function warningsFor(wiring: Parameters<typeof contactWarning>[0]): string[] {
  const warn = vi.fn<(message: string) => void>();
  const buildDone = contactWarning(wiring).hooks['astro:build:done'] as unknown as BuildDone;
  buildDone({ logger: { warn } as unknown as AstroIntegrationLogger });
  return warn.mock.calls.map(([message]) => message);
}

describe('the contact build warning', () => {
  it('says loudly, and how to fix it, when the form posts to the local inbox', () => {
    const [warning, ...more] = warningsFor({ endpoint: LOCAL_INBOX_ENDPOINT, isLocalInbox: true });
    expect(more).toEqual([]);
    expect(warning).toContain(endpointProblem(undefined, LOCAL_INBOX_ENDPOINT));
    expect(warning).toContain(LOCAL_INBOX_ENDPOINT);
    expect(warning).toContain('Set PUBLIC_CONTACT_ENDPOINT');
  });

  it('says the same rule as the deploy guard for an endpoint a deploy would refuse', () => {
    const endpoint = 'http://forms.example/f/abcdwxyz';
    const [warning] = warningsFor({ endpoint, isLocalInbox: false });
    expect(warning).toContain(endpointProblem(endpoint, LOCAL_INBOX_ENDPOINT));
  });

  it('stays quiet when a real endpoint is configured', () => {
    expect(
      warningsFor({ endpoint: 'https://formspree.io/f/abcdwxyz', isLocalInbox: false }),
    ).toEqual([]);
  });
});
