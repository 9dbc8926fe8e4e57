import type { AstroIntegration } from 'astro';
import { LOCAL_INBOX_ENDPOINT } from '../build/local-inbox.ts';
import { endpointFix, endpointProblem } from '../lib/contact/endpoint.ts';

/**
 * Every build that the deploy guard would refuse says so loudly, at its end, where it is the last
 * thing on screen: the same rule (src/lib/contact/endpoint.ts), a warning instead of a refusal, so
 * that `npm start` and `npm run dev` work with the local inbox.
 * Wire it in astro.config.mjs as `contactWarning(site.contact)`.
 */
export function contactWarning({
  endpoint,
  isLocalInbox,
}: {
  endpoint: string;
  isLocalInbox: boolean;
}): AstroIntegration {
  return {
    name: 'contact-warning',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const problem = endpointProblem(isLocalInbox ? undefined : endpoint, LOCAL_INBOX_ENDPOINT);
        if (!problem) return;
        const rule = '!'.repeat(72);
        const lines = ['The contact form is NOT wired for a public site.', problem, endpointFix];
        logger.warn(['', rule, ...lines.map((line) => `!! ${line}`), rule].join('\n'));
      },
    },
  };
}
