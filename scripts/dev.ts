/**
 * `npm run dev`: Astro's dev server and, while the form is not wired to a real service, the local
 * form inbox it posts to. Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';
import { site } from '../src/config.ts';
import { inboxOptionsFromEnv, localSiteOrigins, startInbox } from './form-inbox.ts';

// Astro's default; a port passed on the command line is not known here, and then only reading the inbox from the page is refused.
const ASTRO_DEV_PORT = 4321;
if (site.contact.isLocalInbox) {
  await startInbox({
    ...inboxOptionsFromEnv(process.env),
    siteOrigins: localSiteOrigins(ASTRO_DEV_PORT),
  });
}
const astro = spawn('astro', ['dev', ...process.argv.slice(2)], { stdio: 'inherit' });
astro.on('exit', (code) => process.exit(code ?? 0));
