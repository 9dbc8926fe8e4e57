/**
 * Shiki writes each token's colour into a style="" attribute, which the site's Content Security
 * Policy forbids. With Shiki's CSS-variables theme every colour names its token kind, so this
 * transformer turns that into a class (`tok-keyword`, …) and the stylesheet holds the colours.
 */
import type { ShikiTransformer } from 'shiki';

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
};
