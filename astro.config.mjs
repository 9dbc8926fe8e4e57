// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { site } from './src/config.ts';
import { sha256Hash } from './src/build/built-site.ts';
import { cspDirectives } from './src/lib/csp.ts';
import { bodyLinksPlugin } from './src/build/body-links-plugin.ts';
import { buildPipeline } from './src/integrations/build-pipeline.ts';
import { contactWarning } from './src/integrations/contact-warning.ts';
import { headScript, pageScriptLoader } from './src/build/inline-scripts.ts';
import { outDir } from './scripts/quality/build-output.ts';
import { sourcePages } from './src/lib/demo/sources.ts';

/**
 * Pages that must never be indexed: they answer a visit, or (the explainer's sources, each a listing
 * the explainer links to) they are not content of their own.
 */
const unlistedPaths = ['/404/', '/contact/thanks/', ...sourcePages()];

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  outDir,
  integrations: [
    mdx(),
    sitemap({
      filter: (page) => !unlistedPaths.includes(new URL(page).pathname),
    }),
    // The reference build of tests/e2e/css-pruning.spec.ts keeps the whole stylesheet on every page.
    buildPipeline({ pruneCss: process.env.SITE_CSS !== 'full' }),
    contactWarning(site.contact),
  ],
  markdown: {
    // Shiki writes inline style="" attributes, which the CSP forbids; code is highlighted by class instead.
    syntaxHighlight: false,
    // MDX files use this processor too: a body link that is not a site path, an anchor, https: or mailto: fails the build.
    processor: satteri({ mdastPlugins: [bodyLinksPlugin] }),
  },
  security: {
    csp: {
      directives: cspDirectives({ formEndpoint: site.contact.endpoint, siteUrl: site.url }),
      scriptDirective: {
        hashes: [sha256Hash(headScript), sha256Hash(pageScriptLoader)],
      },
    },
  },
  vite: {
    plugins: [tailwindcss()],
    build: {
      rolldownOptions: {
        // Astro's own MDX wrappers trip this warning once per file; it hides real problems in the output.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
