/**
 * Budget gate: what each page costs a visitor on a slow phone, measured on the build output.
 * Figures are gzip bytes, the way the files travel.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ISLAND_PARTS_ATTRIBUTE, ISLAND_STYLESHEET_ATTRIBUTE } from '../../src/lib/island-parts.ts';
import { PAGE_SCRIPT_ATTRIBUTE } from '../../src/scripts/names.ts';
import { fileForPath, listFiles, type BuiltPage } from './build-output.ts';
import { FIRST_ROUND_TRIP_BYTES } from './first-round-trip.ts';
import { isExternal } from './links.ts';
import { formatTable } from './table.ts';

const KB = 1024;

export const budgets = {
  /**
   * The first round trip of a new connection carries about 14 KB: everything the first screen needs
   * must fit in it, i.e. the HTML (with its inlined CSS) up to the end of the block that holds the h1.
   */
  firstPaintGzip: 14 * KB,
  /**
   * The whole document as it is sent (brotli body and response headers, `measureSent`) fits in
   * that first round trip too: the audit's simulation paints nothing until the document is complete.
   */
  sentBytes: FIRST_ROUND_TRIP_BYTES,
  /** The CSS one page carries. */
  cssGzip: 7 * KB,
  /**
   * The inline scripts of one page together, raw: the head script is in every page's first bytes,
   * and a page script's loader beside it.
   */
  inlineScriptBytes: 1.5 * KB,
  /**
   * Script a page loads up front (right after its first paint) and on demand, and its island's
   * parts with their stylesheet (which repeats the page's CSS); pages not listed load none.
   */
  scripts: {
    // The form keeps a draft per tab, offers the others, asks before a possible second send and counts
    // graphemes (issue 23): 6.6 KB, loaded after the first paint, so the first round trip is unchanged.
    '/contact/': { initial: 7 * KB, lazy: 0, island: 0 },
    '/contact/thanks/': { initial: 1 * KB, lazy: 0, island: 0 },
    '/executable-specs/': { initial: 2 * KB, lazy: 20 * KB, island: 10 * KB },
  } as Record<string, { initial: number; lazy: number; island: number }>,
  modernImageExtensions: ['.avif', '.webp', '.svg'],
  /** What a page transfers on load: HTML, CSS, fonts, images and the scripts it loads up front. */
  transfer: { default: 40 * KB, '/executable-specs/': 60 * KB } as Record<string, number>,
};

export const gzipSize = (content: string | Buffer): number =>
  gzipSync(content, { level: 9 }).length;

export interface PageCost {
  route: string;
  htmlGzip: number;
  firstPaintGzip: number;
  cssGzip: number;
  fontBytes: number;
  initialJsGzip: number;
  lazyJsGzip: number;
  /** The island's parts and their stylesheet, fetched when the island mounts. */
  islandGzip: number;
  transfer: number;
  /** The document as the server sends it, headers included; 0 when not measured. */
  sent: number;
}

export interface BudgetReport {
  pages: PageCost[];
  problems: string[];
}

const STATIC_IMPORT = /(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.js)["']/g;
// Minified code quotes dynamic imports and worker URLs with backticks too.
const LAZY_REFERENCE = /["'`]((?:\.{1,2}|\/_astro)\/[^"'`()]+\.js)["'`]/g;

/** A script and its static imports: what the browser fetches before the module runs. */
function moduleGraph(outDir: string, entries: string[], lazyToo: boolean): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const pattern = lazyToo ? LAZY_REFERENCE : STATIC_IMPORT;
    for (const match of source.matchAll(new RegExp(pattern.source, 'g'))) {
      const specifier = match[1] ?? '';
      const path = specifier.startsWith('/')
        ? specifier
        : new URL(specifier, `http://x${file.slice(outDir.length)}`).pathname;
      const target = fileForPath(outDir, path);
      if (target) visit(target);
    }
  };
  entries.forEach(visit);
  return seen;
}

const sumGzip = (files: Iterable<string>) =>
  [...files].reduce((total, file) => total + gzipSize(readFileSync(file)), 0);
const sumBytes = (files: Iterable<string>) =>
  [...files].reduce((total, file) => total + statSync(file).size, 0);
/** Compressed on the wire if text; fonts and raster images are compressed already. */
const transferSize = (file: string) =>
  /\.(?:woff2?|png|jpe?g|webp|avif|ico)$/.test(file)
    ? statSync(file).size
    : gzipSize(readFileSync(file));

