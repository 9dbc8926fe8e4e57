/**
 * Sources too large for the page arrive when a reader opens their box: the island fetches the
 * build-time highlighted HTML of each source in the box and puts it in place of its plain-text
 * link, which stays if the fetch fails.
 */
export function loadSourcesOnOpen(root: HTMLElement): void {
  for (const pane of root.querySelectorAll<HTMLElement>('[data-source]')) {
    const details = pane.closest('details');
    if (details === null) continue;
    const load = async () => {
      if (!details.open) return;
      details.removeEventListener('toggle', load);
      try {
        const response = await fetch(pane.dataset.source ?? '');
        if (!response.ok) throw new Error(String(response.status));
        const { html } = (await response.json()) as { html: string };
        pane.querySelector('[data-source-fallback]')?.remove();
        pane.insertAdjacentHTML('beforeend', html);
      } catch {
        details.addEventListener('toggle', load);
      }
    };
    details.addEventListener('toggle', load);
    void load();
  }
}
