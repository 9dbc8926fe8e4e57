/**
 * Inlines in each page only the CSS that pages of its route can use. Where the pages keep the
 * markup they were built with (they load no script file, or their only script is an island whose
 * stylesheet arrives with its parts), the rules that match their documents; elsewhere the rules
 * whose classes and elements their markup, the scripts they load (and theirs) and the JSON they
 * fetch name. A spotlight page carries what every spotlight may use, so adding a spotlight adds no
 * new stylesheet, and the policy's hashes grow with routes, not pages. A page with island parts
 * also gets the stylesheet for its parts: the page's rules with the parts' among them, each where it
 * stood (a stylesheet of the parts' rules alone, applied after the page's, would put them after
 * rules they came before and win where they used to lose). Both drop the custom properties'
 * fallbacks for browsers without `@property` (`withoutRegisteredFallbacks`) and the custom
 * properties that nothing left reads (`withoutUnreadProperties`).
 *
 * tests/e2e/css-pruning.spec.ts compares every element's computed style against the same build
 * with `prune: false`: whatever this pass keeps or drops, a visitor must see no difference.
 */
import { parse } from 'node-html-parser';
import { ISLAND_PARTS_ATTRIBUTE, ISLAND_STYLESHEET_ATTRIBUTE } from '../../lib/island-parts.ts';
import {
  type BuiltPage,
  type BuiltSite,
  contentHashedName,
  editDocument,
  inlineStyles,
  runnableInlineScripts,
  setText,
} from '../built-site.ts';
import {
  cssMatchedBy,
  cssUsedBy,
  namesIn,
  namesInDocument,
  namesInJson,
  withoutRegisteredFallbacks,
  withoutUnreadProperties,
} from '../css-pruning.ts';

/** Module files a script names: its static and dynamic imports and its workers. */
const MODULE_NAME = /[\w.~-]+\.m?js\b/g;

/** The text of every script the page runs, following imports and workers from its module scripts. */
function scriptsOf(page: BuiltPage, site: BuiltSite): string[] {
  const url = (name: string) => `/${site.assetsDir}/${name}`;
  const seen = new Map<string, string>();
  const queue = page.moduleScripts.map((src) => src.split('/').at(-1) ?? '');
  while (queue.length > 0) {
    const name = queue.pop() ?? '';
    const text = site.files.get(url(name));
    if (seen.has(name) || text === undefined) continue;
    seen.set(name, text);
    queue.push(...(text.match(MODULE_NAME) ?? []));
  }
  return [...seen.values()];
}

/** The site's JSON files the page names in an attribute, which its scripts may fetch into it. */
function jsonOf(page: BuiltPage, site: BuiltSite): string[] {
  return page.document
    .querySelectorAll('*')
    .flatMap((element) => Object.values(element.attributes))
    .filter((value) => value?.startsWith('/') && value.endsWith('.json'))
    .flatMap((path) => site.files.get(path) ?? []);
}

export function cssPerRoute({ prune = true } = {}): (site: BuiltSite) => BuiltSite {
  return (site) => {
    const added = new Map(site.added);
    const routes = Map.groupBy(site.pages, (page) => page.route);
    const restyled = new Map<BuiltPage, BuiltPage>();
    for (const pages of routes.values()) {
      // What each page runs and fetches, read once: its names and its custom properties come from it.
      const fetched = pages.map((page) => ({
        page,
        scripts: scriptsOf(page, site),
        json: jsonOf(page, site),
        inline: runnableInlineScripts(page.document).map((script) => script.rawText),
      }));
      const names = new Set(
        fetched.flatMap(({ page, scripts, json }) => [
          ...namesInDocument(page.document),
          ...scripts.flatMap(namesIn),
          ...json.flatMap(namesInJson),
        ]),
      );
      // What may read a custom property besides the stylesheet: a style attribute, a script, the
      // island's parts, fetched data (not the page's <style>, which is the stylesheet unpruned).
      const readers = fetched
        .flatMap(({ page, scripts, json, inline }) => [
          ...page.document
            .querySelectorAll('[style]')
            .map((element) => element.getAttribute('style') ?? ''),
          ...inline,
          ...Object.values(page.islandParts),
          ...scripts,
          ...json,
        ])
        .join('\n');
      const keepMarkup = pages.every(
        (page) => page.moduleScripts.length === 0 || Object.keys(page.islandParts).length > 0,
      );
      const documents = pages.map((page) => page.document);
      const scriptNames = new Set(fetched.flatMap(({ inline }) => inline.flatMap(namesIn)));
      const pruned = new Map<string, string>();
      const restyle = (css: string): string => {
        if (!prune) return css;
        if (!pruned.has(css))
          pruned.set(
            css,
            withoutUnreadProperties(
              withoutRegisteredFallbacks(
                keepMarkup ? cssMatchedBy(css, documents, scriptNames) : cssUsedBy(css, names),
              ),
              readers,
            ),
          );
        return pruned.get(css) ?? css;
      };

      const partsNames = new Set(names);
      for (const page of pages)
        for (const markup of Object.values(page.islandParts))
          for (const name of namesInDocument(parse(markup))) partsNames.add(name);
      let stylesheetUrl = '';
      if (pages.some((page) => Object.keys(page.islandParts).length > 0)) {
        const text = inlineStyles(pages[0]?.document ?? parse(''))
          .map((style) =>
            prune
              ? withoutUnreadProperties(
                  withoutRegisteredFallbacks(cssUsedBy(style.rawText, partsNames)),
                  readers,
                )
              : style.rawText,
          )
          .join('\n');
        const name = contentHashedName('island', 'css', text);
        added.set(`${site.assetsDir}/${name}`, text);
        stylesheetUrl = `/${site.assetsDir}/${name}`;
      }

      for (const page of pages) {
        const document = editDocument(page.document, (copy) => {
          for (const style of inlineStyles(copy)) setText(style, restyle(style.rawText));
          if (Object.keys(page.islandParts).length > 0)
            copy
              .querySelector(`[${ISLAND_PARTS_ATTRIBUTE}]`)
              ?.setAttribute(ISLAND_STYLESHEET_ATTRIBUTE, stylesheetUrl);
        });
        restyled.set(page, { ...page, document });
      }
    }
    return { ...site, added, pages: site.pages.map((page) => restyled.get(page) ?? page) };
  };
}
