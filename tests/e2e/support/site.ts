import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const outDir = process.env.ASTRO_OUT_DIR ?? 'dist';

/** Every page route in the build, from its files: a new page is covered by the tests without an edit. */
export function builtRoutes(): string[] {
  const routes: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('_')) walk(path);
      else if (entry.name === 'index.html') {
        const folder = relative(outDir, dir).split(sep).join('/');
        routes.push(folder ? `/${folder}/` : '/');
      }
    }
  };
  walk(outDir);
  return routes.sort();
}
