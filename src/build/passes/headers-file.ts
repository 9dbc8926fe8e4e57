/**
 * Writes `_headers` into the build for Netlify and Cloudflare Pages (src/lib/security-headers.ts
 * says what goes in it): a Content-Security-Policy for each top-level entry of the build, merged from
 * the policies of its pages, so the header and the meta tags cannot disagree.
 */
import { headerRules, hostLimitProblems, renderHeadersFile } from '../../lib/security-headers.ts';
import type { BuiltSite } from '../built-site.ts';

export const HEADERS_FILE = '_headers';

export function headersFile(site: BuiltSite): BuiltSite {
  const rules = headerRules({
    assetsDir: site.assetsDir,
    topLevel: site.topLevel,
    pages: site.pages.map((page) => ({
      entry: page.file.split('/')[0] ?? page.file,
      csp: page.csp,
    })),
  });
  const problems = hostLimitProblems(rules);
  if (problems.length > 0)
    throw new Error(`_headers would not fit the hosts' limits:\n- ${problems.join('\n- ')}`);
  return { ...site, added: new Map([...site.added, [HEADERS_FILE, renderHeadersFile(rules)]]) };
}
