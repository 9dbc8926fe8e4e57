/**
 * Shiki writes each token's colour into a style="" attribute, which the site's Content Security
 * Policy forbids. With Shiki's CSS-variables theme every colour names its token kind, so this
 * transformer turns that into a class (`tok-keyword`, …) and the stylesheet holds the colours.
 */
import { codeToHtml, createCssVariablesTheme, type ShikiTransformer } from 'shiki';

const TOKEN_KIND = /var\(--shiki-token-([a-z-]+)\)/;

export const classHighlighting: ShikiTransformer = {
  name: 'class-highlighting',
  pre(node) {
    delete node.properties.style;
  },
  span(node) {
    const kind = TOKEN_KIND.exec(String(node.properties.style ?? ''))?.[1];
    delete node.properties.style;
    if (kind) this.addClassToHast(node, `tok-${kind}`);
  },
  line(node) {
    // A token of no kind needs no element of its own: its text is enough, and the page is smaller.
    node.children = node.children.flatMap((child) =>
      child.type === 'element' && child.properties['class'] === undefined
        ? child.children
        : [child],
    );
  },
};

const theme = createCssVariablesTheme({ name: 'css-variables', variablePrefix: '--shiki-' });

/** The classes of the source box, in Tailwind: the same for sources on the page and those fetched later. */
export const SOURCE_BOX_CLASS =
  'm-0 max-h-[36rem] overflow-auto border-t border-line p-4 font-mono text-sm/6';

const sourceBox: ShikiTransformer = {
  name: 'source-box',
  pre(node) {
    this.addClassToHast(node, SOURCE_BOX_CLASS);
  },
};

/** TypeScript source as highlighted HTML (a focusable `<pre>`), coloured by class only. */
export function highlightedSource(source: string): Promise<string> {
  return codeToHtml(source, {
    lang: 'ts',
    theme,
    // Shiki stops tokenizing a line after 500 ms by default, so a build on a busy machine left part of
    // a line unhighlighted and two builds of one tree differed. The source is ours and small: no limit.
    tokenizeTimeLimit: 0,
    transformers: [classHighlighting, sourceBox],
  });
}
