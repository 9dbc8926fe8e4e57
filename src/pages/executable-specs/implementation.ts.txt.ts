import type { APIRoute } from 'astro';
import source from '../../lib/systems/dns-control-plane.ts?raw';

/** The implementation the explainer replays traces against, as plain text for readers without JavaScript. */
export const GET: APIRoute = () =>
  new Response(source, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
