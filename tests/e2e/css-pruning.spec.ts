/**
 * The safety net under the build's CSS pruning (src/build/passes/css-per-route.ts): every page of
 * the build under test is opened beside the same page of the same site built with its whole
 * stylesheet (`SITE_CSS=full`), and every element must compute the same style in both, in both
 * colour schemes, at 320, 800 and 1280 px, before the page's scripts run and after its island has
 * mounted and its form's script has run. A rule the pruner drops that any element needs fails here,
 * naming the page, the element and the property, whichever script or markup needs it.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { AddressInfo } from 'node:net';
import { startStaticServer } from '../../scripts/static-server.ts';
import { ISLAND_PART_ATTRIBUTE, ISLAND_PARTS_ATTRIBUTE } from '../../src/lib/island-parts.ts';
import { buildFixture } from './support/fixture-build.ts';
import { readPages } from '../../scripts/quality/build-output.ts';
import { PAGE_SCRIPT_ATTRIBUTE } from '../../src/scripts/names.ts';
import { outDir, pageScriptsRan, visit } from './support/site.ts';

const WIDTHS = [320, 800, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
/** Elements reported per view: enough to see the pattern, short enough to read. */
const REPORTED = 12;
/** Elements looked into per view, to find the ones a lost rule styles among those it moves. */
const INSPECTED = 200;
/**
 * Properties whose computed value is a measure of the layout: an element a lost rule styles moves
 * or resizes its ancestors and neighbours too, and is reported before them.
 */
const LAYOUT_MEASURES = new Set([
  'block-size',
  'inline-size',
  'height',
  'width',
  'perspective-origin',
  'transform-origin',
  'grid-template-rows',
  'grid-template-columns',
  'top',
  'right',
  'bottom',
  'left',
  'inset-block-start',
  'inset-block-end',
  'inset-inline-start',
  'inset-inline-end',
]);

type Moment = 'before its scripts run' | 'after its island mounts and its scripts ran';

/** Each element and pseudo-element in document order: its name, and a hash of its computed style. */
interface ComputedStyles {
  names: string[];
  hashes: number[];
  /** Every property with its value, for the elements asked for by name. */
  details: Record<string, Record<string, string>>;
}

/**
 * In the page: the computed style of every element, and of its ::before and ::after where they
 * exist, as a 32-bit FNV-1a hash of all its standard properties (the whole of them only for `detailsFor`).
 * Transitions and animations are finished first, so that a scheme switch is compared where it ends.
 */
function computedStyles(detailsFor: readonly string[]): ComputedStyles {
  for (const animation of document.getAnimations()) {
    try {
      animation.finish();
    } catch {
      // An infinite animation has no end: hold it at its start in both pages.
      animation.pause();
      animation.currentTime = 0;
    }
  }
  const nameOf = (element: Element): string => {
    const parts: string[] = [];
    for (let node: Element | null = element; node && parts.length < 4; node = node.parentElement) {
      const index = node.parentElement ? [...node.parentElement.children].indexOf(node) + 1 : 1;
      const id = node.id ? `#${node.id}` : '';
      const classes = [...node.classList].slice(0, 2).map((name) => `.${name}`);
      parts.unshift(`${node.localName}${id}${classes.join('')}:nth-child(${index})`);
      if (id) break;
    }
    return parts.join(' > ');
  };
  const hash = (text: string) => {
    let value = 0x811c9dc5;
    for (let index = 0; index < text.length; index++)
      value = Math.imul(value ^ text.charCodeAt(index), 0x01000193);
    return value >>> 0;
  };
  const result: ComputedStyles = { names: [], hashes: [], details: {} };
  const add = (name: string, style: CSSStyleDeclaration) => {
    const properties: [string, string][] = [];
    for (let index = 0; index < style.length; index++) {
      const property = style.item(index);
      // A custom property shows only through the properties that use it, which are compared.
      if (!property.startsWith('--')) properties.push([property, style.getPropertyValue(property)]);
    }
    result.names.push(name);
    result.hashes.push(
      hash(properties.map(([property, value]) => `${property}:${value}`).join(';')),
    );
    if (detailsFor.includes(name)) result.details[name] = Object.fromEntries(properties);
  };
  for (const element of [document.documentElement, ...document.body.querySelectorAll('*')]) {
    const name = nameOf(element);
    add(name, getComputedStyle(element));
    for (const pseudo of ['::before', '::after']) {
      const style = getComputedStyle(element, pseudo);
      if (style.content !== 'none' && style.content !== 'normal') add(`${name}${pseudo}`, style);
    }
  }
  return result;
}

