import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getSpotlights, getWorkshops, getWriting } from '../lib/collections';
import { feedItems, feedOptions } from '../lib/feed';

export const GET: APIRoute = async () =>
  rss(feedOptions(feedItems(await getWorkshops(), await getSpotlights(), await getWriting())));
