import typography from '@tailwindcss/typography';
import type { Config } from 'tailwindcss';

/**
 * Design tokens. Colours are CSS variables defined in src/styles/global.css with light-dark(),
 * so one class (e.g. `text-muted`) is right in both schemes and no `dark:` twin is needed.
 */
const colour = (name: string) => `var(--c-${name})`;

/** Arial scaled to Inter's metrics (global.css), then the system's sans: what paints before Inter is cached. */
const fallbackSans = ['"Inter Fallback"', 'ui-sans-serif', 'system-ui', 'sans-serif'];

export default {
  content: ['./src/**/*.{astro,mdx,md,ts}'],
  theme: {
    extend: {
      colors: {
        bg: colour('bg'),
        surface: colour('surface'),
        fg: colour('fg'),
        muted: colour('muted'),
        line: colour('line'),
        accent: colour('accent'),
        'accent-fg': colour('accent-fg'),
        'accent-soft': colour('accent-soft'),
        danger: colour('danger'),
      },
      fontFamily: {
        sans: ['"Inter Variable"', ...fallbackSans],
        'sans-fallback': fallbackSans,
        mono: [
          'ui-monospace',
          'SFMono-Regular',
          'Menlo',
          'Consolas',
          '"Liberation Mono"',
          '"DejaVu Sans Mono"',
          'monospace',
        ],
      },
      maxWidth: {
        prose: '68ch',
        page: '72rem',
      },
      typography: {
        site: {
          css: {
            '--tw-prose-body': colour('fg'),
            '--tw-prose-headings': colour('fg'),
            '--tw-prose-lead': colour('muted'),
            '--tw-prose-links': colour('accent'),
            '--tw-prose-bold': colour('fg'),
            '--tw-prose-counters': colour('muted'),
            '--tw-prose-bullets': colour('muted'),
            '--tw-prose-hr': colour('line'),
            '--tw-prose-quotes': colour('fg'),
            '--tw-prose-quote-borders': colour('accent'),
            '--tw-prose-captions': colour('muted'),
            '--tw-prose-code': colour('fg'),
            '--tw-prose-pre-code': colour('fg'),
            '--tw-prose-pre-bg': colour('surface'),
            '--tw-prose-th-borders': colour('line'),
            '--tw-prose-td-borders': colour('line'),
          },
        },
      },
    },
  },
  plugins: [typography],
} satisfies Config;
