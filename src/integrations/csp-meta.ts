import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { moveCspMetaFirst, pinCspToInlineCode } from '../lib/csp-meta.ts';

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
        const root = fileURLToPath(dir);
        const pages = (await readdir(root, { recursive: true })).filter((file) =>
          file.endsWith('.html'),
        );
        await Promise.all(
          pages.map(async (page) => {
            const file = join(root, page);
            try {
              const html = await readFile(file, 'utf8');
              await writeFile(file, moveCspMetaFirst(await pinCspToInlineCode(html)));
            } catch (error) {
              throw new Error(`${page}: ${(error as Error).message}: is security.csp still on?`, {
                cause: error,
              });
            }
          }),
        );
      },
    },
  };
}
