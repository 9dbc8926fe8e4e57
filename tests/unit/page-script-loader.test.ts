import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageScriptLoader } from '../../src/build/inline-scripts';
import { PAGE_SCRIPT_ATTRIBUTE, PAGE_SCRIPT_RAN_ATTRIBUTE } from '../../src/scripts/names';

describe('pageScriptLoader', () => {
  afterEach(() => vi.unstubAllGlobals());

  /**
   * Runs the loader's text as a page would (minified, as the build inlines it), with a paint
   * observer the test reports paints to, and its one `import()` (which a test's VM cannot run from
   * source text) handed to `importModule`.
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
    // As in a browser, `currentScript` names the loader only while it runs.
    vi.stubGlobal('document', { currentScript: null });
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
