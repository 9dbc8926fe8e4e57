/**
 * The links of an MDX body, checked as the build reads it: the front matter's links are refused by
 * the schemas (./content-schemas.ts); this Markdown plugin (an mdast plugin of Sätteri, Astro's
 * Markdown processor, wired in by src/build/body-links-plugin.ts) refuses the body's, so a `javascript:` or a
 * protocol-relative link (`//evil.example`) fails the build instead of shipping. It names every bad
 * link of the file with its line and column, so one build shows all there is to fix.
 */
import { isSiteOrHttpsHref } from './content-schemas.ts';

/** A link a body may hold: a path on this site, an https: URL, an in-page anchor or a mailto: address. */
export function isBodyHref(href: string): boolean {
  if (href.startsWith('#')) return /^#[^\s#]+$/.test(href);
  if (/^mailto:[^\s/\\@]+@[^\s/\\@]+$/i.test(href)) return true;
  return isSiteOrHttpsHref(href);
}

export const bodyHrefRule =
  'a link in the text must be a path on this site ("/contact/"), an anchor on the page ("#agenda"), a URL starting with https:// or a mailto: address';

interface Positioned {
  position?: { start: { line: number; column: number } } | undefined;
}

interface JsxElement extends Positioned {
  attributes: readonly { type: string; name?: string; value?: unknown }[];
}

/**
 * The plugin for one document, `file` as its errors name it: it collects the bad links of Markdown
 * links, link definitions and literal `href`s on JSX elements, and fails the document once all are
 * read.
 */
export function bodyLinksChecker(file: string) {
  const problems: string[] = [];
  const check = (href: string, node: Positioned) => {
    if (isBodyHref(href)) return;
    const start = node.position?.start;
    const at = start ? `:${start.line}:${start.column}` : '';
    problems.push(`${file}${at}: ${JSON.stringify(href)}: ${bodyHrefRule}`);
  };
  const checkJsx = (node: JsxElement) => {
    for (const attribute of node.attributes)
      if (
        attribute.type === 'mdxJsxAttribute' &&
        attribute.name === 'href' &&
        typeof attribute.value === 'string'
      )
        check(attribute.value, node);
  };
  return {
    name: 'body-links',
    options: { position: true },
    link: (node: Positioned & { url: string }) => check(node.url, node),
    definition: (node: Positioned & { url: string }) => check(node.url, node),
    mdxJsxFlowElement: checkJsx,
    mdxJsxTextElement: checkJsx,
    after: () => {
      if (problems.length > 0) throw new Error(`Links that must not ship:\n${problems.join('\n')}`);
    },
  };
}
