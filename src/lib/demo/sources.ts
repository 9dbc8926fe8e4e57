/**
 * The source files the explainer lets a reader open: the model that the checker runs and the
 * implementation that traces replay against. Each is shown as it is in the repository and served
 * beside the page, highlighted (`.json`, fetched when the reader opens it) and as plain text (`.txt`,
 * for readers without JavaScript): too large to ride along with the page.
 */
import { readFileSync } from 'node:fs';

export interface ExplainerSource {
  /** Where the file lives in the repository: what the reader is shown is read from there. */
  path: string;
  /** Its URL without the `.json` / `.txt` extension. */
  served: string;
}

export const explainerSources = {
  model: {
    path: 'src/lib/models/dns-control-plane.ts',
    served: '/executable-specs/model.ts',
  },
  implementation: {
    path: 'src/lib/systems/dns-control-plane.ts',
    served: '/executable-specs/implementation.ts',
  },
} as const satisfies Record<string, ExplainerSource>;

export type ExplainerSourceName = keyof typeof explainerSources;

/** The file's text, read from the repository (builds and tests run from its root). */
export const sourceText = ({ path }: ExplainerSource): string => readFileSync(path, 'utf8');

/** The `getStaticPaths` of the routes that serve the sources, one per file. */
export const sourcePaths = () =>
  Object.entries(explainerSources).map(([name, file]) => ({
    params: { source: name },
    props: { file },
  }));
