/**
 * A Content-Security-Policy meta tag governs only what the browser parses after it. Astro writes its
 * tag at the end of `<head>`, after the inline colour-scheme script, the structured data and the font
 * preload; on a host that sends no headers (GitHub Pages) those would run and load unchecked. The
 * tag belongs right after `<meta charset>`, which must itself come first.
 */
const CSP_META = /<meta http-equiv="content-security-policy" content="[^"]*"\s*\/?>/gi;
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
