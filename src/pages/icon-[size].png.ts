import type { APIRoute, GetStaticPaths } from 'astro';
import faviconSvg from '../../public/favicon.svg?raw';
import { manifestIconSizes } from '../lib/icons';
import { svgToPng } from '../build/raster';

export const getStaticPaths = (() =>
  manifestIconSizes.map((size) => ({
    params: { size: String(size) },
    props: { size },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ size: number }> = ({ props }) =>
  new Response(svgToPng(faviconSvg, props.size), { headers: { 'Content-Type': 'image/png' } });
