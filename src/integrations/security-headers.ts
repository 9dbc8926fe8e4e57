import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  cspFromHtml,
  headerRules,
  hostLimitProblems,
  parseCsp,
  renderHeadersFile,
} from '../lib/security-headers.ts';
import { builtPages } from './built-pages.ts';

/**
 * Writes `_headers` into the build for Netlify and Cloudflare Pages. Its Content-Security-Policies,
 * one for each top-level entry of the build, are read back from the meta tags Astro just wrote, so
 * they hold exactly the hashes Astro computed.
 * Wire it in astro.config.mjs as `securityHeaders()`, after every integration that adds files to the
 * build (the sitemap), so that those get their caching rule too.
 */
export function securityHeaders(): AstroIntegration {
  let assetsDir = '';
  return {
    name: 'security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        assetsDir = config.build.assets;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = await builtPages(root);
        const pagePolicies = await Promise.all(
          pages.map(async (page) => {
            const policy = cspFromHtml(await readFile(join(root, page), 'utf8'));
            if (!policy)
              throw new Error(
                `${page} has no Content-Security-Policy meta tag: is security.csp still on?`,
              );
            return { entry: page.split(sep)[0] ?? page, csp: parseCsp(policy) };
          }),
        );
        const topLevel = (await readdir(root, { withFileTypes: true })).map((entry) => ({
          name: entry.name,
          isDirectory: entry.isDirectory(),
        }));
        const rules = headerRules({ assetsDir, topLevel, pages: pagePolicies });
        const problems = hostLimitProblems(rules);
        if (problems.length > 0) {
          throw new Error(`_headers would not fit the hosts' limits:\n- ${problems.join('\n- ')}`);
        }
        await writeFile(join(root, '_headers'), renderHeadersFile(rules));
        logger.info(
          `_headers: ${rules.length} rules, a Content-Security-Policy for each top-level entry from ${pages.length} pages`,
        );
      },
    },
  };
}
