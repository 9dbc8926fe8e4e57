/**
 * The explainer's sources as the build serves them: read from the repository (builds and tests run
 * from its root) and highlighted. Which files they are, and where they are served, is
 * src/lib/demo/sources.ts.
 */
import { readFileSync } from 'node:fs';
import { highlightedSource } from '../lib/demo/class-highlighting.ts';
import { highlightedQuint } from '../lib/demo/quint-highlighting.ts';
import type { ExplainerSource } from '../lib/demo/sources.ts';

/** The file's text, as it is in the repository. */
export const sourceText = ({ path }: ExplainerSource): string => readFileSync(path, 'utf8');

/** The file highlighted: by Shiki for TypeScript, by the site's own grammar for Quint. */
export async function highlighted(source: ExplainerSource): Promise<string> {
  return source.language === 'quint'
    ? highlightedQuint(sourceText(source))
    : await highlightedSource(sourceText(source));
}
