/**
 * Sentences from the interface dictionaries as patterns, so that tests compare with what a visitor
 * reads without copying the copy: `sentence(checkWords.violated, '7', /.+/)`.
 */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Parts<A extends string[]> = { [K in keyof A]: string | RegExp };

/** The words with some parts left open, found anywhere in a text. */
export function phrase<A extends string[]>(
  words: (...args: A) => string,
  ...parts: Parts<A>
): RegExp {
  // Private-use characters mark the open parts: no dictionary sentence contains them.
  const markers = parts.map((_, index) => `\uE000${index}\uE000`) as A;
  const pattern = escape(words(...markers)).replace(/\uE000(\d+)\uE000/g, (_, index: string) => {
    const part = parts[Number(index)];
    // A nested sentence loses its anchors.
    return typeof part === 'string'
      ? escape(part)
      : `(?:${part?.source.replace(/^\^|\$$/g, '') ?? ''})`;
  });
  return new RegExp(pattern);
}

/** The words with some parts left open, as the whole of a text. */
export function sentence<A extends string[]>(
  words: (...args: A) => string,
  ...parts: Parts<A>
): RegExp {
  return new RegExp(`^${phrase(words, ...parts).source}$`);
}
