/**
 * The one rule for the form endpoint. Without PUBLIC_CONTACT_ENDPOINT the form posts to the local
 * inbox, which exists only beside `npm start` and `npm run dev`: fine on this machine, every message
 * lost once deployed. A deploy build (scripts/require-endpoint.ts, run by `npm run build:deploy` on
 * every host) refuses any problem this rule names; every other build says it loudly at its end
 * (src/integrations/contact-warning.ts).
 */

const DEFAULT_LOCAL_INBOX_PORT = 4399;
const buildEnv: Record<string, string | undefined> =
  typeof process === 'undefined' ? {} : process.env;

/**
 * Where the form posts when no service is configured: the inbox server that `npm start` runs, on
 * FORM_INBOX_PORT when set. The build and the inbox read the same variable, so a second checkout can
 * build, serve and test beside the first without posting to its inbox.
 */
export const LOCAL_INBOX_PORT = Number(
  buildEnv.FORM_INBOX_PORT?.trim() || DEFAULT_LOCAL_INBOX_PORT,
);
export const LOCAL_INBOX_ENDPOINT = `http://localhost:${LOCAL_INBOX_PORT}/f/local`;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The variable's value as the site uses it: blank counts as unset. */
export const configuredEndpoint = (value: string | undefined): string | undefined =>
  value?.trim() || undefined;

/** What is wrong with the endpoint for a public site, or undefined when it will do. */
export function endpointProblem(endpoint: string | undefined): string | undefined {
  const value = configuredEndpoint(endpoint);
  if (!value) {
    return `PUBLIC_CONTACT_ENDPOINT is not set: the form posts to the local inbox (${LOCAL_INBOX_ENDPOINT}), which runs only beside \`npm start\` or \`npm run dev\`; deployed, every message would be lost.`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `PUBLIC_CONTACT_ENDPOINT=${value} is not an absolute URL.`;
  }
  if (url.protocol !== 'https:') {
    return `PUBLIC_CONTACT_ENDPOINT=${value} must use https, as the site does.`;
  }
  if (LOOPBACK_HOSTS.has(url.hostname)) {
    return `PUBLIC_CONTACT_ENDPOINT=${value} points at the building machine, not at a form service.`;
  }
  return undefined;
}

/** How to fix any problem above, said by the guard and the warning alike. */
export const endpointFix =
  'Set PUBLIC_CONTACT_ENDPOINT to the form service endpoint, e.g. https://formspree.io/f/<form-id>, and build again (docs/contact-form.md and docs/deploy.md).';