const FONT_FACE = /@font-face\s*\{[^}]*\}/g;
const CSS_URL = /url\(\s*["']?([^"')]+)["']?\s*\)/g;

/** The HTML a visitor's first screen needs: all of it up to the end of the element that holds the h1. */
function firstScreen(page: BuiltPage): string {
  const end = page.document.querySelector('h1')?.parentNode?.range?.[1];
  return end ? page.html.slice(0, end) : page.html;
}

/** The font files the page's CSS declares (each @font-face it carries may be fetched). */
function fontFiles(css: string, baseUrl: string, outDir: string): string[] {
  return [...css.matchAll(FONT_FACE)].flatMap(([face]) =>
    [...face.matchAll(CSS_URL)].flatMap(([, url]) => {
      if (!url || url.startsWith('data:') || isExternal(url)) return [];
      const file = fileForPath(outDir, new URL(url, baseUrl).pathname);
      return file ? [file] : [];
    }),
  );
}

export function measureBudgets(
  outDir: string,
  pages: BuiltPage[],
  sentByRoute: ReadonlyMap<string, number> = new Map(),
): BudgetReport {
  const problems: string[] = [];
  for (const css of listFiles(outDir).filter((file) => file.endsWith('.css'))) {
    if (/url\(\s*["']?(?:https?:)?\/\//.test(readFileSync(css, 'utf8')))
      problems.push(`${css}: loads from another origin`);
  }

  const costs = pages.map((page) => {
    const { route, document } = page;
    const head = document.querySelector('head');
    const local = (url: string | undefined) =>
      url ? fileForPath(outDir, new URL(url, `http://x${route}`).pathname) : undefined;

    const htmlGzip = gzipSize(page.html);
    const firstPaintGzip = gzipSize(firstScreen(page));
    if (firstPaintGzip > budgets.firstPaintGzip) {
      problems.push(
        `${route}: first screen ${firstPaintGzip} B gzip (HTML with its CSS), budget ${budgets.firstPaintGzip} B`,
      );
    }

    const sent = sentByRoute.get(route) ?? 0;
    if (sent > budgets.sentBytes)
      problems.push(
        `${route}: the document is ${sent} B as sent (brotli and headers), more than the ${budgets.sentBytes} B of the first round trip, which costs a second one (some 150 ms on a phone): shorten the page, or move markup only a script uses into island parts (docs/architecture.md, "Island parts")`,
      );

    const stylesheets = document.querySelectorAll('link[rel="stylesheet"]');
    for (const link of stylesheets)
      problems.push(
        `${route}: stylesheet ${link.getAttribute('href')} blocks rendering: inline it`,
      );
    const preloads = document.querySelectorAll('link[rel="preload"]');
    if (preloads.length > 1 || preloads.some((link) => link.getAttribute('as') !== 'font')) {
      problems.push(`${route}: preloads other than one font`);
    }
    for (const script of head?.querySelectorAll('script[src]') ?? []) {
      const deferred =
        script.getAttribute('type') === 'module' ||
        script.hasAttribute('async') ||
        script.hasAttribute('defer');
      if (!deferred) problems.push(`${route}: ${script.getAttribute('src')} blocks rendering`);
    }

    const inlineScriptBytes = document
      .querySelectorAll('script:not([src])')
      .filter((script) => script.getAttribute('type') !== 'application/ld+json')
      .reduce((total, script) => total + Buffer.byteLength(script.text), 0);
    if (inlineScriptBytes > budgets.inlineScriptBytes)
      problems.push(
        `${route}: ${inlineScriptBytes} B of inline script, budget ${budgets.inlineScriptBytes} B`,
      );

    const resources = [
      ...document
        .querySelectorAll('script[src], img[src], source[src], iframe[src], video[src], audio[src]')
        .map((e) => e.getAttribute('src')),
      ...document
        .querySelectorAll(`script[${PAGE_SCRIPT_ATTRIBUTE}]`)
        .map((e) => e.getAttribute(PAGE_SCRIPT_ATTRIBUTE)),
      ...document
        .querySelectorAll('link[href]')
        .filter(
          (e) => e.getAttribute('rel') !== 'canonical' && e.getAttribute('rel') !== 'alternate',
        )
        .map((e) => e.getAttribute('href')),
    ];
    for (const url of resources)
      // A data: URI is part of the page itself, not a request to anyone.
      if (url && !url.startsWith('data:') && isExternal(url))
        problems.push(`${route}: requests ${url} from another origin`);

    for (const image of document.querySelectorAll('img')) {
      const src = image.getAttribute('src') ?? '';
      if (!image.hasAttribute('width') || !image.hasAttribute('height'))
        problems.push(`${route}: <img src="${src}"> without width and height`);
      if (!budgets.modernImageExtensions.includes(extname(src.split('?')[0] ?? '').toLowerCase())) {
        problems.push(`${route}: <img src="${src}"> is not AVIF, WebP or SVG`);
      }
    }

    // A page's own scripts: files it names, and those its loader imports right after the first paint.
    const entryScripts = document
      .querySelectorAll(`script[src], script[${PAGE_SCRIPT_ATTRIBUTE}]`)
      .map((script) =>
        local(script.getAttribute('src') ?? script.getAttribute(PAGE_SCRIPT_ATTRIBUTE)),
      )
      .filter((file): file is string => Boolean(file));
    const initial = moduleGraph(outDir, entryScripts, false);
    const everything = moduleGraph(outDir, entryScripts, true);
    const lazy = [...everything].filter((file) => !initial.has(file));
    const initialJsGzip = sumGzip(initial);
    const lazyJsGzip = sumGzip(lazy);
    const budget = budgets.scripts[route] ?? { initial: 0, lazy: 0, island: 0 };
    if (initialJsGzip > budget.initial)
      problems.push(
        `${route}: ${initialJsGzip} B gzip of script up front, budget ${budget.initial} B`,
      );
    if (lazyJsGzip > budget.lazy)
      problems.push(`${route}: ${lazyJsGzip} B gzip of script on demand, budget ${budget.lazy} B`);
    const islandFiles = document
      .querySelectorAll(`[${ISLAND_PARTS_ATTRIBUTE}]`)
      .flatMap((root) =>
        [ISLAND_PARTS_ATTRIBUTE, ISLAND_STYLESHEET_ATTRIBUTE].map((name) =>
          local(root.getAttribute(name) || undefined),
        ),
      )
      .filter((file): file is string => Boolean(file));
    const islandGzip = sumGzip(islandFiles);
    if (islandGzip > budget.island)
      problems.push(
        `${route}: ${islandGzip} B gzip of island parts and their stylesheet, budget ${budget.island} B`,
      );

    const cssFiles = stylesheets
      .map((link) => local(link.getAttribute('href')))
      .filter((f): f is string => Boolean(f));
    const inlineCss = document.querySelectorAll('style').map((style) => style.text);
    const cssGzip = sumGzip(cssFiles) + (inlineCss.length > 0 ? gzipSize(inlineCss.join('')) : 0);
    if (cssGzip > budgets.cssGzip)
      problems.push(`${route}: ${cssGzip} B gzip of CSS, budget ${budgets.cssGzip} B`);
    if (inlineCss.some((css) => /url\(\s*["']?(?:https?:)?\/\//.test(css)))
      problems.push(`${route}: inline CSS loads from another origin`);

    const fonts = new Set([
      ...inlineCss.flatMap((css) => fontFiles(css, `http://x${route}`, outDir)),
      ...cssFiles.flatMap((file) =>
        fontFiles(readFileSync(file, 'utf8'), `http://x${file.slice(outDir.length)}`, outDir),
      ),
      ...document
        .querySelectorAll('link[rel="preload"][as="font"]')
        .map((link) => local(link.getAttribute('href')))
        .filter((f): f is string => Boolean(f)),
    ]);
    const fontBytes = sumBytes(fonts);
    const images = new Set(
      document
        .querySelectorAll('img[src]')
        .map((image) => local(image.getAttribute('src')))
        .filter((f): f is string => Boolean(f)),
    );
    const transfer =
      htmlGzip +
      sumGzip(cssFiles) +
      fontBytes +
      [...images].reduce((total, file) => total + transferSize(file), 0) +
      initialJsGzip;
    const transferBudget = budgets.transfer[route] ?? budgets.transfer.default ?? 0;
    if (transfer > transferBudget)
      problems.push(`${route}: ${transfer} B transferred on load, budget ${transferBudget} B`);

    return {
      route,
      htmlGzip,
      firstPaintGzip,
      cssGzip,
      fontBytes,
      initialJsGzip,
      lazyJsGzip,
      islandGzip,
      transfer,
      sent,
    };
  });

  return { pages: costs, problems };
}

export function formatBudgetTable({ pages }: BudgetReport): string {
  const header = [
    'page',
    'HTML gz',
    'first screen gz',
    'CSS gz',
    'fonts',
    'JS up front gz',
    'JS on demand gz',
    'island gz',
    'on load',
    'sent',
  ];
  const rows = pages.map((p) =>
    [
      p.route,
      p.htmlGzip,
      p.firstPaintGzip,
      p.cssGzip,
      p.fontBytes,
      p.initialJsGzip,
      p.lazyJsGzip,
      p.islandGzip,
      p.transfer,
      p.sent,
    ].map(String),
  );
  const budgetLine = `budgets: first screen ${budgets.firstPaintGzip} B gzip, sent ${budgets.sentBytes} B, CSS ${budgets.cssGzip} B gzip a page, on load ${Object.entries(
    budgets.transfer,
  )
    .map(([page, bytes]) => `${bytes} B (${page})`)
    .join(', ')}`;
  return `${formatTable(header, rows)}\n${budgetLine}`;
}

/**
 * Image bytes, as they travel: already-compressed files, so raw bytes. Astro turns any image into
 * WebP, but a 5 MB photo still ships at over a megabyte; these catch it.
 */
export const imageBudgets = {
  /** Any one image file a page may load, whichever `srcset` candidate the browser picks. */
  perImageBytes: 200 * KB,
  /** All images of one page, counting the largest candidate of each. */
  perPageBytes: 500 * KB,
};

export interface ImageReport {
  pages: { route: string; imageBytes: number }[];
  largest?: { url: string; bytes: number };
  problems: string[];
}

/** The URLs an `<img>` may load: its `src` and the `srcset` candidates of it and its `<picture>`'s `<source>`s. */
function imageCandidates(image: BuiltPage['document']): string[] {
  const sources =
    image.parentNode?.tagName === 'PICTURE' ? image.parentNode.querySelectorAll('source') : [];
  const srcsets = [image, ...sources].map((element) => element.getAttribute('srcset') ?? '');
  const fromSrcsets = srcsets.flatMap((srcset) =>
    srcset.split(',').map((item) => item.trim().split(/\s+/)[0] ?? ''),
  );
  return [image.getAttribute('src') ?? '', ...fromSrcsets].filter(
    (url) => url !== '' && !url.startsWith('data:'),
  );
}

export function measureImages(outDir: string, pages: BuiltPage[]): ImageReport {
  const problems: string[] = [];
  let largest: ImageReport['largest'];
  const costs = pages.map(({ route, document }) => {
    // The heaviest candidate of each image, by file: an image shown twice is fetched once.
    const fetched = new Map<string, number>();
    for (const image of document.querySelectorAll('img')) {
      let heaviest: { file: string; bytes: number } | undefined;
      for (const url of imageCandidates(image)) {
        const file = isExternal(url)
          ? undefined
          : fileForPath(outDir, new URL(url, `http://x${route}`).pathname);
        if (!file) continue;
        const bytes = statSync(file).size;
        if (bytes > (heaviest?.bytes ?? -1)) heaviest = { file, bytes };
        if (bytes > (largest?.bytes ?? 0)) largest = { url, bytes };
        if (bytes > imageBudgets.perImageBytes) {
          problems.push(
            `${route}: image ${url} is ${bytes} B, budget ${imageBudgets.perImageBytes} B`,
          );
        }
      }
      if (heaviest) fetched.set(heaviest.file, heaviest.bytes);
    }
    const imageBytes = [...fetched.values()].reduce((total, bytes) => total + bytes, 0);
    if (imageBytes > imageBudgets.perPageBytes) {
      problems.push(`${route}: ${imageBytes} B of images, budget ${imageBudgets.perPageBytes} B`);
    }
    return { route, imageBytes };
  });
  return { pages: costs, largest, problems: [...new Set(problems)] };
}

export function formatImageSummary({ pages, largest }: ImageReport): string {
  const none = { route: '-', imageBytes: 0 };
  const heaviest = pages.reduce(
    (top, page) => (page.imageBytes > top.imageBytes ? page : top),
    none,
  );
  const largestImage = largest ? `${largest.bytes} B (${largest.url})` : 'none';
  return [
    `largest image: ${largestImage} (budget ${imageBudgets.perImageBytes} B)`,
    `most image bytes on a page: ${heaviest.imageBytes} B (${heaviest.route}) (budget ${imageBudgets.perPageBytes} B)`,
  ].join('\n');
}
