import { listFiles, outDir, routeOf } from '../../../scripts/quality/build-output.ts';

export { outDir };

/**
 * Every page in the build, from its files, so a new page is covered by the tests without an edit:
 * `/training/` for `training/index.html`, and `/404.html`, the page a host sends for unknown paths.
 */
export function builtRoutes(): string[] {
  return listFiles(outDir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => routeOf(outDir, file))
    .sort();
}
