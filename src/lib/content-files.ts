/**
 * What a collection folder may hold, checked before Astro reads it: every file the consultant writes
 * either builds or fails the build by name. Astro's own loader skips a `.md` file without a word and,
 * when two file names give one URL, keeps one of them with a warning at best.
 */
import { slug } from 'github-slugger';
import { CORE_SCHEMA, load } from 'js-yaml';

/**
 * The entry id, and so the URL segment, of a file in a collection folder: each path segment slugged
 * the way Astro does by default, so URLs stay what they were.
 */
export const entryId = (file: string): string =>
  file
    .replace(/\.mdx$/, '')
    .split('/')
    .map((segment) => slug(segment))
    .join('/')
    .replace(/\/index$/, '');

/** Files whose name starts with "_" are not entries, by Astro's convention (notes, partials). */
const isEntryCandidate = (file: string) =>
  !file.split('/').some((segment) => segment.startsWith('_'));

/**
 * The problems of one collection folder, each naming its file(s) and the fix: a Markdown file that is
 * not `.mdx` (the loader would skip it), and two files that give one entry id (one would be dropped).
 * `files` are paths relative to `folder`, with "/" between segments.
 */
export function contentFolderProblems(folder: string, files: readonly string[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, string[]>();
  for (const file of files.filter(isEntryCandidate).sort()) {
    const extension = /\.(md|markdown|mdx)$/i.exec(file)?.[0];
    if (extension === undefined) continue;
    if (extension !== '.mdx') {
      const renamed = file.slice(0, -extension.length) + '.mdx';
      problems.push(
        `${folder}/${file}: only .mdx files are read here; rename it to ${renamed.split('/').at(-1)}`,
      );
      continue;
    }
    const id = entryId(file);
    byId.set(id, [...(byId.get(id) ?? []), file]);
  }
  for (const [id, clashing] of byId) {
    if (clashing.length < 2) continue;
    const names = clashing.map((file) => `${folder}/${file}`).join(' and ');
    problems.push(
      `${names} both give the entry "${id}" (one URL), so one would be dropped; rename one of them`,
    );
  }
  return problems;
}

const FRONTMATTER = /^\uFEFF?\s*---\r?\n([\s\S]*?\r?\n)?---/;

/**
 * The frontmatter of an MDX file as YAML's core schema reads it: a date stays the text it was written
 * as. Astro's default reader turns `2026-02-30` into 2 March before any schema can see it; read as text,
 * the schema rejects it. Undefined when the file has no YAML frontmatter.
 */
export function readFrontmatter(source: string): Record<string, unknown> | undefined {
  const match = FRONTMATTER.exec(source);
  if (!match) return undefined;
  const data = load(match[1] ?? '', { schema: CORE_SCHEMA });
  return data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}
