/**
 * Finishes Astro's CSP meta tag on every page; Astro 7 has no option for either half. It allows
 * exactly the page's own inline scripts and stylesheets: Astro lists every inline script and
 * stylesheet of the whole site on every page, so the policy, and the header that merges the
 * pages' policies, grew with every page. And it comes first in `<head>`, right after
 * `<meta charset>` (which must itself come first): a meta policy governs only what the browser
 * parses after it, and on a host that sends no headers (GitHub Pages) the colour-scheme script, the
 * structured data and the font preload before it would run and load unchecked.
 */
import type { HTMLElement } from 'node-html-parser';
import { parseCsp } from '../../lib/security-headers.ts';
import {
  type BuiltPage,
  cspMetaOf,
  inlineStyles,
  type BuiltSite,
  editDocument,
  mapPages,
  runnableInlineScripts,
  sha256Hash,
} from '../built-site.ts';

const isHash = (source: string) => /^'sha(256|384|512)-/.test(source);
const hashesOf = (elements: readonly HTMLElement[]) => [
  ...new Set(elements.map((element) => `'${sha256Hash(element.rawText)}'`)),
];

/**
 * The policy with each directive's hashes replaced by `hashes`, everything else as it was written
 * (Astro's separators included: the page's bytes change only where the policy does).
 */
export function withHashes(
  policy: string,
  hashes: Readonly<Record<'script-src' | 'style-src', readonly string[]>>,
): string {
  const missing = new Set(Object.keys(hashes));
  const pinned = policy.split(';').map((segment) => {
    const [, leading = '', name = '', rest = ''] = /^(\s*)(\S*)([\s\S]*)$/.exec(segment) ?? [];
    const directive = name.toLowerCase() as keyof typeof hashes;
    if (!Object.hasOwn(hashes, directive)) return segment;
    missing.delete(directive);
    const kept = rest.split(/\s+/).filter((source) => source !== '' && !isHash(source));
    return leading + [name, ...kept, ...hashes[directive]].join(' ');
  });
  if (missing.size > 0)
    throw new Error(`the CSP meta tag has no ${[...missing].join(' or ')} directive`);
  return pinned.join(';');
}

function pinPage(page: BuiltPage): BuiltPage {
  let csp = page.csp;
  const document = editDocument(page.document, (copy) => {
    const meta = cspMetaOf(copy, page.file);
    let policy: string;
    try {
      policy = withHashes(meta.getAttribute('content') ?? '', {
        'script-src': hashesOf(runnableInlineScripts(copy)),
        'style-src': hashesOf(inlineStyles(copy)),
      });
    } catch (error) {
      throw new Error(`${page.file}: ${(error as Error).message}`, { cause: error });
    }
    csp = parseCsp(policy);
    meta.setAttribute('content', policy);
    const charset = copy.querySelector('meta[charset]');
    const head = charset?.parentNode;
    if (!charset || !head)
      throw new Error(`${page.file}: no <meta charset> to put the CSP meta tag after`);
    meta.remove();
    head.childNodes.splice(head.childNodes.indexOf(charset) + 1, 0, meta);
    meta.parentNode = head;
  });
  return { ...page, document, csp };
}

/** Every page with its policy pinned to its own inline code and its meta tag first in `<head>`. */
export function pinCsp(site: BuiltSite): BuiltSite {
  return mapPages(site, pinPage);
}
