import type { APIRoute } from 'astro';
import faviconSvg from '../../public/favicon.svg?raw';
import { encodeIco, faviconIco } from '../lib/icons';
import { svgToPng } from '../build/raster';

export const GET: APIRoute = () =>
  new Response(
    encodeIco(faviconIco.sizes.map((size) => ({ size, png: svgToPng(faviconSvg, size) }))),
    {
      headers: { 'Content-Type': 'image/x-icon' },
    },
  );
