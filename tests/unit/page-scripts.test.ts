import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadScriptsAfterPaint, moduleScriptUrls } from '../../src/lib/page-scripts';
import {
  PAGE_SCRIPT_ATTRIBUTE,
  PAGE_SCRIPT_RAN_ATTRIBUTE,
  pageScriptLoader,
} from '../../src/scripts/page-script-loader';

const page = (body: string) =>
  `<!DOCTYPE html><html lang="en"><head><script>theme()</script><script type="application/ld+json">{}</script></head><body>${body}</body></html>`;
const moduleScript = (src: string) => `<script type="module" src="${src}"></script>`;

describe('loadScriptsAfterPaint', () => {
  const options = { loader: 'LOAD()', attribute: 'data-later' };

  it('swaps each of Astro’s module scripts for the loader, with the URL in its attribute', () => {
    const html = page(
      `<form></form>${moduleScript('/_astro/form.1.js')}<p></p>${moduleScript('/_astro/a.js?x=1&amp;y=2')}`,
    );
    expect(moduleScriptUrls(html)).toEqual(['/_astro/form.1.js', '/_astro/a.js?x=1&amp;y=2']);
    expect(loadScriptsAfterPaint(html, options)).toBe(
      page(
        '<form></form><script data-later="/_astro/form.1.js">LOAD()</script><p></p><script data-later="/_astro/a.js?x=1&amp;y=2">LOAD()</script>',
      ),
    );
  });

  it('leaves inline scripts, structured data and a page without module scripts as they are', () => {
    const html = page('<p>No script here.</p>');
    expect(moduleScriptUrls(html)).toEqual([]);
    expect(loadScriptsAfterPaint(html, options)).toBe(html);
  });
});

describe('pageScriptLoader', () => {
  afterEach(() => vi.unstubAllGlobals());

  /**
   * Runs the loader as a page would, with a paint observer the test reports paints to, and its one
   * `import()` (which a test's VM cannot run from source text) handed to `importModule`.
   */
  function runLoader(moduleUrl: string, importModule: (url: string) => Promise<unknown>) {
    const attributes = new Map([[PAGE_SCRIPT_ATTRIBUTE, moduleUrl]]);
    const script = {
      getAttribute: (name: string) => attributes.get(name) ?? null,
      setAttribute: (name: string, value: string) => attributes.set(name, value),
    };
    let report: (names: string[]) => void = () => {};
    let disconnected = false;
    vi.stubGlobal('document', { currentScript: script });
    vi.stubGlobal(
      'PerformanceObserver',
      class {
        constructor(callback: (list: unknown, observer: unknown) => void) {
          report = (names) =>
            callback(
              { getEntriesByName: (name: string) => names.filter((entry) => entry === name) },
              this,
            );
        }
        observe() {}
        disconnect() {
          disconnected = true;
        }
      },
    );
    expect(pageScriptLoader.match(/\bimport\(/g)).toHaveLength(1);
    new Function('importModule', pageScriptLoader.replace(/\bimport\(/, 'importModule('))(
      importModule,
    );
    return {
      attributes,
      paint: (...names: string[]) => report(names),
      disconnected: () => disconnected,
    };
  }

  it('imports the page’s script only after the first contentful paint, then marks it as run', async () => {
    const imported: string[] = [];
    const loader = runLoader('/_astro/form.1.js', async (url) => imported.push(url));
    await new Promise((settle) => setTimeout(settle, 20));
    expect(imported).toEqual([]);

    loader.paint('first-paint');
    await new Promise((settle) => setTimeout(settle, 20));
    expect(imported).toEqual([]);

    loader.paint('first-paint', 'first-contentful-paint');
    expect(loader.disconnected()).toBe(true);
    await vi.waitFor(() => expect(loader.attributes.has(PAGE_SCRIPT_RAN_ATTRIBUTE)).toBe(true));
    expect(imported).toEqual(['/_astro/form.1.js']);
  });

  it('does not mark a script that failed to load as run', async () => {
    let failed = false;
    const loader = runLoader('/_astro/gone.js', () => {
      failed = true;
      return Promise.reject(new Error('404'));
    });
    const failures: unknown[] = [];
    const onRejection = (reason: unknown) => failures.push(reason);
    process.on('unhandledRejection', onRejection);
    loader.paint('first-contentful-paint');
    await vi.waitFor(() => expect(failures).toHaveLength(1));
    process.off('unhandledRejection', onRejection);
    expect(failed).toBe(true);
    expect(loader.attributes.has(PAGE_SCRIPT_RAN_ATTRIBUTE)).toBe(false);
  });
});
