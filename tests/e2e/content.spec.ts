import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFixture } from './support/fixture-build';
import { newSpotlight } from './support/fixtures';
import { scaffoldEntry } from '../../scripts/content-scaffold';

const contentDir = 'src/content';
const entryIds = (collection: string) =>
  readdirSync(join(contentDir, collection))
    .filter((name) => name.endsWith('.mdx') && !name.startsWith('_'))
    .filter((name) => !/^draft:\s*true\s*$/m.test(readFileSync(join(contentDir, collection, name), 'utf8')))
    .map((name) => name.replace(/\.mdx$/, ''));

test.describe('the facts of the brief are on the pages', () => {
  test('home: tagline, positioning, badges, method, audience, proof and the first call', async ({ page }) => {
    await page.goto('/');
    const main = page.locator('main');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find bugs before production.');
    await expect(main).toContainText('Avoid costly outages and midnight debugging.');
    await expect(main).toContainText('cloud-native, platform, infrastructure and protocol teams');
    for (const badge of ['Hands-on workshops', 'Executable specs and test oracles', 'Pilots against real systems']) {
      await expect(main.getByRole('listitem').filter({ hasText: badge })).toHaveCount(1);
    }
    for (const step of ['Model behaviour', 'Generate traces', 'Check the system']) {
      await expect(main.getByRole('heading', { name: step })).toBeVisible();
    }
    for (const heading of ['Rare schedules cause real outages', 'AI-generated code still needs an oracle']) {
      await expect(main.getByRole('heading', { name: heading })).toBeVisible();
    }
    await expect(main.locator('#audience li')).toHaveCount(4);
    await expect(main).toContainText('125');
    await expect(main).toContainText('invariants');
    await expect(main).toContainText('Client work · 2025');
    await expect(main).toContainText('Client work · 2024');
    await expect(main).toContainText('DevConf.CZ 2026');
    await expect(main).toContainText('Protocol Berg v2');
    await expect(main).toContainText('A 30-minute first call');
    await expect(main).toContainText('within one business day');
    await expect(main.locator('#about')).toContainText('PhD in formal methods from TU Wien');
    await expect(main.locator('#about')).toContainText('research engineer in academia and in industry');
    await expect(main.getByRole('link', { name: 'Watch a spec find a DNS race' })).toHaveAttribute('href', '/executable-specs/');
  });

  test('training: the offer and both workshops with their facts and agenda', async ({ page }) => {
    await page.goto('/training/');
    const main = page.locator('main');
    await expect(main).toContainText('distributed systems, stateful platforms and cloud-native infrastructure');
    await expect(main).toContainText('Custom workshops');
    const devconf = main.getByRole('article').filter({ hasText: 'DevConf.CZ 2026' });
    await expect(devconf).toContainText('Find Distributed-Systems Bugs Before Production');
    await expect(devconf).toContainText('Systematic differential and adversarial testing for distributed systems');
    await expect(devconf).toContainText('Brno, CZ');
    await expect(devconf).toContainText('19 June 2026, 10:15');
    await expect(devconf).toContainText('80 minutes');
    await expect(devconf).toContainText('Igor Konnov');
    await expect(devconf.getByRole('listitem')).toHaveCount(5);
    const berg = main.getByRole('article').filter({ hasText: 'Protocol Berg v2' });
    await expect(berg).toContainText('25-Minute Solidity Fuzzer');
    await expect(berg).toContainText('Berlin, DE');
    await expect(main.getByRole('link', { name: 'Discuss a workshop for your team' })).toHaveAttribute('href', '/contact/');
  });

  test('explainer: what is inside a spec, the DNS example and its invariant', async ({ page }) => {
    await page.goto('/executable-specs/');
    const main = page.locator('main');
    for (const part of ['State', 'Actions', 'Failures and observations', 'Invariants']) {
      await expect(main.locator('dt', { hasText: new RegExp(`^${part}$`) })).toBeVisible();
    }
    await expect(main).toContainText('The root record always points to a plan that exists.');
    await expect(main).toContainText('October 2025 AWS us-east-1 DynamoDB DNS outage');
    await expect(main.getByRole('table')).toContainText('Jepsen');
  });

  test('spotlights: client work and open source with their facts', async ({ page }) => {
    await page.goto('/spotlights/');
    const main = page.locator('main');
    await expect(main.getByRole('heading', { name: 'Client work' })).toBeVisible();
    await expect(main.getByRole('heading', { name: 'Open source' })).toBeVisible();
    await expect(main).toContainText('Aztec Labs: Governance Protocol');
    await expect(main).toContainText('Ethereum Foundation: 3-Slot Finality');
    await expect(main).toContainText('Core team member');
    await expect(main).toContainText('Co-developer from its early stages');
    await page.goto('/spotlights/quint/');
    await expect(page.locator('main')).toContainText('Informal Systems');
  });

  test('contact: the get-in-touch facts', async ({ page }) => {
    await page.goto('/contact/');
    const main = page.locator('main');
    await expect(main).toContainText('A 30-minute first call');
    await expect(main).toContainText('no preparation');
    await expect(main).toContainText('Limited availability');
    await expect(main).toContainText('Kubernetes controllers');
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
    await expect(table.getByRole('row')).toHaveCount(5);
    await page.keyboard.press('Space');
    await expect(table).toBeHidden();
  });

  test('opens and closes with the mouse', async ({ page }) => {
    await page.goto('/');
    const table = page.locator('#comparison').getByRole('table');
    await page.locator('#comparison summary').click();
    await expect(table).toBeVisible();
    await expect(table).toContainText('The missing correctness oracle');
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

  test('one new spotlight file appears on the index, on its own page and in the sitemap', async ({ page }) => {
    const build = buildFixture({ [newSpotlight.file]: newSpotlight.source });
    expect(build.ok, build.output).toBe(true);
    const index = readFileSync(join(build.outDir, 'spotlights/index.html'), 'utf8');
    expect(index).toContain('href="/spotlights/fixture-raft/"');
    const detail = readFileSync(join(build.outDir, 'spotlights/fixture-raft/index.html'), 'utf8');
    expect(detail).toContain('Fixture Systems: Raft log replication');
    const sitemap = readFileSync(join(build.outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://blltprf.xyz/spotlights/fixture-raft/</loc>');
    await page.setContent(index);
    await expect(page.getByRole('article').filter({ hasText: 'Fixture Systems' })).toContainText('Client work · 2024');
  });

  test('a scaffolded draft stays out of the build, and builds once its draft line is removed', () => {
    const workshop = scaffoldEntry('workshop', 'Draft workshop');
    const spotlight = scaffoldEntry('spotlight', 'Published scaffold');
    const build = buildFixture({
      [workshop.path]: workshop.source,
      [spotlight.path]: spotlight.source.replace(/^draft: true\n/m, ''),
    });
    expect(build.ok, build.output).toBe(true);
    expect(readFileSync(join(build.outDir, 'training/index.html'), 'utf8')).not.toContain('Draft workshop');
    expect(readFileSync(join(build.outDir, 'sitemap-0.xml'), 'utf8')).not.toContain('draft-workshop');
    expect(readFileSync(join(build.outDir, 'spotlights/index.html'), 'utf8')).toContain('href="/spotlights/published-scaffold/"');
  });

  test('a mistake in a file fails the build and names the file and the field', () => {
    const path = 'src/content/spotlights/aztec-governance.mdx';
    const broken = readFileSync(path, 'utf8').replace(/^year: 2025$/m, `year: ${new Date().getFullYear() + 3}`);
    const build = buildFixture({ [path]: broken });
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
  const expectFailure = (files: Record<string, string>) => {
    const build = buildFixture(files);
    expect(build.ok, build.output).toBe(false);
    return build.output;
  };

  test('a bare year as a date, and a javascript: link, name the file and both fields', () => {
    const source = withDate('2026').replace(/\n---\n/, '\nlink: "javascript:alert(1)"\n---\n');
    const output = expectFailure({ [workshopFile]: source });
    expect(output).toContain(workshopFile);
    expect(output).toMatch(/^\s*date: .*YYYY-MM-DD/m);
    expect(output).toMatch(/^\s*link: .*https:\/\//m);
  });

  for (const date of ['2026-02-30', '06/19/2026']) {
    test(`date: ${date} names the file and the field`, () => {
      const output = expectFailure({ [workshopFile]: withDate(date) });
      expect(output).toContain(workshopFile);
      expect(output).toMatch(/^\s*date: .*YYYY-MM-DD/m);
    });
  }

  test('a call to action to javascript: names the file and the field', () => {
    const heroFile = 'src/content/home/hero.mdx';
    const hero = readFileSync(heroFile, 'utf8').replace(/^(cta: \{.*href: )[^ }]+/m, '$1"javascript:alert(1)"');
    const output = expectFailure({ [heroFile]: hero });
    expect(output).toContain(heroFile);
    expect(output).toMatch(/^\s*cta\.href: .*"\/"/m);
  });

  test('two files with one URL, and a .md file, are errors naming every file', () => {
    const [first] = entryIds('spotlights');
    if (first === undefined) throw new Error('no spotlight to copy');
    const source = readFileSync(join(contentDir, 'spotlights', `${first}.mdx`), 'utf8');
    const twin = `${first[0]?.toUpperCase()}${first.slice(1)}.mdx`;
    const output = expectFailure({
      [join(contentDir, 'spotlights', twin)]: source,
      [join(contentDir, 'spotlights', 'notes.md')]: source,
    });
    expect(output).toContain(`${contentDir}/spotlights/${first}.mdx`);
    expect(output).toContain(`${contentDir}/spotlights/${twin}`);
    expect(output).toMatch(/spotlights\/notes\.md: .*rename it to notes\.mdx/);
  });
});
