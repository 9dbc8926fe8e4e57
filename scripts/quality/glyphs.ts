/**
 * Glyph gate: every character a built page draws in the sans face is in the site's Inter subset
 * (src/build/font-subset.ts). Code blocks use the system's monospace face and are not checked.
 */
import { parse } from 'node-html-parser';
import { missingGlyphs } from '../../src/build/font-subset.ts';
import type { BuiltPage } from './build-output.ts';

export interface GlyphProblem {
  route: string;
  missing: string[];
}

const NOT_SANS = 'script, style, template, pre, code, kbd, samp';

export function checkGlyphs(pages: Pick<BuiltPage, 'route' | 'document'>[]): GlyphProblem[] {
  return pages.flatMap(({ route, document }) => {
    const source = document.querySelector('body');
    if (!source) return [];
    // A copy, so removing what the sans face does not draw leaves the page's document intact.
    const body = parse(source.outerHTML);
    for (const element of body.querySelectorAll(NOT_SANS)) element.remove();
    const missing = missingGlyphs(body.text);
    return missing.length > 0 ? [{ route, missing }] : [];
  });
}
