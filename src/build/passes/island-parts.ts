/**
 * Markup that only an island uses (the demo's controls, the rows it fills in) shows nothing until
 * the island runs, yet it would travel with the page and push it past the first round trip. So it
 * is written in `<template data-island-part="name">` elements inside the island's root, which is
 * marked `data-island-parts`. This pass takes the parts out of the page into a file of their own
 * and points the root at it; `cssPerRoute` adds the stylesheet that styles them; the island
 * (src/client/island-parts.ts) fetches both when it mounts. Where the build has not run (the dev
 * server), the parts stay in their templates and the island takes them from there.
 */
import type { HTMLElement } from 'node-html-parser';
import {
  ISLAND_PART_ATTRIBUTE,
  ISLAND_PARTS_ATTRIBUTE,
  type IslandPartsFile,
} from '../../lib/island-parts.ts';
import {
  type BuiltPage,
  type BuiltSite,
  contentHashedName,
  editDocument,
  serializeHtml,
} from '../built-site.ts';

/** The page's parts by name, in document order, checked so that none can be lost. */
function partsOf(document: HTMLElement): Map<HTMLElement, string> {
  const parts = new Map<HTMLElement, string>();
  const names = new Set<string>();
  for (const template of document.querySelectorAll(`template[${ISLAND_PART_ATTRIBUTE}]`)) {
    const name = template.getAttribute(ISLAND_PART_ATTRIBUTE) ?? '';
    if (!template.closest(`[${ISLAND_PARTS_ATTRIBUTE}]`))
      throw new Error(
        `Island part "${name}" is outside an element marked ${ISLAND_PARTS_ATTRIBUTE}: the island would never find it.`,
      );
    if (name === '' || names.has(name))
      throw new Error(
        `Island part name "${name}" is empty or used twice: each part needs its own.`,
      );
    if (template.parentNode?.closest(`template[${ISLAND_PART_ATTRIBUTE}]`))
      throw new Error(`Island part "${name}" is inside another part: put it beside it.`);
    names.add(name);
    parts.set(template, name);
  }
  return parts;
}

/**
 * Each page with island parts: its templates emptied (left in place to say where each part goes),
 * the parts in `islandParts` and in a file the island's root names.
 */
export function takeIslandParts(site: BuiltSite): BuiltSite {
  const added = new Map(site.added);
  const pages = site.pages.map((page): BuiltPage => {
    const islandParts: Record<string, string> = {};
    const document = editDocument(page.document, (copy) => {
      const templates = partsOf(copy);
      if (templates.size === 0) return;
      const roots = copy.querySelectorAll(`[${ISLAND_PARTS_ATTRIBUTE}]`);
      if (roots.length !== 1)
        throw new Error(
          `A page with island parts needs exactly one element marked ${ISLAND_PARTS_ATTRIBUTE}, not ${roots.length}.`,
        );
      for (const [template, name] of templates) {
        islandParts[name] = template.childNodes.map(serializeHtml).join('');
        template.childNodes = [];
      }
      const partsFile: IslandPartsFile = { parts: islandParts };
      const text = JSON.stringify(partsFile);
      const name = contentHashedName('island', 'json', text);
      added.set(`${site.assetsDir}/${name}`, text);
      roots[0]?.setAttribute(ISLAND_PARTS_ATTRIBUTE, `/${site.assetsDir}/${name}`);
    });
    return { ...page, document, islandParts };
  });
  return { ...site, pages, added };
}
