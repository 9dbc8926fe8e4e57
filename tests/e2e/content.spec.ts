import { expect, test, type Locator } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { person } from '../../src/config';
import { spotlightKinds, spotlightLabels } from '../../src/content/interface/content';
import type { HomeSection } from '../../src/lib/content-schemas';
import { formatDate, formatDuration } from '../../src/lib/format';
import { ROOT_INVARIANT } from '../../src/lib/models/dns-control-plane';
import { readComparison, readEntries, readEntry } from './support/content-entries';
import { buildFixture } from './support/fixture-build';
import { newSpotlight } from './support/fixtures';
import { scaffoldEntry } from '../../scripts/content-scaffold';

const contentDir = 'src/content';
const entryIds = (collection: string) =>
  readdirSync(join(contentDir, collection))
    .filter((name) => name.endsWith('.mdx') && !name.startsWith('_'))
    .filter(
      (name) =>
        !/^draft:\s*true\s*$/m.test(readFileSync(join(contentDir, collection, name), 'utf8')),
    )
    .map((name) => name.replace(/\.mdx$/, ''));

const exactly = (value: string) =>
  new RegExp(`^\\s*${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** Each section of the home page shows what its file says: heading, items, badges and links. */
async function expectSection(section: Locator, data: HomeSection) {
  await expect(section.getByRole('heading', { name: data.heading, exact: true })).toBeVisible();
  for (const item of data.items)
    await expect(section.getByRole('heading', { name: item.title, exact: true })).toBeVisible();
  for (const item of data.items) await expect(section).toContainText(item.text);
  for (const badge of data.badges)
    await expect(section.getByRole('listitem').filter({ hasText: exactly(badge) })).toHaveCount(1);
  for (const cta of [data.cta, data.secondaryCta]) {
    if (cta)
      await expect(section.getByRole('link', { name: cta.label, exact: true })).toHaveAttribute(
        'href',
        cta.href,
      );
  }
}

test.describe('the facts of the content files are on the pages', () => {
  test('home: every section with its heading, items, badges and links, the proof and the person', async ({
    page,
  }) => {
    await page.goto('/');
    const main = page.locator('main');
    const sections = readEntries('home');
    const hero = sections.find(({ data }) => data.variant === 'hero');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      hero?.data.heading ?? 'a hero section',
    );
    for (const { id, data } of sections) await expectSection(main.locator(`section#${id}`), data);
    for (const { data } of readEntries('spotlights')) {
      const card = main.getByRole('article').filter({ hasText: `${data.name}: ${data.title}` });
      await expect(card).toContainText(
        spotlightLabels.eyebrow(data.kind, data.year ?? data.status),
      );
    }
    for (const { data } of readEntries('workshops')) await expect(main).toContainText(data.event);
    const about = main.locator('#about');
    for (const fact of [person.degree, person.university, person.jobTitle, person.previously])
      await expect(about).toContainText(fact);
    for (const { id, data } of readEntries('spotlights').filter(
      ({ data }) => data.kind === 'open-source',
    )) {
      await expect(about.getByRole('link', { name: data.name })).toHaveAttribute(
        'href',
        `/spotlights/${id}/`,
      );
      if (data.role) await expect(about).toContainText(data.role);
    }
  });

  test('training: the offer and every workshop with its facts and agenda', async ({ page }) => {
    await page.goto('/training/');
    const main = page.locator('main');
    const training = readEntry('pages', 'training');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(training.heading);
    if (training.cta)
      await expect(main.getByRole('link', { name: training.cta.label })).toHaveAttribute(
        'href',
        training.cta.href,
      );
    for (const { id, data } of readEntries('workshops')) {
      const card = main
        .getByRole('article')
        .filter({ has: page.locator(`a[href="/training/${id}/"]`) });
      await expect(card).toContainText(data.title);
      await expect(card).toContainText(`${data.city}, ${data.country}`);
      for (const value of [data.sessionTitle, data.coPresenter, data.event])
        if (value) await expect(card).toContainText(value);
      if (data.date)
        await expect(card).toContainText(
          [formatDate(data.date), data.startTime].filter(Boolean).join(', '),
        );
      if (data.durationMinutes)
        await expect(card).toContainText(formatDuration(data.durationMinutes));
      await expect(card.getByRole('listitem')).toHaveCount(data.agenda.length);
    }
  });

  test('explainer: what is inside a spec, the DNS example and its invariant', async ({ page }) => {
    await page.goto('/executable-specs/');
    const main = page.locator('main');
    for (const part of ['State', 'Actions', 'Failures and observations', 'Invariants']) {
      await expect(main.locator('dt', { hasText: new RegExp(`^${part}$`) })).toBeVisible();
    }
    // The invariant the checker reports is the model's own name for it, so a reworded sentence passes.
    await expect(main).toContainText(ROOT_INVARIANT);
    await expect(main).toContainText('October 2025 AWS us-east-1 DynamoDB DNS outage');
    await expect(main.getByRole('table')).toContainText(
      readComparison()[0]?.approach ?? 'a comparison row',
    );
  });

  test('spotlights: client work and open source with their facts', async ({ page }) => {
    await page.goto('/spotlights/');
    const main = page.locator('main');
    for (const heading of Object.values(spotlightKinds))
      await expect(main.getByRole('heading', { name: heading })).toBeVisible();
    for (const { data } of readEntries('spotlights')) {
      const card = main.getByRole('article').filter({ hasText: `${data.name}: ${data.title}` });
      await expect(card).toContainText(data.summary);
      if (data.role) await expect(card).toContainText(data.role);
    }
  });

  test('contact: the get-in-touch facts', async ({ page }) => {
    await page.goto('/contact/');
    const main = page.locator('main');
    const { data } = readEntries('home').find(({ id }) => id === 'get-in-touch') ?? {};
    expect(data?.items.length).toBeGreaterThan(0);
    for (const item of data?.items ?? []) {
      await expect(main).toContainText(item.title);
      await expect(main).toContainText(item.text);
    }
  });
});

