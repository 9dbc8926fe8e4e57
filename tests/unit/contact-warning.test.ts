import type { AstroIntegrationLogger } from 'astro';
import { describe, expect, it, vi } from 'vitest';
import { LOCAL_INBOX_ENDPOINT } from '../../src/config.ts';
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
    expect(warning).toContain('NOT wired to a real form service');
    expect(warning).toContain(LOCAL_INBOX_ENDPOINT);
    expect(warning).toContain('set PUBLIC_CONTACT_ENDPOINT');
  });

  it('stays quiet when a real endpoint is configured', () => {
    expect(warningsFor({ endpoint: 'https://formspree.io/f/abcdwxyz', isLocalInbox: false })).toEqual([]);
  });
});
