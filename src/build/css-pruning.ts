/**
 * Each page inlines the site's stylesheet; most of it styles other pages. These cut it down to what
 * a group of pages can use: the rules that match their documents where the pages keep the markup
 * they were built with (`cssMatchedBy`), else the rules whose classes and elements their markup,
 * the scripts they load and the markup those scripts fetch name (`cssUsedBy`, over `namesIn`).
 * src/build/passes/css-per-route.ts applies them to the build.
 */
import { HTMLElement, type Node, parse, TextNode } from 'node-html-parser';
import postcss, { type Container } from 'postcss';
import selectorParser from 'postcss-selector-parser';

/**
 * Every name a text could mean: words as they are written between spaces and quotes (Tailwind's
 * class names can hold `>`, `&` or `=`, as in `[&>svg]:w-full`), and the words between tag
 * delimiters, which hold element names such as `kbd` in a script's `"<kbd>"`.
 */
export const namesIn = (text: string): string[] => [
  ...text.split(/[\s"'`]+/),
  ...text.split(/[\s"'`<>/=]+/),
];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
/** A class attribute writes `[&>svg]:w-full` as `[&amp;>svg]:w-full`. */
const unescape = (raw: string) =>
  raw.replace(/&(amp|lt|gt|quot|#39);/g, (entity, name: string) => ENTITIES[name] ?? entity);

/**
 * Every name a document's markup says: its element names, the words of its attribute values and of
 * its text, scripts included (the colour-scheme script names the classes it sets). Its stylesheets
 * and its policy say nothing: their selectors and hashes would count every class as used.
 */
export function namesInDocument(node: Node, names: string[] = []): string[] {
  if (node instanceof TextNode) names.push(...namesIn(unescape(node.rawText)));
  if (!(node instanceof HTMLElement)) return names;
  const tag = node.rawTagName?.toLowerCase();
  if (
    tag === 'style' ||
    node.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy'
  )
    return names;
  if (node.rawTagName) names.push(node.rawTagName);
  for (const value of Object.values(node.rawAttributes))
    names.push(...namesIn(unescape(value ?? '')));
  for (const child of node.childNodes) namesInDocument(child, names);
  return names;
}

/**
 * The names in the markup a JSON document carries in its strings (the explainer fetches its
 * highlighted sources as `{ "html": "<pre class=\"…\">" }`).
 */
export function namesInJson(json: string): string[] {
  const names: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') namesInDocument(parse(value), names);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(JSON.parse(json));
  return names;
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
 * The rules of `css` that markup and scripts naming `names` can use: a selector stays unless it
 * needs a class or an element missing from `names`. Keyframes, font faces and custom properties stay as they are.
 */
export function cssUsedBy(css: string, names: ReadonlySet<string>): string {
  return keepSelectors(css, (selector) => requiredNames(selector).every((name) => names.has(name)));
}

/**
 * The stylesheet without the `@supports` blocks that only give custom properties the initial
 * values their `@property` rules register. Tailwind writes one for browsers without `@property`
 * (Safari before 16.4, Firefox before 128); every browser the site supports, which are Tailwind
 * 4's, registers the properties itself, so the block changes nothing there and costs every page
 * some 270 B of gzip.
 */
/** Two values of a custom property that compute alike: the same text, or zero with or without `px`. */
const sameValue = (a: string | undefined, b: string) =>
  a === b || (a !== undefined && /^0(px)?$/.test(a) && /^0(px)?$/.test(b));

export function withoutRegisteredFallbacks(css: string): string {
  const root = postcss.parse(css);
  const registered = new Map<string, string>();
  root.walkAtRules('property', (rule) => {
    let initial = 'initial';
    rule.walkDecls('initial-value', (declaration) => {
      initial = declaration.value;
    });
    registered.set(rule.params.trim(), initial);
  });
  root.walkAtRules('supports', (block) => {
    let onlyRegistered = true;
    block.walk((node) => {
      if (node.type === 'decl')
        onlyRegistered &&= sameValue(registered.get(node.prop), node.value.trim());
      else if (node.type !== 'rule') onlyRegistered = false;
    });
    if (onlyRegistered && (block.nodes?.length ?? 0) > 0) block.remove();
  });
  removeEmptyBlocks(root);
  return root.toString();
}

const READ_PROPERTY = /var\(\s*(--[\w-]+)/g;

/**
 * The stylesheet without the custom properties nothing reads: declared, or registered with
 * `@property`, but used by no `var()` left in the stylesheet nor in `readers` (the markup, scripts
 * and data that may bring a style of their own). Pruning the rules leaves many: `.prose` declares
 * some forty colours for elements a page may not have, and Tailwind registers properties for
 * utilities a page does not use. A property read only by another one that goes, goes too.
 */
export function withoutUnreadProperties(css: string, readers: string): string {
  const root = postcss.parse(css);
  const readElsewhere = new Set([...readers.matchAll(READ_PROPERTY)].map((match) => match[1]));
  for (let removed = true; removed;) {
    const read = new Set(readElsewhere);
    root.walkDecls((declaration) => {
      for (const [, name] of declaration.value.matchAll(READ_PROPERTY)) read.add(name);
    });
    removed = false;
    root.walkDecls(/^--/, (declaration) => {
      if (read.has(declaration.prop)) return;
      declaration.remove();
      removed = true;
    });
    root.walkAtRules('property', (rule) => {
      if (!read.has(rule.params.trim())) rule.remove();
    });
  }
  root.walkRules((rule) => {
    if (rule.nodes.length === 0) rule.remove();
  });
  removeEmptyBlocks(root);
  return root.toString();
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
 * The rules of `css` that can match an element of one of `documents`, which keep the markup they
 * were built with, and whose inline scripts name `scriptNames`: a selector stays if, once relaxed
 * (`relaxSelector`), it matches in one of them. A selector the matcher cannot read stays too.
 */
export function cssMatchedBy(
  css: string,
  documents: readonly HTMLElement[],
  scriptNames: ReadonlySet<string>,
): string {
  return keepSelectors(css, (selector) => {
    try {
      const relaxed = relaxSelector(selector, scriptNames);
      return documents.some((document) => document.querySelector(relaxed) !== null);
    } catch {
      return true;
    }
  });
}