/** Waits until the page's markup has not changed for a while, so both pages are compared at rest. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((quiet) => {
        let timer = setTimeout(done, 300);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, 300);
        });
        function done() {
          observer.disconnect();
          quiet();
        }
        observer.observe(document, { subtree: true, childList: true, attributes: true });
      }),
  );
}

/** Opens `path` at `moment`: with every script file refused, or with them all run and the island mounted. */
async function open(browser: Browser, baseURL: string, path: string, moment: Moment) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  if (moment === 'before its scripts run') {
    await page.route(/\/_astro\/.*\.m?js$/, (route) => route.abort());
    await page.goto(path);
  } else {
    await visit(page, path);
    for (const island of await page.locator(`[${ISLAND_PARTS_ATTRIBUTE}]`).all())
      await island.dispatchEvent('focusin');
    await expect(page.locator(`template[${ISLAND_PART_ATTRIBUTE}]`)).toHaveCount(0);
    await pageScriptsRan(page);
  }
  await settled(page);
  return page;
}

/** The differences between the two pages' styles as they are now, each naming element and property. */
async function differences(pruned: Page, full: Page, at: string): Promise<string[]> {
  const [mine, theirs] = await Promise.all(
    [pruned, full].map((page) => page.evaluate(computedStyles, [])),
  );
  if (!mine || !theirs) return [];
  if (mine.names.join('\n') !== theirs.names.join('\n')) {
    const index = mine.names.findIndex((name, at) => name !== theirs.names[at]);
    return [
      `${at}: the pages differ in their elements from ${mine.names[index] ?? '(end)'} (pruned) / ${theirs.names[index] ?? '(end)'} (full)`,
    ];
  }
  const changed = mine.names.filter((_, index) => mine.hashes[index] !== theirs.hashes[index]);
  if (changed.length === 0) return [];
  const inspected = changed.slice(0, INSPECTED);
  const [a, b] = await Promise.all(
    [pruned, full].map(async (page) => (await page.evaluate(computedStyles, inspected)).details),
  );
  const differing = inspected.map((name) => {
    const prunedStyle = a?.[name] ?? {};
    const fullStyle = b?.[name] ?? {};
    const properties = [...new Set([...Object.keys(prunedStyle), ...Object.keys(fullStyle)])]
      .filter((property) => prunedStyle[property] !== fullStyle[property])
      .sort((x, y) => Number(LAYOUT_MEASURES.has(x)) - Number(LAYOUT_MEASURES.has(y)));
    const lines = properties.map(
      (property) =>
        `${at}: ${name}: ${property} is ${prunedStyle[property] ?? '(unset)'} pruned, ${fullStyle[property] ?? '(unset)'} with the full stylesheet`,
    );
    return { styled: properties.some((property) => !LAYOUT_MEASURES.has(property)), lines };
  });
  return [...differing.filter(({ styled }) => styled), ...differing.filter(({ styled }) => !styled)]
    .slice(0, REPORTED)
    .flatMap(({ lines }) => lines)
    .concat(changed.length > REPORTED ? [`${at}: … ${changed.length} elements differ in all`] : []);
}

let reference: { url: string; close: () => Promise<void> } | undefined;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const build = await buildFixture({}, { SITE_CSS: 'full' });
  expect(build.ok, build.output).toBe(true);
  const server = await startStaticServer({ root: build.outDir, port: 0 });
  const { port } = server.address() as AddressInfo;
  reference = {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((closed) => server.close(() => closed())),
  };
});

test.afterAll(async () => reference?.close());

for (const { route: path, document } of readPages(outDir)) {
  // A page that starts no script looks the same later as it does before its scripts would run.
  const moments: Moment[] = document.querySelector(`script[${PAGE_SCRIPT_ATTRIBUTE}]`)
    ? ['before its scripts run', 'after its island mounts and its scripts ran']
    : ['before its scripts run'];
  test(`${path} computes every element's style as with the full stylesheet`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const found: string[] = [];
    for (const moment of moments) {
      const [pruned, full] = await Promise.all([
        open(browser, baseURL ?? '', path, moment),
        open(browser, reference?.url ?? '', path, moment),
      ]);
      for (const width of WIDTHS) {
        for (const colorScheme of SCHEMES) {
          await Promise.all(
            [pruned, full].map(async (page) => {
              await page.setViewportSize({ width, height: 900 });
              await page.emulateMedia({ colorScheme });
            }),
          );
          const at = `${path} ${moment}, ${width} px, ${colorScheme}`;
          found.push(...(await differences(pruned, full, at)));
        }
      }
      await Promise.all([pruned.context().close(), full.context().close()]);
    }
    expect(found, found.join('\n')).toEqual([]);
  });
}
