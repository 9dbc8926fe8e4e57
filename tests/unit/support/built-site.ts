import { type BuiltSite, readPage, serializeHtml } from '../../../src/build/built-site.ts';

/** A built site of the given pages, read as the build pipeline's integration reads a build. */
export function siteOf(
  pages: readonly { file: string; html: string; route?: string }[],
  {
    files = {},
    topLevel = [],
  }: Pick<Partial<BuiltSite>, 'topLevel'> & {
    files?: Record<string, string>;
  } = {},
): BuiltSite {
  return {
    assetsDir: '_astro',
    files: new Map(Object.entries(files)),
    topLevel,
    added: new Map(),
    pages: pages.map(({ file, html, route = file }) => readPage({ file, route, html })),
  };
}
/** The HTML of the site's page `file`. */
export function htmlOf(site: BuiltSite, file: string): string {
  const page = site.pages.find((candidate) => candidate.file === file);
  if (!page) throw new Error(`no page ${file}`);
  return serializeHtml(page.document);
}
