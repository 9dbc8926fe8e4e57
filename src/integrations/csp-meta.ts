import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { moveCspMetaFirst, pinCspToInlineCode } from '../lib/csp-meta.ts';
import { rewritePages } from './built-pages.ts';

/**
 * Finishes Astro's CSP meta tag on every page: it allows exactly the page's own inline scripts and
 * stylesheets (after `pageCss()` has cut them), and it comes first in `<head>`, so that it covers
 * everything after it where the host cannot send the policy as a header. Astro 7 has no option for
 * either. Wire it after `pageCss()` and before `securityHeaders()`, which merges the pages' policies.
 */
export function cspMeta(): AstroIntegration {
  return {
    name: 'csp-meta',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await rewritePages(fileURLToPath(dir), async (html, page) => {
          try {
            return moveCspMetaFirst(await pinCspToInlineCode(html));
          } catch (error) {
            throw new Error(`${page}: ${(error as Error).message}: is security.csp still on?`, {
              cause: error,
            });
          }
        });
      },
    },
  };
}
