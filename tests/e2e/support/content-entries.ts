/**
 * The content files as the consultant wrote them, read and validated with the site's own schemas, so
 * that tests compare the pages with the files: a reworded sentence moves both, a lost fact fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { readFrontmatter } from '../../../src/lib/content-files';
import {
  comparisonSchema,
  homeSectionSchema,
  pageSchema,
  spotlightSchema,
  workshopSchema,
  writingSchema,
} from '../../../src/lib/content-schemas';

const contentDir = 'src/content';

const schemas = {
  home: homeSectionSchema,
  pages: pageSchema,
  spotlights: spotlightSchema,
  workshops: workshopSchema,
  writing: writingSchema,
} as const;

type Collection = keyof typeof schemas;

/** The file of an entry: MDX with frontmatter for most collections, plain YAML for writing. */
export const entryFile = (collection: Collection, id: string): string =>
  join(contentDir, collection, `${id}.${collection === 'writing' ? 'yaml' : 'mdx'}`);

function frontmatter(collection: Collection, id: string): unknown {
  const text = readFileSync(entryFile(collection, id), 'utf8');
  const data =
    collection === 'writing' ? load(text, { schema: CORE_SCHEMA }) : readFrontmatter(text);
  if (data === undefined) throw new Error(`${entryFile(collection, id)} has no frontmatter`);
  return data;
}

/** One entry's data, validated and with the schema's defaults, as the build sees it. */
export function readEntry<C extends Collection>(collection: C, id: string) {
  return schemas[collection].parse(frontmatter(collection, id)) as ReturnType<
    (typeof schemas)[C]['parse']
  >;
}

/** The published entries of a collection (no drafts, no files starting with "_"), with their data. */
export function readEntries<C extends Collection>(collection: C) {
  return readdirSync(join(contentDir, collection))
    .filter((name) => /\.(mdx|yaml)$/.test(name) && !name.startsWith('_'))
    .map((name) => name.replace(/\.(mdx|yaml)$/, ''))
    .map((id) => ({ id, data: readEntry(collection, id) }))
    .filter(({ data }) => !('draft' in data && data.draft));
}

/** The rows of the comparison table, in their order. */
export function readComparison() {
  const rows = load(readFileSync(join(contentDir, 'comparison.yaml'), 'utf8'), {
    schema: CORE_SCHEMA,
  }) as unknown[];
  return rows.map((row) => comparisonSchema.parse(row)).sort((a, b) => a.order - b.order);
}
