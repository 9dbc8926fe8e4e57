/**
 * Markup that only an island uses (the demo's controls, the rows it fills in) shows nothing until
 * the island runs, yet it would travel with the page and push it past the first round trip. So it
 * is written in `<template data-island-part="name">` elements inside the island's root, which is
 * marked `data-island-parts`. The build (src/integrations/page-css.ts) takes the parts out of the
 * page into a file, with the stylesheet that styles them, and points the root at both; the island
 * (src/client/island-parts.ts) fetches them when it mounts. Where the build has not run (the dev
 * server), the parts stay in their templates and the island takes them from there.
 */
import { parse, type HTMLElement } from 'node-html-parser';
import {
  ISLAND_PART_ATTRIBUTE,
  ISLAND_PARTS_ATTRIBUTE,
  ISLAND_STYLESHEET_ATTRIBUTE,
} from '../client/island-parts.ts';

const CLOSING_TEMPLATE = '</template>';

const parsePage = (html: string) =>
  parse(html, { blockTextElements: { script: true, style: true, pre: true } });

const range = (element: HTMLElement): readonly [number, number] => element.range;

/** Where the start tag that begins at `start` ends: its `>`, skipping any inside quoted values. */
function startTagEnd(html: string, start: number): number {
  let quote = '';
  for (let index = start; index < html.length; index++) {
    const char = html[index];
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') return index;
  }
  throw new Error(`Unclosed start tag at ${start}`);
}

/**
 * The page with every island part emptied, its template left in place to say where the part goes,
 * and the parts by name. Throws, naming the problem, for a part outside an island root, inside
 * another part, or with a name used twice: each would lose a part.
 */
export function takeIslandParts(html: string): { page: string; parts: Record<string, string> } {
  const templates = parsePage(html).querySelectorAll(`template[${ISLAND_PART_ATTRIBUTE}]`);
  const parts: Record<string, string> = {};
  let page = '';
  let copied = 0;
  for (const template of templates) {
    const name = template.getAttribute(ISLAND_PART_ATTRIBUTE) ?? '';
    if (!template.closest(`[${ISLAND_PARTS_ATTRIBUTE}]`))
      throw new Error(
        `Island part "${name}" is outside an element marked ${ISLAND_PARTS_ATTRIBUTE}: the island would never find it.`,
      );
    if (name === '' || name in parts)
      throw new Error(
        `Island part name "${name}" is empty or used twice: each part needs its own.`,
      );
    if (template.parentNode?.closest(`template[${ISLAND_PART_ATTRIBUTE}]`))
      throw new Error(`Island part "${name}" is inside another part: put it beside it.`);
    const [start, end] = range(template);
    const contentStart = startTagEnd(html, start) + 1;
    const contentEnd = end - CLOSING_TEMPLATE.length;
    parts[name] = html.slice(contentStart, contentEnd);
    page += html.slice(copied, contentStart);
    copied = contentEnd;
  }
  return { page: page + html.slice(copied), parts };
}

/** The page with its island root pointing at the parts file and the stylesheet. */
export function pointToIslandParts(
  html: string,
  { partsUrl, stylesheetUrl }: { partsUrl: string; stylesheetUrl: string },
): string {
  const roots = parsePage(html).querySelectorAll(`[${ISLAND_PARTS_ATTRIBUTE}]`);
  if (roots.length !== 1)
    throw new Error(
      `A page with island parts needs exactly one element marked ${ISLAND_PARTS_ATTRIBUTE}, not ${roots.length}.`,
    );
  const [start] = range(roots[0] as HTMLElement);
  const openEnd = startTagEnd(html, start);
  const openTag = html
    .slice(start, openEnd)
    .replace(
      new RegExp(`\\s${ISLAND_PARTS_ATTRIBUTE}(="[^"]*")?(?=[\\s/>]|$)`),
      ` ${ISLAND_PARTS_ATTRIBUTE}="${partsUrl}" ${ISLAND_STYLESHEET_ATTRIBUTE}="${stylesheetUrl}"`,
    );
  return html.slice(0, start) + openTag + html.slice(openEnd);
}
