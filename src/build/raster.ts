import { Resvg } from '@resvg/resvg-js';

/**
 * Rasterises an SVG to a PNG `width` pixels wide. Text must already be paths (satori draws it so):
 * system fonts are not loaded, so a build renders the same on every machine.
 */
export function svgToPng(svg: string, width: number, background?: string): Uint8Array<ArrayBuffer> {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false },
    ...(background ? { background } : {}),
  });
  return new Uint8Array(resvg.render().asPng());
}
