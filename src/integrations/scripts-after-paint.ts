import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadScriptsAfterPaint, moduleScriptUrls } from '../lib/page-scripts.ts';
import { PAGE_SCRIPT_ATTRIBUTE, pageScriptLoader } from '../scripts/page-script-loader.ts';
import { rewritePages } from './built-pages.ts';

/**
 * Every page's scripts start after its first paint (src/lib/page-scripts.ts). Astro 7 has no option
 * for when a processed script loads. Wire it before `cspMeta()`, which hashes the inline loader into
 * each policy, and after `pageCss()`, which reads the scripts a page loads from their tags.
 */
export function scriptsAfterPaint(): AstroIntegration {
  return {
    name: 'scripts-after-paint',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        let scripts = 0;
        await rewritePages(fileURLToPath(dir), (html) => {
          scripts += moduleScriptUrls(html).length;
          return loadScriptsAfterPaint(html, {
            loader: pageScriptLoader,
            attribute: PAGE_SCRIPT_ATTRIBUTE,
          });
        });
        logger.info(`${scripts} page scripts load after the first paint`);
      },
    },
  };
}
