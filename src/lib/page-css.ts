/**
 * Each page inlines the site's stylesheet; most of it styles other pages. These helpers cut it down
 * to what a group of pages can use: the rules that match their markup where the pages keep it
 * (`cssMatchedBy`), else the rules whose classes and elements their markup, the scripts they load and
 * the markup those scripts fetch name (`cssUsedBy`). src/integrations/page-css.ts applies them to
 * the build; src/integrations/csp-meta.ts then pins each page's policy to the hashes of what is left.
 */
import { parse } from 'node-html-parser';
import postcss, { type Container } from 'postcss';
import selectorParser from 'postcss-selector-parser';
import { CSP_META, runnableInlineScripts } from './csp-meta.ts';

/**
 * Every name the content could mean: class names as they are written between spaces and quotes
 * (Tailwind's can hold `>`, `&` or `=`, as in `[&>svg]:w-full`), and the words between tag
 * delimiters, which hold element names such as `kbd` in `<kbd>`.
 */
const namesIn = (content: string): string[] => [
  ...content.split(/[\s"'`]+/),
  ...content.split(/[\s"'`<>/=]+/),
];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

const STYLE_ELEMENT = /(<style\b[^>]*>)([\s\S]*?)(<\/style>)/g;

/**
 * What a page's markup says, without its stylesheets (whose selectors would count every class as
 * used) and with `&amp;` and its kin read back, as class attributes write `[&>svg]:w-full`.
 */
export function markupOf(html: string): string {
  return html
    .replace(STYLE_ELEMENT, '')
    .replace(CSP_META, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity, name: string) => ENTITIES[name] ?? entity);
}

/**
 * The markup a JSON document carries in its strings (the explainer fetches its highlighted sources
 * as `{ "html": "<pre class=\"…\">" }`), read out of the JSON's escapes.
 */
export function markupInJson(json: string): string {
  const strings: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(JSON.parse(json));
  return markupOf(strings.join('\n'));
}

/**
 * The class names and tag names a page must contain for the selector to match anything in it.
 * A pseudo-class's argument counts only where it must match too: in `:is(x)` or `:where(x)` with one
 * alternative. `:not(.x)` matches more without `.x`, and `:is(.a, .b)` needs only one of them.
 * Attributes and states never count: browsers and scripts set them where no file spells them out
 * (`open`, `hidden`, `data-theme`).
 */
function requiredNames(selector: string): string[] {
  const names: string[] = [];
  const collect = (container: selectorParser.Root | selectorParser.Selector) => {
    container.each((node) => {
      if (node.type === 'class') names.push(node.value);
      else if (node.type === 'tag') names.push(node.value.toLowerCase());
      else if (node.type === 'selector') collect(node);
      else if (
        node.type === 'pseudo' &&
        /^:(is|where)$/i.test(node.value) &&
        node.nodes.length === 1 &&
        node.nodes[0]
      )
        collect(node.nodes[0]);
    });
  };
  selectorParser((selectors) => collect(selectors)).processSync(selector);
  return names;
}

/** Removes at-rules (media queries, layers, supports) that no longer hold anything. */
function removeEmptyBlocks(root: Container): void {
  root.each((node) => {
    if (node.type !== 'atrule' || node.nodes === undefined) return;
    removeEmptyBlocks(node);
    if (node.nodes.length === 0) node.remove();
  });
}

/** The rules of `css` with only the selectors `keep` accepts; keyframes and at-rules stay as they are. */
function keepSelectors(css: string, keep: (selector: string) => boolean): string {
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    if (rule.parent?.type === 'atrule' && /keyframes$/i.test((rule.parent as postcss.AtRule).name))
      return;
    const used = rule.selectors.filter(keep);
    if (used.length === 0) rule.remove();
    else if (used.length < rule.selectors.length) rule.selectors = used;
  });
  removeEmptyBlocks(root);
  return root.toString();
}

/**
 * The rules of `css` that the given pages and scripts can use: a selector stays unless it needs a
 * class or an element that none of them names. Keyframes, font faces and custom properties stay as they are.
 */
export function cssUsedBy(css: string, content: readonly string[]): string {
  const named = new Set(content.flatMap(namesIn));
  return keepSelectors(css, (selector) => requiredNames(selector).every((name) => named.has(name)));
}

/** Inline-script calls that write markup, after which a page no longer has the elements it was built with. */
const WRITES_MARKUP =
  /\b(createElement|insertAdjacent\w*|append|prepend|replaceWith|replaceChildren|cloneNode|write)\s*\(|\b(inner|outer)HTML\b/;

/**
 * Whether a page keeps the elements it was built with as long as its inline stylesheet is all it
 * has: its inline scripts set classes and attributes but write no markup, and it loads no script
 * file, or it has island parts (src/lib/island-parts.ts), whose scripts change markup only once the
 * island's stylesheet, which holds every rule the page may need, applies. Its inline stylesheet can
 * then be matched against its markup (`cssMatchedBy`).
 */
export function keepsItsMarkup(html: string, { hasIslandParts = false } = {}): boolean {
  return (
    (hasIslandParts || !/<script\b[^>]*\ssrc=/i.test(html)) &&
    !runnableInlineScripts(html).some((code) => WRITES_MARKUP.test(code))
  );
}

/** Pseudo-classes whose arguments must match as they stand; every other one is a state. */
const MATCHING_PSEUDO = /^:(is|where|has)$/i;

/**
 * The selector with everything a browser or a script can change taken out, so that it matches
 * every element it could ever match, and more: attributes (`open`, `hidden`, `data-theme`), states
 * and positions (`:hover`, `:first-child`), negations, pseudo-elements (their element must still
 * be there), and the classes that `scriptNames` holds (an inline script may set them on any element).
 */
function relaxSelector(selector: string, scriptNames: ReadonlySet<string>): string {
  return selectorParser((root) => {
    const changeable: selectorParser.Node[] = [];
    root.walk((node) => {
      if (
        node.type === 'attribute' ||
        (node.type === 'class' && scriptNames.has(node.value)) ||
        (node.type === 'pseudo' && !MATCHING_PSEUDO.test(node.value))
      )
        changeable.push(node);
    });
    for (const node of changeable) node.remove();
    // A compound left empty matches any element; a relative selector (`:has(> x)`) starts with its
    // combinator, which stays first.
    root.walk((node) => {
      if (node.type !== 'selector') return;
      const nodes = [...node.nodes];
      nodes.forEach((child, index) => {
        const next = nodes[index + 1];
        if (child.type === 'combinator' && (next === undefined || next.type === 'combinator'))
          node.insertAfter(child, selectorParser.universal());
      });
      const first = node.first as selectorParser.Node | undefined;
      const relative = node.parent?.type === 'pseudo' && /^:has$/i.test(node.parent.value);
      if (first === undefined || (first.type === 'combinator' && !relative))
        node.prepend(selectorParser.universal());
    });
  }).processSync(selector);
}

/**
 * The rules of `css` that can match an element of one of `pages`, each of which keeps its markup
 * (`keepsItsMarkup`): a selector stays if, once relaxed (`relaxSelector`), it matches in one of
 * them. A selector the matcher cannot read stays too.
 */
export function cssMatchedBy(css: string, pages: readonly string[]): string {
  const documents = pages.map((html) =>
    parse(html, { blockTextElements: { script: true, style: true } }),
  );
  const scriptNames = new Set(
    pages.flatMap((html) => runnableInlineScripts(html)).flatMap(namesIn),
  );
  return keepSelectors(css, (selector) => {
    try {
      const relaxed = relaxSelector(selector, scriptNames);
      return documents.some((document) => document.querySelector(relaxed) !== null);
    } catch {
      return true;
    }
  });
}

/** The page with each `<style>` element's text replaced by `restyle(text)`. */
export function restylePage(html: string, restyle: (css: string) => string): string {
  return html.replace(
    STYLE_ELEMENT,
    (_, open: string, css: string, close: string) => `${open}${restyle(css)}${close}`,
  );
}
