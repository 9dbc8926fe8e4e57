/**
 * The proof a prospect can check: every spotlight's figures, findings and sources, the writing and the
 * workshop material, read from the content files and looked for in the build. The brief's public record
 * (support/public-record.ts) is held against the files, so deleting one of its figures fails here,
 * naming it, while any sentence around the figures can change.
 */
import { expect, test } from '@playwright/test';
import type { HTMLElement } from 'node-html-parser';
import { severityLabels, spotlightLabels } from '../../src/content/interface/content';
import { CARD_METRICS, severities, type Writing } from '../../src/lib/content-schemas';
import { byPartialDateDescending } from '../../src/lib/entries';
import { formatPartialDate } from '../../src/lib/format';
import { entryFile, readEntries, readEntry } from './support/content-entries';
import { devconfMaterial, profiles, publicRecord } from './support/public-record';
import { builtPages, jsonLd } from './support/seo-output';
import { outDir } from './support/site';

const pages = builtPages(outDir);
const documentAt = (route: string): HTMLElement => {
  const page = pages.find((candidate) => candidate.route === route);
  if (!page) throw new Error(`the build has no page at ${route}`);
  return page.document;
};
const text = (element: HTMLElement | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The value/label pairs of every description list inside `root`, as a reader hears them. */
const describedPairs = (root: HTMLElement) =>
  root.querySelectorAll('dl > div').map((group) => ({
    label: text(group.querySelector('dt')),
    value: text(group.querySelector('dd')),
  }));

const spotlights = readEntries('spotlights');
const writing = readEntries('writing');
const writingById = new Map(writing.map((entry) => [entry.id, entry.data]));
const referenced = (file: string, ids: readonly { id: string }[]): Writing[] =>
  ids.map(({ id }) => {
    const entry = writingById.get(id);
    if (!entry)
      throw new Error(`${file} names the writing entry "${id}", which is missing or a draft`);
    return entry;
  });

test.describe('the public record is in the spotlight files', () => {
  for (const [id, record] of Object.entries(publicRecord)) {
    test(`${id}: every figure, finding, collaborator, tool and source of the brief`, () => {
      const file = entryFile('spotlights', id);
      const data = readEntry('spotlights', id);
      for (const figure of record.figures) {
        const found = data.metrics.some(({ value }) =>
          new RegExp(`(^|[^\\d.])${figure}([^\\d.]|$)`).test(value),
        );
        expect(found, `${file} lost the figure ${figure} of the public record`).toBe(true);
      }
      if (record.findings === 'verified') {
        expect(data.findings && 'verified' in data.findings, `${file}: the verified result`).toBe(
          true,
        );
      } else {
        const counts =
          data.findings && 'bySeverity' in data.findings ? data.findings.bySeverity : {};
        expect(counts, `${file}: findings by severity`).toEqual(record.findings);
      }
      expect(data.engagement, `${file}: engagement`).toMatchObject(record.engagement);
      expect(data.team, `${file}: team`).toEqual(expect.arrayContaining([...record.team]));
      expect(data.tools, `${file}: tools`).toEqual(expect.arrayContaining([...record.tools]));
      const urls = referenced(file, data.sources).map(({ url }) => url);
      expect(urls, `${file}: sources`).toEqual(expect.arrayContaining([...record.sources]));
    });
  }
});

test.describe('every spotlight page shows what its file says', () => {
  for (const { id, data } of spotlights) {
    const route = `/spotlights/${id}/`;
    test(`${route}: figures with their labels, findings, engagement, team, tools and sources`, () => {
      const main = documentAt(route).querySelector('main');
      if (!main) throw new Error(`${route} has no <main>`);
      const outcome = main.querySelector('section[aria-labelledby="outcome-heading"]');
      const shown = outcome ? describedPairs(outcome) : [];
      for (const { value, label } of data.metrics) {
        expect(
          shown.some((pair) => pair.value === value && pair.label === label),
          `${route} does not show the figure ${value} (${label}) as a value with its label`,
        ).toBe(true);
      }
      expect(outcome === null, `${route}: an outcome section only with figures or findings`).toBe(
        data.metrics.length === 0 && !data.findings,
      );
      const findings = data.findings;
      if (findings && 'bySeverity' in findings) {
        for (const severity of severities) {
          const count = findings.bySeverity[severity];
          if (count === undefined) continue;
          expect(shown, `${route}: ${count} ${severity} findings`).toContainEqual({
            label: severityLabels[severity],
            value: String(count),
          });
        }
        if (findings.resolution) expect(text(outcome)).toContain(findings.resolution);
      } else if (findings) {
        expect(text(outcome)).toContain(findings.verified);
      }
      const facts = describedPairs(main);
      if (data.engagement) {
        const { start, duration } = data.engagement;
        expect(facts).toContainEqual({
          label: spotlightLabels.engagement,
          value: `${formatPartialDate(start)}, ${duration}`,
        });
      }
      for (const [field, label] of [
        ['team', spotlightLabels.team],
        ['tools', spotlightLabels.tools],
      ] as const) {
        if (data[field].length > 0)
          expect(facts, `${route}: ${field}`).toContainEqual({
            label,
            value: data[field].join(', '),
          });
        else
          expect(
            facts.map((fact) => fact.label),
            `${route}: no empty ${field}`,
          ).not.toContain(label);
      }
      const sources = referenced(entryFile('spotlights', id), data.sources);
      for (const { url, title } of sources) {
        expect(url, `${route}: a source over https`).toMatch(/^https:\/\//);
        const links = main.querySelectorAll(`a[href="${url}"]`);
        expect(links.map(text), `${route} links its source ${url}`).toContain(title);
      }
      const citations = (jsonLd(pages.find((page) => page.route === route)!).find(
        (node) => node['@type'] === 'Article',
      )?.citation ?? []) as { url: string }[];
      expect(
        citations.map(({ url }) => url),
        `${route}: the article cites its sources`,
      ).toEqual(sources.map(({ url }) => url));
      expect(main.querySelector('section[aria-labelledby="sources-heading"]') === null).toBe(
        sources.length === 0,
      );
    });
  }

  for (const route of ['/', '/spotlights/']) {
    test(`${route}: each card shows its spotlight's strongest figures`, () => {
      const main = documentAt(route).querySelector('main');
      for (const { id, data } of spotlights) {
        const card = main?.querySelector(`a[href="/spotlights/${id}/"]`)?.closest('article');
        if (!card) throw new Error(`${route} has no card for ${id}`);
        expect(describedPairs(card), `${route}: the figures on the card of ${id}`).toEqual(
          data.metrics.slice(0, CARD_METRICS),
        );
      }
    });
  }
});

test.describe('writing and talks', () => {
  const newestFirst = [...writing].sort(byPartialDateDescending);

  test('/writing/ lists every published work under its kind, newest first, each linking the work over https', () => {
    const main = documentAt('/writing/').querySelector('main');
    if (!main) throw new Error('/writing/ has no <main>');
    expect(writing.length).toBeGreaterThanOrEqual(5);
    for (const { id, data } of writing) {
      expect(data.url, `${entryFile('writing', id)}: url`).toMatch(/^https:\/\//);
      const item = main.querySelector(`li#${id}`);
      expect(item, `/writing/ lists ${id}`).not.toBeNull();
      expect(item?.closest('section')?.getAttribute('id'), `${id} is under its kind`).toBe(
        data.kind,
      );
      expect(text(item?.querySelector(`a[href="${data.url}"]`))).toBe(data.title);
      expect(text(item)).toContain(data.summary);
      for (const name of data.coAuthors)
        expect(text(item), `${id}: co-author ${name}`).toContain(name);
      if (data.date) expect(item?.querySelector('time')?.getAttribute('datetime')).toBe(data.date);
    }
    for (const section of main.querySelectorAll('section')) {
      const listed = section.querySelectorAll('li[id]').map((item) => item.id);
      const expected = newestFirst
        .filter(({ data }) => data.kind === section.id)
        .map(({ id }) => id);
      expect(listed, `the ${section.id} group, newest first`).toEqual(expected);
      expect(
        main.querySelector(`nav a[href="#${section.id}"]`),
        `a way to jump to ${section.id}`,
      ).not.toBeNull();
    }
    const types = jsonLd(pages.find((page) => page.route === '/writing/')!).map(
      (node) => node['@type'],
    );
    expect(types.filter((type) => type !== 'BreadcrumbList')).toHaveLength(writing.length);
  });

  test('the home page shows the latest three, linking their works, and the way to all of them', () => {
    const section = documentAt('/').querySelector('main section#writing');
    const links = section?.querySelectorAll('li h3 a').map((link) => link.getAttribute('href'));
    expect(links).toEqual(newestFirst.slice(0, 3).map(({ data }) => data.url));
    expect(section?.querySelector('a[href="/writing/"]')).not.toBeNull();
  });

  test('every page reaches /writing/ from the footer, and each spotlight with sources from its body', () => {
    for (const page of pages) {
      expect(page.document.querySelector('footer a[href="/writing/"]'), page.route).not.toBeNull();
    }
    const withSources = spotlights.filter(({ data }) => data.sources.length > 0);
    expect(withSources.length, 'spotlights that name their sources').toBeGreaterThan(0);
    for (const { id } of withSources) {
      expect(
        documentAt(`/spotlights/${id}/`).querySelector('main a[href="/writing/"]'),
        id,
      ).not.toBeNull();
    }
  });
});

test.describe('workshop material', () => {
  test('the DevConf.CZ 2026 page shows the flow and the tools, and links the repository and the slides', () => {
    const { workshop, urls, flowSteps, tools } = devconfMaterial;
    const file = entryFile('workshops', workshop);
    const data = readEntry('workshops', workshop);
    const main = documentAt(`/training/${workshop}/`).querySelector('main');
    if (!main) throw new Error(`/training/${workshop}/ has no <main>`);
    expect(data.flow, `${file}: the flow of the public record`).toHaveLength(flowSteps);
    const steps = main.querySelectorAll('section[aria-labelledby="flow-heading"] li h3').map(text);
    expect(steps).toEqual(data.flow.map(({ title }) => title));
    expect(data.tools, `${file}: tools`).toEqual(expect.arrayContaining([...tools]));
    const shownTools = main
      .querySelectorAll('section[aria-labelledby="tools-heading"] li')
      .map(text);
    expect(shownTools).toEqual(data.tools);
    const materials = referenced(file, data.materials);
    expect(
      materials.map(({ url }) => url),
      `${file}: materials`,
    ).toEqual(expect.arrayContaining([...urls]));
    for (const { url, title } of materials) {
      expect(main.querySelectorAll(`a[href="${url}"]`).map(text), `links ${url}`).toContain(title);
    }
  });

  test('a workshop without flow, tools or material shows no empty heading', () => {
    for (const { id, data } of readEntries('workshops')) {
      const main = documentAt(`/training/${id}/`).querySelector('main');
      for (const field of ['flow', 'tools', 'materials'] as const) {
        expect(
          main?.querySelector(`#${field}-heading`) === null,
          `/training/${id}/: ${field}`,
        ).toBe(data[field].length === 0);
      }
    }
  });
});

test('the profiles are in every footer and are the same person in the structured data', () => {
  for (const page of pages) {
    for (const url of profiles)
      expect(
        page.document.querySelector(`footer a[href="${url}"]`),
        `${page.route}: ${url}`,
      ).not.toBeNull();
  }
  const person = jsonLd(pages.find((page) => page.route === '/')!).find(
    (node) => node['@type'] === 'Person',
  );
  expect(person?.sameAs).toEqual([...profiles]);
});
