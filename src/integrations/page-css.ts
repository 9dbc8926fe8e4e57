import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { IslandPartsFile } from '../client/island-parts.ts';
import { inlineStyles } from '../lib/csp-meta.ts';
import { pointToIslandParts, takeIslandParts } from '../lib/island-parts.ts';
import {
  cssMatchedBy,
  cssUsedBy,
  keepsItsMarkup,
  markupInJson,
  markupOf,
  restylePage,
} from '../lib/page-css.ts';

/** Module files a script names: its static and dynamic imports and its workers. */
const MODULE_NAME = /[\w.~-]+\.m?js\b/g;
/** Site files a page fetches into itself, such as the highlighted sources the explainer loads. */
const FETCHED_JSON = /"(\/[^"\s]+\.json)"/g;

/**
 * Inlines in each page only the CSS that pages of its route can use: where the pages keep the markup
 * they were built with, the rules that match it; elsewhere the rules whose classes and elements their
 * markup, the scripts they load (and theirs) and the JSON markup they fetch name. A spotlight page carries what every spotlight
 * may use, so adding a spotlight adds no new stylesheet, and the policy's hashes grow with routes,
 * not pages. Markup only an island uses leaves the page for a file of its own, with a stylesheet
 * that also styles it (src/lib/island-parts.ts). Wire it before `cspMeta()`, which pins each page's
 * policy to its own styles.
 */
export function pageCss(): AstroIntegration {
  let assetsDir = '';
  return {
    name: 'page-css',
    hooks: {
      'astro:config:done': ({ config }) => {
        assetsDir = config.build.assets;
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir);
        const modules = new Set(await readdir(join(root, assetsDir)).catch(() => []));
        const moduleText = new Map<string, Promise<string>>();
        const readModule = (name: string) => {
          if (!moduleText.has(name))
            moduleText.set(name, readFile(join(root, assetsDir, name), 'utf8'));
          return moduleText.get(name) as Promise<string>;
        };

        /** Every script a page runs, following imports and workers from its script tags. */
        const scriptsOf = async (html: string): Promise<string[]> => {
          const seen = new Set<string>();
          const queue = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) =>
            basename(match[1] ?? ''),
          );
          while (queue.length > 0) {
            const name = queue.pop() ?? '';
            if (seen.has(name) || !modules.has(name)) continue;
            seen.add(name);
            queue.push(...((await readModule(name)).match(MODULE_NAME) ?? []));
          }
          return Promise.all([...seen].map(readModule));
        };

        const groups = [...assets.values()].map((urls) =>
          urls.map((url) => fileURLToPath(url)).filter((file) => file.endsWith('.html')),
        );
        /** Writes a file into the assets folder under a name that changes with its content. */
        const writeAsset = async (extension: string, text: string): Promise<string> => {
          const hash = createHash('sha256').update(text).digest('base64url').slice(0, 10);
          const name = `island.${hash}.${extension}`;
          await writeFile(join(root, assetsDir, name), text);
          return `/${assetsDir}/${name}`;
        };

        let before = 0;
        let after = 0;
        let matched = 0;
        for (const files of groups.filter((group) => group.length > 0)) {
          const built = await Promise.all(files.map((file) => readFile(file, 'utf8')));
          const taken = built.map(takeIslandParts);
          const pages = taken.map(({ page }) => page);
          const partsMarkup = taken.flatMap(({ parts }) => Object.values(parts).map(markupOf));
          const content: string[] = [];
          for (const html of pages) {
            content.push(markupOf(html));
            content.push(...(await scriptsOf(html)));
            for (const [, path = ''] of html.matchAll(FETCHED_JSON)) {
              const json = await readFile(join(root, path), 'utf8').catch(() => undefined);
              if (json !== undefined) content.push(markupInJson(json));
            }
          }
          // Pages that keep their markup are matched against it; where scripts build markup, the
          // names the pages and their scripts use are all there is to go by.
          const matchable = taken.every(({ page, parts }) =>
            keepsItsMarkup(page, { hasIslandParts: Object.keys(parts).length > 0 }),
          );
          if (matchable) matched += files.length;
          const pruned = new Map<string, string>();
          const restyle = (css: string) => {
            if (!pruned.has(css))
              pruned.set(css, matchable ? cssMatchedBy(css, pages) : cssUsedBy(css, content));
            return pruned.get(css) ?? css;
          };
          // The island's stylesheet is the page's with the parts' rules among them, each where it
          // stood: a stylesheet of the parts' rules alone, applied after the page's, would put them
          // after rules they came before and win where they used to lose.
          const stylesheetUrl =
            partsMarkup.length > 0
              ? await writeAsset(
                  'css',
                  inlineStyles(built[0] ?? '')
                    .map((css) => cssUsedBy(css, [...content, ...partsMarkup]))
                    .join('\n'),
                )
              : '';
          await Promise.all(
            files.map(async (file, index) => {
              const { page: html, parts } = taken[index] ?? { page: '', parts: {} };
              let page = restylePage(html, restyle);
              if (Object.keys(parts).length > 0) {
                const partsFile: IslandPartsFile = { parts };
                const partsUrl = await writeAsset('json', JSON.stringify(partsFile));
                page = pointToIslandParts(page, { partsUrl, stylesheetUrl });
              }
              before += (built[index] ?? '').length;
              after += page.length;
              await writeFile(file, page);
            }),
          );
        }
        logger.info(
          `inlined CSS cut to what each route uses (${matched} pages matched rule by rule): pages ${before} → ${after} characters`,
        );
      },
    },
  };
}
