import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import {
  comparisonSchema,
  homeSectionSchema,
  pageSchema,
  spotlightSchema,
  workshopSchema,
  writingSchema,
} from './lib/content-schemas';

const mdx = (folder: string) => glob({ pattern: '**/[^_]*.mdx', base: `./src/content/${folder}` });

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