test.describe('the comparison disclosure on the home page', () => {
  test('opens and closes with the keyboard', async ({ page }) => {
    await page.goto('/');
    const table = page.locator('#comparison').getByRole('table');
    const summary = page.locator('#comparison summary');
    await expect(table).toBeHidden();
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(table).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(readComparison().length + 1);
    await page.keyboard.press('Space');
    await expect(table).toBeHidden();
  });

  test('opens and closes with the mouse', async ({ page }) => {
    await page.goto('/');
    const table = page.locator('#comparison').getByRole('table');
    await page.locator('#comparison summary').click();
    await expect(table).toBeVisible();
    for (const row of readComparison()) await expect(table).toContainText(row.specAdds);
    await page.locator('#comparison summary').click();
    await expect(table).toBeHidden();
  });
});

test('every spotlight and workshop file has its page and its index entry', async ({ page }) => {
  for (const [collection, index] of [
    ['spotlights', '/spotlights/'],
    ['workshops', '/training/'],
  ] as const) {
    const ids = entryIds(collection);
    expect(ids.length).toBeGreaterThan(0);
    await page.goto(index);
    for (const id of ids) {
      const path = `/${collection === 'workshops' ? 'training' : collection}/${id}/`;
      await expect(page.locator(`main a[href="${path}"]`)).toHaveCount(1);
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(200);
    }
  }
});

