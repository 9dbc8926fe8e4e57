import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { type BuiltSite, readPage, serializeHtml } from '../build/built-site.ts';
import { buildPasses, type PipelineOptions, runPipeline } from '../build/pipeline.ts';

/** Files the pages' scripts may load or fetch, which `cssPerRoute` reads for the names they use. */
const READ_FILES = /\.(m?js|json)$/;

/**
 * Reads the build into the pipeline's page model (src/build/built-site.ts), runs the passes of
 * src/build/pipeline.ts in their order, and writes the result back. Wire it after every
 * integration that adds files to the build (the sitemap), so that those get their headers too.
 */
export function buildPipeline(options: PipelineOptions = {}): AstroIntegration {
  let assetsDir = '';
  return {
    name: 'build-pipeline',
    hooks: {
      'astro:config:done': ({ config }) => {
        assetsDir = config.build.assets;
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir);
        const relativeOf = (file: string) => file.slice(root.length).split(sep).join('/');
        const routeOf = new Map(
          [...assets].flatMap(([route, urls]) =>
            urls.map((url) => [relativeOf(fileURLToPath(url)), route] as const),
          ),
        );
        const entries = (await readdir(root, { recursive: true })).map((file) =>
          file.split(sep).join('/'),
        );
        const files = new Map(
          await Promise.all(
            entries
              .filter((file) => READ_FILES.test(file))
              .map(async (file) => [`/${file}`, await readFile(join(root, file), 'utf8')] as const),
          ),
        );
        const pages = await Promise.all(
          entries
            .filter((file) => file.endsWith('.html'))
            .map(async (file) =>
              readPage({
                file,
                route: routeOf.get(file) ?? file,
                html: await readFile(join(root, file), 'utf8'),
              }),
            ),
        );
        const topLevel = (await readdir(root, { withFileTypes: true })).map((entry) => ({
          name: entry.name,
          isDirectory: entry.isDirectory(),
        }));
        const site: BuiltSite = { assetsDir, pages, files, topLevel, added: new Map() };
        const built = runPipeline(site, buildPasses(options));
        const html = built.pages.map((page) => serializeHtml(page.document));
        await Promise.all([
          ...built.pages.map((page, index) => writeFile(join(root, page.file), html[index] ?? '')),
          ...[...built.added].map(([file, text]) => writeFile(join(root, file), text)),
        ]);
        const size = (texts: readonly string[]) =>
          texts.reduce((sum, text) => sum + text.length, 0);
        logger.info(
          `${pages.length} pages ${size(pages.map((page) => serializeHtml(page.document)))} → ${size(html)} characters; added ${[...built.added.keys()].join(', ')}`,
        );
      },
    },
  };
}
