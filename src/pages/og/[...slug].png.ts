import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { socialImageSlug, sectionOf } from '../../lib/seo';
import { getSitePages } from '../../lib/site-pages';
import { renderSocialCard } from '../../build/social-image';

export const getStaticPaths = (async () =>
  (await getSitePages()).map(({ path, title }) => ({
    params: { slug: socialImageSlug(path) },
    props: { title, section: sectionOf(path) },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props }) =>
  new Response(await renderSocialCard(props), { headers: { 'Content-Type': 'image/png' } });
