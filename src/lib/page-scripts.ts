/**
 * Astro writes each processed `<script>` as a module script that the browser fetches as soon as it
 * parses the tag, beside the document it is still downloading. On this site every script enhances
 * markup that works without it, so the build swaps each one for an inline loader that imports it
 * after the first paint (src/scripts/page-script-loader.ts); src/integrations/scripts-after-paint.ts
 * applies it to the build.
 */

/** A processed script as Astro writes it: a module, by URL, with no other attribute. */
const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;

/** The URLs of the page's module scripts, in document order. */
export function moduleScriptUrls(html: string): string[] {
  return [...html.matchAll(MODULE_SCRIPT)].map(([, src = '']) => src);
}

/**
 * The page with each module script replaced by the inline `loader`, which finds the script's URL in
 * its own `attribute`. The URL keeps the escaping it had in `src`.
 */
export function loadScriptsAfterPaint(
  html: string,
  { loader, attribute }: { loader: string; attribute: string },
): string {
  return html.replace(
    MODULE_SCRIPT,
    (_, src: string) => `<script ${attribute}="${src}">${loader}</script>`,
  );
}
