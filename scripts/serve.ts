/**
 * `npm start` and the end-to-end tests: serves the built site and, while the form is not wired to a
 * real service, the local form inbox it posts to.
 */
import { site } from '../src/config.ts';
import { inboxOptionsFromEnv, localSiteOrigins, startInbox } from './form-inbox.ts';
import { outDir } from './quality/build-output.ts';
import { startStaticServer } from './static-server.ts';

const port = Number(process.env.PORT ?? 4321);

if (site.contact.isLocalInbox) {
  await startInbox({ ...inboxOptionsFromEnv(process.env), siteOrigins: localSiteOrigins(port) });
}
await startStaticServer({ root: outDir, port });
console.log(`Site: http://localhost:${port}/ (serving ${outDir}/)`);
