/**
 * Astro writes each processed `<script>` as a module script that the browser fetches as soon as it
 * parses the tag, beside the document it is still downloading. On this site every script enhances
 * markup that works without it, so this pass swaps each one for an inline loader that imports it
 * after the first paint (src/scripts/page-script-loader.ts). Astro 7 has no option for when a
 * processed script loads. The scripts a page runs stay in its `moduleScripts`.
 */
import { type BuiltSite, editDocument, isModuleScript, mapPages, setText } from '../built-site.ts';

/**
 * Each page with its module scripts replaced by the inline `loader`, which finds the script's URL
 * in its own `attribute`. The URL keeps the escaping it had in `src`.
 */
export function scriptsAfterPaint({
  loader,
  attribute,
}: {
  loader: string;
  attribute: string;
}): (site: BuiltSite) => BuiltSite {
  return (site) =>
    mapPages(site, (page) => ({
      ...page,
      document: editDocument(page.document, (copy) => {
        for (const script of copy.querySelectorAll('script').filter(isModuleScript)) {
          script.rawAttrs = `${attribute}="${script.rawAttributes.src ?? ''}"`;
          setText(script, loader);
        }
      }),
    }));
}
