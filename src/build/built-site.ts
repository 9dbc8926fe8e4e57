/**
 * The built site as the post-build pipeline (src/build/pipeline.ts) sees it: every page parsed once
 * into a document, and beside it what a pass may need that the document does not say for sure
 * (the scripts the page runs, the island parts taken out of it, its policy). A pass is a pure
 * function from one `BuiltSite` to the next; src/integrations/build-pipeline.ts reads the build
 * into one and writes the last one back.
 */
import { createHash } from 'node:crypto';
import { HTMLElement, type Node, parse, TextNode } from 'node-html-parser';
import { type BuildEntry, type Csp, parseCsp } from '../lib/security-headers.ts';

export interface BuiltPage {
  /** The page's file, relative to the build folder, with `/` between folders: `contact/index.html`. */
  readonly file: string;
  /** The route it was built from; the pages of one route (every spotlight) share their CSS. */
  readonly route: string;
  readonly document: HTMLElement;
  /**
   * The URLs of the module scripts Astro wrote into the page, in document order: what the page runs,
   * wherever a pass moves their tags.
   */
  readonly moduleScripts: readonly string[];
  /** Markup that only the page's island uses, by part name, once a pass has taken it out. */
  readonly islandParts: Readonly<Record<string, string>>;
  /** The page's Content-Security-Policy, as its meta tag states it. */
  readonly csp: Csp;
}

export interface BuiltSite {
  /** Astro's folder for hashed files (`_astro`). */
  readonly assetsDir: string;
  readonly pages: readonly BuiltPage[];
  /** The text of the build's script and JSON files as Astro wrote them, by URL path (`/_astro/x.js`). */
  readonly files: ReadonlyMap<string, string>;
  /** The entries at the top of the build folder. */
  readonly topLevel: readonly BuildEntry[];
  /** Files the passes add to the build, by path relative to the build folder. */
  readonly added: ReadonlyMap<string, string>;
}

/** One step of the pipeline: it returns a new site and changes nothing it was given. */
export type Pass = (site: BuiltSite) => BuiltSite;

/** Elements written `<line …/>` in the built page (SVG), which must be written back the same way. */
const selfClosed = new WeakSet<HTMLElement>();

const VOID_ELEMENTS = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);

/**
 * Scripts and stylesheets are text; everything else, `<pre>` and `<template>` included, is parsed
 * into elements, so that selectors match what the browser will build.
 */
const PARSE_OPTIONS = { comment: true, blockTextElements: { script: true, style: true } };

function markSelfClosed(html: string, element: HTMLElement): void {
  for (const child of element.childNodes) {
    if (!(child instanceof HTMLElement)) continue;
    const [, end] = child.range;
    if (child.childNodes.length === 0 && html.slice(end - 2, end) === '/>') selfClosed.add(child);
    else markSelfClosed(html, child);
  }
}

export function parseHtml(html: string): HTMLElement {
  const document = parse(html, PARSE_OPTIONS);
  markSelfClosed(html, document);
  return document;
}

/** The document as HTML; a document nothing changed is written back byte for byte. */
export function serializeHtml(node: Node): string {
  if (!(node instanceof HTMLElement)) return node.toString();
  const inner = node.childNodes.map(serializeHtml).join('');
  if (!node.rawTagName) return inner;
  const open = `<${node.rawTagName}${node.rawAttrs ? ` ${node.rawAttrs}` : ''}`;
  if (VOID_ELEMENTS.has(node.rawTagName.toLowerCase())) return `${open}>`;
  if (selfClosed.has(node)) return `${open}/>`;
  return `${open}>${inner}</${node.rawTagName}>`;
}

function cloneNode(node: Node, parent: HTMLElement | null): Node {
  if (!(node instanceof HTMLElement)) {
    const copy = node.clone();
    copy.parentNode = parent;
    return copy;
  }
  const copy = new HTMLElement(
    node.rawTagName,
    { id: node.id, class: node.getAttribute('class') ?? '' },
    node.rawAttrs,
    parent,
    [...node.range],
  );
  if (selfClosed.has(node)) selfClosed.add(copy);
  copy.childNodes = node.childNodes.map((child) => cloneNode(child, copy));
  return copy;
}

/** A copy of `document` with `edit` applied to it; `document` itself stays as it was. */
export function editDocument(
  document: HTMLElement,
  edit: (copy: HTMLElement) => void,
): HTMLElement {
  const copy = cloneNode(document, null) as HTMLElement;
  edit(copy);
  return copy;
}

/** Replaces the element's content with `text`, as it stands (for `<script>` and `<style>`). */
export function setText(element: HTMLElement, text: string): void {
  element.childNodes = text === '' ? [] : [new TextNode(text, element)];
}

/** A processed script as Astro writes it: a module, by URL, with no other attribute and no text. */
export function isModuleScript(script: HTMLElement): boolean {
  const names = Object.keys(script.attributes).sort().join(' ');
  return names === 'src type' && script.getAttribute('type') === 'module' && script.rawText === '';
}

export const CSP_META_SELECTOR = 'meta[http-equiv="content-security-policy" i]';

/** The page's one CSP meta tag; throws, naming the page, where there is not exactly one. */
export function cspMetaOf(document: HTMLElement, file: string): HTMLElement {
  const metas = document.querySelectorAll(CSP_META_SELECTOR);
  const [meta] = metas;
  if (meta === undefined || metas.length > 1)
    throw new Error(
      `${file}: expected one CSP meta tag, found ${metas.length}: is security.csp still on?`,
    );
  return meta;
}

/** A page as Astro wrote it, parsed, with what its markup says of the scripts it runs and its policy. */
export function readPage({
  file,
  route,
  html,
}: {
  file: string;
  route: string;
  html: string;
}): BuiltPage {
  const document = parseHtml(html);
  return {
    file,
    route,
    document,
    moduleScripts: document
      .querySelectorAll('script')
      .filter(isModuleScript)
      .map((script) => script.getAttribute('src') ?? ''),
    islandParts: {},
    csp: parseCsp(cspMetaOf(document, file).getAttribute('content') ?? ''),
  };
}

/** Script types the browser runs; anything else (`application/ld+json`) is data, which CSP does not govern. */
const RUNNABLE_TYPE = /^(module|importmap|(text|application)\/(x-)?(java|ecma)script)$/i;

/** The page's inline scripts that the browser runs. */
export function runnableInlineScripts(document: HTMLElement): HTMLElement[] {
  return document.querySelectorAll('script').filter((script) => {
    if (script.hasAttribute('src')) return false;
    const type = script.getAttribute('type');
    return type === undefined || RUNNABLE_TYPE.test(type);
  });
}

/** The page's inline stylesheets. */
export function inlineStyles(document: HTMLElement): HTMLElement[] {
  return document.querySelectorAll('style');
}

/** `sha256-…` of a text's UTF-8 bytes, as the browser hashes inline code for CSP. */
export function sha256Hash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}

/** A name for an added file that changes with its content: `island.<hash>.css`. */
export function contentHashedName(stem: string, extension: string, text: string): string {
  const hash = createHash('sha256').update(text).digest('base64url').slice(0, 10);
  return `${stem}.${hash}.${extension}`;
}

/** The site with `page`'s entries replaced by what `change` returns for each. */
export function mapPages(site: BuiltSite, change: (page: BuiltPage) => BuiltPage): BuiltSite {
  return { ...site, pages: site.pages.map(change) };
}
