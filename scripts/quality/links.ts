/**
 * Link gate: every internal href and src in the build resolves to a file, and every #fragment to an
 * id on the target page. External links are only listed (`npm run links:external`): the build must
 * not fail because somebody else's site is down.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { fileForPath, type BuiltPage } from './build-output.ts';

const LINK_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'poster'];
const SITE_ORIGIN = 'http://site.invalid';

export interface LinkProblem {
  route: string;
  url: string;
  reason: string;
}

function urlsOf(page: BuiltPage): string[] {
  return page.document.querySelectorAll('*').flatMap((element) =>
    LINK_ATTRIBUTES.flatMap((name) => {
      const value = element.getAttribute(name);
      if (!value) return [];
      return name === 'srcset'
        ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
        : [value];
    }),
  );
}

const idsCache = new Map<string, Set<string>>();
function idsIn(file: string): Set<string> {
  let ids = idsCache.get(file);
  if (!ids) {
    ids = new Set(
      parse(readFileSync(file, 'utf8'))
        .querySelectorAll('[id]')
        .map((element) => element.id),
    );
    idsCache.set(file, ids);
  }
  return ids;
}

export function isExternal(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
}

export function checkInternalLinks(outDir: string, pages: BuiltPage[]): LinkProblem[] {
  const problems: LinkProblem[] = [];
  for (const page of pages) {
    for (const url of urlsOf(page)) {
      if (!url || isExternal(url)) continue;
      const resolved = new URL(url, new URL(page.route, SITE_ORIGIN));
      const file = fileForPath(outDir, resolved.pathname);
      if (!file) {
        problems.push({ route: page.route, url, reason: 'no such file in the build' });
        continue;
      }
      const fragment = decodeURIComponent(resolved.hash.slice(1));
      if (fragment && file.endsWith('.html') && !idsIn(file).has(fragment)) {
        problems.push({ route: page.route, url, reason: `no element with id "${fragment}"` });
      }
    }
  }
  return problems;
}

/** External URLs with the pages that link to them, for a human (or a link checker) to visit. */
export function externalLinks(pages: BuiltPage[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const page of pages) {
    for (const url of urlsOf(page)) {
      if (!/^https?:/.test(url)) continue;
      found.set(url, [...new Set([...(found.get(url) ?? []), page.route])]);
    }
  }
  return found;
}
