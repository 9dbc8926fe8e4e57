import { sourceWords } from '../content/interface/demo';
import { getPage, getSpotlights, getWorkshops } from './collections';
import { explainerSources, sourcePagePath, type ExplainerSourceName } from './demo/sources';
import { pageIds, pagePaths, spotlightMeta, workshopMeta, type PageMeta } from './page-meta';

/** Every page the site builds, with its path and title: what the social image endpoint draws. */
export async function getSitePages(): Promise<PageMeta[]> {
  const pages = await Promise.all(
    pageIds.map(async (id) => {
      const { title, description } = (await getPage(id)).data;
      return { path: pagePaths[id], title, description };
    }),
  );
  return [
    ...pages,
    ...(await getWorkshops()).map(workshopMeta),
    ...(await getSpotlights()).map(spotlightMeta),
    ...(Object.keys(explainerSources) as ExplainerSourceName[]).map((name) => ({
      path: sourcePagePath(name),
      ...sourceWords.pages[name],
    })),
  ];
}
