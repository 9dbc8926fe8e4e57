/**
 * The explainer's loader, the only demo script a page loads up front. The island, and the parts of
 * the page only it uses, are fetched when the demo is about to scroll into view, is touched or
 * focused, or when the address holds a shared trace: never just because the page was opened. If
 * they fail to arrive, the demo stays as the build rendered it, and the next touch or focus tries
 * again.
 */
import { TRACE_HASH_PREFIX } from '../../lib/demo/trace-link.ts';
import { fetchIslandParts, placeIslandParts } from '../island-parts.ts';

// The island's module, which shares a chunk with this one, also runs as the checker's worker,
// where there is no document.
const root =
  typeof document === 'undefined'
    ? null
    : document.querySelector<HTMLElement>('[data-model-checker]');
if (root) {
  let started = false;
  const observer = new IntersectionObserver(
    (entries) => entries.some((entry) => entry.isIntersecting) && start(),
    {
      rootMargin: '200px 0px',
    },
  );
  const start = () => {
    if (started) return;
    started = true;
    observer.disconnect();
    Promise.all([import('./island.ts'), fetchIslandParts(root)]).then(
      ([{ mount }, parts]) => {
        placeIslandParts(root, parts);
        mount(root);
        root.removeEventListener('focusin', start);
        root.removeEventListener('pointerover', start);
      },
      () => (started = false),
    );
  };
  observer.observe(root);
  root.addEventListener('focusin', start);
  root.addEventListener('pointerover', start);
  if (location.hash.startsWith(TRACE_HASH_PREFIX)) start();
}
