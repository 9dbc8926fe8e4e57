import { site } from '../config.ts';
import { adapters, type ContactProvider } from './contact/adapters.ts';

/**
 * The site's Content Security Policy, in one place: astro.config.mjs hands these directives to
 * Astro (which adds the script and style hashes it computes), and the deploy headers reuse them.
 */
export interface CspInput {
  /** The form service endpoint: the only other origin a page may post or connect to. */
  formEndpoint: string;
  /**
   * The canonical site URL. A plain form post returns through the service's redirect to the thanks page
   * there, and form-action applies to redirects: from a preview or `www.` host the redirect leaves 'self'.
   */
  siteUrl: string;
  /** The form service, whose own pages a plain post may land on (see ContactAdapter.plainPostLandings). */
  provider?: ContactProvider;
}

type DirectiveName =
  | 'default-src'
  | 'img-src'
  | 'font-src'
  | 'connect-src'
  | 'form-action'
  | 'worker-src'
  | 'base-uri'
  | 'object-src';
export type CspDirective = `${DirectiveName} ${string}`;

export function cspDirectives({
  formEndpoint,
  siteUrl,
  provider = site.contact.provider,
}: CspInput): CspDirective[] {
  const formOrigin = new URL(formEndpoint).origin;
  const siteOrigin = new URL(siteUrl).origin;
  const landings = adapters[provider].plainPostLandings.map((origin) => new URL(origin).origin);
  const formTargets = [...new Set([formOrigin, siteOrigin, ...landings])];
  return [
    "default-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${formOrigin}`,
    `form-action 'self' ${formTargets.join(' ')}`,
    "worker-src 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ];
}
