import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { person, site } from '../../src/config';
import { encodeIco, manifestIconPath, webManifest } from '../../src/lib/icons';
import { svgToPng } from '../../src/build/raster';
import { pngSize } from '../e2e/support/seo-output';

const favicon = readFileSync('public/favicon.svg', 'utf8');

describe('ICO encoding', () => {
  const images = [16, 32, 256].map((size) => ({ size, png: svgToPng(favicon, size) }));
  const ico = Buffer.from(encodeIco(images));

  it('writes the icon header and one directory entry per image', () => {
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 3]);
    expect([0, 1, 2].map((index) => ico.readUInt8(6 + index * 16))).toEqual([16, 32, 0]);
    expect(ico.readUInt16LE(6 + 6)).toBe(32);
  });

  it('points each entry at its PNG, stored whole', () => {
    images.forEach(({ size, png }, index) => {
      const entry = 6 + index * 16;
      const offset = ico.readUInt32LE(entry + 12);
      const stored = ico.subarray(offset, offset + ico.readUInt32LE(entry + 8));
      expect(Buffer.compare(stored, Buffer.from(png))).toBe(0);
      expect(pngSize(stored)).toEqual({ width: size, height: size });
    });
  });

  it('refuses an image an ICO cannot hold', () => {
    expect(() => encodeIco([{ size: 512, png: new Uint8Array() }])).toThrow(/1 to 256 pixels/);
  });
});

it('the web manifest names the site, its colours and its icons', () => {
  expect(webManifest()).toMatchObject({
    name: site.title,
    short_name: person.name,
    lang: site.locale,
    start_url: '/',
    theme_color: site.themeColor.light,
    background_color: site.themeColor.light,
  });
  expect(webManifest().icons.map((icon) => icon.src)).toEqual([
    '/favicon.svg',
    manifestIconPath(192),
    manifestIconPath(512),
  ]);
});
