/**
 * Quint source as highlighted HTML, coloured by class like the TypeScript sources (the site's
 * Content Security Policy forbids style="" attributes). Shiki ships no Quint grammar, and Quint's
 * surface is small: a handful of token kinds read left to right are enough for a reader to tell
 * keywords, operators, comments and strings apart.
 */
import { SOURCE_BOX_CLASS } from './class-highlighting.ts';

/** The classes a token can carry: the source box's stylesheet colours each. */
export type QuintTokenKind =
  'comment' | 'string' | 'keyword' | 'operator' | 'constant' | 'function';

export interface QuintToken {
  /** No kind: plain text (names, punctuation, spaces), shown without an element of its own. */
  readonly kind?: QuintTokenKind;
  readonly text: string;
}

/** Quint's reserved words (its grammar's keywords), as a reader scans for them. */
const KEYWORDS = new Set([
  'module',
  'import',
  'export',
  'from',
  'as',
  'const',
  'var',
  'val',
  'def',
  'pure',
  'action',
  'run',
  'temporal',
  'nondet',
  'type',
  'assume',
  'if',
  'else',
  'match',
  'all',
  'any',
  'and',
  'or',
  'iff',
  'implies',
]);

const CONSTANTS = new Set(['true', 'false']);

/**
 * One rule per token shape, tried in order at each position; the first that matches wins. Comments
 * and strings come first, so that an operator or keyword inside them stays part of them; longer
 * operators come before their prefixes (`==` before `=`, `...` before `.`).
 */
const RULES: readonly {
  readonly pattern: RegExp;
  readonly kind: (text: string) => QuintToken['kind'];
}[] = [
  { pattern: /\/\/[^\n]*/y, kind: () => 'comment' },
  { pattern: /\/\*[\s\S]*?(?:\*\/|$)/y, kind: () => 'comment' },
  { pattern: /"(?:[^"\\\n]|\\.)*"?/y, kind: () => 'string' },
  { pattern: /\d[\d_]*/y, kind: () => 'constant' },
  {
    // A name, possibly qualified (`mbt::actionTaken`), and whether a call's parenthesis follows it.
    pattern: /[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*(?=(\s*\()?)/y,
    kind: (text) => (KEYWORDS.has(text) ? 'keyword' : CONSTANTS.has(text) ? 'constant' : undefined),
  },
  { pattern: /\.\.\.|==|!=|<=|>=|=>|->|[=<>+\-*/%^'|&]/y, kind: () => 'operator' },
  // Anything else (spaces, brackets, dots, commas) is plain text, one character at a time.
  { pattern: /[\s\S]/y, kind: () => undefined },
];

/** The source as tokens whose texts, joined, are the source again. */
export function quintTokens(source: string): QuintToken[] {
  const tokens: QuintToken[] = [];
  let position = 0;
  while (position < source.length) {
    for (const rule of RULES) {
      rule.pattern.lastIndex = position;
      const match = rule.pattern.exec(source);
      if (!match || match[0] === '') continue;
      const text = match[0];
      // A name followed by "(" is called: a definition's or an operator's name.
      const called = match[1] !== undefined && !KEYWORDS.has(text) && !CONSTANTS.has(text);
      push(tokens, called ? 'function' : rule.kind(text), text);
      position += text.length;
      break;
    }
  }
  return tokens;
}

/** Adds a token, merging it into the previous one when both are plain text. */
function push(tokens: QuintToken[], kind: QuintToken['kind'], text: string): void {
  const last = tokens.at(-1);
  if (kind === undefined && last && last.kind === undefined) {
    tokens[tokens.length - 1] = { text: last.text + text };
  } else {
    tokens.push(kind === undefined ? { text } : { kind, text });
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};
const escaped = (text: string) => text.replace(/[&<>"]/g, (character) => ESCAPES[character]!);

/**
 * Quint source as a focusable `<pre>` in the same box as the TypeScript sources: one
 * `<span class="line">` per line, a `tok-*` class per token of a kind, plain text bare. A comment
 * over several lines is split at each line break, so that every line's markup is complete.
 */
export function highlightedQuint(source: string): string {
  const lines: string[] = [''];
  for (const { kind, text } of quintTokens(source.replace(/\n$/, ''))) {
    text.split('\n').forEach((part, index) => {
      if (index > 0) lines.push('');
      if (part === '') return;
      lines[lines.length - 1] +=
        kind === undefined ? escaped(part) : `<span class="tok-${kind}">${escaped(part)}</span>`;
    });
  }
  const body = lines.map((line) => `<span class="line">${line}</span>`).join('\n');
  return `<pre class="${SOURCE_BOX_CLASS}" tabindex="0"><code>${body}</code></pre>`;
}
