/**
 * SVG markup as strings, for pictures drawn at build time and redrawn by the island with
 * `innerHTML`. Colours and fonts come from classes only: the CSP forbids inline styles.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

export type Attributes = Readonly<Record<string, string | number | undefined>>;

/** Rounds numbers, which are coordinates, so that the markup stays short; other values go as strings. */
const attributeValue = (value: string | number) =>
  typeof value === 'number' ? String(Math.round(value * 10) / 10) : value;

/** An element around markup already built (children are not escaped; attributes are). */
export function element(
  name: string,
  attributes: Attributes,
  ...children: readonly string[]
): string {
  const written = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([attribute, value]) => ` ${attribute}="${escapeXml(attributeValue(value))}"`)
    .join('');
  return children.length === 0
    ? `<${name}${written}/>`
    : `<${name}${written}>${children.join('')}</${name}>`;
}

/** An element holding text, escaped. */
export function textElement(name: string, attributes: Attributes, text: string): string {
  return element(name, attributes, escapeXml(text));
}

export interface SvgFrame {
  readonly width: number;
  readonly height: number;
  /** Unique on the page: the title and description are referenced by id. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly className: string;
  readonly data?: Attributes;
}

/**
 * An accessible picture: `role="img"`, named by its <title> and described by its <desc>
 * (referenced by id, so the name stays short and the description is read after it). Text is
 * centred on its point unless it says otherwise (both attributes are inherited).
 */
export function svgDocument(frame: SvgFrame, ...content: readonly string[]): string {
  const { width, height, id, title, description, className, data = {} } = frame;
  return element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      'aria-labelledby': `${id}-title`,
      'aria-describedby': `${id}-desc`,
      class: className,
      'text-anchor': 'middle',
      'dominant-baseline': 'central',
      ...data,
    },
    textElement('title', { id: `${id}-title` }, title),
    textElement('desc', { id: `${id}-desc` }, description),
    ...content,
  );
}
