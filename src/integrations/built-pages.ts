import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The pages of a build: its `.html` files, as paths relative to `root`. */
export async function builtPages(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html'));
}

/** Rewrites every page of the build in place; `rewrite` gets the page's HTML and its relative path. */
export async function rewritePages(
  root: string,
  rewrite: (html: string, page: string) => string | Promise<string>,
): Promise<void> {
  await Promise.all(
    (await builtPages(root)).map(async (page) => {
      const file = join(root, page);
      await writeFile(file, await rewrite(await readFile(file, 'utf8'), page));
    }),
  );
}
