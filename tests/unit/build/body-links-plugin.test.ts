import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bodyLinksPlugin } from '../../../src/build/body-links-plugin.ts';

describe('the body-links Markdown plugin', () => {
  it('names a document by its path from the project root, or as an MDX file without one', () => {
    const fileURL = pathToFileURL(join(process.cwd(), 'src/content/pages/thanks.mdx'));
    const named = bodyLinksPlugin({ fileURL });
    named.link({ url: 'javascript:x', position: { start: { line: 3, column: 2 } } });
    expect(() => named.after()).toThrow(
      /^Links that must not ship:\nsrc\/content\/pages\/thanks\.mdx:3:2: /,
    );
    const unnamed = bodyLinksPlugin({ fileURL: undefined });
    unnamed.link({ url: 'javascript:x' });
    expect(() => unnamed.after()).toThrow(/\nan MDX file: "javascript:x"/);
  });
});
