/** Reading a built site: its pages, their parsed HTML, and how their URLs map to files. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/**
 * Where `astro build` writes the site and where every script and test reads it: `dist`, unless
 * `ASTRO_OUT_DIR` names another folder, so that a second build can sit beside the first.
 */
export const outDir = process.env.ASTRO_OUT_DIR ?? 'dist';

export interface BuiltPage {
  /** The URL path a visitor uses, e.g. `/training/` or `/404.html`. */
  route: string;
  file: string;
  html: string;
  document: HTMLElement;
}

export function listFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    const path = join(root, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

export function routeOf(outDir: string, file: string): string {
  const path = `/${relative(outDir, file).split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

export function readPages(outDir: string): BuiltPage[] {
  return listFiles(outDir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const html = readFileSync(file, 'utf8');
      return { route: routeOf(outDir, file), file, html, document: parse(html) };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

/** The file a same-origin URL path is served from, as a static host resolves it; undefined if none. */
export function fileForPath(outDir: string, pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  const candidates = decoded.endsWith('/')
    ? [join(outDir, decoded, 'index.html')]
    : [join(outDir, decoded), join(outDir, decoded, 'index.html')];
  return candidates.find((candidate) => {
    try {
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}
