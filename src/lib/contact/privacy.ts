/**
 * The facts the privacy page (src/content/pages/privacy.mdx) states that depend on configuration or
 * code, read from there so that the page changes when they do.
 */
import type { SiteConfig } from '../../config.ts';
import { contactForm } from '../../content/interface/contact.ts';
import { DRAFT_MAX_AGE_MS } from './draft.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PrivacyFacts {
  service: { name: string; privacyPolicy: string };
  /** The labels of the fields the form sends, as the visitor saw them. */
  sentFields: string[];
  draftDays: number;
  contactHref: string;
  email: string | undefined;
}

export function privacyFacts({ contact, cta }: Pick<SiteConfig, 'contact' | 'cta'>): PrivacyFacts {
  return {
    service: contact.service,
    sentFields: [
      contactForm.name,
      contactForm.email,
      contactForm.company,
      contactForm.intentLegend,
      contactForm.message,
    ],
    draftDays: Math.round(DRAFT_MAX_AGE_MS / DAY_MS),
    contactHref: cta.href,
    email: contact.email,
  };
}
