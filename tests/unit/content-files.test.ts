import { describe, expect, it } from 'vitest';
import { contentFolderProblems, entryId, readFrontmatter } from '../../src/lib/content-files';

const folder = 'src/content/spotlights';

describe('collection folders', () => {
  it('gives each file the URL segment Astro gives it', () => {
    expect(entryId('aztec-governance.mdx')).toBe('aztec-governance');
    expect(entryId('Quint.mdx')).toBe('quint');
    expect(entryId('Model Checking.mdx')).toBe('model-checking');
    expect(entryId('2025/index.mdx')).toBe('2025');
  });

  it('accepts .mdx files with distinct URLs, other files and files starting with "_"', () => {
    const files = ['quint.mdx', 'apalache.mdx', 'diagram.svg', '_notes.md', '_drafts/x.md'];
    expect(contentFolderProblems(folder, files)).toEqual([]);
  });

  it('names a Markdown file that is not .mdx and says what to rename it to', () => {
    expect(
      contentFolderProblems(folder, ['quint.mdx', 'notes.md', 'old/plan.markdown', 'Loud.MDX']),
    ).toEqual([
      `${folder}/Loud.MDX: only .mdx files are read here; rename it to Loud.mdx`,
      `${folder}/notes.md: only .mdx files are read here; rename it to notes.mdx`,
      `${folder}/old/plan.markdown: only .mdx files are read here; rename it to plan.mdx`,
    ]);
  });

  it('names both files when two give one URL', () => {
    const [problem, ...others] = contentFolderProblems(folder, [
      'quint.mdx',
      'Quint.mdx',
      'apalache.mdx',
    ]);
    expect(others).toEqual([]);
    expect(problem).toContain(`${folder}/Quint.mdx`);
    expect(problem).toContain(`${folder}/quint.mdx`);
    expect(problem).toContain('"quint"');
  });
});

describe('frontmatter as written', () => {
  it('keeps a date as the text it was written as, so the schema sees an impossible day', () => {
    const data = readFrontmatter(
      '---\ntitle: Workshop\ndate: 2026-02-30\nyear: 2026\nagenda:\n  - One\n---\n\nBody',
    );
    expect(data).toEqual({ title: 'Workshop', date: '2026-02-30', year: 2026, agenda: ['One'] });
  });

  it('reads an empty frontmatter as no fields, and a file without one as undefined', () => {
    expect(readFrontmatter('---\n---\nBody')).toEqual({});
    expect(readFrontmatter('Body only')).toBeUndefined();
  });
});
