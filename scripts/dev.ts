/**
 * `npm run dev`: Astro's dev server and, while the form is not wired to a real service, the local
 * form inbox it posts to. Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';
import { site } from '../src/config.ts';
import { inboxOptionsFromEnv, startInbox } from './form-inbox.ts';

if (site.contact.isLocalInbox) await startInbox(inboxOptionsFromEnv(process.env));
const astro = spawn('astro', ['dev', ...process.argv.slice(2)], { stdio: 'inherit' });
astro.on('exit', (code) => process.exit(code ?? 0));
