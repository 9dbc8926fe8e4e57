import type { APIRoute } from 'astro';
import { highlighted } from '../../build/explainer-sources';
import { sourcePaths, type ExplainerSource } from '../../lib/demo/sources';

export const getStaticPaths = sourcePaths;

/** A source file, highlighted at build time; the explainer's island fetches it when a reader opens it. */
export const GET: APIRoute<{ file: ExplainerSource }> = async ({ props }) =>
  Response.json({ html: await highlighted(props.file) });
