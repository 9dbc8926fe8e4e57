/**
 * `npm run gates`: the quality gates that read the build output: valid HTML, internal links, budgets,
 * and the characters the web font subset must cover. Prints the per-page figures; exits non-zero on any problem. Runs in `npm test` after the build.
 */
import { outDir, readPages } from './quality/build-output.ts';
import {
  formatBudgetTable,
  formatImageSummary,
  measureBudgets,
  measureImages,
} from './quality/budgets.ts';
import { measureSent } from './quality/first-round-trip.ts';
import { checkGlyphs } from './quality/glyphs.ts';
import { validatePages } from './quality/html.ts';
import { checkInternalLinks } from './quality/links.ts';

const pages = readPages(outDir);
if (pages.length === 0) {
  console.error(`No pages in ${outDir}/: run npm run build first.`);
  process.exit(1);
}

const html = await validatePages(pages);
const links = checkInternalLinks(outDir, pages);
const budget = measureBudgets(outDir, pages, await measureSent(outDir, pages));
const images = measureImages(outDir, pages);
const glyphs = checkGlyphs(pages);

console.log(formatBudgetTable(budget));
console.log(formatImageSummary(images));
const problems = [
  ...html.map((p) => `HTML   ${p.route}:${p.line} ${p.message} (${p.rule})`),
  ...links.map((p) => `link   ${p.route}: ${p.url}: ${p.reason}`),
  ...[...budget.problems, ...images.problems].map((p) => `budget ${p}`),
  ...glyphs.map(
    (p) =>
      `glyph  ${p.route}: ${p.missing.map((c) => `"${c}" U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')} not in the font subset (add to src/build/font-subset.ts, npm run fonts)`,
  ),
];
const budgetProblems = budget.problems.length + images.problems.length;
console.log(
  `\n${pages.length} pages: ${html.length} HTML errors, ${links.length} broken links, ${budgetProblems} budget problems, ` +
    `${glyphs.length} pages with characters outside the font subset`,
);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
