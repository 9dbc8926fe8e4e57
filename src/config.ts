/**
 * Site-wide settings: the one place for the site's name, URL, navigation and contact wiring.
 * Every value is validated at build time so that a typo in an environment variable fails the
 * build with a message that says how to fix it, instead of shipping a form that posts nowhere.
 */
import { z } from 'astro/zod';
import { adapters, contactProviders } from './lib/contact/adapters.ts';
import { LOCAL_INBOX_ENDPOINT } from './build/local-inbox.ts';
import { navLabels } from './content/interface/site.ts';
import { pagePaths } from './lib/page-meta.ts';

const env: Record<string, string | undefined> =
  (import.meta as { env?: Record<string, string | undefined> }).env ?? process.env;

const contactSchema = z.object({
  endpoint: z
    .url({
      message:
        'PUBLIC_CONTACT_ENDPOINT must be an absolute URL, e.g. https://formspree.io/f/abcdwxyz',
    })
    .refine((url) => /^https?:/.test(url), 'PUBLIC_CONTACT_ENDPOINT must use http or https'),
  provider: z.enum(contactProviders, {
    message: `PUBLIC_CONTACT_PROVIDER must be one of ${contactProviders.map((name) => `"${name}"`).join(', ')} (add an adapter in src/lib/contact/adapters.ts for another service)`,
  }),
  email: z
    .email({ message: 'PUBLIC_CONTACT_EMAIL must be an e-mail address, or unset' })
    .optional(),
});

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

const contact = contactSchema.parse({
  endpoint: blank(env.PUBLIC_CONTACT_ENDPOINT) ?? LOCAL_INBOX_ENDPOINT,
  provider: blank(env.PUBLIC_CONTACT_PROVIDER) ?? 'formspree',
  email: blank(env.PUBLIC_CONTACT_EMAIL),
});

export interface NavItem {
  label: string;
  href: string;
}

/**
 * The consultant's facts, typed once: the about section, the footer, the head and the structured
 * data read them from here. His open-source roles are in the spotlights of Apalache and Quint.
 */
export const person = {
  name: 'Thomas Pani',
  honorificPrefix: 'Dr.',
  jobTitle: 'Independent consultant',
  degree: 'PhD in formal methods',
  university: 'TU Wien',
  /** What search engines may list him and the practice as knowing about. */
  knowsAbout: [
    'Formal methods',
    'Executable specifications',
    'Model checking',
    'Model-based testing',
    'Symbolic verification',
    'Distributed systems',
    'TLA+',
    'Quint',
    'Apalache',
  ],
  previously: 'Research engineer in academia and in industry',
  /** Public profiles: linked in the footer and named as the same person in the structured data. */
  profiles: [
    { label: 'GitHub', href: 'https://github.com/thpani' },
    { label: 'Bluesky', href: 'https://bsky.app/profile/thpani.bsky.social' },
  ] satisfies NavItem[],
} as const;

/** "Dr. Thomas Pani": how the site names him wherever it names him in full. */
export const personFullName = `${person.honorificPrefix} ${person.name}`;

export const site = {
  title: `${personFullName}: executable specifications`,
  description: 'Executable specifications for platform, infrastructure and protocol teams.',
  url: 'https://blltprf.xyz',
  locale: 'en',
  themeColor: { light: '#fbfaf7', dark: '#111214' },
  nav: [
    { label: navLabels.home, href: '/' },
    { label: navLabels.training, href: '/training/' },
    { label: navLabels.executableSpecs, href: '/executable-specs/' },
    { label: navLabels.spotlights, href: '/spotlights/' },
    { label: navLabels.writing, href: '/writing/' },
  ] satisfies NavItem[],
  cta: { label: navLabels.contact, href: '/contact/' } satisfies NavItem,
  privacy: { label: navLabels.privacy, href: pagePaths.privacy } satisfies NavItem,
  social: person.profiles,
  contact: {
    ...contact,
    /** True when the form posts to the local development inbox, not to a real service. */
    isLocalInbox: contact.endpoint === LOCAL_INBOX_ENDPOINT,
    /** The service the form posts to, as the privacy page names and links it. */
    service: {
      name: adapters[contact.provider].name,
      privacyPolicy: adapters[contact.provider].privacyPolicy,
    },
    thanksPath: '/contact/thanks/',
  },
} as const;

export type SiteConfig = typeof site;
