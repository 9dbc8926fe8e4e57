import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { moveCspMetaFirst } from '../lib/csp-meta.ts';

/**
 * Moves Astro's CSP meta tag to the top of every page's `<head>`, so that it covers everything after
 * it where the host cannot send the policy as a header. Astro 7 has no option to place the tag.
 */
export function cspMetaFirst(): AstroIntegration {
  return {
    name: 'csp-meta-first',
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
              await writeFile(file, moveCspMetaFirst(await readFile(file, 'utf8')));
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
