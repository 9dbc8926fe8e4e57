/**
 * The social card of a page (Open Graph and Twitter image): 1200×630, the site's typefaces and
 * light scheme, the page's title. Drawn at build time with satori and rasterised with resvg; the
 * fonts are read from node_modules, so nothing is fetched.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori, { type Font } from 'satori';
import { personFullName, site } from '../config';
import { lightScheme as colour } from '../lib/brand';
import { faviconSvgDataUri } from '../lib/icons';
import { svgToPng } from './raster';
import { fitText, SOCIAL_IMAGE } from '../lib/seo';

export interface SocialCard {
  title: string;
  /** The section a page below the top level sits in, shown above the title. */
  section?: string | undefined;
}

/**
 * Latin and Latin Extended faces: the copy is English, names may not be. The extended subset has a
 * family name of its own because satori falls back across families for a missing letter, never
 * within one.
 */
const fontFiles = [
  { name: 'Inter', weight: 400, file: '@fontsource/inter/files/inter-latin-400-normal.woff' },
  {
    name: 'Inter Latin Extended',
    weight: 400,
    file: '@fontsource/inter/files/inter-latin-ext-400-normal.woff',
  },
  { name: 'Inter', weight: 600, file: '@fontsource/inter/files/inter-latin-600-normal.woff' },
  {
    name: 'Inter Latin Extended',
    weight: 600,
    file: '@fontsource/inter/files/inter-latin-ext-600-normal.woff',
  },
  {
    name: 'JetBrains Mono',
    weight: 400,
    file: '@fontsource/jetbrains-mono/files/jetbrains-mono-latin-400-normal.woff',
  },
] as const;

const resolvePackageFile = createRequire(import.meta.url).resolve;

let fonts: Font[] | undefined;
const loadFonts = (): Font[] =>
  (fonts ??= fontFiles.map(({ name, weight, file }) => ({
    name,
    weight,
    style: 'normal',
    data: readFileSync(resolvePackageFile(file)),
  })));

type Style = Record<string, string | number>;
interface CardElement {
  type: string;
  props: {
    style?: Style;
    children?: string | CardElement[];
    src?: string;
    width?: number;
    height?: number;
  };
}

const box = (style: Style, children: string | CardElement[]): CardElement => ({
  type: 'div',
  props: { style, children },
});

/** Long titles step down in size, and the longest are shortened, so that none needs more than three lines. */
const TITLE_MAX_LENGTH = 100;
const titleSize = (title: string): number =>
  title.length <= 32 ? 80 : title.length <= 52 ? 68 : 58;

function cardLayout({ title: fullTitle, section }: SocialCard): CardElement {
  const title = fitText(fullTitle, TITLE_MAX_LENGTH);
  return box(
    {
      width: SOCIAL_IMAGE.width,
      height: SOCIAL_IMAGE.height,
      // Satori sizes boxes without their padding and border unless told otherwise.
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      padding: '56px 80px 60px',
      backgroundColor: colour.bg,
      borderTop: `12px solid ${colour.accent}`,
      color: colour.fg,
      fontFamily: 'Inter',
    },
    [
      box({ display: 'flex', alignItems: 'center', gap: 20, fontSize: 30, fontWeight: 600 }, [
        { type: 'img', props: { src: faviconSvgDataUri, width: 52, height: 52 } },
        box({}, personFullName),
      ]),
      box(
        {
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'center',
          flexGrow: 1,
          gap: 22,
        },
        [
          ...(section
            ? [
                box(
                  {
                    fontFamily: 'JetBrains Mono',
                    fontSize: 26,
                    color: colour.accent,
                    letterSpacing: '0.06em',
                  },
                  section.toUpperCase(),
                ),
              ]
            : []),
          box(
            {
              fontSize: titleSize(title),
              fontWeight: 600,
              lineHeight: 1.1,
              letterSpacing: '-0.025em',
              textWrap: 'balance',
            },
            title,
          ),
        ],
      ),
      box(
        {
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          gap: 32,
          paddingTop: 28,
          borderTop: `2px solid ${colour.line}`,
          fontSize: 22,
          color: colour.muted,
        },
        [box({}, site.description), box({ fontFamily: 'JetBrains Mono' }, new URL(site.url).host)],
      ),
    ],
  );
}

export async function renderSocialCard(card: SocialCard): Promise<Uint8Array<ArrayBuffer>> {
  const svg = await satori(cardLayout(card), {
    width: SOCIAL_IMAGE.width,
    height: SOCIAL_IMAGE.height,
    fonts: loadFonts(),
  });
  return svgToPng(svg, SOCIAL_IMAGE.width);
}
