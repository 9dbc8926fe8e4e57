/**
 * The one rule for the form endpoint. Without PUBLIC_CONTACT_ENDPOINT the form posts to the local
 * inbox, which exists only beside `npm start` and `npm run dev`: fine on this machine, every message
 * lost once deployed. A deploy build (scripts/require-endpoint.ts, run by `npm run build:deploy` on
 * every host) refuses any problem this rule names; every other build says it loudly at its end
 * (src/integrations/contact-warning.ts).
 */

const DEFAULT_LOCAL_INBOX_PORT = 4399;

/**
 * The port of the inbox server that `npm start` runs, from FORM_INBOX_PORT's value when set (the
 * caller reads the environment: src/build/local-inbox.ts). The build and the inbox read the same
 * variable, so a second checkout can build, serve and test beside the first without posting to its
 * inbox.
 */
export const localInboxPort = (formInboxPort: string | undefined): number =>
  Number(formInboxPort?.trim() || DEFAULT_LOCAL_INBOX_PORT);

/** Where the form posts when no service is configured: the local inbox on that port. */
export const localInboxEndpoint = (port: number): string => `http://localhost:${port}/f/local`;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The variable's value as the site uses it: blank counts as unset. */
export const configuredEndpoint = (value: string | undefined): string | undefined =>
  value?.trim() || undefined;

/**
 * What is wrong with the endpoint for a public site, or undefined when it will do; `localInbox` is
 * where the form posts without one (named in the problem).
 */
export function endpointProblem(
  endpoint: string | undefined,
  localInbox: string,
): string | undefined {
  const value = configuredEndpoint(endpoint);
  if (!value) {
    return `PUBLIC_CONTACT_ENDPOINT is not set: the form posts to the local inbox (${localInbox}), which runs only beside \`npm start\` or \`npm run dev\`; deployed, every message would be lost.`;
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
