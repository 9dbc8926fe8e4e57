/**
 * Every script of this site enhances markup that already works, so none is fetched before the page
 * has painted: a page's bytes and its first paint have the network to themselves. The build
 * (src/build/passes/scripts-after-paint.ts) puts this loader where Astro wrote a module script, with
 * the script's URL in `PAGE_SCRIPT_ATTRIBUTE`; once the module has run, the loader gets
 * `PAGE_SCRIPT_RAN_ATTRIBUTE`. One text for every page, so the CSP holds one hash for it.
 */
import { afterFirstPaint } from './after-first-paint.ts';
import { PAGE_SCRIPT_ATTRIBUTE, PAGE_SCRIPT_RAN_ATTRIBUTE } from './names.ts';

const loadAfterFirstPaint = (loader: HTMLOrSVGScriptElement) =>
  afterFirstPaint(
    () =>
      import(loader.getAttribute(PAGE_SCRIPT_ATTRIBUTE)!).then(() =>
        loader.setAttribute(PAGE_SCRIPT_RAN_ATTRIBUTE, ''),
      ),
    0,
  );

// Only while the loader itself runs does `currentScript` name it.
loadAfterFirstPaint(document.currentScript!);
