/**
 * The HTTP headers the site is served with where the host reads a `_headers` file (Netlify,
 * Cloudflare Pages). The Content-Security-Policy is the one Astro wrote into the pages' meta tags,
 * plus what only a header can carry, so the header and the meta tag cannot disagree. Each top-level
 * entry of the build gets the policy of its own pages, so a page's header lists no other route's hashes.
 * src/build/passes/headers-file.ts writes the file at the end of the build;
 * scripts/static-server.ts reads it back to serve the build locally with the same headers.
 */
import { parse } from 'node-html-parser';

/** Directive name → source expressions, in the order they were written. */
export type Csp = ReadonlyMap<string, readonly string[]>;

/**
 * Directives a meta tag cannot carry: browsers ignore `frame-ancestors` there, and Chrome reports it
 * as a console error, so it is only ever added to the header.
 */
export const HEADER_ONLY_DIRECTIVES: Csp = new Map([['frame-ancestors', ["'none'"]]]);

export const CACHE_CONTROL = {
  /** Files under Astro's assets folder have a content hash in their name: a change is a new URL. */
  hashed: 'public, max-age=31536000, immutable',
  /** Everything else keeps its URL across deploys, so browsers and CDNs ask again every time. */
  revalidate: 'public, max-age=0, must-revalidate',
} as const;

/** Headers every response gets; docs/deploy.md, "Security headers", gives the reasons. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // Two years, as hstspreload.org recommends; `preload` is left to the owner because leaving the
  // list takes months (docs/deploy.md).
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Only features Chromium knows: an unknown name is a console error on every page.
  'Permissions-Policy': [
    'accelerometer=()',
    'autoplay=()',
    'camera=()',
    'clipboard-read=()',
    // The form's "copy message" and the demo's "copy as test" buttons write to the clipboard.
    'clipboard-write=(self)',
    'display-capture=()',
    'encrypted-media=()',
    'fullscreen=()',
    'geolocation=()',
    'gyroscope=()',
    'hid=()',
    'idle-detection=()',
    'magnetometer=()',
    'microphone=()',
    'midi=()',
    'payment=()',
    'picture-in-picture=()',
    'publickey-credentials-get=()',
    'screen-wake-lock=()',
    'serial=()',
    'usb=()',
    'xr-spatial-tracking=()',
  ].join(', '),
  'Cross-Origin-Opener-Policy': 'same-origin',
  // A URL under no top-level entry of the build gets the 404 page without a CSP header, and its meta
  // tag cannot carry frame-ancestors: this keeps that response, like every other, out of frames.
  'X-Frame-Options': 'DENY',
};

/** Cloudflare Pages' documented limits for `_headers`: the build fails rather than ship more. */
export const HOST_LIMITS = { rules: 100, lineLength: 2000 } as const;

export function parseCsp(policy: string): Csp {
  const csp = new Map<string, string[]>();
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    // A repeated directive is ignored by browsers: the first one counts.
    if (name && !csp.has(name.toLowerCase())) csp.set(name.toLowerCase(), sources);
  }
  return csp;
}

