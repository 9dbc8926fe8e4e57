/**
 * The explainer's loader, the only demo script a page loads up front. The island is fetched when
 * the demo is about to scroll into view, is touched or focused, or when the address holds a
 * shared trace: never just because the page was opened.
 */
import { TRACE_HASH_PREFIX } from '../../lib/demo/trace-link.ts';

const root = document.querySelector<HTMLElement>('[data-model-checker]');
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
    void import('./island.ts').then(({ mount }) => mount(root));
  };
  observer.observe(root);
  root.addEventListener('focusin', start, { once: true });
  root.addEventListener('pointerover', start, { once: true });
  if (location.hash.startsWith(TRACE_HASH_PREFIX)) start();
}
