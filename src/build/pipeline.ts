/**
 * Everything the build does to Astro's output, in the order it does it. Each pass is a pure
 * function from the built site to the next (src/build/built-site.ts); what a pass needs from an
 * earlier one is a field of the page model, never a trace in the markup:
 *
 * 1. `takeIslandParts` moves markup only an island uses out of the page (`islandParts`).
 * 2. `cssPerRoute` cuts each page's inlined CSS to what its route uses, and writes the stylesheet
 *    for the island's parts; it reads the scripts a page runs from `moduleScripts`.
 * 3. `scriptsAfterPaint` starts every module script after the first paint.
 * 4. `pinCsp` hashes the inline code the passes before it left into each page's policy (`csp`).
 * 5. `headersFile` writes `_headers` from the pages' `csp`.
 *
 * Passes 1-3 change markup and inline code, so they come before 4; 5 needs 4's policies.
 */
import { PAGE_SCRIPT_ATTRIBUTE } from '../scripts/names.ts';
import type { BuiltSite, Pass } from './built-site.ts';
import { pageScriptLoader } from './inline-scripts.ts';
import { cssPerRoute } from './passes/css-per-route.ts';
import { headersFile } from './passes/headers-file.ts';
import { takeIslandParts } from './passes/island-parts.ts';
import { pinCsp } from './passes/pin-csp.ts';
import { scriptsAfterPaint } from './passes/scripts-after-paint.ts';

export interface PipelineOptions {
  /**
   * Whether `cssPerRoute` cuts the stylesheet. Off, every page keeps all of it: the reference that
   * tests/e2e/css-pruning.spec.ts compares the cut build with.
   */
  pruneCss?: boolean;
}

export function buildPasses({ pruneCss = true }: PipelineOptions = {}): Pass[] {
  return [
    takeIslandParts,
    cssPerRoute({ prune: pruneCss }),
    scriptsAfterPaint({ loader: pageScriptLoader, attribute: PAGE_SCRIPT_ATTRIBUTE }),
    pinCsp,
    headersFile,
  ];
}

export function runPipeline(site: BuiltSite, passes: readonly Pass[]): BuiltSite {
  return passes.reduce((current, pass) => pass(current), site);
}
