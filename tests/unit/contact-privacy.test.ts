import { describe, expect, it } from 'vitest';
import { site } from '../../src/config.ts';
import { contactForm } from '../../src/content/interface/contact.ts';
import { adapters } from '../../src/lib/contact/adapters.ts';
import { DRAFT_MAX_AGE_MS } from '../../src/lib/contact/draft.ts';
import { privacyFacts } from '../../src/lib/contact/privacy.ts';

describe('the privacy page facts', () => {
  it('name the configured service and its own privacy policy', () => {
    const { service } = privacyFacts(site);
    expect(service).toEqual({
      name: adapters[site.contact.provider].name,
      privacyPolicy: adapters[site.contact.provider].privacyPolicy,
    });
  });

  it('give the draft lifetime in whole days from the draft code', () => {
    const { draftDays } = privacyFacts(site);
    expect(draftDays * 24 * 60 * 60 * 1000).toBe(DRAFT_MAX_AGE_MS);
  });

  it('list the fields the form has, and the e-mail only when configured', () => {
    const facts = privacyFacts({ ...site, contact: { ...site.contact, email: undefined } });
    expect(facts.sentFields).toEqual(
      expect.arrayContaining([contactForm.name, contactForm.email, contactForm.message]),
    );
    expect(facts.email).toBeUndefined();
    expect(facts.contactHref).toBe(site.cta.href);
    expect(
      privacyFacts({ ...site, contact: { ...site.contact, email: 'inbox@example.org' } }).email,
    ).toBe('inbox@example.org');
  });
});
