/** HTML gate: every built page must be valid HTML by the standard, as html-validate reads it. */
import { HtmlValidate } from 'html-validate';
import type { BuiltPage } from './build-output.ts';

export interface HtmlProblem {
  route: string;
  line: number;
  rule: string;
  message: string;
}

const validator = new HtmlValidate({ extends: ['html-validate:standard'] });

export async function validatePages(
  pages: Pick<BuiltPage, 'route' | 'html'>[],
): Promise<HtmlProblem[]> {
  const problems: HtmlProblem[] = [];
  for (const page of pages) {
    const report = await validator.validateString(page.html, page.route);
    for (const result of report.results) {
      for (const message of result.messages) {
        problems.push({
          route: page.route,
          line: message.line,
          rule: message.ruleId,
          message: message.message,
        });
      }
    }
  }
  return problems;
}
