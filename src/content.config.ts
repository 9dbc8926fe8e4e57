import { readdirSync, readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { defineCollection } from 'astro:content';
import { file, glob, type Loader, type ParseDataOptions } from 'astro/loaders';
import { contentFolderProblems, entryId, readFrontmatter } from './lib/content-files';
import {
  comparisonSchema,
  homeSectionSchema,
  pageSchema,
  spotlightSchema,
  workshopSchema,
  writingSchema,
} from './lib/content-schemas';

/**
 * Astro's glob loader, after a check that every Markdown file in the folder will be read and get a URL
 * of its own, and with each file's frontmatter read so that dates reach the schema as written.
 */
function mdx(folder: string): Loader {
  const base = `src/content/${folder}`;
  const entries = glob({
    pattern: '**/[^_]*.mdx',
    base: `./${base}`,
    generateId: ({ entry }) => entryId(entry),
  });
  return {
    name: 'mdx-folder',
    load: async (context) => {
      const files = readdirSync(base, { recursive: true, encoding: 'utf8' }).map((path) =>
        path.split(sep).join('/'),
      );
      const problems = contentFolderProblems(base, files);
      if (problems.length > 0)
        throw new Error(`The ${folder} collection cannot be built:\n${problems.join('\n')}`);
      await entries.load({
        ...context,
        parseData: <TData extends Record<string, unknown>>(entry: ParseDataOptions<TData>) => {
          const source =
            entry.filePath === undefined ? undefined : readFileSync(entry.filePath, 'utf8');
          const written =
            source === undefined ? undefined : (readFrontmatter(source) as TData | undefined);
          return context.parseData({ ...entry, data: written ?? entry.data });
        },
      });
    },
  };
}

export const collections = {
  pages: defineCollection({ loader: mdx('pages'), schema: pageSchema }),
  home: defineCollection({ loader: mdx('home'), schema: homeSectionSchema }),
  workshops: defineCollection({ loader: mdx('workshops'), schema: workshopSchema }),
  spotlights: defineCollection({ loader: mdx('spotlights'), schema: spotlightSchema }),
  writing: defineCollection({
    loader: glob({ pattern: '**/[^_]*.yaml', base: './src/content/writing' }),
    schema: writingSchema,
  }),
  comparison: defineCollection({
    loader: file('./src/content/comparison.yaml'),
    schema: comparisonSchema,
  }),
};
