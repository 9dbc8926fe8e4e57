/**
 * Puts an island's parts in place when it mounts: markup only the island uses, which the build
 * moves out of the page into a file with the stylesheet that styles it (src/build/passes/island-parts.ts
 * says why and how). Where the build has not moved them (the dev server), the parts are taken
 * from their templates in the page.
 */
import {
  ISLAND_PART_ATTRIBUTE,
  ISLAND_PARTS_ATTRIBUTE,
  ISLAND_STYLESHEET_ATTRIBUTE,
  type IslandPartsFile,
} from '../lib/island-parts.ts';

async function fetchPartsFile(url: string): Promise<IslandPartsFile> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as IslandPartsFile;
}

function applyStylesheet(url: string): Promise<void> {
  // A try after a failed one finds the stylesheet there if only the parts file failed.
  const { href } = new URL(url, location.href);
  const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];
  const existing = links.find((link) => link.href === href);
  if (existing?.sheet) return Promise.resolve();
  const link = existing ?? document.createElement('link');
  const loaded = new Promise<void>((resolve, reject) => {
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => {
      link.remove();
      reject(new Error(`${url} did not load`));
    });
  });
  if (!existing) {
    link.rel = 'stylesheet';
    link.href = url;
    document.head.append(link);
  }
  return loaded;
}

/**
 * The parts the build moved out of the page, by name, once their stylesheet applies; none where
 * the page still holds them. Rejects if either file fails to arrive.
 */
export async function fetchIslandParts(root: HTMLElement): Promise<Record<string, string>> {
  const partsUrl = root.getAttribute(ISLAND_PARTS_ATTRIBUTE);
  if (!partsUrl) return {};
  const stylesheetUrl = root.getAttribute(ISLAND_STYLESHEET_ATTRIBUTE);
  const [file] = await Promise.all([
    fetchPartsFile(partsUrl),
    stylesheetUrl ? applyStylesheet(stylesheetUrl) : undefined,
  ]);
  return file.parts;
}

/**
 * Replaces each part's template with its markup: from `parts` where the build moved it, else the
 * template's own. Places nothing unless every part has markup, so an island never half appears.
 */
export function placeIslandParts(root: HTMLElement, parts: Readonly<Record<string, string>>): void {
  const templates = [
    ...root.querySelectorAll<HTMLTemplateElement>(`template[${ISLAND_PART_ATTRIBUTE}]`),
  ];
  for (const template of templates) {
    const name = template.getAttribute(ISLAND_PART_ATTRIBUTE) ?? '';
    const markup = parts[name];
    if (markup !== undefined) template.innerHTML = markup;
    else if (!template.content.hasChildNodes()) throw new Error(`Island part "${name}" is missing`);
  }
  for (const template of templates) template.replaceWith(template.content);
}