export function serializeCsp(csp: Csp): string {
  return [...csp].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The policy of Astro's `<meta http-equiv="content-security-policy">`, if the page has one. */
export function cspFromHtml(html: string): string | undefined {
  return parse(html)
    .querySelector('meta[http-equiv="content-security-policy"]')
    ?.getAttribute('content');
}

/**
 * One policy that allows what any of the pages' policies allows. Served as a header to pages that each
 * have their own hashes, the union still allows each page exactly what its own meta tag does, because
 * a browser enforces both and the meta tag is the stricter.
 */
export function mergeCsps(csps: readonly Csp[]): Csp {
  const [first] = csps;
  if (!first) throw new Error('No page has a Content-Security-Policy to merge.');
  const directiveNames = (csp: Csp) => [...csp.keys()].sort().join(' ');
  const merged = new Map<string, string[]>();
  for (const csp of csps) {
    // A directive that one page lacks falls back to default-src there; a union cannot express that.
    if (directiveNames(csp) !== directiveNames(first)) {
      throw new Error(
        `Pages set different CSP directives (${directiveNames(first)} versus ${directiveNames(csp)}).`,
      );
    }
    for (const [name, sources] of csp)
      merged.set(name, [...new Set([...(merged.get(name) ?? []), ...sources])]);
  }
  for (const [name, sources] of merged) {
    if (sources.length > 1)
      merged.set(
        name,
        sources.filter((source) => source !== "'none'"),
      );
  }
  return merged;
}

/** The header policy: the pages' policy plus the header-only directives. */
export function headerCsp(pagesCsp: Csp): Csp {
  return new Map([...pagesCsp, ...HEADER_ONLY_DIRECTIVES]);
}

export interface PathHeaders {
  /** A `_headers` URL pattern: an exact path, or one ending in the `*` splat. */
  path: string;
  headers: Readonly<Record<string, string>>;
}

export interface BuildEntry {
  name: string;
  isDirectory: boolean;
}

/** The policy of a page's meta tag, and the top-level entry of the build that holds the page. */
export interface PagePolicy {
  /** `contact` for `contact/thanks/index.html`; `404.html` for the 404 page. */
  entry: string;
  csp: Csp;
}

/** The page the host serves at any URL that names no file of the build. */
const NOT_FOUND_PAGE = '404.html';

/**
 * The header policy of one top-level entry: what the meta tags of its pages allow, and what the 404
 * page's allows, since the host serves that page at any unknown URL under the entry.
 */
function entryCsp(entry: string, pages: readonly PagePolicy[]): Csp {
  const notFound = pages.find((page) => page.entry === NOT_FOUND_PAGE);
  if (!notFound) {
    throw new Error(`The build has no ${NOT_FOUND_PAGE}, whose policy every entry must allow.`);
  }
  const own = pages.filter((page) => page.entry === entry).map(({ csp }) => csp);
  return headerCsp(mergeCsps([notFound.csp, ...own]));
}

/**
 * Netlify lets the last matching rule win a header, Cloudflare joins the values of every matching
 * rule with commas; so no header is set by two rules that can match one path. The headers that are
 * the same everywhere go on `/*`; caching and the CSP go on each top-level entry of the build, which
 * keeps the rule count independent of the number of pages while each policy lists only the hashes of
 * its entry's pages.
 */
export function headerRules({
  assetsDir,
  topLevel,
  pages,
}: {
  assetsDir: string;
  topLevel: readonly BuildEntry[];
  pages: readonly PagePolicy[];
}): PathHeaders[] {
  const entryRule = (path: string, entry: string): PathHeaders => ({
    path,
    headers: {
      'Cache-Control': entry === assetsDir ? CACHE_CONTROL.hashed : CACHE_CONTROL.revalidate,
      'Content-Security-Policy': serializeCsp(entryCsp(entry, pages)),
    },
  });
  const entryRules = topLevel
    .filter(({ name }) => name !== '_headers')
    .map(({ name, isDirectory }) => entryRule(isDirectory ? `/${name}/*` : `/${name}`, name));
  return [
    { path: '/*', headers: SECURITY_HEADERS },
    // `/` names no file: the host serves it the top-level index.html.
    entryRule('/', 'index.html'),
    ...entryRules.sort((a, b) => a.path.localeCompare(b.path)),
  ];
}

const GENERATED_NOTE =
  '# Generated by the build (src/build/passes/headers-file.ts); edits here are overwritten.';

const headerLine = (name: string, value: string) => `  ${name}: ${value}`;

export function renderHeadersFile(rules: readonly PathHeaders[]): string {
  const blocks = rules.map(({ path, headers }) =>
    [path, ...Object.entries(headers).map(([name, value]) => headerLine(name, value))].join('\n'),
  );
  return `${GENERATED_NOTE}\n${blocks.join('\n')}\n`;
}

export interface ParsedHeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/**
 * Reads `_headers` back, as a host does: a path pattern (with `*` splats) followed by indented
 * `Name: value` lines. The local static server serves the build with it.
 */
export function parseHeadersFile(source: string): ParsedHeaderRule[] {
  const rules: ParsedHeaderRule[] = [];
  for (const line of source.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const escaped = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${escaped}$`), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (colon > 0 && rule)
      rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** Why a host would silently drop part of the file; empty when it fits. */
export function hostLimitProblems(rules: readonly PathHeaders[]): string[] {
  const problems: string[] = [];
  if (rules.length > HOST_LIMITS.rules) {
    problems.push(
      `${rules.length} rules, more than the ${HOST_LIMITS.rules} Cloudflare Pages applies`,
    );
  }
  for (const { path, headers } of rules) {
    for (const [name, value] of Object.entries(headers)) {
      const { length } = headerLine(name, value);
      if (length > HOST_LIMITS.lineLength) {
        problems.push(
          `${path} ${name} is ${length} characters, more than the ${HOST_LIMITS.lineLength} of a line`,
        );
      }
    }
  }
  return problems;
}
