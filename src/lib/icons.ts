/**
 * The favicon set, all rasterised at build time from public/favicon.svg so that no hand-made copy
 * can drift from it: an ICO for old browsers and feed readers, an Apple touch icon, and the web
 * manifest's icons.
 */
import faviconSvg from '../../public/favicon.svg?raw';
import { person, site } from '../config';

/**
 * The SVG favicon written into each page: Chrome fetches a linked icon at high priority while the
 * page paints, and an inline one costs no request at all. The file stays for the web manifest. Its
 * text stays text (base64 is a third longer and compresses poorly): only the characters a URL or an
 * attribute cannot hold are escaped, and the file quotes its attributes with `'` to need no `%22`.
 */
export const faviconSvgDataUri = `data:image/svg+xml,${faviconSvg
  .trim()
  .replace(/[%#<>{}"\t\n\r]/g, encodeURIComponent)}`;

export const faviconIco = { path: '/favicon.ico', sizes: [16, 32, 48] } as const;
/** iOS rounds the corners itself and fills transparency with black, so this one is drawn on a background. */
export const appleTouchIcon = { path: '/apple-touch-icon.png', size: 180 } as const;
export const manifestIconSizes = [192, 512] as const;
export const manifestIconPath = (size: number): string => `/icon-${size}.png`;
export const webManifestPath = '/site.webmanifest';

export interface IcoImage {
  size: number;
  png: Uint8Array;
}

const ICO_HEADER_BYTES = 6;
const ICO_ENTRY_BYTES = 16;

/** An ICO file whose entries are PNG images, which every browser since Windows Vista's era reads. */
export function encodeIco(images: IcoImage[]): Uint8Array<ArrayBuffer> {
  const dataStart = ICO_HEADER_BYTES + ICO_ENTRY_BYTES * images.length;
  const file = new Uint8Array(dataStart + images.reduce((total, { png }) => total + png.length, 0));
  const view = new DataView(file.buffer);
  view.setUint16(2, 1, true); // type 1: icon
  view.setUint16(4, images.length, true);
  let offset = dataStart;
  images.forEach(({ size, png }, index) => {
    if (size < 1 || size > 256)
      throw new Error(`An ICO image is 1 to 256 pixels wide, not ${size}`);
    const entry = ICO_HEADER_BYTES + ICO_ENTRY_BYTES * index;
    view.setUint8(entry, size % 256); // 0 stands for 256
    view.setUint8(entry + 1, size % 256);
    view.setUint16(entry + 4, 1, true); // colour planes
    view.setUint16(entry + 6, 32, true); // bits per pixel
    view.setUint32(entry + 8, png.length, true);
    view.setUint32(entry + 12, offset, true);
    file.set(png, offset);
    offset += png.length;
  });
  return file;
}

export function webManifest() {
  return {
    name: site.title,
    short_name: person.name,
    description: site.description,
    lang: site.locale,
    start_url: '/',
    display: 'browser',
    theme_color: site.themeColor.light,
    background_color: site.themeColor.light,
    icons: [
      { src: '/favicon.svg', type: 'image/svg+xml', sizes: 'any' },
      ...manifestIconSizes.map((size) => ({
        src: manifestIconPath(size),
        type: 'image/png',
        sizes: `${size}x${size}`,
      })),
    ],
  };
}
