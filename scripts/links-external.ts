/**
 * `npm run links:external`: lists every external link in the build with the pages that carry it.
 * Not part of `npm test`: whether someone else's site answers today is no reason to fail a build.
 * With `--check` it asks each URL (HEAD, then GET) and reports the ones that do not answer 2xx/3xx.
 */
import { outDir, readPages } from './quality/build-output.ts';
import { externalLinks } from './quality/links.ts';

const links = externalLinks(readPages(outDir));
const check = process.argv.includes('--check');

let failures = 0;
for (const [url, routes] of [...links].sort(([a], [b]) => a.localeCompare(b))) {
  let status = '';
  if (check) {
    const answer = await fetch(url, {
      method: 'HEAD',
      redirect: 'follow',
      signal: AbortSignal.timeout(10_000),
    })
      .then((response) =>
        response.ok
          ? response
          : fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(10_000) }),
      )
      .then(
        (response) => String(response.status),
        (error: Error) => error.message,
      );
    if (!/^[23]\d\d$/.test(answer)) failures += 1;
    status = ` [${answer}]`;
  }
  console.log(`${url}${status}  (${routes.join(', ')})`);
}
console.log(`${links.size} external links${check ? `, ${failures} not answering` : ''}`);
