import { sha256Source } from './csp.ts';

/**
 * A Content-Security-Policy meta tag governs only what the browser parses after it. Astro writes its
 * tag at the end of `<head>`, after the inline colour-scheme script, the structured data and the font
 * preload; on a host that sends no headers (GitHub Pages) those would run and load unchecked. The
 * tag belongs right after `<meta charset>`, which must itself come first.
 */
export const CSP_META = /<meta http-equiv="content-security-policy" content="[^"]*"\s*\/?>/gi;
const CHARSET_META = /<meta charset="[^"]*"\s*\/?>/i;

/** The page with its one CSP meta tag moved to directly after `<meta charset>`. */
export function moveCspMetaFirst(html: string): string {
  const tags = html.match(CSP_META) ?? [];
  const [tag] = tags;
  if (tag === undefined || tags.length > 1)
    throw new Error(`expected one CSP meta tag, found ${tags.length}`);
  const rest = html.replace(tag, '');
  const charset = CHARSET_META.exec(rest);
  if (!charset) throw new Error('no <meta charset> to put the CSP meta tag after');
  const at = charset.index + charset[0].length;
  return rest.slice(0, at) + tag + rest.slice(at);
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/g;
/** Script types the browser runs; anything else (`application/ld+json`) is data, which CSP does not govern. */
const RUNNABLE_TYPE = /^(module|importmap|(text|application)\/(x-)?(java|ecma)script)$/i;

/** The text of each inline script of the page that the browser runs. */
export function runnableInlineScripts(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].flatMap(([, attributes = '', code = '']) => {
    if (/\ssrc=/i.test(attributes)) return [];
    const type = /\stype="([^"]*)"/i.exec(attributes)?.[1];
    return type === undefined || RUNNABLE_TYPE.test(type) ? [code] : [];
  });
}

/** The text of each inline stylesheet of the page. */
export function inlineStyles(html: string): string[] {
  return [...html.matchAll(INLINE_STYLE)].map(([, css = '']) => css);
}

/**
 * The hash sources of a page's inline code: the scripts the browser runs and the stylesheets. Astro
 * lists every inline script and stylesheet of the whole site on every page, structured data included,
 * so the policy, and the header that merges all pages' policies, grew with every page added.
 */
export async function inlineCodeHashes(
  html: string,
): Promise<{ scripts: string[]; styles: string[] }> {
  const scripts = runnableInlineScripts(html);
  const styles = inlineStyles(html);
  const hash = async (code: string) => `'${await sha256Source(code)}'`;
  return {
    scripts: [...new Set(await Promise.all(scripts.map(hash)))],
    styles: [...new Set(await Promise.all(styles.map(hash)))],
  };
}

/** The page with its CSP's `script-src` and `style-src` allowing exactly the page's own inline code. */
export async function pinCspToInlineCode(html: string): Promise<string> {
  const metas = html.match(CSP_META) ?? [];
  const [meta] = metas;
  if (meta === undefined || metas.length > 1)
    throw new Error(`expected one CSP meta tag, found ${metas.length}`);
  const { scripts, styles } = await inlineCodeHashes(html);
  let pinned = meta;
  for (const [directive, hashes] of [
    ['script-src', scripts],
    ['style-src', styles],
  ] as const) {
    const found = new RegExp(`${directive}([^;"]*)`).exec(pinned);
    if (!found) throw new Error(`the CSP meta tag has no ${directive} directive`);
    const kept = (found[1] ?? '')
      .trim()
      .split(/\s+/)
      .filter((source) => source !== '' && !/^'sha(256|384|512)-/.test(source));
    pinned = pinned.replace(found[0], [directive, ...kept, ...hashes].join(' '));
  }
  return html.replace(meta, pinned);
}
