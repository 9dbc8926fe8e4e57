import { site } from '../config';

/** Title pattern: "Page · Site"; the home page passes the site title and gets it alone. */
export function pageTitle(title: string): string {
  return title === site.title ? title : `${title} · ${site.name}`;
}
