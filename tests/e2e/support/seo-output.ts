/**
 * Reads what search engines, chat apps and feed readers read from a build: each page's head, its
 * structured data, the sitemap, the feed and the images. Plain file reads, so the checks are fast.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse, type HTMLElement } from 'node-html-parser';
import { site } from '../../../src/config';

export interface BuiltPage {
  /** The URL path the page answers, e.g. "/training/" or "/404.html". */
  route: string;
  head: HTMLElement;
  document: HTMLElement;
}

/** Every HTML file of the build, the 404 page included. */
export function builtPages(outDir: string): BuiltPage[] {
  const pages: BuiltPage[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('_')) walk(path);
      else if (entry.name.endsWith('.html')) {
        const file = relative(outDir, path).split(sep).join('/');
        const route = `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
        const document = parse(readFileSync(path, 'utf8'));
        const head = document.querySelector('head');
        if (!head) throw new Error(`${file} has no <head>`);
        pages.push({ route, head, document });
      }
    }
  };
  walk(outDir);
  return pages.sort((a, b) => a.route.localeCompare(b.route));
}

export const meta = (page: BuiltPage, key: string): string | undefined =>
  (
    page.head.querySelector(`meta[property="${key}"]`) ??
    page.head.querySelector(`meta[name="${key}"]`)
  )?.getAttribute('content');

export const isNoindex = (page: BuiltPage): boolean => /noindex/.test(meta(page, 'robots') ?? '');

export type JsonLdNode = Record<string, unknown> & { '@type': string };

export function jsonLd(page: BuiltPage): JsonLdNode[] {
  return page.head.querySelectorAll('script[type="application/ld+json"]').map((script, index) => {
    try {
      return JSON.parse(script.textContent) as JsonLdNode;
    } catch (error) {
      throw new Error(
        `${page.route}: JSON-LD block ${index + 1} does not parse: ${String(error)}`,
        { cause: error },
      );
    }
  });
}

/** The build file a site URL is served from, e.g. https://blltprf.xyz/og/index.png → og/index.png. */
export function fileOfUrl(outDir: string, url: string): string {
  const { origin, pathname } = new URL(url, site.url);
  if (origin !== site.url) throw new Error(`${url} is not on ${site.url}`);
  return join(outDir, decodeURIComponent(pathname).replace(/\/$/, '/index.html'));
}

const PNG_SIGNATURE = '89504e470d0a1a0a';

/** Width and height from a PNG's header chunk. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const buffer = Buffer.from(bytes);
  if (buffer.subarray(0, 8).toString('hex') !== PNG_SIGNATURE) throw new Error('not a PNG file');
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['url', 'sitemap', 'item', 'category'].includes(name),
});

export const parseXml = (source: string): Record<string, unknown> =>
  xml.parse(source) as Record<string, unknown>;

/** Every URL the sitemap index leads to, checking that each sitemap it names exists. */
export function sitemapUrls(outDir: string): string[] {
  const index = parseXml(readFileSync(join(outDir, 'sitemap-index.xml'), 'utf8')) as {
    sitemapindex: { sitemap: { loc: string }[] };
  };
  return index.sitemapindex.sitemap.flatMap(({ loc }) => {
    const file = fileOfUrl(outDir, loc);
    if (!existsSync(file))
      throw new Error(`sitemap-index.xml names ${loc}, which the build does not have`);
    const sitemap = parseXml(readFileSync(file, 'utf8')) as { urlset: { url?: { loc: string }[] } };
    return (sitemap.urlset.url ?? []).map(({ loc }) => loc);
  });
}

export interface FeedItem {
  title: string;
  link: string;
  guid: string | { '#text': string };
  description?: string;
  pubDate?: string;
  category?: string[];
}

export interface Feed {
  rss: {
    '@version': string;
    channel: {
      title: string;
      link: string;
      description: string;
      language?: string;
      item?: FeedItem[];
    };
  };
}

export const readFeed = (outDir: string): Feed =>
  parseXml(readFileSync(join(outDir, 'rss.xml'), 'utf8')) as unknown as Feed;