test.describe('editing content', () => {
  test.describe.configure({ timeout: 180_000 });

  test('one new spotlight file appears on the index, on its own page and in the sitemap', async ({
    page,
  }) => {
    const build = await buildFixture({ [newSpotlight.file]: newSpotlight.source });
    expect(build.ok, build.output).toBe(true);
    const index = readFileSync(join(build.outDir, 'spotlights/index.html'), 'utf8');
    expect(index).toContain('href="/spotlights/fixture-raft/"');
    const detail = readFileSync(join(build.outDir, 'spotlights/fixture-raft/index.html'), 'utf8');
    expect(detail).toContain('Fixture Systems: Raft log replication');
    const sitemap = readFileSync(join(build.outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://blltprf.xyz/spotlights/fixture-raft/</loc>');
    await page.setContent(index);
    await expect(page.getByRole('article').filter({ hasText: 'Fixture Systems' })).toContainText(
      'Client work · 2024',
    );
  });

  test('a scaffolded draft stays out of the build, and builds once its draft line is removed', async () => {
    const workshop = scaffoldEntry('workshop', 'Draft workshop');
    const spotlight = scaffoldEntry('spotlight', 'Published scaffold');
    const build = await buildFixture({
      [workshop.path]: workshop.source,
      [spotlight.path]: spotlight.source.replace(/^draft: true\n/m, ''),
    });
    expect(build.ok, build.output).toBe(true);
    expect(readFileSync(join(build.outDir, 'training/index.html'), 'utf8')).not.toContain(
      'Draft workshop',
    );
    expect(readFileSync(join(build.outDir, 'sitemap-0.xml'), 'utf8')).not.toContain(
      'draft-workshop',
    );
    expect(readFileSync(join(build.outDir, 'spotlights/index.html'), 'utf8')).toContain(
      'href="/spotlights/published-scaffold/"',
    );
  });

  test('a source that names no writing file fails the build, naming the file, the field and the name', async () => {
    const path = 'src/content/spotlights/aztec-governance.mdx';
    const { sources } = readEntry('spotlights', 'aztec-governance');
    const named = sources[0]?.id ?? 'a source';
    const broken = readFileSync(path, 'utf8').replace(
      new RegExp(`^  - ${named}$`, 'm'),
      '  - no-such-write-up',
    );
    const build = await buildFixture({ [path]: broken });
    expect(build.ok).toBe(false);
    expect(build.output).toContain(`${path}: sources names "no-such-write-up"`);
  });

  test('a mistake in a file fails the build and names the file and the field', async () => {
    const path = 'src/content/spotlights/aztec-governance.mdx';
    const broken = readFileSync(path, 'utf8').replace(
      /^year: 2025$/m,
      `year: ${new Date().getFullYear() + 3}`,
    );
    const build = await buildFixture({ [path]: broken });
    expect(build.ok).toBe(false);
    expect(build.output).toContain('aztec-governance');
    expect(build.output).toMatch(/year: \d{4} at the latest/);
  });
});

test.describe('content that must not build', () => {
  test.describe.configure({ timeout: 180_000 });

  const workshopFile = 'src/content/workshops/devconf-cz-2026.mdx';
  const workshop = readFileSync(workshopFile, 'utf8');
  const withDate = (date: string) => workshop.replace(/^date: .*$/m, `date: ${date}`);
  const expectFailure = async (files: Record<string, string>) => {
    const build = await buildFixture(files);
    expect(build.ok, build.output).toBe(false);
    return build.output;
  };

  test('a bare year as a date, and a javascript: link, name the file and both fields', async () => {
    const source = withDate('2026').replace(/\n---\n/, '\nlink: "javascript:alert(1)"\n---\n');
    const output = await expectFailure({ [workshopFile]: source });
    expect(output).toContain(workshopFile);
    expect(output).toMatch(/^\s*date: .*YYYY-MM-DD/m);
    expect(output).toMatch(/^\s*link: .*https:\/\//m);
  });

  for (const date of ['2026-02-30', '06/19/2026']) {
    test(`date: ${date} names the file and the field`, async () => {
      const output = await expectFailure({ [workshopFile]: withDate(date) });
      expect(output).toContain(workshopFile);
      expect(output).toMatch(/^\s*date: .*YYYY-MM-DD/m);
    });
  }

  test('a call to action to javascript: names the file and the field', async () => {
    const heroFile = 'src/content/home/hero.mdx';
    const hero = readFileSync(heroFile, 'utf8').replace(
      /^(cta: \{.*href: )[^ }]+/m,
      '$1"javascript:alert(1)"',
    );
    const output = await expectFailure({ [heroFile]: hero });
    expect(output).toContain(heroFile);
    expect(output).toMatch(/^\s*cta\.href: .*"\/"/m);
  });

  test('a javascript:, a protocol-relative and a plain http link in a body name the file and their lines', async () => {
    const thanksFile = 'src/content/pages/thanks.mdx';
    const lines = readFileSync(thanksFile, 'utf8').trimEnd().split('\n');
    const bad = [
      'Read [the notes](javascript:alert(1)) first.',
      '<a href="//evil.example/">elsewhere</a>',
      '[plain]: http://plain.example/',
      'See [plain] and [the agenda](#agenda).',
    ];
    const output = await expectFailure({ [thanksFile]: [...lines, '', ...bad, ''].join('\n') });
    const lineOf = (text: string) => lines.length + 2 + bad.indexOf(text);
    expect(output).toContain(`${thanksFile}:${lineOf(bad[0] ?? '')}:6: "javascript:alert(1)"`);
    expect(output).toContain(`${thanksFile}:${lineOf(bad[1] ?? '')}:1: "//evil.example/"`);
    // A definition is placed where its URL starts.
    expect(output).toMatch(
      new RegExp(`pages/thanks\\.mdx:${lineOf(bad[2] ?? '')}:\\d+: "http://plain\\.example/"`),
    );
    expect(output).not.toContain(': "#agenda":');
  });

  test('a figure that is only a zero-width space names the file and the field', async () => {
    const path = 'src/content/spotlights/aztec-governance.mdx';
    const { metrics } = readEntry('spotlights', 'aztec-governance');
    const figure = metrics[0]?.value ?? 'a figure';
    const broken = readFileSync(path, 'utf8').replace(`value: "${figure}"`, 'value: "\\u200B"');
    expect(broken).not.toBe(readFileSync(path, 'utf8'));
    const output = await expectFailure({ [path]: broken });
    expect(output).toContain('aztec-governance');
    expect(output).toMatch(/metrics\.0\.value: must not be empty/);
  });

  test('a source listed twice names the file, the field and the source', async () => {
    const path = 'src/content/spotlights/aztec-governance.mdx';
    const [source] = readEntry('spotlights', 'aztec-governance').sources;
    if (!source) throw new Error('no source to repeat');
    const broken = readFileSync(path, 'utf8').replace(
      `  - ${source.id}\n`,
      `  - ${source.id}\n  - ${source.id}\n`,
    );
    const output = await expectFailure({ [path]: broken });
    expect(output).toContain('aztec-governance');
    expect(output).toContain(`sources.1: names "${source.id}" a second time`);
  });

  test('two home sections with one order name both files and the number', async () => {
    const sections = readEntries('home');
    const [first, second] = sections;
    if (!first || !second) throw new Error('two home sections needed');
    const path = join(contentDir, 'home', `${second.id}.mdx`);
    const broken = readFileSync(path, 'utf8').replace(
      /^order: \d+$/m,
      `order: ${first.data.order}`,
    );
    const output = await expectFailure({ [path]: broken });
    for (const { id } of [first, second]) expect(output).toContain(`src/content/home/${id}.mdx`);
    expect(output).toContain(`order: ${first.data.order} is given to each of them`);
  });

  test('two files with one URL, and a .md file, are errors naming every file', async () => {
    const [first] = entryIds('spotlights');
    if (first === undefined) throw new Error('no spotlight to copy');
    const source = readFileSync(join(contentDir, 'spotlights', `${first}.mdx`), 'utf8');
    const twin = `${first[0]?.toUpperCase()}${first.slice(1)}.mdx`;
    const output = await expectFailure({
      [join(contentDir, 'spotlights', twin)]: source,
      [join(contentDir, 'spotlights', 'notes.md')]: source,
    });
    expect(output).toContain(`${contentDir}/spotlights/${first}.mdx`);
    expect(output).toContain(`${contentDir}/spotlights/${twin}`);
    expect(output).toMatch(/spotlights\/notes\.md: .*rename it to notes\.mdx/);
  });
});
