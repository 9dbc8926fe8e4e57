/**
 * Whether a build may be deployed with this form endpoint. Without PUBLIC_CONTACT_ENDPOINT the form
 * posts to the local inbox, which exists only beside `npm start`: deployed, every message is lost.
 * scripts/require-endpoint.ts runs this before every deploy build, on every host.
 * No imports: CI runs it before installing dependencies, to fail in seconds.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** What is wrong with the endpoint for a deploy, or undefined when it will do. */
export function deployEndpointProblem(endpoint: string | undefined): string | undefined {
  const value = endpoint?.trim();
  if (!value) {
    return 'PUBLIC_CONTACT_ENDPOINT is not set: the form would post to the local inbox and every message would be lost.';
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
