/**
 * Each page inlines the site's stylesheet; most of it styles other pages. These helpers cut it down
 * to what a group of pages can use (their markup, the scripts they load and the markup those scripts
 * fetch). src/integrations/page-css.ts applies them to the build; src/integrations/csp-meta.ts then
 * pins each page's policy to the hashes of what is left.
 */
import postcss, { type Container } from 'postcss';
import selectorParser from 'postcss-selector-parser';
import { CSP_META } from './csp-meta.ts';

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

/**
 * The rules of `css` that the given pages and scripts can use: a selector stays unless it needs a
 * class or an element that none of them names. Keyframes, font faces and custom properties stay as they are.
 */
export function cssUsedBy(css: string, content: readonly string[]): string {
  const named = new Set(content.flatMap(namesIn));
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    if (rule.parent?.type === 'atrule' && /keyframes$/i.test((rule.parent as postcss.AtRule).name))
      return;
    const used = rule.selectors.filter((selector) =>
      requiredNames(selector).every((name) => named.has(name)),
    );
    if (used.length === 0) rule.remove();
    else if (used.length < rule.selectors.length) rule.selectors = used;
  });
  removeEmptyBlocks(root);
  return root.toString();
}

/** The page with each `<style>` element's text replaced by `restyle(text)`. */
export function restylePage(html: string, restyle: (css: string) => string): string {
  return html.replace(
    STYLE_ELEMENT,
    (_, open: string, css: string, close: string) => `${open}${restyle(css)}${close}`,
  );
}
