/**
 * Sentences from the interface dictionaries as patterns, so that tests compare with what a visitor
 * reads without copying the copy: `sentence(checkWords.violated, '7', /.+/)`.
 */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function sentence<A extends string[]>(
  words: (...args: A) => string,
  ...parts: { [K in keyof A]: string | RegExp }
): RegExp {
  const markers = parts.map((_, index) => `\u0000${index}\u0000`) as A;
  const pattern = escape(words(...markers)).replace(/\u0000(\d+)\u0000/g, (_, index: string) => {
    const part = parts[Number(index)];
    // A nested sentence loses its anchors.
    return typeof part === 'string' ? escape(part) : `(?:${part?.source.replace(/^\^|\$$/g, '') ?? ''})`;
  });
  return new RegExp(`^${pattern}$`);
}
