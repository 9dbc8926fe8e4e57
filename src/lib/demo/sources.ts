/**
 * The source files the explainer lets a reader open: the model that the checker runs, the same
 * model in Quint that CI checks it against, and the implementation that traces replay against.
 * Each is shown as it is in the repository and served beside the page, highlighted (`.json`,
 * fetched when the reader opens it) and as plain text (`.txt`, for readers without JavaScript):
 * too large to ride along with the page.
 */
import { readFileSync } from 'node:fs';
import { sourceWords } from '../../content/interface/demo.ts';
import { highlightedSource } from './class-highlighting.ts';
import { highlightedQuint } from './quint-highlighting.ts';

export type SourceLanguage = 'typescript' | 'quint';

export interface ExplainerSource {
  /** Where the file lives in the repository: what the reader is shown is read from there. */
  path: string;
  /** Its URL without the `.json` / `.txt` extension; it ends in the file's own name. */
  served: string;
  language: SourceLanguage;
  /** The same model in the other language, which CI checks this one against. */
  checkedAgainst?: string;
}

export const explainerSources = {
  model: {
    path: 'src/lib/models/dns-control-plane.ts',
    served: '/executable-specs/model.ts',
    language: 'typescript',
    checkedAgainst: 'quint',
  },
  quint: {
    path: 'specs/acme_clouddb.qnt',
    served: '/executable-specs/acme_clouddb.qnt',
    language: 'quint',
    checkedAgainst: 'model',
  },
  implementation: {
    path: 'src/lib/systems/dns-control-plane.ts',
    served: '/executable-specs/implementation.ts',
    language: 'typescript',
  },
} as const satisfies Record<string, ExplainerSource>;

export type ExplainerSourceName = keyof typeof explainerSources;

/** The file's text, read from the repository (builds and tests run from its root). */
export const sourceText = ({ path }: ExplainerSource): string => readFileSync(path, 'utf8');

/**
 * The file as the island shows it: highlighted (Shiki for TypeScript, the site's own grammar for
 * Quint), and for either model first the sentence that CI checks each against the other. It rides
 * with the source, not the page, whose first round trip has no room for it.
 */
export async function highlighted(source: ExplainerSource): Promise<string> {
  const html =
    source.language === 'quint'
      ? highlightedQuint(sourceText(source))
      : await highlightedSource(sourceText(source));
  return source.checkedAgainst === undefined
    ? html
    : `<p class="border-t border-line p-4 text-muted">${sourceWords.crossChecked}</p>${html}`;
}

/** The `getStaticPaths` of the routes that serve the sources, one per file: `model.ts` and so on. */
export const sourcePaths = () =>
  Object.values(explainerSources).map((file) => ({
    params: { source: file.served.slice(file.served.lastIndexOf('/') + 1) },
    props: { file },
  }));
