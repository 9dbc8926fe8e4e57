import type { APIRoute } from 'astro';
import faviconSvg from '../../public/favicon.svg?raw';
import { lightScheme } from '../lib/brand';
import { appleTouchIcon } from '../lib/icons';
import { svgToPng } from '../build/raster';

export const GET: APIRoute = () =>
  new Response(svgToPng(faviconSvg, appleTouchIcon.size, lightScheme.accent), {
    headers: { 'Content-Type': 'image/png' },
  });
