/**
 * Sources too large for the page arrive when a reader opens their box: the island fetches the
 * build-time highlighted HTML and puts it in place of the plain-text link, which stays if the
 * fetch fails.
 */
export function loadSourcesOnOpen(root: HTMLElement): void {
  for (const details of root.querySelectorAll<HTMLDetailsElement>('details[data-source]')) {
    const load = async () => {
      if (!details.open) return;
      details.removeEventListener('toggle', load);
      try {
        const response = await fetch(details.dataset.source ?? '');
        if (!response.ok) throw new Error(String(response.status));
        const { html } = (await response.json()) as { html: string };
        details.querySelector('[data-source-fallback]')?.remove();
        details.insertAdjacentHTML('beforeend', html);
      } catch {
        details.addEventListener('toggle', load);
      }
    };
    details.addEventListener('toggle', load);
    void load();
  }
}
