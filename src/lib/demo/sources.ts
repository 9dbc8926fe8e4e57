/**
 * The source files the explainer lets a reader open: the model that the checker runs, the same
 * model in Quint that CI checks it against, and the implementation that traces replay against.
 * Each is shown as it is in the repository and served beside the page, highlighted (`.json`,
 * fetched when the reader opens it), as plain text (`.txt`) and as a page of its own, highlighted
 * (`sourcePagePath`, for readers without JavaScript): too large to ride along with the page.
 * Reading and highlighting them is the build's work: src/build/explainer-sources.ts.
 */
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

/** Each source's page of its own beside the explainer, highlighted at build time, for readers without JavaScript. */
export const sourcePagePath = (name: ExplainerSourceName) => `/executable-specs/${name}/` as const;

/** The paths of all the sources' pages. */
export const sourcePages = () =>
  (Object.keys(explainerSources) as ExplainerSourceName[]).map(sourcePagePath);

/** The `getStaticPaths` of the routes that serve the sources, one per file: `model.ts` and so on. */
export const sourcePaths = () =>
  Object.values(explainerSources).map((file) => ({
    params: { source: file.served.slice(file.served.lastIndexOf('/') + 1) },
    props: { file },
  }));

/** The `getStaticPaths` of the sources' own pages: `/executable-specs/quint/` and so on. */
export const sourcePagePaths = () =>
  (Object.keys(explainerSources) as ExplainerSourceName[]).map((name) => ({
    params: { name },
    props: { name },
  }));
