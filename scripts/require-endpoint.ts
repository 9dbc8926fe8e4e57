/**
 * The deploy guard that GitHub Pages, Netlify and Cloudflare Pages share (`npm run build:deploy`):
 * it stops the deploy, with the fix, when the contact form has no real service to post to.
 */
import { deployEndpointProblem } from '../src/lib/deploy-endpoint.ts';

const problem = deployEndpointProblem(process.env.PUBLIC_CONTACT_ENDPOINT);
if (problem) {
  console.error(
    [
      `Deploy refused: ${problem}`,
      'Set PUBLIC_CONTACT_ENDPOINT to the form service endpoint, e.g. https://formspree.io/f/<form-id>,',
      'where this host keeps build variables (README, "Deploy"), and deploy again.',
    ].join('\n'),
  );
  process.exit(1);
}
console.log(`Contact form endpoint: ${process.env.PUBLIC_CONTACT_ENDPOINT?.trim()}`);
