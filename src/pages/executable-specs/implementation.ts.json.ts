import type { APIRoute } from 'astro';
import { highlightedSource } from '../../lib/demo/class-highlighting';
import source from '../../lib/systems/dns-control-plane.ts?raw';

/** The implementation, highlighted at build time; the explainer's island fetches it when a reader opens it. */
export const GET: APIRoute = async () => Response.json({ html: await highlightedSource(source) });
