/**
 * The deploy guard that GitHub Pages, Netlify and Cloudflare Pages share (`npm run build:deploy`):
 * it stops the deploy, with the fix, when the endpoint rule (src/lib/contact/endpoint.ts) names a problem.
 */
import { LOCAL_INBOX_ENDPOINT } from '../src/build/local-inbox.ts';
import { configuredEndpoint, endpointFix, endpointProblem } from '../src/lib/contact/endpoint.ts';

const endpoint = process.env.PUBLIC_CONTACT_ENDPOINT;
const problem = endpointProblem(endpoint, LOCAL_INBOX_ENDPOINT);
if (problem) {
  console.error([`Deploy refused: ${problem}`, endpointFix].join('\n'));
  process.exit(1);
}
console.log(`Contact form endpoint: ${configuredEndpoint(endpoint)}`);
