import type { AstroIntegration } from 'astro';

interface ContactWiring {
  endpoint: string;
  isLocalInbox: boolean;
}

/**
 * A site built without PUBLIC_CONTACT_ENDPOINT posts its form to the local inbox, which exists
 * only beside `npm run dev` or `npm start`: deployed like that, every message would be lost.
 * Said at the end of the build, where it is the last thing on screen.
 * Wire it in astro.config.mjs as `contactWarning(site.contact)`.
 */
export function contactWarning({ endpoint, isLocalInbox }: ContactWiring): AstroIntegration {
  return {
    name: 'contact-warning',
    hooks: {
      'astro:build:done': ({ logger }) => {
        if (!isLocalInbox) return;
        logger.warn(
          [
            '',
            '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
            '!! The contact form is NOT wired to a real form service.',
            `!! It posts to the local inbox (${endpoint}), which runs only`,
            '!! beside `npm run dev` or `npm start`. Deployed as it is, messages are lost.',
            '!! Fix: set PUBLIC_CONTACT_ENDPOINT (e.g. https://formspree.io/f/<form-id>)',
            '!! and build again. README, "Contact form", says how.',
            '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
          ].join('\n'),
        );
      },
    },
  };
}
