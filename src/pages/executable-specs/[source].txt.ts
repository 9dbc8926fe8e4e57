import type { APIRoute } from 'astro';
import { sourceText } from '../../build/explainer-sources';
import { sourcePaths, type ExplainerSource } from '../../lib/demo/sources';

export const getStaticPaths = sourcePaths;

/** A source file as plain text, for readers without JavaScript. */
export const GET: APIRoute<{ file: ExplainerSource }> = ({ props }) =>
  new Response(sourceText(props.file), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
