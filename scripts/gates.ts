/**
 * `npm run gates`: the quality gates that read the build output: valid HTML, internal links, and
 * budgets. Prints the per-page figures; exits non-zero on any problem. Runs in `npm test` after the build.
 */
import { outDir, readPages } from './quality/build-output.ts';
import { formatBudgetTable, measureBudgets } from './quality/budgets.ts';
import { validatePages } from './quality/html.ts';
import { checkInternalLinks } from './quality/links.ts';

const pages = readPages(outDir);
if (pages.length === 0) {
  console.error(`No pages in ${outDir}/: run npm run build first.`);
  process.exit(1);
}

const html = await validatePages(pages);
const links = checkInternalLinks(outDir, pages);
const budget = measureBudgets(outDir, pages);

console.log(formatBudgetTable(budget));
const problems = [
  ...html.map((p) => `HTML   ${p.route}:${p.line} ${p.message} (${p.rule})`),
  ...links.map((p) => `link   ${p.route}: ${p.url}: ${p.reason}`),
  ...budget.problems.map((p) => `budget ${p}`),
];
console.log(`\n${pages.length} pages: ${html.length} HTML errors, ${links.length} broken links, ${budget.problems.length} budget problems`);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
